"""Notices edits in the KB folder (file-system watcher, or polling on network shares) and asks for a re-index."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger("kbassist.app")

DEBOUNCE_MS = 150  # editors write a file in several steps (truncate, write, rename): wait for the last one
POLL_MS = 2000


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


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of every Markdown file and folder: cheap to compare between polls."""
    out: list[tuple[str, int, int]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.lower().endswith(".md"):
                full = os.path.join(dirpath, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                out.append((full, st.st_mtime_ns, st.st_size))
    out.sort()
    return tuple(out)


class KbWatcher(QObject):
    """Emits `changed` once per burst of edits under `root` (debounced)."""

    changed = Signal()

    def __init__(self, root: Path, poll: bool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.polling = _is_network_path(root) if poll is None else poll
        self._watcher: QFileSystemWatcher | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._fire)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._last_signature: tuple[tuple[str, int, int], ...] = ()

    def start(self) -> None:
        if self.polling:
            self._last_signature = _signature(self.root)
            self._poll.start()
            log.info("watching %s by polling every %d ms", self.root, POLL_MS)
            return
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watcher.fileChanged.connect(self._on_change)
        self._rewatch()
        if not self._watcher.directories():
            # The watcher could not take the folder (limits, odd file systems): poll instead.
            log.warning("cannot watch %s; polling instead", self.root)
            self.polling = True
            self._watcher = None
            self.start()

    def stop(self) -> None:
        self._debounce.stop()
        self._poll.stop()
        if self._watcher is not None:
            paths = self._watcher.directories() + self._watcher.files()
            if paths:
                self._watcher.removePaths(paths)
            self._watcher = None

    def _rewatch(self) -> None:
        """Watch every folder (adds/removes/renames) and every .md file (in-place writes) under the root."""
        assert self._watcher is not None
        wanted: set[str] = set()
        if self.root.is_dir():
            wanted.add(str(self.root))
            for dirpath, dirnames, filenames in os.walk(self.root):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for d in dirnames:
                    wanted.add(os.path.join(dirpath, d))
                for name in filenames:
                    if name.lower().endswith(".md"):
                        wanted.add(os.path.join(dirpath, name))
        current = set(self._watcher.directories()) | set(self._watcher.files())
        gone = [p for p in current - wanted]
        new = [p for p in wanted - current]
        if gone:
            self._watcher.removePaths(gone)
        if new:
            self._watcher.addPaths(new)

    def _on_change(self, _path: str) -> None:
        self._debounce.start()

    def _on_poll(self) -> None:
        signature = _signature(self.root)
        if signature != self._last_signature:
            self._last_signature = signature
            self._debounce.start()

    def _fire(self) -> None:
        if self._watcher is not None:
            self._rewatch()  # new files/folders need their own watch
        self.changed.emit()
