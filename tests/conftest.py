"""Test-wide fixtures: every test runs in portable mode under its own temporary home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import sys

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def kbassist_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, index, logs and usage data go to a fresh folder, never to the user's real ones."""
    home = tmp_path_factory.mktemp("kbhome")
    monkeypatch.setenv("KBASSIST_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def sample_kb() -> Path:
    return REPO / "kb"


@pytest.fixture(scope="session", autouse=True)
def qt_clipboard_released() -> Iterator[None]:
    """Tests that set the offscreen clipboard from Python would crash the interpreter at exit (see the function)."""
    yield
    if "PySide6.QtGui" in sys.modules:  # core tests never import Qt; do not start now
        from kbassist.native.clipboard import release_before_exit

        release_before_exit()
