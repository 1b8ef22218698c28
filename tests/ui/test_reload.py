"""The KB watcher: edits, new files and new folders each produce one (debounced) change notice."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kbassist.ui import reload
from kbassist.ui.reload import KbWatcher


@pytest.fixture(params=[False, True], ids=["watcher", "polling"])
def watcher(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> KbWatcher:
    root = tmp_path / "kb"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.md").write_text("one", encoding="utf-8")
    w = KbWatcher(root, poll=request.param)
    if request.param:
        w._poll.setInterval(50)  # keep the test short; the interval itself is not under test
    w.start()
    qtbot.waitUntil(lambda: not w.busy, timeout=3000)  # the first walk (baseline or watch list) is done
    yield w
    w.stop()


def test_in_place_edit_is_noticed(watcher: KbWatcher, qtbot: QtBot) -> None:
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (watcher.root / "a" / "x.md").write_text("two, longer", encoding="utf-8")


def test_new_file_in_new_folder_is_noticed_and_then_watched(watcher: KbWatcher, qtbot: QtBot) -> None:
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (watcher.root / "b").mkdir()
        (watcher.root / "b" / "y.md").write_text("new", encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (watcher.root / "b" / "y.md").write_text("edited file in the new folder", encoding="utf-8")


def test_burst_of_writes_gives_one_notice(watcher: KbWatcher, qtbot: QtBot) -> None:
    count: list[int] = []
    watcher.changed.connect(lambda: count.append(1))
    for i in range(5):
        (watcher.root / "a" / f"n{i}.md").write_text("x" * i, encoding="utf-8")
    qtbot.waitUntil(lambda: len(count) >= 1, timeout=3000)
    qtbot.wait(400)
    assert len(count) == 1


@pytest.mark.parametrize("poll", [False, True], ids=["watcher", "polling"])
def test_armed_once_when_watching_starts(qtbot: QtBot, tmp_path: Path, poll: bool) -> None:
    """The owner's cue to catch up on edits made before the watches existed (they raise no `changed`)."""
    root = tmp_path / "kb"
    root.mkdir()
    w = KbWatcher(root, poll=poll)
    armed: list[int] = []
    changed: list[int] = []
    w.armed.connect(lambda: armed.append(1))
    w.changed.connect(lambda: changed.append(1))
    w.start()
    (root / "early.md").write_text("saved while the watcher was still starting", encoding="utf-8")
    qtbot.waitUntil(lambda: armed == [1] and not w.busy, timeout=3000)
    qtbot.wait(300)
    assert armed == [1]
    w.stop()


def test_unwatchable_folder_falls_back_to_polling(qtbot: QtBot, tmp_path: Path) -> None:
    w = KbWatcher(tmp_path / "missing", poll=False)
    w.start()
    qtbot.waitUntil(lambda: w.polling, timeout=3000)
    w.stop()


def test_polling_notices_the_root_going_away_and_coming_back(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "kb"
    root.mkdir()
    (root / "x.md").write_text("one", encoding="utf-8")
    w = KbWatcher(root, poll=True)
    w._poll.setInterval(50)
    w.start()
    try:
        qtbot.waitUntil(lambda: w._last_signature is not None, timeout=3000)
        with qtbot.waitSignal(w.changed, timeout=3000):
            root.rename(tmp_path / "away")  # the share went offline
        with qtbot.waitSignal(w.changed, timeout=3000):
            (tmp_path / "away").rename(root)
    finally:
        w.stop()


def test_a_slow_walk_never_blocks_the_gui_thread(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A share where listing a folder takes 15 ms: the poll's walk (~2 s) runs while a GUI-thread timer keeps ticking."""
    root = tmp_path / "kb"
    for d in range(120):
        folder = root / f"d{d:03d}"
        folder.mkdir(parents=True)
        for f in range(25):  # 3,000 small files
            (folder / f"e{f}.md").write_text(f"entry {d}-{f}", encoding="utf-8")
    listed: list[str] = []

    def slow_scandir(path: str) -> object:
        time.sleep(0.015)
        listed.append(path)
        return os.scandir(path)

    monkeypatch.setattr(reload, "_scandir", slow_scandir)
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    w = KbWatcher(root, poll=True)
    w._poll.setInterval(50)
    try:
        last[0] = time.monotonic()
        w.start()  # the baseline walk starts at once
        qtbot.waitUntil(lambda: w._last_signature is not None, timeout=20_000)
        assert len(listed) >= 121  # the walk really went through every folder, slowly
        with qtbot.waitSignal(w.changed, timeout=20_000):  # and a later poll still sees an edit
            (root / "d007" / "e3.md").write_text("edited, longer", encoding="utf-8")
    finally:
        heartbeat.stop()
        w.stop()
    assert len(listed) >= 2 * 121
    # A walk done on the GUI thread would stop the timer for about two seconds.
    assert max(gaps) < 0.2, f"the GUI thread stalled for {max(gaps):.3f} s"
