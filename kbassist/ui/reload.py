"""Notices edits in the KB folder (file-system watcher, or polling on network shares) and asks for a re-index."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Iterator

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kbassist.ui.workers import ShareTasks

log = logging.getLogger("kbassist.app")

DEBOUNCE_MS = 150  # editors write a file in several steps (truncate, write, rename): wait for the last one
POLL_MS = 2000

Signature = tuple[tuple[str, int, int], ...]
# What a poll sees when the root cannot be listed (share offline, folder renamed): differs from every real signature,
# so going away and coming back are both changes.
UNREACHABLE: Signature = (("", -1, -1),)

# The one place the tree walks list a folder; tests slow it down to stand in for a network share.
_scandir = os.scandir


class Cancelled(Exception):
    """The watcher was stopped while a walk was running."""


def _is_network_path(path: Path) -> bool:
    """UNC paths and common network mounts, where change notification is unreliable."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            resolved = str(path.resolve())
            best = ("", "")
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best[0]):
                    best = (parts[1], parts[2])
            return best[1] in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p"}
    except OSError:
        return False


def _walk(root: str, cancel: threading.Event | None = None) -> Iterator[tuple[str, list[os.DirEntry[str]]]]:
    """(folder, its entries) for the root and every non-hidden folder below it; the root's OSError propagates."""
    stack = [root]
    first = True
    while stack:
        if cancel is not None and cancel.is_set():
            raise Cancelled
        folder = stack.pop()
        try:
            with _scandir(folder) as it:
                entries = list(it)
        except OSError:
            if first:
                raise
            continue  # a sub-folder that vanished mid-walk: the next poll sees the new state
        first = False
        yield folder, entries
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    stack.append(entry.path)
            except OSError:
                continue


def _signature(root: Path, cancel: threading.Event | None = None) -> Signature | None:
    """(path, mtime_ns, size) of every Markdown file: cheap to compare between polls; None if cancelled.

    Runs off the GUI thread.
    """
    out: list[tuple[str, int, int]] = []
    try:
        for _folder, entries in _walk(str(root), cancel):
            for entry in entries:
                if entry.name.lower().endswith(".md"):
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    out.append((entry.path, st.st_mtime_ns, st.st_size))
    except Cancelled:
        return None
    except OSError:
        return UNREACHABLE
    out.sort()
    return tuple(out)


def _root_identity(root: Path) -> tuple[int, int] | None:
    """(device, inode) of the root folder, None when it cannot be reached."""
    try:
        st = os.stat(root)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _watch_set(root: Path, cancel: threading.Event | None = None) -> set[str] | None:
    """Every folder (adds/removes/renames) and .md file (in-place writes) under the root; empty if unreachable."""
    wanted: set[str] = set()
    try:
        for folder, entries in _walk(str(root), cancel):
            wanted.add(folder)
            for entry in entries:
                if entry.name.lower().endswith(".md"):
                    wanted.add(entry.path)
    except Cancelled:
        return None
    except OSError:
        return set()
    return wanted


class KbWatcher(QObject):
    """Emits `changed` once per burst of edits under `root` (debounced).

    Every walk of the KB tree (the polling signature, the list of paths to watch, the network-mount check) runs on the
    watcher's own task thread: on a slow share with thousands of files a walk takes seconds, and the GUI thread only
    compares and applies the result.
    """

    changed = Signal()
    # Once per start(), when the watches (or the polling baseline) are in place. Whatever was saved between the last
    # scan of the KB and this moment was seen by neither: the owner catches up with one more (cheap) update.
    armed = Signal()

    def __init__(self, root: Path, poll: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self._poll_choice = poll
        self.polling = bool(poll)  # decided for good by start() when poll is None
        self._watcher: QFileSystemWatcher | None = None
        self._tasks = ShareTasks("kbassist-kb-watch")
        self._cancel = threading.Event()
        self._queued = 0  # walks queued or running: polls skip instead of piling up behind a slow one
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._fire)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._last_signature: Signature | None = None
        self._last_identity: tuple[int, int] | None | bool = False  # False: not looked yet
        self._stopped = False

    @property
    def busy(self) -> bool:
        """True while a walk of the tree is queued or running."""
        return self._queued > 0

    def start(self) -> None:
        self._tasks.start()
        choice, root = self._poll_choice, self.root
        self._submit(lambda: _is_network_path(root) if choice is None else choice, self._on_mode)

    def stop(self) -> None:
        self._stopped = True
        self._cancel.set()  # a walk in progress ends at its next folder instead of finishing a slow share
        self._debounce.stop()
        self._poll.stop()
        self._tasks.stop()
        if self._watcher is not None:
            paths = self._watcher.directories() + self._watcher.files()
            if paths:
                self._watcher.removePaths(paths)
            self._watcher = None

    def _submit(self, job: Any, done: Any) -> None:
        self._queued += 1

        def guarded(result: Any) -> None:
            self._queued -= 1
            if not self._stopped:
                done(result)

        self._tasks.submit(job, guarded)

    def _on_mode(self, polling: bool | None) -> None:
        self.polling = bool(polling)
        if self.polling:
            self._start_polling()
            return
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watcher.fileChanged.connect(self._on_change)
        if not self._watcher.addPath(str(self.root)):
            # The watcher could not take the folder (limits, odd file systems, missing): poll instead.
            log.warning("cannot watch %s; polling instead", self.root)
            self._watcher = None
            self.polling = True
            self._start_polling()
            return
        self._rewatch(emit=False, armed=True)
        # A file-system watcher says nothing when the KB folder itself goes (share unmounted, folder renamed) or comes
        # back: a cheap look at the folder alone, on the same timer as polling, covers that.
        root = self.root
        self._submit(lambda: _root_identity(root), self._on_identity)
        self._poll.start()

    def _start_polling(self) -> None:
        root, cancel = self.root, self._cancel
        self._submit(lambda: _signature(root, cancel), self._on_baseline)
        self._poll.start()
        log.info("watching %s by polling every %d ms", self.root, self._poll.interval())

    def _on_baseline(self, signature: Signature | None) -> None:
        if signature is not None and self._last_signature is None:
            self._last_signature = signature
        self.armed.emit()

    def _rewatch(self, emit: bool, armed: bool = False) -> None:
        """Walk on the task thread; then watch what is new, unwatch what is gone and (if asked) emit `changed`."""
        root, cancel = self.root, self._cancel

        def done(wanted: set[str] | None) -> None:
            if self._watcher is not None and wanted is not None:
                current = set(self._watcher.directories()) | set(self._watcher.files())
                gone = list(current - wanted)
                new = list(wanted - current)
                if gone:
                    self._watcher.removePaths(gone)
                if new:
                    self._watcher.addPaths(new)
            # After the new paths are watched: an edit made right after `changed` is then noticed too.
            if emit:
                self.changed.emit()
            if armed:
                self.armed.emit()

        self._submit(lambda: _watch_set(root, cancel), done)

    def _on_change(self, _path: str) -> None:
        self._debounce.start()

    def _on_poll(self) -> None:
        if self._queued:
            return  # the last walk is still going (slow share): never queue a second one behind it
        root, cancel = self.root, self._cancel
        if self.polling:
            self._submit(lambda: _signature(root, cancel), self._on_polled)
        else:
            self._submit(lambda: _root_identity(root), self._on_identity)

    def _on_identity(self, identity: tuple[int, int] | None) -> None:
        if self._last_identity is False:
            self._last_identity = identity
            return
        if identity != self._last_identity:
            self._last_identity = identity
            self._debounce.start()

    def _on_polled(self, signature: Signature | None) -> None:
        if signature is None:  # cancelled or failed: the next poll tries again
            return
        if self._last_signature is None:
            self._last_signature = signature
            return
        if signature != self._last_signature:
            self._last_signature = signature
            self._debounce.start()

    def _fire(self) -> None:
        if self._watcher is not None:
            self._rewatch(emit=True)  # new files/folders need their own watch
        else:
            self.changed.emit()
