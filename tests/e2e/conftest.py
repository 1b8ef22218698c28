"""Fixtures for the end-to-end tests: one desktop (Xvfb, openbox, Chromium) per session, the app per module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import harness

E2E_KB = Path(__file__).resolve().parent / "kb"
HOTKEY = harness.HOTKEY
NEEDED = ("Xvfb", "openbox", "chromium", "xclip")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().parent == here:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.Desktop]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"end-to-end tests need {', '.join(missing)}")
    desk = harness.Desktop(tmp_path_factory.mktemp("desktop"))
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def kb_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(E2E_KB, target)
    return target


@pytest.fixture(scope="module")
def app(desktop: harness.Desktop, kb_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.App]:
    home = tmp_path_factory.mktemp("apphome")
    proc = harness.App(desktop.env, home, kb_copy, HOTKEY, extra_env={"KBASSIST_TRACE": "1"})
    try:
        proc.log.wait(f"hotkey registered: {HOTKEY} via x11", timeout=30)
        proc.log.wait("index ready:", timeout=60)
        yield proc
    finally:
        proc.stop()


@pytest.fixture
def chat(desktop: harness.Desktop, app: harness.App) -> Iterator[harness.Desktop]:
    """Chromium active with an empty textarea; afterwards no overlay is left open."""
    desktop.focus_chat()
    yield desktop
    assert desktop.x is not None
    if desktop.x.title(desktop.x.active()) == "kbassist":
        desktop.x.key("escape")
