"""Null backends for platforms without global hotkeys or window control (offscreen, Wayland, minimal, macOS)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kbassist.native.base import Autostart, HotkeyBackend, HotkeyError, KeySender, WindowRef, WindowSystem

log = logging.getLogger("kbassist.native")


class NullHotkeyBackend(HotkeyBackend):
    """No global hotkey: the overlay is reached through the tray icon or `kbassist show`."""

    name = "none"

    def __init__(self, platform: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._platform = platform

    def register(self, chord: str) -> None:
        where = f" on the {self._platform!r} platform" if self._platform else ""
        raise HotkeyError("unsupported", f"global hotkeys are not supported{where}; use `kbassist show` or the tray")

    def unregister(self) -> None:
        pass


class NullWindowSystem(WindowSystem):
    """Knows no windows: the paster then leaves the text on the clipboard (FOCUS_LOST)."""

    name = "none"

    def active_window(self) -> WindowRef | None:
        return None

    def request_activate(self, window: WindowRef) -> None:
        pass

    def is_active(self, window: WindowRef) -> bool:
        return False

    def exists(self, window: WindowRef) -> bool:
        return False


class NullKeySender(KeySender):
    """Cannot send keys; says so once instead of failing silently."""

    name = "none"

    def __init__(self) -> None:
        self._warned = False

    def send_chord(self, chord: str) -> None:
        if not self._warned:
            log.warning("cannot send keys on this platform; %s not sent (paste by hand)", chord)
            self._warned = True

    def modifiers_down(self) -> bool:
        return False


class NullAutostart(Autostart):
    """Autostart is not available; enabling it is an error the settings dialog can show."""

    name = "none"

    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool, command: list[str]) -> None:
        if enabled:
            raise OSError("autostart is not supported on this platform")
