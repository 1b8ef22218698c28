"""Tray menu wording, language switch, tooltip and that each action emits its request."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kbassist.ui.i18n import Texts, keys
from kbassist.ui.tray import Tray, app_icon


def test_menu_is_chinese_by_default_and_shows_hotkey(qtbot: QtBot) -> None:
    tray = Tray(Texts())
    tray.set_hotkey("ctrl+alt+k")
    tray.set_problem_count(3)
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["搜索 (ctrl+alt+k)", "重新索引", "知识库问题 (3)", "打开知识库文件夹", "设置", "关于", "退出"]


def test_english_menu(qtbot: QtBot) -> None:
    texts = Texts("en")
    tray = Tray(texts)
    assert tray.actions["quit"].text() == "Quit"
    texts.language = "zh"
    tray.retranslate()
    assert tray.actions["quit"].text() == "退出"


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("search", "search_requested"),
        ("reindex", "reindex_requested"),
        ("problems", "problems_requested"),
        ("open_kb", "open_kb_requested"),
        ("settings", "settings_requested"),
        ("about", "about_requested"),
        ("quit", "quit_requested"),
    ],
)
def test_each_action_emits(qtbot: QtBot, action: str, signal: str) -> None:
    tray = Tray(Texts())
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        tray.actions[action].trigger()


def test_tooltip_has_kb_count_and_state(qtbot: QtBot) -> None:
    tray = Tray(Texts())
    tray.set_status("/kb", 0, "loading")
    assert "/kb" in tray.tooltip() and "正在建立索引" in tray.tooltip()
    tray.set_status("/kb", 42, "ready")
    assert "42" in tray.tooltip() and "就绪" in tray.tooltip()
    tray.set_status("/kb", 42, "failed", "folder missing")
    assert "folder missing" in tray.tooltip()
    assert tray.icon.toolTip() == tray.tooltip()


def test_no_tray_on_offscreen_is_logged(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    tray = Tray(Texts())
    assert not tray.available  # offscreen has no system tray
    with caplog.at_level("INFO", logger="kbassist.app"):
        assert tray.show() is False
    assert "no system tray" in caplog.text


def test_every_string_has_both_languages(qtbot: QtBot) -> None:
    zh, en = Texts("zh"), Texts("en")
    for key in keys():
        assert zh(key) and en(key)
    assert not app_icon().isNull()


def test_indexing_progress_in_tooltip(qtbot: QtBot) -> None:
    tray = Tray(Texts())
    tray.set_status("/kb", 0, "loading")
    tray.set_progress(1200, 5000)
    assert "1200/5000" in tray.tooltip()
    tray.set_status("/kb", 5000, "ready")
    tray.set_progress(1, 2)  # a later re-index does not turn "ready" into a progress display
    assert "1/2" not in tray.tooltip()


def test_without_tray_messages_become_a_toast_without_focus(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    tray = Tray(Texts())
    tray.show()
    tray.message("kbassist", "已复制，请手动粘贴")
    assert tray.toast is not None and tray.toast.isVisible()
    assert tray.toast.text() == "已复制，请手动粘贴"
    assert tray.toast.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert "kbassist" not in tray.toast.windowTitle()  # e2e tests find the overlay by that name
    tray.hide()
    assert not tray.toast.isVisible()
