"""Overlay behaviour driven by real key events on the offscreen platform."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kbassist.core.model import BlockKind
from kbassist.ui.overlay import KEEP_QUERY_SECONDS, PAGE_FORM, PAGE_MESSAGE, PAGE_RESULTS, Overlay

from ui_helpers import make_hit

THREE_BLOCKS = (
    (BlockKind.SCRIPT, "话术", "第一段话术"),
    (BlockKind.SCRIPT, "话术：回访", "第二段 **话术**"),
    (BlockKind.STEPS, "解决步骤", "1. 查询\n2. 发货"),
)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def overlay(qtbot: QtBot) -> Overlay:
    ov = Overlay()
    qtbot.addWidget(ov)
    ov.clock = Clock()
    ov.now = lambda: dt.datetime(2026, 3, 4, 9, 30)
    ov.set_index_ready(True)
    ov.open_at(None, clipboard_text="剪贴板里的字")
    return ov


def type_query(ov: Overlay, qtbot: QtBot, text: str, hits: list) -> int:
    """Sets the query and answers its search like the app's worker would."""
    seen: list[tuple[int, str]] = []
    ov.search_requested.connect(lambda s, q: seen.append((s, q)))
    ov.search.setText(text)
    seq, query = seen[-1]
    assert query == text
    ov.show_results(seq, hits)
    return seq


def key(ov: Overlay, qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or ov.search
    qtbot.keyClick(target, k, mods)


def test_identity_for_e2e(overlay: Overlay) -> None:
    assert overlay.objectName() == "kbassist-overlay"
    assert overlay.windowTitle() == "kbassist"
    flags = overlay.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint


def test_up_down_select_rows(overlay: Overlay, qtbot: QtBot) -> None:
    hits = [make_hit("a", "甲"), make_hit("b", "乙"), make_hit("c", "丙")]
    type_query(overlay, qtbot, "x", hits)
    assert overlay.stack.currentIndex() == PAGE_RESULTS
    assert overlay.current_hit().entry.id == "a"
    key(overlay, qtbot, Qt.Key.Key_Down)
    key(overlay, qtbot, Qt.Key.Key_Down)
    assert overlay.current_hit().entry.id == "c"
    key(overlay, qtbot, Qt.Key.Key_Down)  # stays on the last row
    assert overlay.current_hit().entry.id == "c"
    key(overlay, qtbot, Qt.Key.Key_Up)
    assert overlay.current_hit().entry.id == "b"
    assert overlay.search.hasFocus()


def test_tab_cycles_blocks_and_enter_pastes_rendered_text(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=THREE_BLOCKS)])
    assert [overlay.blocks.tabText(i) for i in range(overlay.blocks.count())] == ["话术", "话术：回访", "解决步骤"]
    assert overlay.current_block().name == "话术"
    key(overlay, qtbot, Qt.Key.Key_Tab)
    assert overlay.current_block().name == "话术：回访"
    assert overlay.blocks.currentIndex() == 1
    assert "<strong>话术</strong>" in overlay.preview.toHtml() or "话术" in overlay.preview.toPlainText()
    key(overlay, qtbot, Qt.Key.Key_Tab)
    key(overlay, qtbot, Qt.Key.Key_Tab)  # wraps to the first
    assert overlay.current_block().name == "话术"
    key(overlay, qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert overlay.current_block().name == "解决步骤"
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return)
    plain, html, mode = sig.args
    assert plain == "1. 查询\n2. 发货"
    assert "<ol>" in html
    assert mode == "paste"
    assert not overlay.isVisible()


def test_markdown_is_removed_from_plain_text(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=THREE_BLOCKS)])
    key(overlay, qtbot, Qt.Key.Key_Tab)
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Enter)
    assert sig.args[0] == "第二段 话术"


def test_shift_enter_copies_only(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit()])
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sig.args[0] == "您好，马上为您查询。"
    assert sig.args[2] == "copy_only"


def test_paste_mode_setting_is_used_for_enter(overlay: Overlay, qtbot: QtBot) -> None:
    overlay.paste_mode = "paste_and_send"
    type_query(overlay, qtbot, "卡密", [make_hit()])
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return)
    assert sig.args[2] == "paste_and_send"


def test_alt_digit_picks_and_pastes_row(overlay: Overlay, qtbot: QtBot) -> None:
    hits = [
        make_hit("a", "甲", ((BlockKind.SCRIPT, "话术", "甲的话术"),)),
        make_hit("b", "乙", ((BlockKind.SCRIPT, "话术", "乙的话术"),)),
    ]
    type_query(overlay, qtbot, "x", hits)
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert sig.args[0] == "乙的话术"


def test_alt_digit_beyond_results_does_nothing(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "x", [make_hit()])
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert overlay.isVisible()


def test_escape_dismisses(overlay: Overlay, qtbot: QtBot) -> None:
    with qtbot.waitSignal(overlay.dismissed):
        key(overlay, qtbot, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_ctrl_e_opens_entry_file(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "x", [make_hit(path=Path("/kb/a/b.md"))])
    with qtbot.waitSignal(overlay.open_entry_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert sig.args[0] == Path("/kb/a/b.md")


def test_stale_results_never_overwrite_fresh_ones(overlay: Overlay, qtbot: QtBot) -> None:
    seqs: list[int] = []
    overlay.search_requested.connect(lambda s, q: seqs.append(s))
    overlay.search.setText("k")
    overlay.search.setText("ka")
    old, new = seqs
    overlay.show_results(new, [make_hit("new", "新")])
    overlay.show_results(old, [make_hit("old", "旧")])
    assert [h.entry.id for h in overlay.model.hits()] == ["new"]
    # An older answer arriving first is shown until the fresh one replaces it.
    overlay.search.setText("kam")
    overlay.search.setText("kami")
    a, b = seqs[2:]
    overlay.show_results(a, [make_hit("a", "甲")])
    assert overlay.current_hit().entry.id == "a"
    overlay.show_results(b, [make_hit("b", "乙")])
    assert overlay.current_hit().entry.id == "b"


def test_empty_query_answer_after_clear_is_dropped(overlay: Overlay, qtbot: QtBot) -> None:
    seqs: list[int] = []
    overlay.search_requested.connect(lambda s, q: seqs.append(s))
    overlay.search.setText("ka")
    overlay.search.clear()
    overlay.show_results(seqs[0], [make_hit()])
    assert overlay.model.rowCount() == 0
    assert overlay.stack.currentIndex() == PAGE_MESSAGE


def test_no_result_state_offers_help_and_kb_folder(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "不存在的问题", [])
    assert overlay.stack.currentIndex() == PAGE_MESSAGE
    text = overlay.message.text()
    assert "不存在的问题" in text and "拼音" in text and "首字母" in text and "更短" in text
    assert overlay.open_kb_button.isVisibleTo(overlay)
    with qtbot.waitSignal(overlay.open_kb_requested):
        qtbot.mouseClick(overlay.open_kb_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)


def test_index_loading_message(qtbot: QtBot) -> None:
    ov = Overlay()
    qtbot.addWidget(ov)
    ov.open_at(None)
    assert ov.message.text() == ov.texts("index_loading")
    ov.set_index_ready(True)
    assert ov.message.text() == ov.texts("hint_empty")
    assert not ov.open_kb_button.isVisibleTo(ov)


def test_ime_enter_with_preedit_does_not_paste(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit()])
    preedit = QInputMethodEvent("ka", [])
    QApplication.sendEvent(overlay.search, preedit)
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)  # this Enter commits the IME candidate
    commit = QInputMethodEvent()
    commit.setCommitString("卡")
    QApplication.sendEvent(overlay.search, commit)
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)  # an Enter delivered right after the commit belongs to it too
    assert overlay.search.text() == "卡密卡"
    assert overlay.isVisible()
    qtbot.wait(10)  # next event-loop turn: Enter means paste again
    seq = overlay.seq
    overlay.show_results(seq, [make_hit()])
    with qtbot.waitSignal(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)


def test_query_kept_for_a_while_then_cleared(overlay: Overlay, qtbot: QtBot) -> None:
    hits = [make_hit("a", "甲"), make_hit("b", "乙")]
    type_query(overlay, qtbot, "kami", hits)
    key(overlay, qtbot, Qt.Key.Key_Down)
    key(overlay, qtbot, Qt.Key.Key_Escape)
    overlay.clock.t += KEEP_QUERY_SECONDS - 1
    overlay.open_at(None)
    assert overlay.search.text() == "kami"
    assert overlay.search.selectedText() == "kami"
    assert overlay.current_hit().entry.id == "b"
    key(overlay, qtbot, Qt.Key.Key_Escape)
    overlay.clock.t += KEEP_QUERY_SECONDS + 1
    overlay.open_at(None)
    assert overlay.search.text() == ""
    assert overlay.stack.currentIndex() == PAGE_MESSAGE


PLACEHOLDER_BLOCKS = ((BlockKind.SCRIPT, "话术", "{用户昵称}您好，订单 {订单号} 已处理（{日期}）。{用户昵称}请查收，客服{客服名}。{剪贴板}"),)


def test_placeholder_form_order_builtins_tab_and_paste(overlay: Overlay, qtbot: QtBot) -> None:
    overlay.agent_name = "小王"
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=PLACEHOLDER_BLOCKS)])
    key(overlay, qtbot, Qt.Key.Key_Return)
    assert overlay.stack.currentIndex() == PAGE_FORM
    assert list(overlay.form.fields) == ["用户昵称", "订单号", "日期", "客服名", "剪贴板"]
    fields = overlay.form.fields
    assert fields["日期"].text() == "2026-03-04"
    assert fields["客服名"].text() == "小王"
    assert fields["剪贴板"].text() == "剪贴板里的字"
    assert fields["用户昵称"].hasFocus()
    fields["用户昵称"].insert("张三")  # QTest cannot type CJK characters
    key(overlay, qtbot, Qt.Key.Key_Tab)
    assert fields["订单号"].hasFocus()
    qtbot.keyClicks(fields["订单号"], "A123")
    key(overlay, qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert fields["用户昵称"].hasFocus()
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return)  # Enter pastes from any field
    assert sig.args[0] == "张三您好，订单 A123 已处理（2026-03-04）。张三请查收，客服小王。剪贴板里的字"
    assert overlay.stack.currentIndex() != PAGE_FORM


def test_placeholder_values_remembered_for_the_session(overlay: Overlay, qtbot: QtBot) -> None:
    hits = [make_hit(blocks=((BlockKind.SCRIPT, "话术", "订单 {订单号}"),))]
    type_query(overlay, qtbot, "卡密", hits)
    key(overlay, qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(overlay.form.fields["订单号"], "998")
    with qtbot.waitSignal(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)
    overlay.open_at(None)
    key(overlay, qtbot, Qt.Key.Key_Return)
    assert overlay.form.fields["订单号"].text() == "998"
    assert overlay.form.fields["订单号"].selectedText() == "998"  # typing replaces it


def test_empty_field_flagged_then_second_enter_pastes(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=((BlockKind.SCRIPT, "话术", "订单 {订单号} 好"),))])
    key(overlay, qtbot, Qt.Key.Key_Return)
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)
    assert overlay.form.error.isVisibleTo(overlay)
    assert "c92a2a" in overlay.form.fields["订单号"].styleSheet()
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return)
    assert sig.args[0].startswith("订单 ")


def test_escape_in_form_goes_back_to_results(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=PLACEHOLDER_BLOCKS)])
    key(overlay, qtbot, Qt.Key.Key_Return)
    assert overlay.stack.currentIndex() == PAGE_FORM
    with qtbot.assertNotEmitted(overlay.dismissed):
        key(overlay, qtbot, Qt.Key.Key_Escape)
    assert overlay.stack.currentIndex() == PAGE_RESULTS
    assert overlay.search.hasFocus()
    assert overlay.isVisible()


def test_shift_enter_in_form_copies(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=((BlockKind.SCRIPT, "话术", "订单 {订单号}"),))])
    key(overlay, qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(overlay.form.fields["订单号"], "7")
    with qtbot.waitSignal(overlay.paste_requested) as sig:
        key(overlay, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sig.args[0] == "订单 7" and sig.args[2] == "copy_only"


def test_ime_enter_in_form_does_not_paste(overlay: Overlay, qtbot: QtBot) -> None:
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=((BlockKind.SCRIPT, "话术", "{用户昵称}"),))])
    key(overlay, qtbot, Qt.Key.Key_Return)
    field = overlay.form.fields["用户昵称"]
    QApplication.sendEvent(field, QInputMethodEvent("zhang", []))
    with qtbot.assertNotEmitted(overlay.paste_requested):
        key(overlay, qtbot, Qt.Key.Key_Return)


def test_tier2_row_is_marked(overlay: Overlay, qtbot: QtBot) -> None:
    from kbassist.ui.models import row_html

    hit = make_hit(tier="二线")
    html = row_html(hit, 0, "二线")
    assert "二线" in html and "/kmwd" in html
    assert "<b style" in html  # the «» match marks become highlighting
    assert "«" not in html
    type_query(overlay, qtbot, "x", [hit])
    overlay.list.viewport().grab()  # paints the delegate without errors


def test_hides_when_another_application_takes_focus(overlay: Overlay, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(QGuiApplication, "focusWindow", staticmethod(lambda: None))
    monkeypatch.setattr(overlay, "isActiveWindow", lambda: False)
    with qtbot.assertNotEmitted(overlay.dismissed):
        QApplication.sendEvent(overlay, QEvent(QEvent.Type.ActivationChange))
        qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=2000)


def test_stays_when_focus_stays_in_the_app(overlay: Overlay, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QGuiApplication

    handle = overlay.windowHandle()
    monkeypatch.setattr(QGuiApplication, "focusWindow", staticmethod(lambda: handle))
    monkeypatch.setattr(overlay, "isActiveWindow", lambda: False)
    QApplication.sendEvent(overlay, QEvent(QEvent.Type.ActivationChange))
    qtbot.wait(300)
    assert overlay.isVisible()


def test_long_snippets_are_cut_for_the_list() -> None:
    from kbassist.ui.models import short_snippet

    assert short_snippet("«卡密»没到", 10) == "«卡密»没到"
    cut = short_snippet("«甲»" + "乙" * 100, 10)
    assert cut == "«甲»" + "乙" * 9 + "…"


def test_preview_marks_placeholders(overlay: Overlay, qtbot: QtBot) -> None:
    from kbassist.ui.overlay import preview_html

    html = preview_html("{用户昵称}您好")
    assert "#fff3bf" in html and "{用户昵称}" in html
    type_query(overlay, qtbot, "卡密", [make_hit(blocks=PLACEHOLDER_BLOCKS)])
    assert "用户昵称" in overlay.preview.toPlainText()


def test_opens_on_the_target_windows_screen(overlay: Overlay) -> None:
    from PySide6.QtGui import QGuiApplication

    from kbassist.native.base import Rect

    screen = QGuiApplication.primaryScreen().availableGeometry()
    overlay.open_at(Rect(screen.x() + 10, screen.y() + 10, 300, 200))
    assert screen.contains(overlay.geometry())
    assert abs(overlay.geometry().center().x() - screen.center().x()) <= 1  # centred horizontally
    overlay.open_at(Rect(-50_000, -50_000, 10, 10))  # off every screen: falls back to the mouse's screen
    assert screen.contains(overlay.geometry())


def test_entry_chosen_names_hit_block_and_rank_before_paste(overlay: Overlay, qtbot: QtBot) -> None:
    events: list[tuple] = []
    overlay.entry_chosen.connect(lambda hit, block, rank, mode: events.append(("chosen", hit.entry.id, block.name, rank, mode)))
    overlay.hidden.connect(lambda: events.append(("hidden",)))
    overlay.paste_requested.connect(lambda plain, html, mode: events.append(("paste", plain)))
    hits = [make_hit("a", "甲"), make_hit("b", "乙", blocks=THREE_BLOCKS)]
    type_query(overlay, qtbot, "话术", hits)
    key(overlay, qtbot, Qt.Key.Key_Down)
    key(overlay, qtbot, Qt.Key.Key_Tab)  # second block of row 2
    key(overlay, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert events == [("chosen", "b", "话术：回访", 2, "copy_only"), ("hidden",), ("paste", "第二段 话术")]


def test_entry_chosen_after_the_placeholder_form(overlay: Overlay, qtbot: QtBot) -> None:
    chosen: list[tuple[str, int]] = []
    overlay.entry_chosen.connect(lambda hit, block, rank, mode: chosen.append((hit.entry.id, rank)))
    form_hit = make_hit("f", "订单", blocks=((BlockKind.SCRIPT, "话术", "订单 {订单号} 已处理"),))
    type_query(overlay, qtbot, "订单", [make_hit("a", "甲"), form_hit])
    assert overlay.select_row(1)
    key(overlay, qtbot, Qt.Key.Key_Return)
    assert overlay.stack.currentIndex() == PAGE_FORM
    qtbot.keyClicks(overlay.form.edits()[0], "A-1")
    key(overlay, qtbot, Qt.Key.Key_Return)
    assert chosen == [("f", 2)]


def test_escape_emits_hidden_without_a_choice(overlay: Overlay, qtbot: QtBot) -> None:
    events: list[str] = []
    overlay.entry_chosen.connect(lambda *a: events.append("chosen"))
    overlay.hidden.connect(lambda: events.append("hidden"))
    type_query(overlay, qtbot, "话术", [make_hit("a", "甲")])
    key(overlay, qtbot, Qt.Key.Key_Escape)
    assert events == ["hidden"]
