"""Key chords ("ctrl+alt+k"): parsing, normalising, Qt key-sequence conversion and X11/Win32 key tables."""

from __future__ import annotations

from dataclasses import dataclass

# Canonical modifier order in chord strings.
MODIFIERS: tuple[str, ...] = ("ctrl", "alt", "shift", "super")

_MODIFIER_ALIASES: dict[str, str] = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "ctl": "ctrl",
    "alt": "alt",
    "option": "alt",
    "opt": "alt",
    "shift": "shift",
    "super": "super",
    "win": "super",
    "windows": "super",
    "meta": "super",  # Qt's "Meta" is the Windows/Super key on Windows and X11
    "cmd": "super",
    "command": "super",
}

_KEY_ALIASES: dict[str, str] = {
    "enter": "return",
    "ret": "return",
    "esc": "escape",
    "del": "delete",
    "ins": "insert",
    "pgup": "page_up",
    "pageup": "page_up",
    "prior": "page_up",
    "pgdown": "page_down",
    "pgdn": "page_down",
    "pagedown": "page_down",
    "next": "page_down",
    "bksp": "backspace",
    "spacebar": "space",
    " ": "space",
    "-": "minus",
    "=": "equal",
    ",": "comma",
    ".": "period",
    "/": "slash",
    ";": "semicolon",
    "'": "apostrophe",
    "`": "grave",
    "[": "bracketleft",
    "]": "bracketright",
    "\\": "backslash",
}

_NAMED_KEYS: tuple[str, ...] = (
    "space", "return", "tab", "escape", "backspace", "delete", "insert", "home", "end", "page_up", "page_down",
    "up", "down", "left", "right", "minus", "equal", "comma", "period", "slash", "semicolon", "apostrophe",
    "grave", "bracketleft", "bracketright", "backslash",
)  # fmt: skip

KEYS: frozenset[str] = frozenset(
    [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + [str(d) for d in range(10)]
    + [f"f{n}" for n in range(1, 25)]
    + list(_NAMED_KEYS)
)


class ChordError(ValueError):
    """A chord string that names no key, several keys, or a key kbassist cannot grab or send."""


@dataclass(frozen=True)
class Chord:
    """Modifiers (a subset of MODIFIERS) plus exactly one key."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        return "+".join([m for m in MODIFIERS if m in self.modifiers] + [self.key])


def _normalise_key(token: str) -> str:
    token = _KEY_ALIASES.get(token, token)
    if token in KEYS:
        return token
    raise ChordError(f"未知按键 (unknown key): {token!r}")


def parse_chord(text: str) -> Chord:
    """Parse "Ctrl+Alt+K", "ctrl+shift+space", "f8" into a Chord; raise ChordError when it is not one."""
    if not isinstance(text, str) or not text.strip():
        raise ChordError("快捷键为空 (empty chord)")
    raw = text.strip().lower()
    # "ctrl++" means ctrl and the plus key, which we do not support; split keeps it detectable.
    tokens = [t.strip() for t in raw.split("+")]
    if any(not t for t in tokens):
        raise ChordError(f"快捷键格式不对 (malformed chord): {text!r}")
    modifiers: set[str] = set()
    keys: list[str] = []
    for token in tokens:
        modifier = _MODIFIER_ALIASES.get(token)
        if modifier is not None:
            if modifier in modifiers:
                raise ChordError(f"修饰键重复 (modifier given twice): {text!r}")
            modifiers.add(modifier)
        else:
            keys.append(_normalise_key(token))
    if len(keys) != 1:
        what = "没有主键 (no key besides modifiers)" if not keys else "多个主键 (more than one key)"
        raise ChordError(f"{what}: {text!r}")
    return Chord(frozenset(modifiers), keys[0])


def normalise_chord(text: str) -> str:
    """The canonical string of a chord: lower-case, modifiers in MODIFIERS order, e.g. "ctrl+alt+k"."""
    return str(parse_chord(text))


def validate_hotkey(chord: Chord) -> None:
    """A global hotkey needs a modifier unless it is a function key; a bare letter would swallow typing."""
    if not chord.modifiers and not (chord.key.startswith("f") and chord.key[1:].isdigit()):
        raise ChordError(f"全局快捷键需要修饰键，如 ctrl+alt+{chord.key} (a global hotkey needs a modifier)")
    if chord.modifiers == frozenset({"shift"}):
        raise ChordError(f"shift+{chord.key} 会影响打字 (shift alone would swallow typing)")


# --- Qt key sequences ---------------------------------------------------------------------------

_QT_NAMES: dict[str, str] = {
    "space": "Space", "return": "Return", "tab": "Tab", "escape": "Esc", "backspace": "Backspace",
    "delete": "Del", "insert": "Ins", "home": "Home", "end": "End", "page_up": "PgUp", "page_down": "PgDown",
    "up": "Up", "down": "Down", "left": "Left", "right": "Right", "minus": "-", "equal": "=", "comma": ",",
    "period": ".", "slash": "/", "semicolon": ";", "apostrophe": "'", "grave": "`", "bracketleft": "[",
    "bracketright": "]", "backslash": "\\",
}  # fmt: skip
_QT_MODIFIERS: dict[str, str] = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "super": "Meta"}
_FROM_QT: dict[str, str] = {v.lower(): k for k, v in _QT_NAMES.items()} | {
    "enter": "return",
    "escape": "escape",
    "delete": "delete",
    "insert": "insert",
    "pgdown": "page_down",
    "pgup": "page_up",
}


def chord_from_qkeysequence(sequence: str) -> str:
    """Qt's PortableText ("Ctrl+Alt+K", "Meta+Space", "Ctrl++") to a chord string ("ctrl+alt+k")."""
    text = sequence.strip()
    if "," in text and len(text) > 1 and not text.endswith(","):
        raise ChordError(f"只支持单个组合键 (multi-step sequences are not supported): {sequence!r}")
    if text.endswith("++"):
        raise ChordError(f"不支持 + 键 (the plus key is not supported): {sequence!r}")
    tokens = text.split("+")
    parts: list[str] = []
    for token in tokens:
        low = token.strip().lower()
        if low in _MODIFIER_ALIASES:
            parts.append(_MODIFIER_ALIASES[low])
        else:
            parts.append(_FROM_QT.get(low, low))
    return normalise_chord("+".join(parts))


def chord_to_qkeysequence(chord: str) -> str:
    """A chord string to Qt's PortableText, for QKeySequence.fromString."""
    parsed = parse_chord(chord)
    mods = [_QT_MODIFIERS[m] for m in MODIFIERS if m in parsed.modifiers]
    key = _QT_NAMES.get(parsed.key, parsed.key.upper())
    return "+".join(mods + [key])


# --- X11 ----------------------------------------------------------------------------------------

# X11 core modifier masks (X.h); kept here so the table is testable without python-xlib.
X11_MODIFIER_MASKS: dict[str, int] = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "super": 1 << 6}
X11_LOCK_MASK = 1 << 1
X11_MOD2_MASK = 1 << 4  # NumLock on nearly every keymap; x11.py looks the real one up
# Keysym names (XStringToKeysym) of the left-hand modifier keys, used to press them with XTEST.
X11_MODIFIER_KEYSYMS: dict[str, str] = {"ctrl": "Control_L", "alt": "Alt_L", "shift": "Shift_L", "super": "Super_L"}

_X11_KEYSYMS: dict[str, str] = {
    "space": "space", "return": "Return", "tab": "Tab", "escape": "Escape", "backspace": "BackSpace",
    "delete": "Delete", "insert": "Insert", "home": "Home", "end": "End", "page_up": "Prior",
    "page_down": "Next", "up": "Up", "down": "Down", "left": "Left", "right": "Right",
}  # fmt: skip


def x11_keysym_name(key: str) -> str:
    """The X keysym name for a chord key: "k" -> "k", "f8" -> "F8", "page_up" -> "Prior", "minus" -> "minus"."""
    if key not in KEYS:
        raise ChordError(f"未知按键 (unknown key): {key!r}")
    if key in _X11_KEYSYMS:
        return _X11_KEYSYMS[key]
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    return key  # letters, digits and the punctuation names are keysym names already


def x11_modifier_mask(chord: Chord) -> int:
    mask = 0
    for modifier in chord.modifiers:
        mask |= X11_MODIFIER_MASKS[modifier]
    return mask


# --- Win32 --------------------------------------------------------------------------------------

WIN32_MOD_ALT = 0x0001
WIN32_MOD_CONTROL = 0x0002
WIN32_MOD_SHIFT = 0x0004
WIN32_MOD_WIN = 0x0008
WIN32_MOD_NOREPEAT = 0x4000
_WIN32_MOD_FLAGS: dict[str, int] = {
    "alt": WIN32_MOD_ALT,
    "ctrl": WIN32_MOD_CONTROL,
    "shift": WIN32_MOD_SHIFT,
    "super": WIN32_MOD_WIN,
}
# Virtual-key codes of the modifier keys as SendInput presses them.
WIN32_MODIFIER_VKS: dict[str, int] = {"ctrl": 0x11, "alt": 0x12, "shift": 0x10, "super": 0x5B}

_WIN32_VKS: dict[str, int] = {
    "space": 0x20, "return": 0x0D, "tab": 0x09, "escape": 0x1B, "backspace": 0x08, "delete": 0x2E,
    "insert": 0x2D, "home": 0x24, "end": 0x23, "page_up": 0x21, "page_down": 0x22, "left": 0x25, "up": 0x26,
    "right": 0x27, "down": 0x28, "minus": 0xBD, "equal": 0xBB, "comma": 0xBC, "period": 0xBE, "slash": 0xBF,
    "semicolon": 0xBA, "grave": 0xC0, "bracketleft": 0xDB, "backslash": 0xDC, "bracketright": 0xDD,
    "apostrophe": 0xDE,
}  # fmt: skip
# Keys whose scan code carries the E0 prefix; SendInput needs KEYEVENTF_EXTENDEDKEY for them, else the
# numeric-keypad twin (e.g. Num 7 instead of Home) is pressed when NumLock is on.
WIN32_EXTENDED_VKS: frozenset[int] = frozenset(
    {0x2D, 0x2E, 0x24, 0x23, 0x21, 0x22, 0x25, 0x26, 0x27, 0x28, 0x5B, 0x5C}
)


def win32_vk(key: str) -> int:
    """The virtual-key code of a chord key: "a" -> 0x41, "5" -> 0x35, "f8" -> 0x77, "return" -> 0x0D."""
    if key not in KEYS:
        raise ChordError(f"未知按键 (unknown key): {key!r}")
    if len(key) == 1 and ("a" <= key <= "z" or "0" <= key <= "9"):
        return ord(key.upper())
    if key.startswith("f") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1
    return _WIN32_VKS[key]


def win32_modifier_flags(chord: Chord) -> int:
    """RegisterHotKey's fsModifiers for the chord (without MOD_NOREPEAT)."""
    flags = 0
    for modifier in chord.modifiers:
        flags |= _WIN32_MOD_FLAGS[modifier]
    return flags
