"""The tray icon and its menu; without a system tray it stays invisible and the app is reached by hotkey or `kbassist show`."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from kbassist.paths import resources_dir
from kbassist.ui.i18n import Texts

log = logging.getLogger("kbassist.app")


def app_icon() -> QIcon:
    """The bundled icon, or a drawn one when the resources folder is missing (e.g. a bare source tree)."""
    path = resources_dir() / "icon.png"
    if path.is_file():
        icon = QIcon(str(path))
        if not icon.isNull():
            return icon
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1c7ed6"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(30)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, "KB")
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """Tray icon, tooltip and menu. Emits what the user picked; the app decides what that does."""

    search_requested = Signal()
    reindex_requested = Signal()
    problems_requested = Signal()
    open_kb_requested = Signal()
    settings_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()

    def __init__(self, texts: Texts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.hotkey = ""
        self.problem_count = 0
        self._kb = ""
        self._entries = 0
        self._state = "state_loading"
        self._error = ""
        self.menu = QMenu()
        self.actions: dict[str, QAction] = {}
        for name, signal in (
            ("search", self.search_requested),
            ("reindex", self.reindex_requested),
            ("problems", self.problems_requested),
            ("open_kb", self.open_kb_requested),
            ("settings", self.settings_requested),
            ("about", self.about_requested),
            ("quit", self.quit_requested),
        ):
            action = QAction(self.menu)
            action.setObjectName(name)
            action.triggered.connect(signal)
            if name in ("open_kb", "quit"):
                self.menu.addSeparator()
            self.menu.addAction(action)
            self.actions[name] = action
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.retranslate()

    def show(self) -> bool:
        """Show the icon; False (and one log line) when there is no system tray."""
        if not self.available:
            log.info("no system tray")
            return False
        self.icon.show()
        return True

    def hide(self) -> None:
        self.icon.hide()

    def retranslate(self) -> None:
        t = self.texts
        self.actions["search"].setText(t("search_with_hotkey", hotkey=self.hotkey) if self.hotkey else t("search"))
        self.actions["reindex"].setText(t("reindex"))
        self.actions["problems"].setText(t("problems", n=self.problem_count))
        self.actions["open_kb"].setText(t("open_kb"))
        self.actions["settings"].setText(t("settings"))
        self.actions["about"].setText(t("about"))
        self.actions["quit"].setText(t("quit"))
        self._update_tooltip()

    def set_hotkey(self, chord: str) -> None:
        self.hotkey = chord
        self.retranslate()

    def set_status(self, kb: str, entries: int, state: str, error: str = "") -> None:
        """state: "loading", "ready" or "failed"."""
        self._kb, self._entries, self._state, self._error = kb, entries, f"state_{state}", error
        self._update_tooltip()

    def set_problem_count(self, n: int) -> None:
        self.problem_count = n
        self.actions["problems"].setText(self.texts("problems", n=n))

    def tooltip(self) -> str:
        state = self.texts(self._state, error=self._error) if self._state == "state_failed" else self.texts(self._state)
        return self.texts("tooltip", kb=self._kb, n=self._entries, state=state)

    def message(self, title: str, text: str, warning: bool = False) -> None:
        """A balloon where there is a tray; otherwise only the log (the caller shows a window if it must)."""
        log.info("notice: %s: %s", title, text)
        if self.available and self.icon.isVisible():
            icon = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self.icon.showMessage(title, text, icon, 5000)

    def _update_tooltip(self) -> None:
        self.icon.setToolTip(self.tooltip())

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.search_requested.emit()
