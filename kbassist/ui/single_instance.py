"""One running instance per user and KBASSIST_HOME: a local socket server a second start (or `kbassist show`) reaches."""

from __future__ import annotations

import getpass
import hashlib
import logging
import os

import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("kbassist.app")

SHOW = b"show\n"
OK = b"ok\n"


def server_name(home: str | None = None, user: str | None = None) -> str:
    """A name unique to the user and the data folder, so portable copies and tests do not meet each other."""
    if user is None:
        try:
            user = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name (odd containers): still one name per home
            user = "user"
    if home is None:
        home = os.environ.get("KBASSIST_HOME", "")
    digest = hashlib.sha1(f"{user}\0{home}".encode("utf-8")).hexdigest()[:16]
    return f"kbassist-{digest}"


def send(name: str, message: bytes = SHOW, timeout_ms: int = 1500) -> bool:
    """Deliver `message` to the running instance; True if it answered."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(message)
    sock.waitForBytesWritten(timeout_ms)  # False when flushed already: not an error
    answered = sock.waitForReadyRead(timeout_ms) and bytes(sock.readAll().data()).startswith(OK)
    sock.disconnectFromServer()
    return answered


class SingleInstance(QObject):
    """Owns the local server of the running instance; emits `show_requested` when another start asks."""

    show_requested = Signal()

    def __init__(self, name: str, lock_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # The lock file decides who runs (it notices crashed owners); the socket only carries "show".
        self._lock = QLockFile(str(lock_path)) if lock_path is not None else None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def start(self, wait_s: float = 5.0) -> bool:
        """Become the running instance, or return False after asking the running one to show its overlay.

        On Unix, listen() with socket options replaces an existing socket file, so we never listen blindly:
        first the lock (or, without one, a probe of the socket) must say that nobody else runs.
        """
        if self._lock is not None:
            Path(self._lock.fileName()).parent.mkdir(parents=True, exist_ok=True)
            self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
            deadline = time.monotonic() + wait_s
            while not self._lock.tryLock(0):
                # Another instance holds the lock; it may still be starting, so retry the socket for a while.
                if send(self.name, timeout_ms=500):
                    return False
                if time.monotonic() > deadline:
                    log.warning("another kbassist holds %s but does not answer", self._lock.fileName())
                    return False
                time.sleep(0.1)
        elif send(self.name, timeout_ms=500):
            return False
        # A socket file left by a crashed instance would make listen() fail: remove it first.
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            log.warning("single instance: cannot listen on %s: %s", self.name, self._server.errorString())
        return True

    def close(self) -> None:
        self._server.close()
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(sock.deleteLater)

    def _on_ready(self, sock: QLocalSocket) -> None:
        data = bytes(sock.readAll().data())
        if SHOW.strip() in data:
            sock.write(OK)
            sock.flush()
            log.info("show requested by another start")
            self.show_requested.emit()
