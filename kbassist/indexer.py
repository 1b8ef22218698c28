"""Full index builds in a child process (`kbassist index`), so the long-running app never keeps a build's memory."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger("kbassist.index")

PROGRESS_PREFIX = "progress "
PROGRESS_INTERVAL_S = 0.1
# Where the windowed Windows exe has no stdout: the console twin in the same folder reports progress.
CONSOLE_EXE = "kbassist-cli.exe"
# Below this many Markdown files a build is quick and small: starting a second Python would cost more than it saves.
MIN_FILES = 200


def self_command() -> list[str]:
    """argv that runs this kbassist's command line: the frozen executable (its console twin on Windows), or this
    Python running the package."""
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-m", "kbassist"]
    exe = Path(sys.executable)
    if sys.platform == "win32" and (exe.parent / CONSOLE_EXE).is_file():
        return [str(exe.parent / CONSOLE_EXE)]
    return [str(exe)]


def throttled(report: Callable[[int, int], None], interval: float = PROGRESS_INTERVAL_S) -> Callable[[int, int], None]:
    """report, called at most once per `interval` seconds, plus always for the last step (done >= total): a big KB
    reports once per file, which would flood a pipe or the GUI thread."""
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= interval:
            last[0] = now
            report(done, total)

    return progress


def parse_progress(line: str) -> tuple[int, int] | None:
    """(done, total) from a `progress DONE TOTAL` line of `kbassist index --progress-lines`, else None."""
    if not line.startswith(PROGRESS_PREFIX):
        return None
    parts = line[len(PROGRESS_PREFIX) :].split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


class ChildBuilder:
    """Runs `kbassist index` for one KB in a child process; one build at a time, cancellable from any thread.

    A build churns through several times the memory the finished index needs (Whoosh's posting pool, parsed
    Markdown); in the app's own process the allocator keeps most of it for good (~35 MB on a 1k-entry KB). The
    child returns all of it when it exits, and its CPU work does not hold the app's GIL while the agent types.
    """

    def __init__(self, kb_root: Path, command: Sequence[str] | None = None, min_files: int = MIN_FILES) -> None:
        self.kb_root = kb_root
        self.command = list(command) if command is not None else self_command()
        self.min_files = min_files
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None
        self._cancelled = False

    def argv(self, rebuild: bool) -> list[str]:
        return [*self.command, "index", "--kb", str(self.kb_root), "--progress-lines", *(["--rebuild"] if rebuild else [])]

    def __call__(self, rebuild: bool, progress: Callable[[int, int], None] | None = None) -> bool:
        """Build; True when the child finished and published the index, False when it failed or was cancelled
        (the caller then updates in its own process, which reports any real problem the normal way)."""
        if not self.worth_it():
            return False
        argv = self.argv(rebuild)
        with self._lock:
            if self._cancelled:
                return False
            try:
                self._proc = subprocess.Popen(
                    argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,  # one pipe: two would need two readers to never deadlock
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                    # No console window flashing up from the windowed app on Windows; 0 elsewhere.
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
            except OSError as exc:
                log.warning("cannot start the index build process (%s); building in this process", exc)
                return False
            proc = self._proc
        assert proc.stdout is not None
        tail: list[str] = []
        for raw in proc.stdout:
            line = raw.rstrip("\r\n")
            counts = parse_progress(line)
            if counts is not None:
                if progress is not None:
                    progress(*counts)
            elif line:
                tail = (tail + [line])[-20:]
                log.debug("index build: %s", line)
        code = proc.wait()
        with self._lock:
            self._proc = None
            cancelled = self._cancelled
        if code == 0:
            return True
        if not cancelled:
            log.warning("index build process exited with %s; building in this process. Its last lines:\n%s",
                        code, "\n".join(tail) or "(none)")
        return False

    def worth_it(self) -> bool:
        """Whether the KB has at least min_files Markdown files (the walk stops as soon as it has seen that many)."""
        if self.min_files <= 0:
            return True
        seen = 0
        stack = [self.kb_root]
        while stack:
            try:
                with os.scandir(stack.pop()) as listing:
                    for item in listing:
                        if item.name.startswith("."):
                            continue
                        if item.is_dir(follow_symlinks=False):
                            stack.append(Path(item.path))
                        elif item.name.lower().endswith(".md"):
                            seen += 1
                            if seen >= self.min_files:
                                return True
            except OSError:
                continue  # unreadable folders: the build reports them
        return False

    def cancel(self) -> None:
        """Stop the running build, if any, and any later one (the app is quitting or switching KB)."""
        with self._lock:
            self._cancelled = True
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
