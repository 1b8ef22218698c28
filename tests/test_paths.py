"""Where data goes: $KBASSIST_HOME, a `portable` marker next to the frozen exe, or the platform's user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kbassist import paths


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the frozen kbassist.exe in tmp_path/app (what PyInstaller sets)."""
    exe = tmp_path / "app" / "kbassist.exe"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    return exe


def test_portable_marker_next_to_the_exe_keeps_everything_there(frozen_exe: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    dirs = paths.app_dirs()
    data = frozen_exe.parent.resolve() / "data"
    assert dirs.portable
    assert (dirs.config, dirs.data, dirs.cache, dirs.logs) == (data / "config", data / "data", data / "cache", data / "logs")
    assert dirs.settings_file.is_relative_to(data) and dirs.usage_db.is_relative_to(data)
    assert dirs.index_dir(frozen_exe.parent).is_relative_to(data / "cache" / "index")


def test_without_marker_the_frozen_exe_uses_the_user_folders(frozen_exe: Path) -> None:
    dirs = paths.app_dirs()
    assert not dirs.portable
    assert not dirs.config.is_relative_to(frozen_exe.parent.resolve())


def test_home_env_wins_over_the_marker(frozen_exe: Path, tmp_path: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    dirs = paths.app_dirs({paths.HOME_ENV: str(tmp_path / "home")})
    assert dirs.portable and dirs.config == tmp_path / "home" / "config"


def test_from_source_a_marker_in_the_python_folder_means_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.executable_dir() is None
    assert not paths.app_dirs({}).portable
