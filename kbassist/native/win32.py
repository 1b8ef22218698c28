"""Windows backends: RegisterHotKey, foreground-window rules, SendInput, the Run-key autostart.

Every Win32 call goes through one boundary object (`User32`), so the logic here is unit-tested on Linux with a fake
boundary. ctypes.windll and winreg are only touched inside `User32()` and `RunKeyAutostart()` on Windows.
"""

from __future__ import annotations

import ctypes
import logging
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject

from kbassist.native.base import Autostart, HotkeyBackend, HotkeyError, KeySender, Rect, WindowRef, WindowSystem
from kbassist.native.chords import (
    MODIFIERS,
    WIN32_EXTENDED_VKS,
    WIN32_MOD_NOREPEAT,
    WIN32_MODIFIER_VKS,
    ChordError,
    parse_chord,
    validate_hotkey,
    win32_modifier_flags,
    win32_vk,
)

log = logging.getLogger("kbassist.native")

HOTKEY_ID = 0x4B42  # any id in 0x0000..0xBFFF identifies an application hotkey
WM_HOTKEY = 0x0312
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_UNLOCK = 0x8
WTS_SESSION_LOGON = 0x5
WM_POWERBROADCAST = 0x0218
PBT_APMRESUMESUSPEND = 0x7
PBT_APMRESUMEAUTOMATIC = 0x12
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
SW_RESTORE = 9
INPUT_KEYBOARD = 1
KEYEVENTF_EXTENDEDKEY = 0x0001
KEYEVENTF_KEYUP = 0x0002
VK_MENU = 0x12
# Held-modifier check: both generic and left/right Windows keys (GetAsyncKeyState high bit = down now).
_MODIFIER_POLL_VKS = (0x10, 0x11, 0x12, 0x5B, 0x5C)


# --- SendInput structures, with fixed-width fields so their layout is the same when built on Linux in tests ---


class KEYBDINPUT(ctypes.Structure):
    _fields_ = [
        ("wVk", ctypes.c_uint16),
        ("wScan", ctypes.c_uint16),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),  # ULONG_PTR
    ]


class MOUSEINPUT(ctypes.Structure):
    _fields_ = [
        ("dx", ctypes.c_int32),
        ("dy", ctypes.c_int32),
        ("mouseData", ctypes.c_uint32),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class _INPUTUNION(ctypes.Union):
    # The mouse member is the largest: it sets the union size SendInput checks against cbSize.
    _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT)]


class INPUT(ctypes.Structure):
    _fields_ = [("type", ctypes.c_uint32), ("u", _INPUTUNION)]


@dataclass(frozen=True)
class KeyEvent:
    """One key transition as SendInput gets it."""

    vk: int
    scan: int
    flags: int  # KEYEVENTF_*


def build_inputs(events: list[KeyEvent]) -> ctypes.Array[INPUT]:
    """The INPUT array for SendInput."""
    array = (INPUT * len(events))()
    for item, ev in zip(array, events):
        item.type = INPUT_KEYBOARD
        item.u.ki = KEYBDINPUT(ev.vk, ev.scan, ev.flags, 0, 0)
    return array


class Win32Api(Protocol):
    """The boundary: exactly the Win32 calls the backends make."""

    def register_hotkey(self, hwnd: int, hotkey_id: int, modifiers: int, vk: int) -> bool: ...
    def unregister_hotkey(self, hwnd: int, hotkey_id: int) -> bool: ...
    def last_error(self) -> int: ...
    def register_session_notification(self, hwnd: int) -> bool: ...
    def get_foreground_window(self) -> int: ...
    def set_foreground_window(self, hwnd: int) -> bool: ...
    def bring_window_to_top(self, hwnd: int) -> bool: ...
    def is_window(self, hwnd: int) -> bool: ...
    def is_iconic(self, hwnd: int) -> bool: ...
    def show_window(self, hwnd: int, cmd: int) -> bool: ...
    def window_thread_process_id(self, hwnd: int) -> tuple[int, int]: ...
    def current_thread_id(self) -> int: ...
    def attach_thread_input(self, attach: int, attach_to: int, on: bool) -> bool: ...
    def window_text(self, hwnd: int) -> str: ...
    def window_rect(self, hwnd: int) -> tuple[int, int, int, int] | None: ...
    def process_elevated(self, pid: int) -> bool | None: ...
    def current_process_id(self) -> int: ...
    def send_input(self, events: list[KeyEvent]) -> int: ...
    def map_virtual_key(self, vk: int) -> int: ...
    def async_key_down(self, vk: int) -> bool: ...


class User32:
    """The real boundary over ctypes.windll (user32, kernel32, advapi32, wtsapi32); Windows only."""

    def __init__(self) -> None:
        from ctypes import wintypes

        windll = ctypes.WinDLL  # type: ignore[attr-defined]
        self._user32 = windll("user32", use_last_error=True)
        self._kernel32 = windll("kernel32", use_last_error=True)
        self._advapi32 = windll("advapi32", use_last_error=True)
        self._wtsapi32 = windll("wtsapi32", use_last_error=True)
        self._wintypes = wintypes
        u = self._user32
        u.RegisterHotKey.argtypes = [wintypes.HWND, ctypes.c_int, wintypes.UINT, wintypes.UINT]
        u.UnregisterHotKey.argtypes = [wintypes.HWND, ctypes.c_int]
        u.GetForegroundWindow.restype = wintypes.HWND
        u.SetForegroundWindow.argtypes = [wintypes.HWND]
        u.BringWindowToTop.argtypes = [wintypes.HWND]
        u.IsWindow.argtypes = [wintypes.HWND]
        u.IsIconic.argtypes = [wintypes.HWND]
        u.ShowWindow.argtypes = [wintypes.HWND, ctypes.c_int]
        u.GetWindowThreadProcessId.argtypes = [wintypes.HWND, ctypes.POINTER(wintypes.DWORD)]
        u.GetWindowThreadProcessId.restype = wintypes.DWORD
        u.AttachThreadInput.argtypes = [wintypes.DWORD, wintypes.DWORD, wintypes.BOOL]
        u.GetWindowTextLengthW.argtypes = [wintypes.HWND]
        u.GetWindowTextW.argtypes = [wintypes.HWND, wintypes.LPWSTR, ctypes.c_int]
        u.GetWindowRect.argtypes = [wintypes.HWND, ctypes.POINTER(wintypes.RECT)]
        u.SendInput.argtypes = [wintypes.UINT, ctypes.POINTER(INPUT), ctypes.c_int]
        u.SendInput.restype = wintypes.UINT
        u.MapVirtualKeyW.argtypes = [wintypes.UINT, wintypes.UINT]
        u.MapVirtualKeyW.restype = wintypes.UINT
        u.GetAsyncKeyState.argtypes = [ctypes.c_int]
        u.GetAsyncKeyState.restype = ctypes.c_short
        self._wtsapi32.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]

    def register_hotkey(self, hwnd: int, hotkey_id: int, modifiers: int, vk: int) -> bool:
        return bool(self._user32.RegisterHotKey(hwnd or None, hotkey_id, modifiers, vk))

    def unregister_hotkey(self, hwnd: int, hotkey_id: int) -> bool:
        return bool(self._user32.UnregisterHotKey(hwnd or None, hotkey_id))

    def last_error(self) -> int:
        return ctypes.get_last_error()  # type: ignore[attr-defined]

    def register_session_notification(self, hwnd: int) -> bool:
        return bool(self._wtsapi32.WTSRegisterSessionNotification(hwnd, 0))  # NOTIFY_FOR_THIS_SESSION

    def get_foreground_window(self) -> int:
        return int(self._user32.GetForegroundWindow() or 0)

    def set_foreground_window(self, hwnd: int) -> bool:
        return bool(self._user32.SetForegroundWindow(hwnd))

    def bring_window_to_top(self, hwnd: int) -> bool:
        return bool(self._user32.BringWindowToTop(hwnd))

    def is_window(self, hwnd: int) -> bool:
        return bool(self._user32.IsWindow(hwnd))

    def is_iconic(self, hwnd: int) -> bool:
        return bool(self._user32.IsIconic(hwnd))

    def show_window(self, hwnd: int, cmd: int) -> bool:
        return bool(self._user32.ShowWindow(hwnd, cmd))

    def window_thread_process_id(self, hwnd: int) -> tuple[int, int]:
        pid = self._wintypes.DWORD(0)
        tid = self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return int(tid), int(pid.value)

    def current_thread_id(self) -> int:
        return int(self._kernel32.GetCurrentThreadId())

    def attach_thread_input(self, attach: int, attach_to: int, on: bool) -> bool:
        return bool(self._user32.AttachThreadInput(attach, attach_to, on))

    def window_text(self, hwnd: int) -> str:
        length = self._user32.GetWindowTextLengthW(hwnd)
        buffer = ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(hwnd, buffer, length + 1)
        return buffer.value

    def window_rect(self, hwnd: int) -> tuple[int, int, int, int] | None:
        rect = self._wintypes.RECT()
        if not self._user32.GetWindowRect(hwnd, ctypes.byref(rect)):
            return None
        return rect.left, rect.top, rect.right, rect.bottom

    def process_elevated(self, pid: int) -> bool | None:
        """TokenElevation of the process; None when it cannot be opened (itself a sign of a higher integrity)."""
        wt = self._wintypes
        process_query_limited_information, token_query, token_elevation = 0x1000, 0x0008, 20
        handle = self._kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            return None
        token = wt.HANDLE()
        try:
            if not self._advapi32.OpenProcessToken(handle, token_query, ctypes.byref(token)):
                return None
            try:
                elevated = wt.DWORD(0)
                size = wt.DWORD(0)
                ok = self._advapi32.GetTokenInformation(
                    token, token_elevation, ctypes.byref(elevated), ctypes.sizeof(elevated), ctypes.byref(size)
                )
                return bool(elevated.value) if ok else None
            finally:
                self._kernel32.CloseHandle(token)
        finally:
            self._kernel32.CloseHandle(handle)

    def current_process_id(self) -> int:
        return int(self._kernel32.GetCurrentProcessId())

    def send_input(self, events: list[KeyEvent]) -> int:
        inputs = build_inputs(events)
        return int(self._user32.SendInput(len(events), inputs, ctypes.sizeof(INPUT)))

    def map_virtual_key(self, vk: int) -> int:
        return int(self._user32.MapVirtualKeyW(vk, 0))  # MAPVK_VK_TO_VSC

    def async_key_down(self, vk: int) -> bool:
        return bool(self._user32.GetAsyncKeyState(vk) & 0x8000)


# --- hotkey -----------------------------------------------------------------------------------------------------


class _MessageFilter(QAbstractNativeEventFilter):
    """Forwards the Windows messages of interest to the backend; Qt calls it on the GUI thread."""

    def __init__(self, handler: Callable[[int, int, int, int], bool]) -> None:
        super().__init__()
        self._handler = handler

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:  # noqa: N802 - Qt override
        if bytes(event_type) not in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            return False, 0
        from ctypes import wintypes

        msg = wintypes.MSG.from_address(int(message))
        handled = self._handler(int(msg.hWnd or 0), int(msg.message), int(msg.wParam), int(msg.lParam))
        return handled, 0


def _hidden_window_handle() -> tuple[object, int]:
    """A never-shown top-level QWindow: WM_HOTKEY, session and power messages are delivered to its HWND."""
    from PySide6.QtGui import QWindow

    window = QWindow()
    return window, int(window.winId())


class Win32HotkeyBackend(HotkeyBackend):
    """RegisterHotKey on a hidden top-level window, read through a native event filter."""

    name = "win32"

    def __init__(
        self,
        api: Win32Api,
        hwnd: int | None = None,
        install_filter: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._window: object | None = None
        if hwnd is None:
            # Messages for a hidden top-level window: message-only windows miss WM_POWERBROADCAST.
            self._window, hwnd = _hidden_window_handle()
        self._hwnd = hwnd
        self._registered: tuple[int, int] | None = None  # (modifiers, vk)
        self._chord = ""
        if not api.register_session_notification(hwnd):
            log.debug("WTSRegisterSessionNotification failed; no re-register after unlock")
        self._filter: _MessageFilter | None = None
        if install_filter:
            app = QCoreApplication.instance()
            if app is not None:
                self._filter = _MessageFilter(self.handle_message)
                app.installNativeEventFilter(self._filter)

    def register(self, chord: str) -> None:
        try:
            parsed = parse_chord(chord)
            validate_hotkey(parsed)
            vk = win32_vk(parsed.key)
        except ChordError as exc:
            raise HotkeyError("invalid", str(exc)) from exc
        self.unregister()
        # MOD_NOREPEAT: holding the chord must not reopen/close the overlay in a loop.
        modifiers = win32_modifier_flags(parsed) | WIN32_MOD_NOREPEAT
        if not self._api.register_hotkey(self._hwnd, HOTKEY_ID, modifiers, vk):
            code = self._api.last_error()
            if code == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyError("taken", f"{chord} is already registered by another program")
            raise HotkeyError("unsupported", f"RegisterHotKey({chord}) failed with error {code}")
        self._registered = (modifiers, vk)
        self._chord = chord

    def unregister(self) -> None:
        if self._registered is not None:
            self._api.unregister_hotkey(self._hwnd, HOTKEY_ID)
            self._registered = None

    def handle_message(self, hwnd: int, message: int, wparam: int, lparam: int) -> bool:
        """True when the message was ours and is consumed."""
        if message == WM_HOTKEY and wparam == HOTKEY_ID and hwnd in (self._hwnd, 0):
            self.activated.emit()
            return True
        if hwnd != self._hwnd:
            return False
        if message == WM_WTSSESSION_CHANGE and wparam in (WTS_SESSION_UNLOCK, WTS_SESSION_LOGON):
            self._reregister("session unlock")
        elif message == WM_POWERBROADCAST and wparam in (PBT_APMRESUMEAUTOMATIC, PBT_APMRESUMESUSPEND):
            self._reregister("resume")
        return False

    def _reregister(self, why: str) -> None:
        """Some systems drop hotkeys across lock/sleep; registering again is harmless when they did not."""
        if self._registered is None:
            return
        modifiers, vk = self._registered
        self._api.unregister_hotkey(self._hwnd, HOTKEY_ID)
        if self._api.register_hotkey(self._hwnd, HOTKEY_ID, modifiers, vk):
            log.info("hotkey re-registered after %s: %s", why, self._chord)
        else:
            self._registered = None
            log.warning("hotkey lost after %s: %s (error %d)", why, self._chord, self._api.last_error())


# --- windows and keys -------------------------------------------------------------------------------------------


class Win32WindowSystem(WindowSystem):
    """GetForegroundWindow; activation within Windows' foreground-lock rules."""

    name = "win32"

    def __init__(self, api: Win32Api, send_alt_tap: Callable[[], None] | None = None) -> None:
        self._api = api
        self._alt_tap = send_alt_tap if send_alt_tap is not None else self._send_alt_tap
        self._elevated_self: bool | None = None

    def active_window(self) -> WindowRef | None:
        hwnd = self._api.get_foreground_window()
        if not hwnd:
            return None
        return WindowRef(hwnd, self._api.window_text(hwnd))

    def request_activate(self, window: WindowRef) -> None:
        api = self._api
        hwnd = window.handle
        if not api.is_window(hwnd):
            log.info("target window %#x is gone", hwnd)
            return
        if api.is_iconic(hwnd):
            api.show_window(hwnd, SW_RESTORE)
        if api.set_foreground_window(hwnd) and api.get_foreground_window() == hwnd:
            return
        # Foreground lock: only the process that got the last input may set the foreground. Sharing input
        # state with the current foreground thread makes the call come from "that" thread.
        our_tid = api.current_thread_id()
        foreground = api.get_foreground_window()
        fg_tid = api.window_thread_process_id(foreground)[0] if foreground else 0
        attached = bool(fg_tid) and fg_tid != our_tid and api.attach_thread_input(our_tid, fg_tid, True)
        try:
            api.bring_window_to_top(hwnd)
            api.set_foreground_window(hwnd)
        finally:
            if attached:
                api.attach_thread_input(our_tid, fg_tid, False)
        if api.get_foreground_window() == hwnd:
            return
        # Last resort: a synthetic Alt tap counts as our input and lifts the foreground lock.
        self._alt_tap()
        api.set_foreground_window(hwnd)

    def _send_alt_tap(self) -> None:
        scan = self._api.map_virtual_key(VK_MENU)
        self._api.send_input([KeyEvent(VK_MENU, scan, 0), KeyEvent(VK_MENU, scan, KEYEVENTF_KEYUP)])

    def is_active(self, window: WindowRef) -> bool:
        if self._api.get_foreground_window() != window.handle:
            return False
        # UIPI: keys sent from a normal process into an elevated window are dropped silently, so such a
        # window counts as not active and the text stays on the clipboard for a manual paste.
        return not self._target_above_us(window.handle)

    def _target_above_us(self, hwnd: int) -> bool:
        if self._elevated_self is None:
            self._elevated_self = bool(self._api.process_elevated(self._api.current_process_id()))
        if self._elevated_self:
            return False
        pid = self._api.window_thread_process_id(hwnd)[1]
        elevated = self._api.process_elevated(pid) if pid else None
        # None: the process could not even be queried, which for a normal user means it runs higher.
        return elevated is None or elevated

    def exists(self, window: WindowRef) -> bool:
        return self._api.is_window(window.handle)

    def geometry(self, window: WindowRef) -> Rect | None:
        rect = self._api.window_rect(window.handle)
        if rect is None:
            return None
        left, top, right, bottom = rect
        return Rect(left, top, right - left, bottom - top)


def chord_events(api: Win32Api, chord: str) -> list[KeyEvent]:
    """Key-down of the modifiers, the key down and up, the modifiers up in reverse order."""
    parsed = parse_chord(chord)
    vks = [WIN32_MODIFIER_VKS[m] for m in MODIFIERS if m in parsed.modifiers] + [win32_vk(parsed.key)]
    downs = []
    for vk in vks:
        flags = KEYEVENTF_EXTENDEDKEY if vk in WIN32_EXTENDED_VKS else 0
        downs.append(KeyEvent(vk, api.map_virtual_key(vk), flags))
    ups = [KeyEvent(ev.vk, ev.scan, ev.flags | KEYEVENTF_KEYUP) for ev in reversed(downs)]
    return downs + ups


class Win32KeySender(KeySender):
    """SendInput with virtual-key and scan codes (some chat clients read only one of them)."""

    name = "win32"

    def __init__(self, api: Win32Api) -> None:
        self._api = api

    def send_chord(self, chord: str) -> None:
        events = chord_events(self._api, chord)
        sent = self._api.send_input(events)
        if sent != len(events):
            raise OSError(f"SendInput sent {sent} of {len(events)} key events (error {self._api.last_error()})")

    def modifiers_down(self) -> bool:
        return any(self._api.async_key_down(vk) for vk in _MODIFIER_POLL_VKS)


# --- autostart --------------------------------------------------------------------------------------------------

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "kbassist"


class RunKeyAutostart(Autostart):
    """HKCU\\...\\Run\\kbassist = the command line."""

    name = "win32"

    def __init__(self, registry: Any = None) -> None:
        if registry is None:
            import winreg as registry  # Windows only; tests pass a fake module
        self._reg = registry

    def is_enabled(self) -> bool:
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
                value, _kind = reg.QueryValueEx(key, RUN_VALUE)
        except OSError:
            return False
        return bool(value)

    def set_enabled(self, enabled: bool, command: list[str]) -> None:
        reg = self._reg
        if enabled:
            if not command:
                raise OSError("autostart needs a command to run")
            with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, subprocess.list2cmdline(command))
            return
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            pass  # already off
