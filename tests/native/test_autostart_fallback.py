"""XDG autostart files, the null backends, and backend choice on platforms without X11."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from kbassist.native import get_backends
from kbassist.native.base import HotkeyError, WindowRef
from kbassist.native.fallback import NullAutostart, NullHotkeyBackend, NullKeySender, NullWindowSystem
from kbassist.native.xdg import XdgAutostart, desktop_exec


def test_xdg_autostart_round_trip(tmp_path: Path) -> None:
    auto = XdgAutostart({"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HOME": str(tmp_path / "home")})
    assert auto.path == tmp_path / "cfg" / "autostart" / "kbassist.desktop"
    assert not auto.is_enabled()
    auto.set_enabled(True, ["/opt/kb assist/python", "-m", "kbassist"])
    text = auto.path.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert shlex.split(exec_line[5:]) == ["/opt/kb assist/python", "-m", "kbassist"]
    assert auto.is_enabled()
    auto.set_enabled(False, [])
    assert not auto.path.exists() and not auto.is_enabled()
    auto.set_enabled(False, [])  # already off


def test_xdg_autostart_defaults_to_home_config(tmp_path: Path) -> None:
    auto = XdgAutostart({"HOME": str(tmp_path)})
    assert auto.path == tmp_path / ".config" / "autostart" / "kbassist.desktop"


def test_xdg_hidden_entry_is_disabled(tmp_path: Path) -> None:
    auto = XdgAutostart({"XDG_CONFIG_HOME": str(tmp_path)})
    auto.set_enabled(True, ["kbassist"])
    auto.path.write_text(auto.path.read_text(encoding="utf-8") + "Hidden=true\n", encoding="utf-8")
    assert not auto.is_enabled()


def test_xdg_unwritable_dir_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError):
        XdgAutostart({"XDG_CONFIG_HOME": str(blocker)}).set_enabled(True, ["kbassist"])


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["kbassist"], "kbassist"),
        (["/a b/py", "x"], '"/a b/py" x'),
        (["50%"], "50%%"),
        (['say "hi"'], '"say \\\\"hi\\\\""'),
        (["C:\\dir"], '"C:\\\\\\\\dir"'),
    ],
)
def test_desktop_exec_quoting(argv: list[str], line: str) -> None:
    assert desktop_exec(argv) == line


def test_null_backends(qapp: object) -> None:
    hotkeys = NullHotkeyBackend("wayland")
    with pytest.raises(HotkeyError) as info:
        hotkeys.register("ctrl+alt+k")
    assert info.value.reason == "unsupported" and "wayland" in str(info.value)
    windows = NullWindowSystem()
    assert windows.active_window() is None
    assert not windows.is_active(WindowRef(1)) and not windows.exists(WindowRef(1))
    assert NullKeySender().modifiers_down() is False
    assert not NullAutostart().is_enabled()
    with pytest.raises(OSError):
        NullAutostart().set_enabled(True, ["kbassist"])


def test_null_key_sender_says_so(caplog: pytest.LogCaptureFixture) -> None:
    sender = NullKeySender()
    with caplog.at_level("WARNING", logger="kbassist.native"):
        sender.send_chord("ctrl+v")
        sender.send_chord("ctrl+v")
    assert len([r for r in caplog.records if "cannot send keys" in r.getMessage()]) == 1


@pytest.mark.parametrize(
    ("platform", "autostart"), [("offscreen", NullAutostart), ("minimal", NullAutostart), ("wayland", XdgAutostart)]
)
def test_get_backends_falls_back(
    qapp: object, platform: str, autostart: type, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="kbassist.native"):
        backends = get_backends(platform)
    assert backends.name == "none"
    assert isinstance(backends.hotkeys, NullHotkeyBackend)
    # XDG files work on Wayland; offscreen runs (tests, headless) must not touch ~/.config/autostart.
    assert isinstance(backends.autostart, autostart)
    assert any("using none backends" in r.getMessage() for r in caplog.records)


def test_get_backends_reads_the_running_platform(qapp: object) -> None:
    assert get_backends().name == "none"  # the tests run offscreen
