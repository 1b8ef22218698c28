"""Paster and ClipboardKeeper on the real (offscreen) Qt clipboard, with fake window and key boundaries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from kbassist.native.base import KeySender, PasteMode, PasteOutcome, WindowRef, WindowSystem
from kbassist.native.clipboard import ClipboardKeeper
from kbassist.native.paste import MSG_MANUAL, Paster

TARGET = WindowRef(0x400001, "chat")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


class FakeWindows(WindowSystem):
    """A target that becomes active `activate_after` polls after request_activate (never if None)."""

    def __init__(self, activate_after: int | None = 0, exists: bool = True) -> None:
        self.active: int = 0x999  # the overlay, say
        self.activate_after = activate_after
        self.alive = exists
        self.requests: list[int] = []
        self._pending: int | None = None
        self._countdown = 0

    def active_window(self) -> WindowRef | None:
        return WindowRef(self.active)

    def request_activate(self, window: WindowRef) -> None:
        self.requests.append(window.handle)
        if self.activate_after is not None:
            self._pending, self._countdown = window.handle, self.activate_after

    def is_active(self, window: WindowRef) -> bool:
        if self._pending is not None:
            if self._countdown <= 0:
                self.active, self._pending = self._pending, None
            else:
                self._countdown -= 1
        return self.active == window.handle

    def exists(self, window: WindowRef) -> bool:
        return self.alive


class FakeKeys(KeySender):
    """Records each chord with what the clipboard held at that moment."""

    def __init__(self, held_polls: int = 0, fail_on: str | None = None) -> None:
        self.sent: list[tuple[str, str, str]] = []  # (chord, clipboard text, clipboard html)
        self.held_polls = held_polls
        self.modifier_polls = 0
        self.fail_on = fail_on
        self.on_send: list = []

    def send_chord(self, chord: str) -> None:
        if chord == self.fail_on:
            raise OSError("SendInput sent 0 of 4 key events")
        mime = QGuiApplication.clipboard().mimeData()
        self.sent.append((chord, mime.text(), mime.html() if mime.hasHtml() else ""))
        for hook in self.on_send:
            hook(chord)

    def modifiers_down(self) -> bool:
        self.modifier_polls += 1
        return self.modifier_polls <= self.held_polls


@pytest.fixture
def clipboard(qapp: QGuiApplication) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def set_original(board: QClipboard) -> None:
    """The agent's clipboard: several formats, as a rich copy from a browser or an office program gives."""
    mime = QMimeData()
    mime.setText("原来的内容 original")
    mime.setHtml("<b>原来的内容</b> original")
    mime.setData("image/png", PNG)
    mime.setData("application/x-kbassist-test", b"\x00\x01custom")
    board.setMimeData(mime)


def assert_original(board: QClipboard) -> None:
    mime = board.mimeData()
    assert mime.text() == "原来的内容 original"
    assert mime.html() == "<b>原来的内容</b> original"
    assert bytes(mime.data("image/png").data()) == PNG
    assert bytes(mime.data("application/x-kbassist-test").data()) == b"\x00\x01custom"


def make(windows: WindowSystem, keys: KeySender, **kwargs: object) -> Paster:
    kwargs.setdefault("restore_delay_ms", 30)
    return Paster(windows, keys, **kwargs)  # type: ignore[arg-type]


def test_paste_sends_chord_then_restores_every_format(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    windows, keys = FakeWindows(activate_after=2), FakeKeys()
    paster = make(windows, keys)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("您好，已补发。", None, TARGET, PasteMode.PASTE, "ctrl+v")
        assert paster.busy  # returns at once, before anything was sent
        assert keys.sent == []
    assert blocker.args[0] is PasteOutcome.PASTED
    assert windows.requests == [TARGET.handle]
    assert keys.sent == [("ctrl+v", "您好，已补发。", "")]
    assert_original(clipboard)
    assert not paster.busy


def test_html_flavour_is_on_the_clipboard_when_asked(qtbot: QtBot, clipboard: QClipboard) -> None:
    keys = FakeKeys()
    paster = make(FakeWindows(), keys)
    with qtbot.waitSignal(paster.finished, timeout=3000):
        paster.paste("加粗", "<b>加粗</b>", TARGET, "paste", "shift+insert")
    assert keys.sent[0][0] == "shift+insert"
    assert keys.sent[0][1] == "加粗"
    assert "<b>加粗</b>" in keys.sent[0][2]


def test_paste_and_send_presses_return_after_the_paste(qtbot: QtBot, clipboard: QClipboard) -> None:
    keys = FakeKeys()
    paster = make(FakeWindows(), keys)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("好的", None, TARGET, PasteMode.PASTE_AND_SEND, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.PASTED
    assert [chord for chord, _, _ in keys.sent] == ["ctrl+v", "return"]
    # Return must come while our text is still the clipboard: the target may read it late.
    assert keys.sent[1][1] == "好的"


def test_copy_only_sets_clipboard_sends_nothing_restores_nothing(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    windows, keys = FakeWindows(), FakeKeys()
    paster = make(windows, keys)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("只复制", "<i>只复制</i>", TARGET, PasteMode.COPY_ONLY, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.COPIED
    assert keys.sent == [] and windows.requests == []
    qtbot.wait(60)  # longer than restore_delay_ms: nothing may come back
    assert clipboard.text() == "只复制"
    assert "<i>只复制</i>" in clipboard.mimeData().html()


def test_focus_lost_leaves_text_on_clipboard(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    windows, keys = FakeWindows(activate_after=None), FakeKeys()
    paster = make(windows, keys, activate_timeout_ms=100)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("请手动粘贴我", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args == [PasteOutcome.FOCUS_LOST, MSG_MANUAL]
    assert keys.sent == []
    qtbot.wait(60)
    assert clipboard.text() == "请手动粘贴我"


@pytest.mark.parametrize("target", [None, WindowRef(0x123)])
def test_no_target_or_closed_target_is_focus_lost(qtbot: QtBot, clipboard: QClipboard, target: WindowRef | None) -> None:
    windows, keys = FakeWindows(exists=False), FakeKeys()
    paster = make(windows, keys)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("文本", None, target, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.FOCUS_LOST
    assert keys.sent == [] and windows.requests == []
    assert clipboard.text() == "文本"


def test_target_closing_while_activating_is_focus_lost(qtbot: QtBot, clipboard: QClipboard) -> None:
    windows, keys = FakeWindows(activate_after=None), FakeKeys()
    paster = make(windows, keys, activate_timeout_ms=5000)
    QTimer.singleShot(30, lambda: setattr(windows, "alive", False))
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("文本", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.FOCUS_LOST


def test_original_survives_focus_lost_and_comes_back_after_next_paste(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    windows, keys = FakeWindows(activate_after=None), FakeKeys()
    paster = make(windows, keys, activate_timeout_ms=50)
    with qtbot.waitSignal(paster.finished, timeout=3000):
        paster.paste("第一次", None, TARGET, PasteMode.PASTE, "ctrl+v")
    windows.activate_after = 0
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("第二次", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.PASTED
    assert_original(clipboard)


def test_waits_for_modifiers_to_be_released(qtbot: QtBot, clipboard: QClipboard) -> None:
    keys = FakeKeys(held_polls=5)
    paster = make(FakeWindows(), keys)
    with qtbot.waitSignal(paster.finished, timeout=3000):
        paster.paste("文本", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert keys.modifier_polls == 6  # five polls saw a held modifier, the sixth let the chord go
    assert [c for c, _, _ in keys.sent] == ["ctrl+v"]


def test_restores_only_if_clipboard_still_holds_our_text(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    keys = FakeKeys()
    # The agent copies something else between our Ctrl+V and the restore.
    keys.on_send.append(lambda chord: QTimer.singleShot(10, lambda: clipboard.setText("客服刚复制的")))
    paster = make(FakeWindows(), keys, restore_delay_ms=150)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("话术", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.PASTED
    assert clipboard.text() == "客服刚复制的"


def test_second_paste_before_restore_restores_the_original(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    keys = FakeKeys()
    paster = make(FakeWindows(), keys, restore_delay_ms=5000)
    outcomes: list[PasteOutcome] = []
    paster.finished.connect(lambda outcome, _msg: outcomes.append(outcome))
    paster.paste("第一段", None, TARGET, PasteMode.PASTE, "ctrl+v")
    qtbot.waitUntil(lambda: len(keys.sent) == 1, timeout=3000)
    assert clipboard.text() == "第一段"  # waiting for its restore
    paster.restore_delay_ms = 30
    paster.paste("第二段", None, TARGET, PasteMode.PASTE, "ctrl+v")
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=3000)
    assert outcomes == [PasteOutcome.PASTED, PasteOutcome.PASTED]
    assert [text for _, text, _ in keys.sent] == ["第一段", "第二段"]
    assert_original(clipboard)


def test_second_paste_while_first_is_activating(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    windows, keys = FakeWindows(activate_after=None), FakeKeys()
    paster = make(windows, keys, activate_timeout_ms=5000)
    outcomes: list[PasteOutcome] = []
    paster.finished.connect(lambda outcome, _msg: outcomes.append(outcome))
    paster.paste("第一段", None, TARGET, PasteMode.PASTE, "ctrl+v")
    windows.active = TARGET.handle
    paster.paste("第二段", None, TARGET, PasteMode.PASTE, "ctrl+v")
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=3000)
    assert outcomes == [PasteOutcome.FAILED, PasteOutcome.PASTED]
    assert [text for _, text, _ in keys.sent] == ["第二段"]
    assert_original(clipboard)


def test_failed_key_send_restores_original_at_once(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    keys = FakeKeys(fail_on="ctrl+v")
    paster = make(FakeWindows(), keys, restore_delay_ms=5000)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("发不出去", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.FAILED
    assert "SendInput" in blocker.args[1]
    assert_original(clipboard)


def test_no_restore_when_disabled(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    paster = make(FakeWindows(), FakeKeys(), restore_clipboard=False)
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("留在剪贴板", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.PASTED
    qtbot.wait(60)
    assert clipboard.text() == "留在剪贴板"


def test_keeper_restores_an_empty_clipboard_as_empty(qapp: QGuiApplication, clipboard: QClipboard) -> None:
    keeper = ClipboardKeeper(clipboard)
    snapshot = keeper.snapshot()
    assert snapshot.empty
    keeper.set_text("临时")
    assert keeper.holds_ours()
    assert keeper.restore_if_ours(snapshot)
    assert clipboard.text() == ""
    assert not keeper.holds_ours()


def test_keeper_snapshot_is_independent_of_later_changes(qapp: QGuiApplication, clipboard: QClipboard) -> None:
    set_original(clipboard)
    keeper = ClipboardKeeper(clipboard)
    snapshot = keeper.snapshot()
    clipboard.setText("别的")
    keeper.restore(snapshot)
    keeper.restore(snapshot)  # usable more than once: each restore hands Qt a fresh QMimeData
    assert_original(clipboard)


class BrokenWindows(FakeWindows):
    def exists(self, window: WindowRef) -> bool:
        raise RuntimeError("X connection lost")


def test_backend_error_at_start_is_failed_and_restores(qtbot: QtBot, clipboard: QClipboard) -> None:
    set_original(clipboard)
    paster = make(BrokenWindows(), FakeKeys())
    with qtbot.waitSignal(paster.finished, timeout=3000) as blocker:
        paster.paste("文本", None, TARGET, PasteMode.PASTE, "ctrl+v")
    assert blocker.args[0] is PasteOutcome.FAILED
    assert "X connection lost" in blocker.args[1]
    assert_original(clipboard)


def test_no_key_is_sent_inside_the_paste_call(qtbot: QtBot, clipboard: QClipboard) -> None:
    windows, keys = FakeWindows(), FakeKeys()
    windows.active = TARGET.handle  # already active: still wait for the event loop (the overlay's hide)
    paster = make(windows, keys)
    with qtbot.waitSignal(paster.finished, timeout=3000):
        paster.paste("文本", None, TARGET, PasteMode.PASTE, "ctrl+v")
        assert keys.sent == []
    assert [c for c, _, _ in keys.sent] == ["ctrl+v"]
