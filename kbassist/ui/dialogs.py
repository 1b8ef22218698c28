"""Small windows: the KB problems list, the about box and a one-time notice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbassist.core.model import Problem, Severity
from kbassist.ui.i18n import Texts
from kbassist.ui.tray import app_icon

PathRole = Qt.ItemDataRole.UserRole + 1


class ProblemsDialog(QDialog):
    """Lists lint problems of the KB; double-clicking one asks to open its file."""

    open_file_requested = Signal(object)  # Path

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.setObjectName("kbassist-problems")
        self.setWindowIcon(app_icon())
        self.resize(720, 380)
        self.hint = QLabel(self)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self._opened: set[int] = set()

    def set_problems(self, problems: list[Problem], root: Path | None) -> None:
        self.setWindowTitle(self.texts("problems_title"))
        self.list.clear()
        self.hint.setText(self.texts("problems_hint") if problems else self.texts("problems_none"))
        for problem in problems:
            item = QListWidgetItem(problem.format(root))
            if problem.severity is Severity.ERROR:
                item.setForeground(Qt.GlobalColor.red)
            item.setData(PathRole, str(problem.path) if problem.path else "")
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        # itemActivated and itemDoubleClicked can both fire for one double click; open once per event loop turn.
        path = item.data(PathRole)
        if path and id(item) not in self._opened:
            self._opened.add(id(item))
            self.open_file_requested.emit(Path(path))
            QTimer.singleShot(0, self._opened.clear)


class InfoDialog(QDialog):
    """A plain, non-modal text window (about box, one-time notices)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbassist-info")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.label = QLabel(text, self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
