"""The system clipboard through QClipboard: put a script on it, snapshot and restore what the agent had there."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger("kbassist.native")

# Qt synthesises this from image/* formats; copying its bytes back would offer a bogus format.
_SYNTHETIC_FORMATS = ("application/x-qt-image",)


class ClipboardSnapshot:
    """Every format's bytes of a clipboard content, detached from the clipboard that produced it."""

    def __init__(self, formats: dict[str, bytes]) -> None:
        self.formats = formats

    @property
    def empty(self) -> bool:
        return not self.formats

    def to_mime(self) -> QMimeData:
        """A fresh QMimeData each time: QClipboard takes ownership of what it is given."""
        mime = QMimeData()
        for fmt, data in self.formats.items():
            mime.setData(fmt, data)
        return mime


class ClipboardKeeper:
    """Owns kbassist's use of the clipboard; `snapshot` before writing, `restore_if_ours` afterwards."""

    def __init__(self, clipboard: QClipboard | None = None) -> None:
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._ours: str | None = None

    def snapshot(self) -> ClipboardSnapshot:
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        formats: dict[str, bytes] = {}
        if mime is not None:
            for fmt in mime.formats():
                if fmt in _SYNTHETIC_FORMATS:
                    continue
                formats[fmt] = bytes(mime.data(fmt).data())
        return ClipboardSnapshot(formats)

    def set_text(self, text: str, html: str | None = None) -> None:
        mime = QMimeData()
        mime.setText(text)
        if html:
            mime.setHtml(html)
        self._clipboard.setMimeData(mime, QClipboard.Mode.Clipboard)
        self._ours = text

    def holds_ours(self) -> bool:
        """True while the clipboard still holds the text we last put there (the agent copied nothing since)."""
        return self._ours is not None and self._clipboard.text(QClipboard.Mode.Clipboard) == self._ours

    def restore_if_ours(self, snapshot: ClipboardSnapshot) -> bool:
        """Put the snapshot back, but only over our own text: never overwrite something the agent copied since."""
        if not self.holds_ours():
            log.debug("clipboard changed since the paste; not restoring")
            self._ours = None
            return False
        self.restore(snapshot)
        return True

    def restore(self, snapshot: ClipboardSnapshot) -> None:
        if snapshot.empty:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        else:
            self._clipboard.setMimeData(snapshot.to_mime(), QClipboard.Mode.Clipboard)
        self._ours = None


def release_before_exit() -> None:
    """WORKAROUND: free a clipboard content made in Python while Python is still running.

    Qt's default clipboard, used by the offscreen and minimal platforms, keeps its QMimeData in a global static that
    is destroyed by the C library's exit handlers, after Python has finalised; a QMimeData created from Python then
    calls back into the dead interpreter and the process ends with SIGSEGV. Those platforms have no other program
    that could read the clipboard, so clearing it loses nothing. Real platforms (xcb, windows) keep their clipboard
    in the platform integration, which QApplication destroys in time, and are left alone.
    """
    app = QGuiApplication.instance()
    if app is not None and QGuiApplication.platformName() in ("offscreen", "minimal"):
        QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
