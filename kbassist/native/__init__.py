"""OS-specific backends (hotkeys, windows, clipboard, keys) behind small interfaces."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from kbassist.native.base import Autostart, HotkeyBackend, KeySender, WindowSystem

log = logging.getLogger("kbassist.native")


@dataclass
class Backends:
    """The OS backends the app composes; `name` says which family was picked ("x11", "win32", "none")."""

    hotkeys: HotkeyBackend
    windows: WindowSystem
    keys: KeySender
    autostart: Autostart
    name: str


def _platform_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() if QGuiApplication.instance() is not None else ""


def get_backends(platform: str | None = None) -> Backends:
    """Pick the backends for the running Qt platform; call after the QApplication exists."""
    qpa = _platform_name() if platform is None else platform
    backends: Backends | None = None
    if sys.platform.startswith("linux") and qpa == "xcb":
        try:
            # Imported here only: python-xlib must not load anywhere but on X11.
            from kbassist.native import x11

            backends = Backends(
                x11.X11HotkeyBackend(), x11.X11WindowSystem(), x11.X11KeySender(), x11.XdgAutostart(), "x11"
            )
        except Exception as exc:  # no DISPLAY access, no XTEST: fall back rather than crash
            log.warning("X11 backends unavailable (%s); using the null backends", exc)
    elif sys.platform == "win32" and qpa == "windows":
        from kbassist.native import win32

        api = win32.User32()
        backends = Backends(
            win32.Win32HotkeyBackend(api),
            win32.Win32WindowSystem(api),
            win32.Win32KeySender(api),
            win32.RunKeyAutostart(),
            "win32",
        )
    if backends is None:
        from kbassist.native import fallback

        autostart: Autostart = fallback.NullAutostart()
        if sys.platform.startswith("linux") and qpa not in ("offscreen", "minimal", ""):
            # The autostart file is plain XDG and works on Wayland too; offscreen/minimal are test and headless
            # runs, which must never write into the user's real ~/.config/autostart.
            from kbassist.native.xdg import XdgAutostart

            autostart = XdgAutostart()
        backends = Backends(
            fallback.NullHotkeyBackend(qpa),
            fallback.NullWindowSystem(),
            fallback.NullKeySender(),
            autostart,
            "none",
        )
    log.info("using %s backends (Qt platform %r)", backends.name, qpa)
    return backends
