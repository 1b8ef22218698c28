"""Fixtures for the bundle tests: build the PyInstaller bundle once per session and run the frozen program."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build.spec"
# Set to an existing dist folder (holding kbassist/) to test that bundle instead of building one; a `build`
# folder beside it is taken as PyInstaller's work folder.
REUSE_ENV = "KBASSIST_BUNDLE_DIST"
BUILD_TIMEOUT_S = 900


@dataclass(frozen=True)
class Bundle:
    """A built one-folder bundle."""

    folder: Path  # dist/kbassist
    exe: Path  # dist/kbassist/kbassist(.exe); on Windows the console twin kbassist-cli.exe
    contents: Path  # where the data files sit (_internal/), i.e. sys._MEIPASS
    workpath: Path | None  # PyInstaller's work folder, None when reusing a dist folder
    build_seconds: float | None


def _exe_path(folder: Path) -> Path:
    if sys.platform == "win32":
        return folder / "kbassist-cli.exe"  # the console exe: the windowed one has no stdout
    return folder / "kbassist"


def build_bundle(dist: Path, work: Path) -> float:
    """Run PyInstaller on build.spec; returns the seconds it took. Fails the session with the log on error."""
    import time

    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "KBASSIST_ONEFILE"}
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--distpath", str(dist), "--workpath", str(work)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    if proc.returncode != 0:
        pytest.fail(f"PyInstaller failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    (work / "pyinstaller.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    return time.perf_counter() - start


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """The bundle under test: built once per session (a build takes about a minute), or reused via $KBASSIST_BUNDLE_DIST."""
    pytest.importorskip("PyInstaller")
    reuse = os.environ.get(REUSE_ENV)
    if reuse:
        dist, seconds = Path(reuse), None
        # A work folder next to the dist folder (as --workpath <x>/build --distpath <x>/dist leaves it) is used too.
        work = dist.parent / "build" if (dist.parent / "build" / "build").is_dir() else None
    else:
        root = tmp_path_factory.mktemp("pyinstaller")
        dist, work = root / "dist", root / "build"
        seconds = build_bundle(dist, work)
    folder = dist / "kbassist"
    exe = _exe_path(folder)
    if not exe.is_file():
        pytest.fail(f"no executable at {exe}")
    contents = folder / "_internal" if (folder / "_internal").is_dir() else folder
    return Bundle(folder, exe, contents, work, seconds)


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """Environment for one frozen run: its own KBASSIST_HOME, nothing pointing at the source tree."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KBASSIST_", "QT_"))}
    home = tmp_path / "home"
    home.mkdir()
    env["KBASSIST_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working directory unrelated to the source tree, so nothing is found through the cwd."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    return cwd


@pytest.fixture
def run_frozen(bundle: Bundle, frozen_env: dict[str, str], elsewhere: Path):
    """Run the frozen program with arguments; returns the CompletedProcess (text, stdout and stderr captured)."""

    def run(args: Sequence[str], timeout: float = 180, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bundle.exe), *args],
            cwd=elsewhere,
            env={**frozen_env, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )

    return run
