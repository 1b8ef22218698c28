"""Team roll-out: layered settings (command line, team file with locks, user file) and a KB on a share that goes away."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kbassist import app as app_mod
from kbassist import paths
from kbassist.app import App
from kbassist.settings import load_effective as load_settings
from kbassist.native import Backends
from kbassist.ui import reload

from test_app import backends, search  # noqa: F401 - fixtures shared with the app tests

NEW_REFUND = """---
id: refund-request
title: 申请退款
aliases: [退钱, 不想要了, 退货运费]
---
# 申请退款

## 话术
您好，退货运费由我们承担。
"""


@pytest.fixture
def fast_probes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Shorter than in production (5 s probe, 2 s poll) to keep the tests short; the intervals are not under test.
    monkeypatch.setattr(app_mod, "PROBE_MS", 200)
    monkeypatch.setattr(reload, "POLL_MS", 100)


@pytest.fixture
def started(qtbot: QtBot, backends: Backends) -> Iterator:  # noqa: F811
    apps: list[App] = []

    def start(kb: Path, **kw: object) -> App:
        settings, warnings, locked = load_settings(paths.app_dirs())
        app = App(
            QApplication.instance(), paths.app_dirs(), settings, locked=locked, warnings=warnings, kb_override=kb,
            backends=backends, **kw,  # type: ignore[arg-type]
        )
        app.start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.shutdown()
        app.overlay.deleteLater()


def test_command_line_over_team_file_over_user_file(
    qtbot: QtBot, backends: Backends, small_kb: Path, tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    team = tmp_path / "it" / "kbassist.toml"
    team.parent.mkdir()
    team.write_text(
        'kb_path = "//server/kb"\nhotkey = "ctrl+alt+j"\npaste_mode = "copy_only"\nagent_name = "客服组"\n'
        'usage_ranking = false\nlocked = ["paste_mode", "usage_ranking"]\nlock_reason = "由组长统一配置"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KBASSIST_TEAM_FILE", str(team))
    user = paths.app_dirs().settings_file
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('agent_name = "小王"\npaste_mode = "paste_and_send"\nlanguage = "en"\n', encoding="utf-8")

    with caplog.at_level(logging.INFO, logger="kbassist"):
        settings, warnings, locked = load_settings(paths.app_dirs())
        app = App(
            QApplication.instance(), paths.app_dirs(), settings, locked=locked, warnings=warnings,
            kb_override=small_kb, hotkey_override="ctrl+alt+h", backends=backends, watch_poll=False,
        )
        try:
            app.start()
            qtbot.waitUntil(lambda: app.index_ready, timeout=30_000)
            # Command line over everything.
            assert app.kb_root == small_kb and app.entry_count == 2
            assert app.hotkey == "ctrl+alt+h" and backends.hotkeys.registered == "ctrl+alt+h"
            # The user's file over the team defaults, where the team did not lock the key.
            assert app.settings.agent_name == "小王" and app.overlay.agent_name == "小王"
            assert app.settings.language == "en" and app.tray.actions["quit"].text() == "Quit"
            assert app.settings.kb_path == "//server/kb" and app.settings.hotkey == "ctrl+alt+j"  # team defaults
            # Locked keys keep the team's value; the user's value is ignored and the agent is told why.
            assert app.settings.paste_mode == "copy_only" and app.overlay.paste_mode == "copy_only"
            assert app.settings.usage_ranking is False
            assert app.locked == {"paste_mode": "由组长统一配置", "usage_ranking": "由组长统一配置"}
            assert "paste_mode" in caplog.text and "locked: 由组长统一配置" in caplog.text
            # Built-in default where no layer says anything.
            assert app.settings.restore_delay_ms == 300
            # The settings window greys the locked keys and names the reason.
            app.show_settings()
            dialog = app.settings_dialog
            assert dialog is not None
            widget = dialog.widgets["paste_mode"]
            assert not widget.isEnabled() and "由组长统一配置" in widget.toolTip()
            assert dialog.widgets["agent_name"].isEnabled()
            dialog.close()
        finally:
            app.shutdown()
            app.overlay.deleteLater()
    assert "team settings: " + str(team) in caplog.text


def test_team_file_env_is_ignored_when_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kbassist import settings as settings_mod

    monkeypatch.setenv("KBASSIST_TEAM_FILE", str(tmp_path / "mine.toml"))
    assert settings_mod.team_file(None) == tmp_path / "mine.toml"
    (tmp_path / "kbassist.toml").write_text('hotkey = "f8"\n', encoding="utf-8")
    assert settings_mod.team_file(tmp_path) == tmp_path / "kbassist.toml"  # next to the exe, not the env
    monkeypatch.delenv("KBASSIST_TEAM_FILE")
    assert settings_mod.team_file(None) is None


def test_share_goes_away_and_comes_back(
    qtbot: QtBot, started, small_kb: Path, tmp_path: Path, fast_probes: None, caplog: pytest.LogCaptureFixture
) -> None:
    app = started(small_kb, watch_poll=True)
    qtbot.waitUntil(lambda: app.index_ready and app.watcher is not None and not app.watcher.busy, timeout=30_000)
    app.show_overlay()
    assert "refund-request" in search(app, qtbot, "退款")

    with caplog.at_level(logging.INFO, logger="kbassist"):
        small_kb.rename(tmp_path / "offline")  # the share drops
        qtbot.waitUntil(lambda: app.tray._state == "state_unreachable", timeout=10_000)
    assert app.kb_unreachable
    assert "无法访问" in app.tray.tooltip() and "上次的索引" in app.tray.tooltip()
    assert "knowledge base unreachable" in caplog.text
    assert caplog.text.count("正在使用上次的索引") == 1  # one tray message, not one per probe
    # The old index still answers, through the engine and through the overlay.
    assert [h.entry.id for h in app.engine.search("卡密")][:1] == ["card-not-received"]
    assert "refund-request" in search(app, qtbot, "退钱")
    assert app.overlay.message.text() == "" or "无法使用" not in app.overlay.message.text()
    qtbot.wait(600)  # a few probes while it is away: still one message
    assert caplog.text.count("正在使用上次的索引") == 1

    (tmp_path / "offline" / "售后" / "refund.md").write_text(NEW_REFUND, encoding="utf-8")
    (tmp_path / "offline").rename(small_kb)  # back, with one file changed while away
    qtbot.waitUntil(lambda: app.tray._state == "state_ready", timeout=15_000)
    assert not app.kb_unreachable
    assert search(app, qtbot, "退货运费")[:1] == ["refund-request"]
    assert "退货运费由我们承担" in app.overlay.model.hits()[0].entry.blocks[0].text
    # And it is watched again: a later edit is picked up by itself.
    (small_kb / "售后" / "refund.md").write_text(NEW_REFUND.replace("退货运费", "七天无理由"), encoding="utf-8")
    qtbot.waitUntil(lambda: "七天无理由" in app.engine.entries["refund-request"].blocks[0].text, timeout=15_000)
    assert search(app, qtbot, "七天无理由")[:1] == ["refund-request"]


def test_file_watcher_mode_also_notices_the_share_going_away(
    qtbot: QtBot, started, small_kb: Path, tmp_path: Path, fast_probes: None
) -> None:
    app = started(small_kb, watch_poll=False)
    qtbot.waitUntil(lambda: app.index_ready and app.watcher is not None and not app.watcher.busy, timeout=30_000)
    small_kb.rename(tmp_path / "offline")
    qtbot.waitUntil(lambda: app.tray._state == "state_unreachable", timeout=10_000)
    (tmp_path / "offline").rename(small_kb)
    qtbot.waitUntil(lambda: app.tray._state == "state_ready", timeout=15_000)


def test_start_while_the_share_is_offline_uses_the_last_index(
    qtbot: QtBot, started, small_kb: Path, tmp_path: Path, fast_probes: None
) -> None:
    first = started(small_kb, watch_poll=True)
    qtbot.waitUntil(lambda: first.index_ready, timeout=30_000)
    first.shutdown()
    small_kb.rename(tmp_path / "offline")

    app = started(small_kb, watch_poll=True)  # next morning: the share is not mounted yet
    qtbot.waitUntil(lambda: app.tray._state == "state_unreachable", timeout=30_000)
    assert app.entry_count == 2 and app.index_ready
    app.show_overlay()
    assert search(app, qtbot, "卡密")[:1] == ["card-not-received"]
    (tmp_path / "offline").rename(small_kb)
    qtbot.waitUntil(lambda: app.tray._state == "state_ready", timeout=15_000)


def test_offline_share_without_an_index_says_so(qtbot: QtBot, started, tmp_path: Path, fast_probes: None) -> None:
    kb = tmp_path / "never-indexed"
    app = started(kb, watch_poll=True)
    qtbot.waitUntil(lambda: app.tray._state == "state_failed", timeout=30_000)
    assert app.kb_unreachable and not app.index_ready
    kb.mkdir()
    (kb / "a.md").write_text("---\nid: a-1\ntitle: 充值失败\n---\n# 充值失败\n\n## 话术\n请稍等。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: app.tray._state == "state_ready" and app.entry_count == 1, timeout=15_000)
