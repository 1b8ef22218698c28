"""Frozen-exe details: no console streams in the windowed exe, and the autostart command names the windowed exe."""

from __future__ import annotations

import logging
import logging.handlers
import subprocess
import sys
from pathlib import Path

import pytest

from kbassist import paths
from kbassist.app import autostart_command, setup_logging

from test_run_app import RUN, env


def test_logging_without_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    dirs = paths.app_dirs()
    handlers = setup_logging(dirs)
    try:
        assert handlers and all(isinstance(h, logging.handlers.RotatingFileHandler) for h in handlers)
        logging.getLogger("kbassist.test").warning("no console here")
        for h in handlers:
            h.flush()
        assert "no console here" in (dirs.logs / "kbassist.log").read_text(encoding="utf-8")
    finally:
        logger = logging.getLogger("kbassist")
        for h in handlers:
            logger.removeHandler(h)
            h.close()
        logger.propagate = True


def test_logging_with_stderr_keeps_the_console_handler() -> None:
    handlers = setup_logging(paths.app_dirs())
    try:
        assert any(type(h) is logging.StreamHandler for h in handlers)
    finally:
        logger = logging.getLogger("kbassist")
        for h in handlers:
            logger.removeHandler(h)
            h.close()
        logger.propagate = True


def test_app_runs_with_no_console_streams(small_kb: Path, kbassist_home: Path) -> None:
    """Like the windowed exe: sys.stdout and sys.stderr are None for the whole run."""
    code = "import sys; sys.stdout = None; sys.stderr = None\n" + RUN.format(kb=f"Path({str(small_kb)!r})", selftest=True)
    proc = subprocess.run([sys.executable, "-c", code], env=env(kbassist_home), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    log = next(kbassist_home.rglob("kbassist.log")).read_text(encoding="utf-8")
    assert "index ready: 2 entries" in log


def test_autostart_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert autostart_command() == [sys.executable, "-m", "kbassist"]


def test_autostart_frozen_windows_uses_the_windowed_exe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path.resolve() / "kbassist"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "kbassist-cli.exe"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert autostart_command() == [str(bundle / "kbassist.exe")]


def test_autostart_frozen_elsewhere_uses_the_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    exe = tmp_path.resolve() / "kbassist"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "linux")
    assert autostart_command() == [str(exe)]
