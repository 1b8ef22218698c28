"""Win32 backend logic on Linux, through a fake boundary that records every call."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kbassist.native import win32
from kbassist.native.base import HotkeyError, WindowRef
from kbassist.native.win32 import (
    HOTKEY_ID,
    KEYEVENTF_EXTENDEDKEY,
    KEYEVENTF_KEYUP,
    INPUT,
    KeyEvent,
    RunKeyAutostart,
    Win32HotkeyBackend,
    Win32KeySender,
    Win32WindowSystem,
    build_inputs,
)

HWND = 0x10010
OUR_TID, FG_TID = 100, 200
SCANS = {0x11: 0x1D, 0x12: 0x38, 0x10: 0x2A, 0x56: 0x2F, 0x0D: 0x1C, 0x2E: 0x53, 0x4B: 0x25}


class FakeApi:
    """Answers like Windows would in the scenario a test sets up; `calls` is the exact call sequence."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.register_ok = True
        self.error = 0
        self.foreground = 0x5000
        self.windows = {0x5000, 0x6000}
        self.iconic: set[int] = set()
        self.set_foreground_works_after = 0  # how many SetForegroundWindow calls fail first
        self.elevated: dict[int, bool | None] = {}
        self.pids = {0x5000: 50, 0x6000: 60}
        self.sent_ok = True
        self.keys_down: set[int] = set()

    def _log(self, *call: Any) -> None:
        self.calls.append(call)

    def register_hotkey(self, hwnd: int, hotkey_id: int, modifiers: int, vk: int) -> bool:
        self._log("RegisterHotKey", hwnd, hotkey_id, modifiers, vk)
        return self.register_ok

    def unregister_hotkey(self, hwnd: int, hotkey_id: int) -> bool:
        self._log("UnregisterHotKey", hwnd, hotkey_id)
        return True

    def last_error(self) -> int:
        return self.error

    def register_session_notification(self, hwnd: int) -> bool:
        self._log("WTSRegisterSessionNotification", hwnd)
        return True

    def get_foreground_window(self) -> int:
        return self.foreground

    def set_foreground_window(self, hwnd: int) -> bool:
        self._log("SetForegroundWindow", hwnd)
        if self.set_foreground_works_after > 0:
            self.set_foreground_works_after -= 1
            return False
        self.foreground = hwnd
        return True

    def bring_window_to_top(self, hwnd: int) -> bool:
        self._log("BringWindowToTop", hwnd)
        return True

    def is_window(self, hwnd: int) -> bool:
        return hwnd in self.windows

    def is_iconic(self, hwnd: int) -> bool:
        return hwnd in self.iconic

    def show_window(self, hwnd: int, cmd: int) -> bool:
        self._log("ShowWindow", hwnd, cmd)
        self.iconic.discard(hwnd)
        return True

    def window_thread_process_id(self, hwnd: int) -> tuple[int, int]:
        return FG_TID, self.pids.get(hwnd, 0)

    def current_thread_id(self) -> int:
        return OUR_TID

    def attach_thread_input(self, attach: int, attach_to: int, on: bool) -> bool:
        self._log("AttachThreadInput", attach, attach_to, on)
        return True

    def window_text(self, hwnd: int) -> str:
        return f"window {hwnd:#x}"

    def window_rect(self, hwnd: int) -> tuple[int, int, int, int] | None:
        return (10, 20, 810, 620) if hwnd in self.windows else None

    def process_elevated(self, pid: int) -> bool | None:
        return self.elevated.get(pid, False)

    def current_process_id(self) -> int:
        return 1

    def send_input(self, events: list[KeyEvent]) -> int:
        self._log("SendInput", tuple(events))
        return len(events) if self.sent_ok else 0

    def map_virtual_key(self, vk: int) -> int:
        return SCANS.get(vk, 0x10 + vk % 0x40)

    def async_key_down(self, vk: int) -> bool:
        return vk in self.keys_down


@pytest.mark.skipif(sys.platform == "win32", reason="checks the import on other systems")
def test_module_imports_without_windows_modules() -> None:
    code = "import sys, kbassist.native.win32; assert 'winreg' not in sys.modules; assert 'Xlib' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


# --- hotkey ---


def test_register_uses_norepeat_and_modifier_flags(qapp: object) -> None:
    api = FakeApi()
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    assert api.calls == [
        ("WTSRegisterSessionNotification", HWND),
        ("RegisterHotKey", HWND, HOTKEY_ID, 0x4000 | 0x0002 | 0x0001, 0x4B),
    ]


def test_register_replaces_previous_chord(qapp: object) -> None:
    api = FakeApi()
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    backend.register("f8")
    assert api.calls[-2:] == [("UnregisterHotKey", HWND, HOTKEY_ID), ("RegisterHotKey", HWND, HOTKEY_ID, 0x4000, 0x77)]


def test_already_registered_is_taken(qapp: object) -> None:
    api = FakeApi()
    api.register_ok, api.error = False, 1409
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    with pytest.raises(HotkeyError) as info:
        backend.register("ctrl+alt+k")
    assert info.value.reason == "taken"


def test_other_register_error_is_unsupported_with_code(qapp: object) -> None:
    api = FakeApi()
    api.register_ok, api.error = False, 5
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    with pytest.raises(HotkeyError) as info:
        backend.register("ctrl+alt+k")
    assert info.value.reason == "unsupported" and "5" in str(info.value)


@pytest.mark.parametrize("chord", ["k", "ctrl+", "ctrl+alt+ä"])
def test_invalid_chord(qapp: object, chord: str) -> None:
    backend = Win32HotkeyBackend(FakeApi(), hwnd=HWND, install_filter=False)
    with pytest.raises(HotkeyError) as info:
        backend.register(chord)
    assert info.value.reason == "invalid"


def test_wm_hotkey_emits_activated(qtbot: QtBot) -> None:
    backend = Win32HotkeyBackend(FakeApi(), hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    with qtbot.waitSignal(backend.activated, timeout=1000):
        assert backend.handle_message(HWND, win32.WM_HOTKEY, HOTKEY_ID, 0)
    assert not backend.handle_message(HWND, win32.WM_HOTKEY, HOTKEY_ID + 1, 0)


@pytest.mark.parametrize(
    ("message", "wparam"),
    [(win32.WM_WTSSESSION_CHANGE, win32.WTS_SESSION_UNLOCK), (win32.WM_POWERBROADCAST, win32.PBT_APMRESUMEAUTOMATIC)],
)
def test_unlock_and_resume_register_again(qapp: object, message: int, wparam: int) -> None:
    api = FakeApi()
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    api.calls.clear()
    assert not backend.handle_message(HWND, message, wparam, 0)  # not consumed: Qt may want it too
    assert api.calls == [
        ("UnregisterHotKey", HWND, HOTKEY_ID),
        ("RegisterHotKey", HWND, HOTKEY_ID, 0x4003, 0x4B),
    ]


def test_lock_does_not_register_again(qapp: object) -> None:
    api = FakeApi()
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    api.calls.clear()
    backend.handle_message(HWND, win32.WM_WTSSESSION_CHANGE, 0x7, 0)  # WTS_SESSION_LOCK
    assert api.calls == []


def test_failed_reregister_is_remembered(qapp: object) -> None:
    api = FakeApi()
    backend = Win32HotkeyBackend(api, hwnd=HWND, install_filter=False)
    backend.register("ctrl+alt+k")
    api.register_ok = False
    backend.handle_message(HWND, win32.WM_POWERBROADCAST, win32.PBT_APMRESUMESUSPEND, 0)
    api.calls.clear()
    backend.unregister()  # nothing registered any more: no UnregisterHotKey
    assert api.calls == []


# --- activation ---


def test_activation_direct_success() -> None:
    api = FakeApi()
    Win32WindowSystem(api).request_activate(WindowRef(0x6000))
    assert api.calls == [("SetForegroundWindow", 0x6000)]
    assert api.foreground == 0x6000


def test_activation_restores_minimised_window_first() -> None:
    api = FakeApi()
    api.iconic.add(0x6000)
    Win32WindowSystem(api).request_activate(WindowRef(0x6000))
    assert api.calls == [("ShowWindow", 0x6000, win32.SW_RESTORE), ("SetForegroundWindow", 0x6000)]


def test_activation_falls_back_to_attach_thread_input() -> None:
    api = FakeApi()
    api.set_foreground_works_after = 1
    Win32WindowSystem(api).request_activate(WindowRef(0x6000))
    assert api.calls == [
        ("SetForegroundWindow", 0x6000),
        ("AttachThreadInput", OUR_TID, FG_TID, True),
        ("BringWindowToTop", 0x6000),
        ("SetForegroundWindow", 0x6000),
        ("AttachThreadInput", OUR_TID, FG_TID, False),
    ]


def test_activation_last_resort_alt_tap() -> None:
    api = FakeApi()
    api.set_foreground_works_after = 2
    Win32WindowSystem(api).request_activate(WindowRef(0x6000))
    alt = 0x12
    assert api.calls[-2:] == [
        ("SendInput", (KeyEvent(alt, 0x38, 0), KeyEvent(alt, 0x38, KEYEVENTF_KEYUP))),
        ("SetForegroundWindow", 0x6000),
    ]
    assert api.foreground == 0x6000


def test_activation_failure_is_reported_by_is_active() -> None:
    api = FakeApi()
    api.set_foreground_works_after = 99
    windows = Win32WindowSystem(api)
    windows.request_activate(WindowRef(0x6000))
    assert not windows.is_active(WindowRef(0x6000))


def test_closed_window_is_not_activated() -> None:
    api = FakeApi()
    windows = Win32WindowSystem(api)
    windows.request_activate(WindowRef(0x7777))
    assert api.calls == []
    assert not windows.exists(WindowRef(0x7777))


@pytest.mark.parametrize("elevated", [True, None])
def test_elevated_target_counts_as_not_active(elevated: bool | None) -> None:
    api = FakeApi()
    api.foreground = 0x6000
    api.elevated[60] = elevated
    assert not Win32WindowSystem(api).is_active(WindowRef(0x6000))


def test_elevated_self_may_paste_into_elevated_target() -> None:
    api = FakeApi()
    api.foreground = 0x6000
    api.elevated.update({1: True, 60: True})
    assert Win32WindowSystem(api).is_active(WindowRef(0x6000))


def test_active_window_and_geometry() -> None:
    api = FakeApi()
    windows = Win32WindowSystem(api)
    ref = windows.active_window()
    assert ref == WindowRef(0x5000, "window 0x5000")
    geo = windows.geometry(ref)
    assert geo is not None and (geo.x, geo.y, geo.width, geo.height) == (10, 20, 800, 600)


# --- SendInput ---


def test_ctrl_v_events() -> None:
    api = FakeApi()
    Win32KeySender(api).send_chord("ctrl+v")
    assert api.calls == [
        ("SendInput", (
            KeyEvent(0x11, 0x1D, 0), KeyEvent(0x56, 0x2F, 0),
            KeyEvent(0x56, 0x2F, KEYEVENTF_KEYUP), KeyEvent(0x11, 0x1D, KEYEVENTF_KEYUP),
        )),
    ]  # fmt: skip


def test_extended_keys_carry_the_flag() -> None:
    api = FakeApi()
    Win32KeySender(api).send_chord("shift+delete")
    events = api.calls[0][1]
    assert events[1] == KeyEvent(0x2E, 0x53, KEYEVENTF_EXTENDEDKEY)
    assert events[2] == KeyEvent(0x2E, 0x53, KEYEVENTF_EXTENDEDKEY | KEYEVENTF_KEYUP)
    assert events[0].flags == 0 and events[3].flags == KEYEVENTF_KEYUP


def test_blocked_send_input_raises() -> None:
    api = FakeApi()
    api.sent_ok = False
    with pytest.raises(OSError, match="SendInput"):
        Win32KeySender(api).send_chord("ctrl+v")


def test_modifiers_down_from_async_key_state() -> None:
    api = FakeApi()
    keys = Win32KeySender(api)
    assert not keys.modifiers_down()
    api.keys_down.add(0x12)
    assert keys.modifiers_down()


def test_input_struct_layout_matches_windows_x64() -> None:
    if ctypes.sizeof(ctypes.c_size_t) != 8:
        pytest.skip("64-bit layout")
    assert ctypes.sizeof(INPUT) == 40  # what SendInput's cbSize must be on x64
    assert INPUT.u.offset == 8
    array = build_inputs([KeyEvent(0x11, 0x1D, 0), KeyEvent(0x11, 0x1D, KEYEVENTF_KEYUP | KEYEVENTF_EXTENDEDKEY)])
    assert len(array) == 2
    assert array[0].type == 1
    assert (array[0].u.ki.wVk, array[0].u.ki.wScan, array[0].u.ki.dwFlags) == (0x11, 0x1D, 0)
    assert array[1].u.ki.dwFlags == 3
    assert array[1].u.ki.time == 0 and array[1].u.ki.dwExtraInfo == 0
    raw = bytes(array)[40:48]  # the second INPUT's type and its KEYBDINPUT's wVk and wScan
    assert raw == bytes([1, 0, 0, 0, 0, 0, 0, 0])
    assert bytes(array)[48:52] == bytes([0x11, 0, 0x1D, 0])


# --- autostart ---


class FakeKey:
    def __init__(self, reg: FakeWinreg) -> None:
        self.reg = reg

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        self.reg.calls.append(("CloseKey",))


class FakeWinreg:
    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.calls: list[tuple[Any, ...]] = []

    def OpenKey(self, root: str, path: str, reserved: int, access: int) -> FakeKey:  # noqa: N802
        self.calls.append(("OpenKey", root, path, access))
        return FakeKey(self)

    def CreateKeyEx(self, root: str, path: str, reserved: int, access: int) -> FakeKey:  # noqa: N802
        self.calls.append(("CreateKeyEx", root, path, access))
        return FakeKey(self)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[str, int]:  # noqa: N802
        if name not in self.values:
            raise FileNotFoundError(2, "not found")
        return self.values[name], self.REG_SZ

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: str) -> None:  # noqa: N802
        self.calls.append(("SetValueEx", name, kind, value))
        self.values[name] = value

    def DeleteValue(self, key: FakeKey, name: str) -> None:  # noqa: N802
        self.calls.append(("DeleteValue", name))
        if name not in self.values:
            raise FileNotFoundError(2, "not found")
        del self.values[name]


def test_run_key_autostart_round_trip() -> None:
    reg = FakeWinreg()
    auto = RunKeyAutostart(reg)
    assert not auto.is_enabled()
    reg.calls.clear()
    auto.set_enabled(True, [r"C:\Program Files\kbassist\kbassist.exe", "--minimized"])
    assert reg.calls == [
        ("CreateKeyEx", "HKCU", r"Software\Microsoft\Windows\CurrentVersion\Run", reg.KEY_SET_VALUE),
        ("SetValueEx", "kbassist", reg.REG_SZ, '"C:\\Program Files\\kbassist\\kbassist.exe" --minimized'),
        ("CloseKey",),
    ]
    assert auto.is_enabled()
    auto.set_enabled(False, [])
    assert ("DeleteValue", "kbassist") in reg.calls
    assert not auto.is_enabled()
    auto.set_enabled(False, [])  # already off: no error


def test_run_key_needs_a_command() -> None:
    with pytest.raises(OSError):
        RunKeyAutostart(FakeWinreg()).set_enabled(True, [])


def test_native_event_filter_reads_msg_struct(qapp: object) -> None:
    from ctypes import wintypes

    from PySide6.QtCore import QByteArray

    seen: list[tuple[int, int, int, int]] = []
    flt = win32._MessageFilter(lambda *msg: seen.append(msg) or True)
    msg = wintypes.MSG()
    msg.hWnd, msg.message, msg.wParam, msg.lParam = HWND, win32.WM_HOTKEY, HOTKEY_ID, 0x004B0003
    address = ctypes.addressof(msg)
    assert flt.nativeEventFilter(QByteArray(b"windows_generic_MSG"), address) == (True, 0)
    assert seen == [(HWND, win32.WM_HOTKEY, HOTKEY_ID, 0x004B0003)]
    assert flt.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), address) == (False, 0)
    assert len(seen) == 1
