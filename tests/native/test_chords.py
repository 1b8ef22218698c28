"""Chord parsing, normalising, Qt conversion and the X11/Win32 key tables."""

from __future__ import annotations

import pytest

from kbassist.native import chords
from kbassist.native.chords import (
    Chord,
    ChordError,
    chord_from_qkeysequence,
    chord_to_qkeysequence,
    normalise_chord,
    parse_chord,
    validate_hotkey,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ctrl+alt+k", "ctrl+alt+k"),
        ("Alt+Ctrl+K", "ctrl+alt+k"),
        (" control + shift + SPACE ", "ctrl+shift+space"),
        ("F8", "f8"),
        ("win+enter", "super+return"),
        ("meta+esc", "super+escape"),
        ("shift+alt+ctrl+super+pgdn", "ctrl+alt+shift+super+page_down"),
        ("ctrl+`", "ctrl+grave"),
        ("ctrl+;", "ctrl+semicolon"),
        ("ctrl+1", "ctrl+1"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_chord(raw) == expected


def test_parse_gives_modifiers_and_key() -> None:
    assert parse_chord("ctrl+alt+k") == Chord(frozenset({"ctrl", "alt"}), "k")


@pytest.mark.parametrize("raw", ["", "   ", "ctrl+alt", "ctrl+k+j", "ctrl++", "ctrl+ctrl+k", "ctrl+kk", "hyper+k", "+k"])
def test_invalid_chords_raise_chord_error(raw: str) -> None:
    with pytest.raises(ChordError):
        parse_chord(raw)


def test_chord_error_is_a_value_error() -> None:
    # The settings dialog catches ValueError.
    assert issubclass(ChordError, ValueError)


@pytest.mark.parametrize("raw", ["k", "shift+k", "space"])
def test_hotkey_needs_a_real_modifier(raw: str) -> None:
    with pytest.raises(ChordError):
        validate_hotkey(parse_chord(raw))


@pytest.mark.parametrize("raw", ["f8", "ctrl+alt+k", "super+space", "alt+shift+1"])
def test_hotkey_accepted(raw: str) -> None:
    validate_hotkey(parse_chord(raw))


@pytest.mark.parametrize(
    ("qt", "chord"),
    [
        ("Ctrl+Alt+K", "ctrl+alt+k"),
        ("Meta+Space", "super+space"),
        ("Ctrl+Shift+PgUp", "ctrl+shift+page_up"),
        ("F12", "f12"),
        ("Ctrl+Return", "ctrl+return"),
        ("Alt+Del", "alt+delete"),
        ("Ctrl+,", "ctrl+comma"),
        ("Ctrl+Esc", "ctrl+escape"),
    ],
)
def test_qt_round_trip(qt: str, chord: str) -> None:
    assert chord_from_qkeysequence(qt) == chord
    assert chord_from_qkeysequence(chord_to_qkeysequence(chord)) == chord


@pytest.mark.parametrize("qt", ["Ctrl+K, Ctrl+C", "Ctrl++", "Ctrl+Alt+Ä", ""])
def test_qt_sequences_we_cannot_grab(qt: str) -> None:
    with pytest.raises(ValueError):
        chord_from_qkeysequence(qt)


def test_qt_portable_text_parses_in_qt(qapp: object) -> None:
    from PySide6.QtGui import QKeySequence

    for chord in ("ctrl+alt+k", "ctrl+shift+space", "f8", "super+page_down", "alt+grave"):
        text = chord_to_qkeysequence(chord)
        seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
        assert seq.count() == 1
        assert chord_from_qkeysequence(seq.toString(QKeySequence.SequenceFormat.PortableText)) == chord


@pytest.mark.parametrize(
    ("key", "keysym"),
    [("k", "k"), ("5", "5"), ("f8", "F8"), ("page_up", "Prior"), ("page_down", "Next"), ("return", "Return"),
     ("space", "space"), ("minus", "minus"), ("backspace", "BackSpace"), ("grave", "grave")],
)  # fmt: skip
def test_x11_keysym_names(key: str, keysym: str) -> None:
    assert chords.x11_keysym_name(key) == keysym


def test_every_key_has_an_x11_keysym() -> None:
    from Xlib import XK

    for key in chords.KEYS:
        assert XK.string_to_keysym(chords.x11_keysym_name(key)), key


def test_x11_masks() -> None:
    assert chords.x11_modifier_mask(parse_chord("ctrl+alt+k")) == (1 << 2) | (1 << 3)
    assert chords.x11_modifier_mask(parse_chord("shift+super+k")) == 1 | (1 << 6)


@pytest.mark.parametrize(
    ("key", "vk"),
    [("a", 0x41), ("z", 0x5A), ("0", 0x30), ("9", 0x39), ("f1", 0x70), ("f8", 0x77), ("f24", 0x87),
     ("return", 0x0D), ("space", 0x20), ("escape", 0x1B), ("delete", 0x2E), ("page_down", 0x22),
     ("minus", 0xBD), ("grave", 0xC0)],
)  # fmt: skip
def test_win32_vks(key: str, vk: int) -> None:
    assert chords.win32_vk(key) == vk


def test_every_key_has_a_win32_vk() -> None:
    assert all(0 < chords.win32_vk(key) < 0xFF for key in chords.KEYS)


def test_win32_modifier_flags() -> None:
    assert chords.win32_modifier_flags(parse_chord("ctrl+alt+k")) == 0x0003
    assert chords.win32_modifier_flags(parse_chord("shift+super+k")) == 0x000C
