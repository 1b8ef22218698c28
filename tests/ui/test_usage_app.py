"""The usage log in the running app: one row per overlay session, learned ranking, the 未命中 tab, a broken log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kbassist import paths
from kbassist import settings as settings_mod
from kbassist.app import App
from kbassist.core.kb import load_kb
from kbassist.core.usage import PASTED, UsageLog, UsageSession
from kbassist.native import Backends
from kbassist.native.base import WindowRef
from kbassist.settings import Settings

from test_app import backends, make_app, opened, search  # noqa: F401 - fixtures shared with the app tests

# Three entries a two-character query cannot tell apart: the engine scores them equally.
TIED = {
    f"售后/{entry_id}.md": f"---\nid: {entry_id}\ntitle: {title}\n---\n# {title}\n\n## 话术\n您好，关于{title}，请稍等。\n"
    for entry_id, title in (("jindu", "退款进度查询"), ("shibai", "退款失败处理"), ("daozhang", "退款到账时间"))
}


@pytest.fixture
def tied_kb(tmp_path: Path) -> Path:
    root = tmp_path / "tied"
    for rel, text in TIED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def drain(app: App, qtbot: QtBot) -> None:
    """Wait until every job queued on the usage thread so far has run."""
    done: list[int] = []
    app.usage_tasks.submit(lambda: None, lambda _: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)


def rows() -> list[UsageSession]:
    with UsageLog(paths.app_dirs().usage_db, prune_on_open=False) as usage:
        return usage.sessions()


def paste_row(app: App, backends: Backends, qtbot: QtBot, row: int, key: Qt.Key = Qt.Key.Key_Return,
              mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    assert app.overlay.select_row(row)
    backends.windows.active = WindowRef(7, "overlay")
    with qtbot.waitSignal(app.paster.finished, timeout=5000):
        qtbot.keyClick(app.overlay.search, key, mods)


def test_paste_records_one_row(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    hits = search(app, qtbot, "退款")
    assert hits[0] == "refund-request"
    paste_row(app, backends, qtbot, 0)
    drain(app, qtbot)
    [row] = rows()
    assert (row.query, row.outcome, row.entry_id, row.block, row.rank) == ("退款", "pasted", "refund-request", "话术", 1)
    assert row.result_count == len(hits)
    assert row.ms is not None and row.ms > 0


def test_copy_and_rank_of_a_lower_row(make_app, backends: Backends, qtbot: QtBot, tied_kb: Path) -> None:
    app = make_app(kb=tied_kb)
    backends.hotkeys.activated.emit()
    hits = search(app, qtbot, "退款")
    assert len(hits) == 3
    paste_row(app, backends, qtbot, 2, mods=Qt.KeyboardModifier.ShiftModifier)  # Shift+Enter: copy only
    drain(app, qtbot)
    [row] = rows()
    assert (row.outcome, row.entry_id, row.rank, row.result_count) == ("copied", hits[2], 3, 3)


def test_escape_records_dismissed_and_empty_search_no_result(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    search(app, qtbot, "退款")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    backends.hotkeys.activated.emit()
    assert search(app, qtbot, "改地址") == []
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    drain(app, qtbot)
    got = [(r.query, r.outcome, r.result_count, r.entry_id, r.rank, r.ms) for r in rows()]
    assert got == [("退款", "dismissed", 1, "", 0, None), ("改地址", "no_result", 0, "", 0, None)]


def test_logging_off_records_nothing_and_creates_no_file(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app(Settings(usage_logging=False))
    backends.hotkeys.activated.emit()
    search(app, qtbot, "退款")
    paste_row(app, backends, qtbot, 0)
    backends.hotkeys.activated.emit()
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    drain(app, qtbot)
    assert not paths.app_dirs().usage_db.exists()


def test_settings_change_applies_without_restart(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app(Settings(usage_logging=False))
    app.apply_settings(settings_mod.replace(app.settings, usage_logging=True, usage_masking=False))
    backends.hotkeys.activated.emit()
    search(app, qtbot, "订单12345678")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    app.apply_settings(settings_mod.replace(app.settings, usage_masking=True))
    backends.hotkeys.activated.emit()
    search(app, qtbot, "订单12345678")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    app.apply_settings(settings_mod.replace(app.settings, usage_logging=False))
    backends.hotkeys.activated.emit()
    search(app, qtbot, "订单999")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    drain(app, qtbot)
    assert [r.query for r in rows()] == ["订单12345678", "订单########"]


def test_corrupted_usage_db_is_told_once_and_paste_still_works(
    make_app, backends: Backends, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    db = paths.app_dirs().usage_db
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database\x00\xff" * 200)
    with caplog.at_level(logging.INFO, logger="kbassist"):
        app = make_app()
        drain(app, qtbot)
        for _ in range(2):
            backends.hotkeys.activated.emit()
            assert search(app, qtbot, "退款")[0] == "refund-request"
            paste_row(app, backends, qtbot, 0)
            drain(app, qtbot)
    assert backends.keys.sent[-1].startswith("ctrl+v:您好，退款申请已提交")
    assert len(backends.keys.sent) == 2
    notices = [r for r in caplog.records if r.getMessage().startswith("notice:") and "使用记录不可用" in r.getMessage()]
    assert len(notices) == 1
    assert db.read_bytes().startswith(b"this is not a database")  # never "repaired" over the agent's data


def test_ranking_learns_from_a_paste(make_app, backends: Backends, qtbot: QtBot, tied_kb: Path) -> None:
    app = make_app(kb=tied_kb)
    backends.hotkeys.activated.emit()
    before = search(app, qtbot, "退款")
    favourite = before[-1]
    assert before[0] != favourite
    paste_row(app, backends, qtbot, len(before) - 1)
    drain(app, qtbot)
    qtbot.waitUntil(lambda: favourite in app.usage_weights, timeout=5000)
    backends.hotkeys.activated.emit()
    app.overlay.search.clear()
    assert search(app, qtbot, "退款")[0] == favourite
    assert search(app, qtbot, "tk")[0] == favourite  # initials: two letters, just as ambiguous

    app.apply_settings(settings_mod.replace(app.settings, usage_ranking=False))
    drain(app, qtbot)
    app.overlay.search.clear()
    assert search(app, qtbot, "退款") == before


def test_ranking_from_an_existing_history(make_app, backends: Backends, qtbot: QtBot, tied_kb: Path) -> None:
    with UsageLog(paths.app_dirs().usage_db) as usage:
        for _ in range(5):
            usage.record(UsageSession(query="退款", outcome=PASTED, result_count=3, entry_id="jindu", block="话术", rank=2, ms=900))
    app = make_app(Settings(usage_logging=False), kb=tied_kb)  # ranking alone reads the existing log
    drain(app, qtbot)
    backends.hotkeys.activated.emit()
    assert search(app, qtbot, "退款")[0] == "jindu"
    app.apply_settings(settings_mod.replace(app.settings, usage_ranking=False))
    drain(app, qtbot)
    app.overlay.search.clear()
    assert search(app, qtbot, "退款")[0] != "jindu"


def test_gaps_tab_lists_missed_queries_and_creates_an_entry(
    make_app, backends: Backends, qtbot: QtBot, opened: list[Path], small_kb: Path
) -> None:
    app = make_app()
    for query in ("改地址", "发票怎么开", "改地址"):
        backends.hotkeys.activated.emit()
        app.overlay.search.clear()
        search(app, qtbot, query)
        qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    drain(app, qtbot)

    app.tray.actions["problems"].trigger()
    dialog = app.problems_dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(1)
    assert dialog.tabs.tabText(1) == "未命中"
    qtbot.waitUntil(lambda: dialog.gaps_list.count() == 2, timeout=5000)
    texts = [dialog.gaps_list.item(i).text() for i in range(dialog.gaps_list.count())]
    assert texts[0].startswith("改地址") and "×2" in texts[0]  # newest first, with its count
    assert texts[1].startswith("发票怎么开") and "×1" in texts[1]

    dialog.gaps_list.setCurrentRow(0)
    before = len(opened)
    qtbot.mouseClick(dialog.new_entry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) > before, timeout=10_000)
    created = opened[-1]
    assert created.suffix == ".md" and small_kb in created.parents
    entry = next(e for e in load_kb(small_kb).entries if e.path == created)
    assert entry.title == "改地址" and "改地址" in entry.aliases
    # The index picks the new file up, so the missed search now finds it.
    app.overlay.search.clear()
    backends.hotkeys.activated.emit()
    qtbot.waitUntil(lambda: entry.id in search(app, qtbot, "改地址"), timeout=10_000)


def test_closing_before_the_answer_is_not_a_no_result(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    app.search_thread.set_enabled(False)  # the answer to the next query never comes
    app.overlay.search.setText("改地址")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    drain(app, qtbot)
    [row] = rows()
    assert (row.query, row.outcome) == ("改地址", "dismissed")
