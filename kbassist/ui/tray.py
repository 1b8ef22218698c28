"""The tray icon and its menu; without a system tray it stays invisible and the app is reached by hotkey or `kbassist show`."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QMenu, QSystemTrayIcon

from kbassist.paths import resources_dir
from kbassist.ui.i18n import Texts

log = logging.getLogger("kbassist.app")


def app_icon() -> QIcon:
    """The bundled icon, or a drawn one when the resources folder is missing (e.g. a bare source tree)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resources_dir() / "icons" / f"kbassist-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
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


class Toast(QLabel):
    """A short message near the bottom of the screen for when there is no tray to show a balloon.

    It never takes focus: it may appear while the agent types in the chat window.
    """

    SHOW_MS = 4000

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kbassist-toast")
        self.setWindowFlags(
            Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWordWrap(True)
        self.setMargin(10)
        self.setStyleSheet("background:#343a40; color:white; border-radius:6px;")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def pop(self, text: str) -> None:
        self.setText(text)
        self.setFixedWidth(360)
        self.adjustSize()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.x() + (area.width() - self.width()) // 2, area.y() + area.height() - self.height() - 60)
        self.show()
        self._timer.start(self.SHOW_MS)


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
        self._progress = ""
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
        self.toast: Toast | None = None
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
        if self.toast is not None:
            self.toast.hide()

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
        """state: "loading", "ready", "failed" or "unreachable" (KB folder offline, the last index is used)."""
        self._kb, self._entries, self._state, self._error = kb, entries, f"state_{state}", error
        self._progress = ""
        self._update_tooltip()

    def set_progress(self, done: int, total: int) -> None:
        """While indexing: "正在建立索引… 1200/5000" in the tooltip."""
        if self._state == "state_loading":
            self._progress = f" {done}/{total}"
            self._update_tooltip()

    def set_problem_count(self, n: int) -> None:
        self.problem_count = n
        self.actions["problems"].setText(self.texts("problems", n=n))

    def tooltip(self) -> str:
        state = self.texts(self._state, error=self._error) if self._state == "state_failed" else self.texts(self._state)
        if self._state == "state_loading":
            state += self._progress
        return self.texts("tooltip", kb=self._kb, n=self._entries, state=state)

    def message(self, title: str, text: str, warning: bool = False) -> None:
        """A balloon where there is a tray, otherwise a toast that does not take focus; always logged."""
        log.info("notice: %s: %s", title, text)
        if self.available and self.icon.isVisible():
            icon = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self.icon.showMessage(title, text, icon, 5000)
            return
        if self.toast is None:
            self.toast = Toast()
        self.toast.pop(text)

    def _update_tooltip(self) -> None:
        self.icon.setToolTip(self.tooltip())

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.search_requested.emit()
