"""The small interfaces every OS backend implements; paste.py and app.py speak only these."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal


class HotkeyError(Exception):
    """A chord could not be registered; `reason` is "taken", "invalid" or "unsupported"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class HotkeyBackend(QObject):
    """A system-wide hotkey. `activated` is emitted on the GUI thread and does nothing else."""

    activated = Signal()
    name = "abstract"

    def register(self, chord: str) -> None:
        """Grab `chord` (e.g. "ctrl+alt+k"), replacing any previous one; raise HotkeyError on failure."""
        raise NotImplementedError

    def unregister(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class WindowRef:
    """An opaque handle of a top-level window (X11 window id, Win32 HWND)."""

    handle: int
    title: str = ""


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int


class WindowSystem(ABC):
    """Which window is active, and giving focus back to one."""

    name = "abstract"

    @abstractmethod
    def active_window(self) -> WindowRef | None: ...

    @abstractmethod
    def request_activate(self, window: WindowRef) -> None:
        """Ask for `window` to become active; returns at once, confirm with is_active()."""

    @abstractmethod
    def is_active(self, window: WindowRef) -> bool: ...

    @abstractmethod
    def exists(self, window: WindowRef) -> bool: ...

    def geometry(self, window: WindowRef) -> Rect | None:
        """Where the window is, so the overlay opens on the same screen."""
        return None


class KeySender(ABC):
    """Sends key chords to whatever window has focus (XTEST, SendInput)."""

    name = "abstract"

    @abstractmethod
    def send_chord(self, chord: str) -> None:
        """Press and release e.g. "ctrl+v", "shift+insert", "return"."""

    @abstractmethod
    def modifiers_down(self) -> bool:
        """True while the user still holds a modifier (the hotkey's own ctrl/alt)."""


class PasteMode(str, Enum):
    PASTE = "paste"
    PASTE_AND_SEND = "paste_and_send"
    COPY_ONLY = "copy_only"


class PasteOutcome(str, Enum):
    PASTED = "pasted"
    COPIED = "copied"  # copy-only mode, or Shift+Enter
    FOCUS_LOST = "focus_lost"  # the target could not be activated: text left on the clipboard
    FAILED = "failed"


class Autostart(ABC):
    """Starting kbassist when the user logs in (XDG autostart file, the Windows Run key)."""

    name = "abstract"

    @abstractmethod
    def is_enabled(self) -> bool: ...

    @abstractmethod
    def set_enabled(self, enabled: bool, command: list[str]) -> None:
        """Start `command` (argv) at login, or stop doing so; raises OSError when that cannot be written."""
