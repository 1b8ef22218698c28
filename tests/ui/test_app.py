"""The composed app on the offscreen platform: real engine on a tmp KB, real Paster, scripted OS backends."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kbassist import paths
from kbassist import settings as settings_mod
from kbassist.app import App
from kbassist.native import Backends
from kbassist.native.base import HotkeyBackend, HotkeyError, KeySender, Rect, WindowRef, WindowSystem
from kbassist.native.base import Autostart
from kbassist.settings import Settings
from kbassist.ui.overlay import PAGE_RESULTS

CHAT = WindowRef(4242, "客服聊天")


class ScriptedHotkeys(HotkeyBackend):
    name = "scripted"

    def __init__(self, taken: set[str] | None = None) -> None:
        super().__init__()
        self.taken = taken or set()
        self.registered: str | None = None

    def register(self, chord: str) -> None:
        if chord in self.taken:
            raise HotkeyError("taken", f"{chord} is grabbed by another program")
        self.registered = chord

    def unregister(self) -> None:
        self.registered = None


class ScriptedWindows(WindowSystem):
    """One chat window that becomes active when asked (or never, with `refuses`)."""

    name = "scripted"

    def __init__(self) -> None:
        self.active: WindowRef | None = CHAT
        self.refuses = False
        self.activations: list[WindowRef] = []

    def active_window(self) -> WindowRef | None:
        return self.active

    def request_activate(self, window: WindowRef) -> None:
        self.activations.append(window)
        if not self.refuses:
            self.active = window

    def is_active(self, window: WindowRef) -> bool:
        return self.active == window

    def exists(self, window: WindowRef) -> bool:
        return window == CHAT

    def geometry(self, window: WindowRef) -> Rect | None:
        return Rect(0, 0, 800, 600)


class ScriptedKeys(KeySender):
    name = "scripted"

    def __init__(self) -> None:
        self.sent: list[str] = []

    def send_chord(self, chord: str) -> None:
        # What the chat window would do on Ctrl+V: read the clipboard.
        self.sent.append(f"{chord}:{QGuiApplication.clipboard().text()}")

    def modifiers_down(self) -> bool:
        return False


class RecordingAutostart(Autostart):
    name = "recording"

    def __init__(self) -> None:
        self.command: list[str] | None = None

    def is_enabled(self) -> bool:
        return self.command is not None

    def set_enabled(self, enabled: bool, command: list[str]) -> None:
        self.command = list(command) if enabled else None


@pytest.fixture
def backends() -> Backends:
    return Backends(ScriptedHotkeys({"ctrl+alt+t"}), ScriptedWindows(), ScriptedKeys(), RecordingAutostart(), "scripted")


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def make_app(qtbot: QtBot, backends: Backends, opened: list[Path], small_kb: Path) -> Iterator:
    apps: list[App] = []

    def make(settings: Settings | None = None, kb: Path | None = small_kb, **kw: object) -> App:
        app = App(
            QApplication.instance(),
            paths.app_dirs(),
            settings or Settings(),
            kb_override=kb,
            opener=opened.append,
            backends=backends,
            watch_poll=False,
            **kw,  # type: ignore[arg-type]
        )
        app.start()
        apps.append(app)
        qtbot.waitUntil(lambda: app.index_ready, timeout=30_000)
        return app

    yield make
    for app in apps:
        app.shutdown()
        app.overlay.deleteLater()


def search(app: App, qtbot: QtBot, query: str) -> list[str]:
    """Types a query into the overlay and waits for the real engine's answer."""
    app.overlay.search.setText(query)
    seq = app.overlay.seq
    qtbot.waitUntil(lambda: app.overlay._shown_seq >= seq, timeout=10_000)
    return [h.entry.id for h in app.overlay.model.hits()]


def test_start_registers_hotkey_and_indexes(make_app, backends: Backends, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kbassist.app"):
        app = make_app()
    assert backends.hotkeys.registered == "ctrl+alt+k"
    assert "hotkey registered: ctrl+alt+k via scripted" in caplog.text
    assert "index ready: 2 entries" in caplog.text
    assert app.tray.actions["search"].text() == "搜索 (ctrl+alt+k)"
    assert "2" in app.tray.tooltip() and "就绪" in app.tray.tooltip()


def test_hotkey_to_paste_with_real_engine(make_app, backends: Backends, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    app = make_app()
    QGuiApplication.clipboard().setText("客户原来的剪贴板")
    backends.hotkeys.activated.emit()
    assert app.overlay.isVisible() and app.target == CHAT
    assert "refund-request" in search(app, qtbot, "退款")
    backends.windows.active = WindowRef(7, "overlay")  # our overlay took focus
    with caplog.at_level(logging.INFO, logger="kbassist.app"):
        with qtbot.waitSignal(app.paster.finished, timeout=5000):
            qtbot.keyClick(app.overlay.search, Qt.Key.Key_Return)
    assert not app.overlay.isVisible()
    assert backends.windows.activations == [CHAT]
    assert backends.keys.sent == ["ctrl+v:您好，退款申请已提交，预计 1-3 个工作日 原路退回。"]
    assert "paste finished: pasted" in caplog.text
    # The agent's clipboard comes back after the restore delay.
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "客户原来的剪贴板", timeout=5000)


def test_focus_lost_leaves_text_and_tells_the_agent(
    make_app, backends: Backends, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    search(app, qtbot, "退款")
    backends.windows.active = None
    backends.windows.refuses = True
    with caplog.at_level(logging.INFO, logger="kbassist.app"):
        with qtbot.waitSignal(app.paster.finished, timeout=5000):
            qtbot.keyClick(app.overlay.search, Qt.Key.Key_Return)
    assert "paste finished: focus_lost" in caplog.text
    assert "已复制，请手动粘贴" in caplog.text
    assert QGuiApplication.clipboard().text().startswith("您好，退款申请已提交")


def test_placeholder_form_uses_agent_name_and_clipboard(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app(Settings(agent_name="小王"))
    QGuiApplication.clipboard().setText("A-1001")
    backends.hotkeys.activated.emit()
    assert search(app, qtbot, "卡密")[0] == "card-not-received"
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Return)
    fields = app.overlay.form.fields
    assert list(fields) == ["用户昵称", "订单号", "客服名"]
    assert fields["客服名"].text() == "小王"


def test_escape_gives_focus_back(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    backends.windows.active = WindowRef(7, "overlay")
    qtbot.keyClick(app.overlay.search, Qt.Key.Key_Escape)
    assert backends.windows.activations == [CHAT]


def test_hotkey_again_closes_overlay(make_app, backends: Backends, qtbot: QtBot) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    assert app.overlay.isVisible()
    qtbot.waitUntil(app.overlay.isActiveWindow, timeout=2000)
    backends.hotkeys.activated.emit()
    assert not app.overlay.isVisible()


def test_taken_hotkey_is_reported_and_app_still_usable(
    make_app, backends: Backends, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="kbassist.app"):
        app = make_app(Settings(hotkey="ctrl+alt+t"))
    assert "hotkey unavailable: ctrl+alt+t: taken" in caplog.text
    assert app.hotkey_error and "taken" in app.hotkey_error
    app.tray.actions["settings"].trigger()
    assert app.settings_dialog is not None and app.settings_dialog.isVisible()
    assert "taken" in app.settings_dialog.hotkey_status.text()
    app.settings_dialog.close()
    app.tray.actions["search"].trigger()  # the tray still opens the search
    assert app.overlay.isVisible()


def test_tray_actions(make_app, backends: Backends, qtbot: QtBot, opened: list[Path], make_kb) -> None:
    root = make_kb({"坏/broken.md": "---\nid: [unclosed\n---\n# 标题\n"})
    app = make_app(kb=root)
    assert app.tray.problem_count >= 1
    assert app.tray.actions["problems"].text() == f"知识库问题 ({app.tray.problem_count})"

    app.tray.actions["problems"].trigger()
    dialog = app.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert any("broken.md" in dialog.list.item(i).text() for i in range(dialog.list.count()))
    item = next(dialog.list.item(i) for i in range(dialog.list.count()) if "broken.md" in dialog.list.item(i).text())
    dialog.list.itemDoubleClicked.emit(item)
    assert opened[-1] == root / "坏" / "broken.md"

    app.tray.actions["open_kb"].trigger()
    assert opened[-1] == root

    app.tray.actions["about"].trigger()
    about = app.about_dialog.label.text()
    assert str(root) in about and str(app.dirs.logs) in about and str(app.dirs.index_dir(root)) in about

    with qtbot.waitSignal(app.index_thread.updated, timeout=30_000) as sig:
        app.tray.actions["reindex"].trigger()
    assert sig.args[0].rebuilt

    app.tray.actions["settings"].trigger()
    assert app.settings_dialog.isVisible()
    app.settings_dialog.close()

    quits: list[int] = []
    app.quit = lambda: quits.append(1)  # type: ignore[method-assign]
    app.tray.quit_requested.disconnect()
    app.tray.quit_requested.connect(app.quit)
    app.tray.actions["quit"].trigger()
    assert quits == [1]


def test_live_reload_sees_a_saved_file(make_app, backends: Backends, qtbot: QtBot, small_kb: Path) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    assert search(app, qtbot, "改地址") == []
    (small_kb / "售后" / "address.md").write_text(
        "---\nid: change-address\ntitle: 修改收货地址\naliases: [改地址]\n---\n# 修改收货地址\n\n## 话术\n好的，已为您修改。\n",
        encoding="utf-8",
    )
    # The open overlay searches again by itself once the index has the change (debounce 150 ms + update).
    qtbot.waitUntil(lambda: [h.entry.id for h in app.overlay.model.hits()] == ["change-address"], timeout=3000)
    assert app.overlay.stack.currentIndex() == PAGE_RESULTS


def test_problem_count_follows_edits(make_app, qtbot: QtBot, small_kb: Path) -> None:
    app = make_app()
    before = app.tray.problem_count
    (small_kb / "坏.md").write_text("---\nid: [x\n---\n", encoding="utf-8")
    qtbot.waitUntil(lambda: app.tray.problem_count > before, timeout=3000)


def test_settings_applied_live(make_app, backends: Backends, qtbot: QtBot, make_kb, tmp_path: Path) -> None:
    app = make_app()
    other = tmp_path / "other-kb"
    (other / "x").mkdir(parents=True)
    (other / "x" / "only.md").write_text("---\nid: only-one\ntitle: 唯一条目\n---\n# 唯一条目\n\n## 话术\n你好\n", encoding="utf-8")
    app.kb_override = None
    new = settings_mod.replace(app.settings, hotkey="ctrl+alt+j", language="en", kb_path=str(other), paste_mode="copy_only")
    app.apply_settings(new)
    assert backends.hotkeys.registered == "ctrl+alt+j"
    assert app.tray.actions["quit"].text() == "Quit"
    assert app.overlay.paste_mode == "copy_only"
    app.apply_settings(settings_mod.replace(app.settings, autostart=True))
    assert backends.autostart.command is not None and "kbassist" in " ".join(backends.autostart.command)
    qtbot.waitUntil(lambda: app.index_ready and app.kb_root == other, timeout=30_000)
    assert app.entry_count == 1
    saved, warnings = settings_mod.load(app.dirs.settings_file)
    assert saved == settings_mod.replace(new, autostart=True) and warnings == []


def test_missing_kb_folder_is_shown_not_crashed(qtbot: QtBot, backends: Backends, tmp_path: Path) -> None:
    app = App(
        QApplication.instance(), paths.app_dirs(), Settings(), kb_override=tmp_path / "gone", backends=backends, watch_poll=False
    )
    try:
        app.start()
        qtbot.waitUntil(lambda: "state_failed" == app.tray._state, timeout=30_000)
        backends.hotkeys.activated.emit()
        assert "gone" in app.overlay.message.text() or "不存在" in app.overlay.message.text()
        assert app.overlay.open_kb_button.isVisibleTo(app.overlay)
    finally:
        app.shutdown()


def test_settings_warnings_are_told(qtbot: QtBot, backends: Backends, small_kb: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kbassist.app"):
        app = App(
            QApplication.instance(), paths.app_dirs(), Settings(), warnings=["settings.toml: paste_mode = 'x' 无效"],
            kb_override=small_kb, backends=backends, watch_poll=False,
        )
        try:
            app.start()
        finally:
            app.shutdown()
    assert "paste_mode = 'x'" in caplog.text


def test_hotkey_brings_back_an_inactive_overlay(make_app, backends: Backends, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    backends.hotkeys.activated.emit()
    monkeypatch.setattr(app.overlay, "isActiveWindow", lambda: False)  # another window got in front of it
    app.overlay.hide_on_deactivate = False
    backends.windows.active = WindowRef(99, "其他聊天窗口")
    backends.windows.exists = lambda w: True  # type: ignore[method-assign]
    backends.hotkeys.activated.emit()
    assert app.overlay.isVisible()
    assert app.target == WindowRef(99, "其他聊天窗口")


def test_reports_of_a_stopped_index_thread_are_ignored(make_app, qtbot: QtBot) -> None:
    app = make_app()
    old = app.index_thread
    app._close_kb()  # what shutdown and a KB switch do; the thread's queued signals may still arrive
    assert app.engine is None
    old.updated.emit(object())  # delivered after the thread was stopped: must not touch the closed engine
    old.warmed_up.emit()
    old.failed.emit("late")
    qtbot.wait(50)
    assert app.engine is None and app.index_thread is None
