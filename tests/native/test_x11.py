"""X11 backends against a real Xvfb with openbox: key grabs, conflicts, XTEST, EWMH activation, backend choice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from Xlib import XK, X, display

import harness
from kbassist.native import get_backends
from kbassist.native.base import HotkeyError, WindowRef
from kbassist.native.x11 import X11HotkeyBackend, X11KeySender, X11WindowSystem


@pytest.fixture
def xtest(xserver: str) -> Iterator[harness.X]:
    conn = harness.X(xserver)
    yield conn
    conn.close()


@pytest.fixture
def hotkeys(qapp: object, xserver: str) -> Iterator[X11HotkeyBackend]:
    backend = X11HotkeyBackend(xserver)
    yield backend
    backend.close()


def test_grabbed_chord_emits_activated(qtbot: QtBot, hotkeys: X11HotkeyBackend, xtest: harness.X) -> None:
    hotkeys.register("ctrl+alt+k")
    with qtbot.waitSignal(hotkeys.activated, timeout=3000):
        xtest.key("ctrl+alt+k")


def test_chord_fires_with_capslock_on(qtbot: QtBot, hotkeys: X11HotkeyBackend, xtest: harness.X) -> None:
    hotkeys.register("ctrl+alt+k")
    xtest.key("Caps_Lock")
    try:
        with qtbot.waitSignal(hotkeys.activated, timeout=3000):
            xtest.key("ctrl+alt+k")
    finally:
        xtest.key("Caps_Lock")


def test_reregister_moves_the_grab(qtbot: QtBot, hotkeys: X11HotkeyBackend, xtest: harness.X) -> None:
    hotkeys.register("ctrl+alt+k")
    hotkeys.register("ctrl+shift+space")
    with qtbot.waitSignal(hotkeys.activated, timeout=3000):
        xtest.key("ctrl+shift+space")
    # The old chord is free again for other programs.
    other = X11HotkeyBackend(xtest.display.get_display_name())
    try:
        other.register("ctrl+alt+k")
    finally:
        other.close()


def test_second_client_gets_taken(qapp: object, hotkeys: X11HotkeyBackend, xserver: str) -> None:
    hotkeys.register("ctrl+alt+k")
    second = X11HotkeyBackend(xserver)
    try:
        with pytest.raises(HotkeyError) as info:
            second.register("ctrl+alt+k")
        assert info.value.reason == "taken"
        second.register("ctrl+alt+j")  # still usable for another chord
    finally:
        second.close()


def test_chord_held_by_another_program_is_taken(qapp: object, hotkeys: X11HotkeyBackend, xserver: str) -> None:
    other = display.Display(xserver)
    keycode = other.keysym_to_keycode(XK.string_to_keysym("F9"))
    other.screen().root.grab_key(keycode, X.ControlMask, True, X.GrabModeAsync, X.GrabModeAsync)
    other.sync()
    try:
        with pytest.raises(HotkeyError) as info:
            hotkeys.register("ctrl+f9")
        assert info.value.reason == "taken"
    finally:
        other.close()
    hotkeys.register("ctrl+f9")  # released when the other client went away


@pytest.mark.parametrize("chord", ["", "k", "ctrl+alt", "ctrl+nosuchkey"])
def test_invalid_chords(hotkeys: X11HotkeyBackend, chord: str) -> None:
    with pytest.raises(HotkeyError) as info:
        hotkeys.register(chord)
    assert info.value.reason == "invalid"


def test_xtest_sender_and_modifier_state(xserver: str, xtest: harness.X) -> None:
    sender = X11KeySender(xserver)
    try:
        assert not sender.modifiers_down()
        from Xlib.ext import xtest as ext

        ctrl = xtest.display.keysym_to_keycode(XK.string_to_keysym("Control_L"))
        ext.fake_input(xtest.display, X.KeyPress, ctrl)
        xtest.display.sync()
        assert sender.modifiers_down()
        ext.fake_input(xtest.display, X.KeyRelease, ctrl)
        xtest.display.sync()
        assert not sender.modifiers_down()
    finally:
        sender.close()


def test_sent_chord_reaches_the_focused_window(qtbot: QtBot, xserver: str, xtest: harness.X) -> None:
    """A plain X window of the test's own gets the XTEST chord with the right modifier state."""
    conn = display.Display(xserver)
    window = conn.screen().root.create_window(
        0, 0, 200, 100, 0, conn.screen().root_depth, event_mask=X.KeyPressMask | X.StructureNotifyMask
    )
    window.set_wm_name("sender-target")
    window.map()
    conn.sync()
    windows = X11WindowSystem(xserver)
    sender = X11KeySender(xserver)
    try:
        harness.wait_for("the window to be managed", lambda: xtest.find("sender-target"), timeout=5)
        windows.request_activate(WindowRef(window.id))
        harness.wait_for("the window to be active", lambda: windows.is_active(WindowRef(window.id)), timeout=5)
        sender.send_chord("ctrl+v")
        v_code = conn.keysym_to_keycode(XK.string_to_keysym("v"))

        def got_ctrl_v() -> bool:
            while conn.pending_events():
                ev = conn.next_event()
                if ev.type == X.KeyPress and ev.detail == v_code and ev.state & X.ControlMask:
                    return True
            return False

        harness.wait_for("Ctrl+V in the window", got_ctrl_v, timeout=5)
    finally:
        sender.close()
        windows.close()
        conn.close()


def test_window_system_activation_exists_geometry(xserver: str, xtest: harness.X) -> None:
    conn = display.Display(xserver)
    root = conn.screen().root
    made = []
    for name, x in (("first-win", 10), ("second-win", 300)):
        win = root.create_window(x, 40, 200, 150, 0, conn.screen().root_depth)
        win.set_wm_name(name)
        win.map()
        made.append(win)
    conn.sync()
    windows = X11WindowSystem(xserver)
    try:
        first = harness.wait_for("first window", lambda: xtest.find("first-win"), timeout=5)
        second = harness.wait_for("second window", lambda: xtest.find("second-win"), timeout=5)
        for target in (first, second, first):
            windows.request_activate(WindowRef(target))
            harness.wait_for("activation", lambda: windows.is_active(WindowRef(target)), timeout=5)
            active = windows.active_window()
            assert active is not None and active.handle == target
        assert windows.active_window().title == "first-win"  # type: ignore[union-attr]
        geo = windows.geometry(WindowRef(second))
        assert geo is not None and (geo.width, geo.height) == (200, 150)
        assert windows.exists(WindowRef(second))
        made[1].destroy()
        conn.sync()
        assert not windows.exists(WindowRef(second))
        assert windows.geometry(WindowRef(second)) is None
    finally:
        windows.close()
        conn.close()


def test_get_backends_picks_x11_on_xcb(qapp: object, xserver: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", xserver)
    backends = get_backends("xcb")
    try:
        assert backends.name == "x11"
        assert isinstance(backends.hotkeys, X11HotkeyBackend)
        assert isinstance(backends.windows, X11WindowSystem)
    finally:
        backends.hotkeys.close()  # type: ignore[attr-defined]
