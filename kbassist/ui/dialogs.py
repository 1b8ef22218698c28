"""Small windows: the KB problems and missed-searches window, the about box and a one-time notice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbassist.core.model import Problem, Severity
from kbassist.core.usage import GapQuery
from kbassist.ui.i18n import Texts
from kbassist.ui.tray import app_icon

PathRole = Qt.ItemDataRole.UserRole + 1
QueryRole = Qt.ItemDataRole.UserRole + 2


class ProblemsDialog(QDialog):
    """Two tabs: lint problems of the KB (double-click opens the file) and searches the KB did not answer
    (未命中), from which the editor can start a new entry."""

    open_file_requested = Signal(object)  # Path
    new_entry_requested = Signal(str)  # the missed query
    gaps_shown = Signal()  # the 未命中 tab was opened: time to load it

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.setObjectName("kbassist-problems")
        self.setWindowIcon(app_icon())
        self.resize(720, 380)
        self.tabs = QTabWidget(self)

        problems_page = QWidget(self.tabs)
        self.hint = QLabel(problems_page)
        self.list = QListWidget(problems_page)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        page_layout = QVBoxLayout(problems_page)
        page_layout.addWidget(self.hint)
        page_layout.addWidget(self.list, 1)

        gaps_page = QWidget(self.tabs)
        self.gaps_hint = QLabel(gaps_page)
        self.gaps_hint.setWordWrap(True)
        self.gaps_list = QListWidget(gaps_page)
        self.gaps_list.setObjectName("gaps")
        self.gaps_list.currentRowChanged.connect(lambda _row: self._sync_gap_button())
        self.new_entry_button = QPushButton(gaps_page)
        self.new_entry_button.setObjectName("new-entry")
        self.new_entry_button.clicked.connect(self.request_new_entry)
        self.gaps_error = QLabel(gaps_page)
        self.gaps_error.setStyleSheet("color:#c92a2a")
        self.gaps_error.setWordWrap(True)
        self.gaps_error.hide()
        gaps_layout = QVBoxLayout(gaps_page)
        gaps_layout.addWidget(self.gaps_hint)
        gaps_layout.addWidget(self.gaps_list, 1)
        gaps_layout.addWidget(self.gaps_error)
        gaps_layout.addWidget(self.new_entry_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.tabs.addTab(problems_page, "")
        self.tabs.addTab(gaps_page, "")
        self.tabs.currentChanged.connect(self._on_tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._opened: set[int] = set()
        self.set_gaps([])

    def _retitle(self) -> None:
        self.setWindowTitle(self.texts("problems_title"))
        self.tabs.setTabText(0, self.texts("tab_problems"))
        self.tabs.setTabText(1, self.texts("tab_gaps"))
        self.new_entry_button.setText(self.texts("gaps_new_entry"))

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.gaps_shown.emit()

    def set_gaps(self, gaps: list[GapQuery]) -> None:
        """Show missed queries (already newest first)."""
        self._retitle()
        current = self.selected_gap()
        self.gaps_list.clear()
        self.gaps_hint.setText(self.texts("gaps_hint") if gaps else self.texts("gaps_none"))
        for gap in gaps:
            kind = self.texts("gaps_no_result") if gap.no_result else self.texts("gaps_dismissed")
            when = gap.last.astimezone().strftime("%m-%d %H:%M")
            item = QListWidgetItem(self.texts("gaps_row", query=gap.query, count=gap.count, kind=kind, when=when))
            item.setData(QueryRole, gap.query)
            self.gaps_list.addItem(item)
            if gap.query == current:
                self.gaps_list.setCurrentItem(item)
        if self.gaps_list.currentRow() < 0 and self.gaps_list.count():
            self.gaps_list.setCurrentRow(0)
        self._sync_gap_button()

    def selected_gap(self) -> str | None:
        item = self.gaps_list.currentItem()
        return str(item.data(QueryRole)) if item is not None else None

    def request_new_entry(self) -> None:
        query = self.selected_gap()
        if query:
            self.gaps_error.hide()
            self.new_entry_requested.emit(query)

    def show_gap_error(self, message: str) -> None:
        self.gaps_error.setText(self.texts("gaps_new_failed", error=message))
        self.gaps_error.show()

    def _sync_gap_button(self) -> None:
        self.new_entry_button.setEnabled(self.selected_gap() is not None)

    def set_problems(self, problems: list[Problem], root: Path | None) -> None:
        self._retitle()
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
