"""run_app and send_show as real processes on the offscreen platform: self-test, single instance, clean quit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = "import sys; from pathlib import Path; from kbassist.app import run_app; sys.exit(run_app({kb}, None, {selftest}))"
SHOW = "import sys; from kbassist.app import send_show; sys.exit(send_show())"


def env(home: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(KBASSIST_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return e


def wait_for(path: Path, text: str, proc: subprocess.Popen, timeout: float = 60) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        log = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        if text in log:
            return log
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not logged; got:\n{path.read_text(encoding='utf-8', errors='replace')}")


def test_selftest_passes(small_kb: Path, kbassist_home: Path) -> None:
    code = RUN.format(kb=f"Path({str(small_kb)!r})", selftest=True)
    proc = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "index ready: 2 entries" in proc.stderr
    assert "overlay shown" in proc.stderr
    assert "selftest ok: 2 entries" in proc.stderr
    assert "This plugin does not support" not in proc.stderr  # offscreen noise goes to DEBUG


def test_selftest_fails_clearly_without_kb(tmp_path: Path, kbassist_home: Path) -> None:
    code = RUN.format(kb=f"Path({str(tmp_path / 'missing')!r})", selftest=True)
    proc = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert "missing" in proc.stderr and "not found" in proc.stderr


def test_show_without_running_instance(kbassist_home: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", SHOW], env=env(kbassist_home), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "no running kbassist" in proc.stderr


@pytest.mark.slow
def test_second_start_and_show_reach_the_running_instance(small_kb: Path, kbassist_home: Path, tmp_path: Path) -> None:
    log = tmp_path / "first.log"
    code = RUN.format(kb=f"Path({str(small_kb)!r})", selftest=False)
    with log.open("w", encoding="utf-8") as out:
        first = subprocess.Popen(
            [sys.executable, "-c", code], env=env(kbassist_home), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for(log, "index ready: 2 entries", first)
        show = subprocess.run([sys.executable, "-c", SHOW], env=env(kbassist_home), capture_output=True, text=True, timeout=60)
        assert show.returncode == 0, show.stderr
        wait_for(log, "overlay shown", first)
        second = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "another kbassist is running" in second.stderr
        assert "index ready" not in second.stderr  # the second start never opened the index
        os.killpg(first.pid, signal.SIGTERM)
        assert first.wait(timeout=30) == 0
        assert "shutting down" in log.read_text(encoding="utf-8")
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()


def test_offline_kb_with_an_earlier_index_starts(small_kb: Path, kbassist_home: Path, tmp_path: Path) -> None:
    """--kb on a share that is offline at start: refused only when no earlier run indexed it."""
    code = RUN.format(kb=f"Path({str(small_kb)!r})", selftest=True)
    first = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    small_kb.rename(tmp_path / "offline")
    proc = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=120)
    assert "knowledge base folder not found" not in proc.stderr  # it started
    assert "knowledge base unreachable, searching the last index" in proc.stderr
    assert proc.returncode == 1  # the self-test still reports that the KB itself could not be read
