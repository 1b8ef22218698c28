"""The search overlay: query field, result list, block preview and the placeholder form; it emits what the user chose."""

from __future__ import annotations

import datetime as _dt
import logging
import re
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kbassist.core import render
from kbassist.core.model import Block, Hit
from kbassist.native.base import Rect
from kbassist.ui.i18n import Texts
from kbassist.ui.models import ResultDelegate, ResultsModel

log = logging.getLogger("kbassist.ui")

# How long the last query and selection survive a close: reopening soon after shows them again, selected-all.
KEEP_QUERY_SECONDS = 60.0

PAGE_RESULTS, PAGE_MESSAGE, PAGE_FORM = 0, 1, 2
DEACTIVATE_GRACE_MS = 150

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


_PLACEHOLDER_HTML = re.compile(r"\{(\w{1,20})\}")


def preview_html(markdown_text: str) -> str:
    """The block as HTML with its placeholders marked, so the agent sees what the form will ask for."""
    return _PLACEHOLDER_HTML.sub(
        lambda m: f'<span style="background-color:#fff3bf; color:#e67700">{{{m.group(1)}}}</span>',
        render.html(markdown_text),
    )


class PlaceholderForm(QWidget):
    """One line edit per distinct placeholder, in order of first appearance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c92a2a")
        self.error.setWordWrap(True)
        self.error.hide()
        self._form = QFormLayout()
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(self._form)
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.fields: dict[str, QLineEdit] = {}
        self.flagged = False  # an empty field was already pointed out once

    def build(self, names: list[str], values: dict[str, str]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        self.flagged = False
        self.error.hide()
        for name in names:
            edit = QLineEdit(self)
            edit.setObjectName(f"placeholder:{name}")
            edit.setText(values.get(name, ""))
            edit.textChanged.connect(lambda _t, e=edit: e.setStyleSheet(""))
            self._form.addRow(QLabel(f"{{{name}}}", self), edit)
            self.fields[name] = edit

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.fields.items()}

    def empty_names(self) -> list[str]:
        return [name for name, edit in self.fields.items() if not edit.text().strip()]

    def flag_empty(self, message: str) -> None:
        for name in self.empty_names():
            self.fields[name].setStyleSheet("border: 2px solid #c92a2a; background: #fff5f5")
        self.error.setText(message)
        self.error.show()
        self.flagged = True

    def edits(self) -> list[QLineEdit]:
        return list(self.fields.values())


class Overlay(QWidget):
    """Frameless, stay-on-top search window. It never pastes itself: it emits `paste_requested` and hides."""

    query_changed = Signal(str)
    search_requested = Signal(int, str)  # (sequence number, query): the app's search worker answers show_results
    paste_requested = Signal(str, str, str)  # plain, html, PasteMode value
    dismissed = Signal()
    open_entry_requested = Signal(object)  # Path
    open_kb_requested = Signal()
    # (hit, block, 1-based rank, PasteMode value): emitted just before paste_requested, for the usage log
    entry_chosen = Signal(object, object, int, str)
    hidden = Signal()  # every way the overlay closes (paste, Esc, hotkey, focus lost) ends here

    def __init__(self, texts: Texts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts or Texts()
        self.paste_mode = "paste"
        self.hide_on_deactivate = True
        self.agent_name = ""
        # The clipboard is read only when a form needs {剪贴板}: reading it on X11 waits on its owner process.
        self.clipboard_reader: Callable[[], str] | None = None
        self._clipboard_text: str | None = None
        self.clock: Callable[[], float] = time.monotonic
        self.now: Callable[[], _dt.datetime] = _dt.datetime.now
        self.remembered: dict[str, str] = {}  # last value per placeholder, for this session
        self._seq = 0
        self._shown_seq = 0
        self._hidden_at: float | None = None
        self._index_ready = False
        self._index_error = ""
        self._preedit: dict[int, str] = {}
        self._just_committed = False
        self._form_hit: Hit | None = None
        self._form_block: Block | None = None
        self._form_mode = "paste"
        self._block_index = 0
        self._refresh_seqs: set[int] = set()

        self.setObjectName("kbassist-overlay")
        self.setWindowTitle("kbassist")
        self.setWindowFlags(
            Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

        frame = QFrame(self)
        frame.setObjectName("overlay-frame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#overlay-frame { border: 1px solid #adb5bd; border-radius: 6px; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)

        self.search = QLineEdit(frame)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        font = self.search.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.search.setFont(font)
        layout.addWidget(self.search)

        self.stack = QStackedWidget(frame)
        layout.addWidget(self.stack, 1)

        # Results page: list on the left, block chips + preview on the right.
        results_page = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.model = ResultsModel(self)
        self.list = QListView(results_page)
        self.list.setObjectName("results")
        self.list.setModel(self.model)
        self.delegate = ResultDelegate(self.texts("tier_2"), self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the search field
        self.list.setUniformItemSizes(True)
        # A light selection keeps the coloured parts of a row (category, badge, matches) readable.
        self.list.setStyleSheet(
            "QListView::item:selected { background: #d0ebff; color: black; }"
            "QListView::item:hover:!selected { background: #f1f3f5; }"
        )
        right = QWidget(results_page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.blocks = QTabBar(right)
        self.blocks.setObjectName("blocks")
        self.blocks.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blocks.setExpanding(False)
        self.preview = QTextBrowser(right)
        self.preview.setObjectName("preview")
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setOpenLinks(False)
        right_layout.addWidget(self.blocks)
        right_layout.addWidget(self.preview, 1)
        results_page.addWidget(self.list)
        results_page.addWidget(right)
        results_page.setSizes([330, 420])
        self.stack.addWidget(results_page)

        # Message page: hints, "nothing found", "indexing".
        message_page = QWidget(self.stack)
        msg_layout = QVBoxLayout(message_page)
        self.message = QLabel(message_page)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_kb_button = QPushButton(message_page)
        self.open_kb_button.setObjectName("open-kb")
        self.open_kb_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_kb_button.clicked.connect(self.open_kb_requested)
        msg_layout.addStretch(1)
        msg_layout.addWidget(self.message)
        msg_layout.addWidget(self.open_kb_button, 0, Qt.AlignmentFlag.AlignCenter)
        msg_layout.addStretch(1)
        self.stack.addWidget(message_page)

        self.form = PlaceholderForm(self.stack)
        self.stack.addWidget(self.form)

        self.footer = QLabel(frame)
        self.footer.setStyleSheet("color:#868e96")
        layout.addWidget(self.footer)

        self.search.textChanged.connect(self._on_text_changed)
        self.search.installEventFilter(self)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._on_row_changed())
        self.list.clicked.connect(lambda _i: self.search.setFocus())
        self.list.doubleClicked.connect(lambda _i: self.activate(self.paste_mode))
        self.blocks.currentChanged.connect(self._on_block_tab)
        self.resize(760, 460)
        self.retranslate()
        self._show_message()

    # ----- public API -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.texts("search_placeholder"))
        self.open_kb_button.setText(self.texts("open_kb_button"))
        self.footer.setText(self.texts("footer"))
        self.form.title.setText(self.texts("form_title"))
        self.delegate.tier2_label = self.texts("tier_2")
        if self.stack.currentIndex() == PAGE_MESSAGE:
            self._show_message()

    @property
    def seq(self) -> int:
        return self._seq

    @property
    def results_current(self) -> bool:
        """True when the list shows the answer to the query now in the search field (no search pending)."""
        return self._shown_seq == self._seq

    def set_index_ready(self, ready: bool) -> None:
        self._index_ready = ready
        if ready:
            self._index_error = ""
        if self.stack.currentIndex() == PAGE_MESSAGE:
            self._show_message()

    def set_index_error(self, message: str) -> None:
        """The KB cannot be used (missing folder...): say so instead of "indexing" forever."""
        self._index_error = message
        if self.stack.currentIndex() == PAGE_MESSAGE:
            self._show_message()

    def open_at(self, geometry: Rect | None = None, clipboard_text: str | None = None) -> None:
        """Show on the screen of `geometry` (the target window) or of the mouse, focused on the search field."""
        self._clipboard_text = clipboard_text
        self._place(geometry)
        expired = self._hidden_at is None or self.clock() - self._hidden_at > KEEP_QUERY_SECONDS
        if self.stack.currentIndex() == PAGE_FORM:
            self._leave_form()
        if expired and self.search.text():
            self.search.clear()  # textChanged starts an empty search: the hint page
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        """Search the current query again (after a re-index), keeping the selected entry if it is still there."""
        self._request_search(self.search.text(), refresh=True)

    def show_results(self, seq: int, hits: list[Hit]) -> None:
        """Accept results unless a newer query's results are already shown (or seq is from the future)."""
        if seq <= self._shown_seq or seq > self._seq:
            log.debug("dropping stale results seq=%d (shown %d, latest %d)", seq, self._shown_seq, self._seq)
            return
        self._shown_seq = seq
        current = self.current_hit()
        keep_id = current.entry.id if current is not None and seq in self._refresh_seqs else None
        self._refresh_seqs = {s for s in self._refresh_seqs if s > seq}
        self.model.set_hits(hits)
        if self.stack.currentIndex() == PAGE_FORM:
            return  # the form keeps its own hit; results show again on Esc
        if not hits:
            self._show_message()
            return
        self.stack.setCurrentIndex(PAGE_RESULTS)
        row = 0
        if keep_id is not None:
            row = next((i for i, h in enumerate(hits) if h.entry.id == keep_id), 0)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._on_row_changed()

    def current_hit(self) -> Hit | None:
        return self.model.hit(self.list.currentIndex().row())

    def current_block(self) -> Block | None:
        hit = self.current_hit()
        if hit is None or not hit.blocks:
            return None
        return hit.blocks[self._block_index % len(hit.blocks)]

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def cycle_block(self, step: int) -> None:
        hit = self.current_hit()
        if hit is None or len(hit.blocks) < 2:
            return
        self._block_index = (self._block_index + step) % len(hit.blocks)
        self._sync_block_view()

    def activate(self, mode: str) -> None:
        """Paste (or copy) the selected block; first ask for placeholder values if it has any."""
        hit, block = self.current_hit(), self.current_block()
        if hit is None:
            return
        if block is None:
            self.preview.setPlainText(self.texts("no_pasteable"))
            return
        names = render.placeholders(block.text)
        if names:
            self._enter_form(hit, block, names, mode)
        else:
            self._emit_paste(block, {}, mode)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    # ----- internals -------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ActivationChange and self.isVisible() and not self.isActiveWindow():
            # The agent clicked into another window: get out of the way, like a launcher. Checked a moment later
            # because window managers may deactivate briefly while mapping; focus is already elsewhere, so no
            # `dismissed` (which would hand focus back to the remembered window).
            QTimer.singleShot(DEACTIVATE_GRACE_MS, self._hide_if_inactive)
        super().changeEvent(event)

    def _hide_if_inactive(self) -> None:
        if self.hide_on_deactivate and self.isVisible() and QGuiApplication.focusWindow() is None:
            log.debug("overlay hidden: focus went to another application")
            self.hide()

    def hideEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self._hidden_at = self.clock()
        super().hideEvent(event)
        self.hidden.emit()

    def _place(self, geometry: Rect | None) -> None:
        screen = None
        if geometry is not None:
            centre = QPoint(geometry.x + geometry.width // 2, geometry.y + geometry.height // 2)
            screen = QGuiApplication.screenAt(centre)
        if screen is None:
            screen = QGuiApplication.screenAt(QCursor.pos())
        if screen is None:
            screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail: QRect = screen.availableGeometry()
        width = min(760, max(320, avail.width() - 40))
        height = min(460, max(240, avail.height() - 40))
        x = avail.x() + (avail.width() - width) // 2
        y = avail.y() + max(0, (avail.height() - height) // 5)
        self.setGeometry(x, y, width, height)

    def _on_text_changed(self, text: str) -> None:
        self.query_changed.emit(text)
        self._request_search(text)

    def _request_search(self, text: str, refresh: bool = False) -> None:
        self._seq += 1
        if refresh:
            self._refresh_seqs.add(self._seq)
        if not text.strip():
            # Nothing to search: show the hint at once, and make any late answer stale.
            self._shown_seq = self._seq
            self.model.set_hits([])
            if self.stack.currentIndex() != PAGE_FORM:
                self._show_message()
            return
        self.search_requested.emit(self._seq, text)

    def _show_message(self) -> None:
        query = self.search.text().strip()
        if self._index_error and not self._index_ready:
            text, button = self.texts("index_error", error=self._index_error), True
        elif not self._index_ready:
            text, button = self.texts("index_loading"), False
        elif not query:
            text, button = self.texts("hint_empty"), False
        else:
            text, button = self.texts("no_results", query=query), True
        self.message.setText(text)
        self.open_kb_button.setVisible(button)
        self.stack.setCurrentIndex(PAGE_MESSAGE)

    def _on_row_changed(self) -> None:
        self._block_index = 0
        self._sync_block_view()

    def _sync_block_view(self) -> None:
        hit = self.current_hit()
        self.blocks.blockSignals(True)
        while self.blocks.count():
            self.blocks.removeTab(0)
        if hit is not None:
            for block in hit.blocks:
                self.blocks.addTab(block.name)
            if hit.blocks:
                self.blocks.setCurrentIndex(self._block_index % len(hit.blocks))
        self.blocks.blockSignals(False)
        block = self.current_block()
        if block is not None:
            self.preview.setHtml(preview_html(block.text))
        elif hit is not None:
            self.preview.setPlainText(self.texts("no_pasteable"))
        else:
            self.preview.clear()

    def _on_block_tab(self, index: int) -> None:
        if index >= 0:
            self._block_index = index
            self._sync_block_view()

    def _enter_form(self, hit: Hit, block: Block, names: list[str], mode: str) -> None:
        if self._clipboard_text is None:
            self._clipboard_text = self.clipboard_reader() if self.clipboard_reader is not None else ""
        builtins = render.builtin_values(self.now(), self.agent_name, self._clipboard_text)
        values = {n: self.remembered[n] for n in names if n in self.remembered}
        values.update({n: v for n, v in builtins.items() if n in names})  # built-ins are always fresh
        self.form.build(names, values)
        for edit in self.form.edits():
            edit.installEventFilter(self)
        self._form_hit, self._form_block, self._form_mode = hit, block, mode
        self.stack.setCurrentIndex(PAGE_FORM)
        first = self.form.edits()[0]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        first.selectAll()

    def _leave_form(self) -> None:
        self._form_hit = self._form_block = None
        self.stack.setCurrentIndex(PAGE_RESULTS if self.model.rowCount() else PAGE_MESSAGE)
        if self.stack.currentIndex() == PAGE_MESSAGE:
            self._show_message()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit_form(self, mode: str) -> None:
        if self.form.empty_names() and not self.form.flagged:
            self.form.flag_empty(self.texts("form_empty"))
            return
        values = self.form.values()
        self.remembered.update(values)
        block = self._form_block
        assert block is not None
        self._emit_paste(block, values, mode)

    def _emit_paste(self, block: Block, values: dict[str, str], mode: str) -> None:
        plain, rich = render.render_block(block.text, values)
        hit = self._form_hit if self.stack.currentIndex() == PAGE_FORM else self.current_hit()
        if hit is not None:
            rank = next((i + 1 for i, h in enumerate(self.model.hits()) if h.entry.id == hit.entry.id), 0)
            self.entry_chosen.emit(hit, block, rank, mode)
        if self.stack.currentIndex() == PAGE_FORM:
            self._leave_form()
        # Hide first so that focus can go back to the target window before the paste keys are sent.
        self.hide()
        self.paste_requested.emit(plain, rich, mode)

    def _focus_form_field(self, step: int) -> None:
        edits = self.form.edits()
        if not edits:
            return
        current = QGuiApplication.focusObject()
        i = edits.index(current) if current in edits else -1
        target = edits[(i + step) % len(edits)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        etype = event.type()
        if etype == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            self._preedit[id(obj)] = event.preeditString()
            if event.commitString():
                # Some IMEs deliver the Enter that committed a candidate as a key event right after the commit.
                self._just_committed = True
                QTimer.singleShot(0, self._clear_commit_flag)
            return False
        if etype != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        return self._handle_key(obj, event)

    def _clear_commit_flag(self) -> None:
        self._just_committed = False

    def _handle_key(self, obj: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ENTER_KEYS and (self._preedit.get(id(obj)) or self._just_committed):
            return False  # the Enter belongs to the input method (candidate commit), never a paste
        in_form = self.stack.currentIndex() == PAGE_FORM
        shift = mods == Qt.KeyboardModifier.ShiftModifier
        if key in _ENTER_KEYS and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            mode = "copy_only" if shift else self.paste_mode
            if in_form:
                self._submit_form("copy_only" if shift else self._form_mode)
            else:
                self.activate(mode)
            return True
        if key == Qt.Key.Key_Escape:
            if in_form:
                self._leave_form()
            else:
                self.dismiss()
            return True
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            self._focus_form_field(1) if in_form else self.cycle_block(1)
            return True
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            self._focus_form_field(-1) if in_form else self.cycle_block(-1)
            return True
        if in_form:
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.NoModifier:
            row = self.list.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
            self.select_row(max(0, min(row, self.model.rowCount() - 1)))
            return True
        if key in _DIGIT_KEYS and mods == Qt.KeyboardModifier.AltModifier:
            # Alt+N picks row N and pastes it, like selecting it and pressing Enter.
            if self.select_row(_DIGIT_KEYS[key] - 1):
                self.activate(self.paste_mode)
            return True
        if key == Qt.Key.Key_E and mods == Qt.KeyboardModifier.ControlModifier:
            hit = self.current_hit()
            if hit is not None:
                self.open_entry_requested.emit(Path(hit.entry.path))
            return True
        return False
