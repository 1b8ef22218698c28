"""Single instance: a second start reaches the first over the local socket and asks it to show the overlay."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kbassist.ui.single_instance import SingleInstance, send, server_name

REPO = Path(__file__).resolve().parents[2]


def test_names_differ_per_home_and_user() -> None:
    assert server_name("/a", "u") != server_name("/b", "u")
    assert server_name("/a", "u") != server_name("/a", "v")
    assert server_name("/a", "u") == server_name("/a", "u")


def test_second_instance_reaches_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(str(tmp_path), "tester")
    first = SingleInstance(name, tmp_path / "lock")
    assert first.start()
    try:
        second = SingleInstance(name, tmp_path / "lock")
        with qtbot.waitSignal(first.show_requested, timeout=3000):
            # Another process, as a real second start would be; it blocks, so the first answers from our loop.
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from PySide6.QtCore import QCoreApplication; "
                    "from kbassist.ui.single_instance import send; app = QCoreApplication([]); "
                    f"sys.exit(0 if send({name!r}) else 3)",
                ],
                cwd=REPO,
            )
            qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
        assert proc.returncode == 0
        del second
    finally:
        first.close()


def test_stale_socket_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(str(tmp_path / "x"), "tester")
    nobody = SingleInstance(name, tmp_path / "lock")
    assert nobody.start()
    nobody.close()  # like a crash that left nothing listening
    again = SingleInstance(name, tmp_path / "lock")
    assert again.start()
    again.close()


def test_send_without_instance_fails(qtbot: QtBot, tmp_path: Path) -> None:
    assert not send(server_name(str(tmp_path / "none"), "tester"), timeout_ms=300)
