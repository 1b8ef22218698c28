"""X11 backends: XGrabKey hotkey, EWMH active window, XTEST key sending, XDG autostart (python-xlib only here)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier
from Xlib import XK, X, display, error
from Xlib.ext import xtest
from Xlib.protocol import event as xevent

from kbassist.native.base import HotkeyBackend, HotkeyError, KeySender, Rect, WindowRef, WindowSystem
from kbassist.native.chords import (
    X11_LOCK_MASK,
    X11_MOD2_MASK,
    X11_MODIFIER_KEYSYMS,
    ChordError,
    parse_chord,
    validate_hotkey,
    x11_keysym_name,
    x11_modifier_mask,
)
from kbassist.native.xdg import XdgAutostart

log = logging.getLogger("kbassist.native")

__all__ = ["X11HotkeyBackend", "X11KeySender", "X11WindowSystem", "XdgAutostart"]


def _keycode(conn: display.Display, keysym_name: str) -> int:
    keysym = XK.string_to_keysym(keysym_name)
    return conn.keysym_to_keycode(keysym) if keysym else 0


def _numlock_mask(conn: display.Display) -> int:
    """The modifier bit NumLock sits on in the current keymap (Mod2 nearly always)."""
    numlock = _keycode(conn, "Num_Lock")
    if numlock:
        for index, keycodes in enumerate(conn.get_modifier_mapping()):
            if numlock in keycodes:
                return 1 << index
    return X11_MOD2_MASK


class X11HotkeyBackend(HotkeyBackend):
    """A passive key grab on the root window, read through a QSocketNotifier on its own Xlib connection."""

    name = "x11"

    def __init__(self, display_name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Its own connection: the notifier must see only this connection's events, and grab errors must not
        # reach another connection's error handler.
        self._display = display.Display(display_name)
        self._root = self._display.screen().root
        self._grabs: list[tuple[int, int]] = []
        self._keycode = 0
        self._mask = 0
        self._lock_masks = X11_LOCK_MASK | _numlock_mask(self._display)
        self._last_release_time = -1
        self._notifier = QSocketNotifier(self._display.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def register(self, chord: str) -> None:
        try:
            parsed = parse_chord(chord)
            validate_hotkey(parsed)
            keysym_name = x11_keysym_name(parsed.key)
        except ChordError as exc:
            raise HotkeyError("invalid", str(exc)) from exc
        keycode = _keycode(self._display, keysym_name)
        if not keycode:
            raise HotkeyError("invalid", f"{chord}: no key for {keysym_name} in the current keyboard map")
        self.unregister()
        mask = x11_modifier_mask(parsed)
        numlock = self._lock_masks & ~X11_LOCK_MASK
        catcher = error.CatchError(error.BadAccess)
        # The grab matches the exact modifier state, so CapsLock and NumLock need grabs of their own.
        combos = [mask, mask | X11_LOCK_MASK, mask | numlock, mask | X11_LOCK_MASK | numlock]
        for combo in combos:
            self._root.grab_key(keycode, combo, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        # Grab errors arrive asynchronously; sync() makes the server answer before we decide.
        self._display.sync()
        if catcher.get_error() is not None:
            for combo in combos:
                self._root.ungrab_key(keycode, combo, onerror=error.CatchError())
            self._display.sync()
            self._drain()
            raise HotkeyError("taken", f"{chord} is already grabbed by another program")
        self._grabs = [(keycode, combo) for combo in combos]
        self._keycode, self._mask = keycode, mask
        # Events already read into Xlib's buffer by sync() do not wake the notifier again.
        self._drain()
        log.debug("x11 hotkey grabbed: %s (keycode %d, mask %#x)", chord, keycode, mask)

    def unregister(self) -> None:
        if not self._grabs:
            return
        catcher = error.CatchError()
        for keycode, combo in self._grabs:
            self._root.ungrab_key(keycode, combo, onerror=catcher)
        self._display.sync()
        self._grabs = []
        self._keycode = 0
        self._drain()

    def close(self) -> None:
        self.unregister()
        self._notifier.setEnabled(False)
        self._display.close()

    def _drain(self) -> None:
        try:
            self._dispatch()
        except error.ConnectionClosedError as exc:
            # The X server went away (session ending): stop listening instead of raising on every wake-up.
            self._notifier.setEnabled(False)
            self._grabs = []
            log.warning("X11 connection closed; global hotkey off (%s)", exc)

    def _dispatch(self) -> None:
        while self._display.pending_events():
            ev = self._display.next_event()
            if ev.type == X.KeyRelease and ev.detail == self._keycode:
                self._last_release_time = ev.time
            elif ev.type == X.KeyPress and self._keycode and ev.detail == self._keycode:
                # Auto-repeat arrives as release+press with the same timestamp: fire once per real press.
                if ev.time == self._last_release_time:
                    continue
                if (ev.state & ~self._lock_masks) == self._mask:
                    self.activated.emit()


class X11WindowSystem(WindowSystem):
    """The EWMH active window (_NET_ACTIVE_WINDOW); needs a window manager that supports it."""

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        self._display = display.Display(display_name)
        self._root = self._display.screen().root
        self._net_active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._net_wm_name = self._display.intern_atom("_NET_WM_NAME")
        self._utf8 = self._display.intern_atom("UTF8_STRING")
        self._stamp_atom = self._display.intern_atom("_KBASSIST_TIMESTAMP")
        self._stamp_window = None

    def _active_id(self) -> int:
        try:
            prop = self._root.get_full_property(self._net_active, X.AnyPropertyType)
        except error.XError:
            return 0
        if prop is None or not len(prop.value):
            return 0
        return int(prop.value[0])

    def active_window(self) -> WindowRef | None:
        wid = self._active_id()
        if not wid:
            return None
        return WindowRef(wid, self._title(wid))

    def _title(self, wid: int) -> str:
        window = self._display.create_resource_object("window", wid)
        try:
            prop = window.get_full_property(self._net_wm_name, self._utf8)
            if prop is not None:
                value = prop.value
                return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            name = window.get_wm_name()
            return name.decode("latin-1") if isinstance(name, bytes) else (name or "")
        except error.XError:
            return ""

    def _server_time(self) -> int:
        """A current server timestamp: change a property on a private window and read the PropertyNotify."""
        try:
            if self._stamp_window is None:
                self._stamp_window = self._root.create_window(
                    -10, -10, 1, 1, 0, 0, X.InputOnly, X.CopyFromParent, event_mask=X.PropertyChangeMask
                )
            self._stamp_window.change_property(self._stamp_atom, self._utf8, 8, b"")
            self._display.flush()
            # Only this private window selects events on this connection, so the next event is ours.
            for _ in range(16):
                ev = self._display.next_event()
                if ev.type == X.PropertyNotify:
                    return int(ev.time)
        except error.XError:
            log.debug("x11: no server timestamp", exc_info=True)
        return X.CurrentTime

    def request_activate(self, window: WindowRef) -> None:
        target = self._display.create_resource_object("window", window.handle)
        # Source indication 2 ("pager") tells the WM the request comes from the user, so focus-stealing
        # prevention does not veto it.
        message = xevent.ClientMessage(
            window=target,
            client_type=self._net_active,
            data=(32, [2, self._server_time(), 0, 0, 0]),
        )
        self._root.send_event(
            message,
            event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask,
            onerror=error.CatchError(),
        )
        self._display.flush()

    def is_active(self, window: WindowRef) -> bool:
        return self._active_id() == window.handle

    def exists(self, window: WindowRef) -> bool:
        try:
            self._display.create_resource_object("window", window.handle).get_attributes()
        except error.XError:
            return False
        return True

    def geometry(self, window: WindowRef) -> Rect | None:
        target = self._display.create_resource_object("window", window.handle)
        try:
            geo = target.get_geometry()
            origin = self._root.translate_coords(target, 0, 0)
        except error.XError:
            return None
        return Rect(int(origin.x), int(origin.y), int(geo.width), int(geo.height))

    def close(self) -> None:
        self._display.close()


class X11KeySender(KeySender):
    """Fake key presses through XTEST, which applications accept (unlike XSendEvent's synthetic events)."""

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        self._display = display.Display(display_name)
        if not self._display.has_extension("XTEST"):
            raise RuntimeError("the X server has no XTEST extension")

    def _keycodes(self, chord: str) -> list[int]:
        parsed = parse_chord(chord)
        names = [X11_MODIFIER_KEYSYMS[m] for m in ("ctrl", "alt", "shift", "super") if m in parsed.modifiers]
        names.append(x11_keysym_name(parsed.key))
        codes = [_keycode(self._display, name) for name in names]
        missing = [n for n, c in zip(names, codes) if not c]
        if missing:
            raise ChordError(f"{chord}: no key for {', '.join(missing)} in the current keyboard map")
        return codes

    def send_chord(self, chord: str) -> None:
        codes = self._keycodes(chord)
        for code in codes:
            xtest.fake_input(self._display, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self._display, X.KeyRelease, code)
        self._display.sync()

    def modifiers_down(self) -> bool:
        keymap = self._display.query_keymap()
        mapping = self._display.get_modifier_mapping()
        # Shift, Control, Mod1 (Alt) and Mod4 (Super); Lock and NumLock are latched, not held.
        for index in (X.ShiftMapIndex, X.ControlMapIndex, X.Mod1MapIndex, X.Mod4MapIndex):
            for code in mapping[index]:
                if code and keymap[code // 8] & (1 << (code % 8)):
                    return True
        return False

    def close(self) -> None:
        self._display.close()
