"""The KB watcher: edits, new files and new folders each produce one (debounced) change notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

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


def test_unwatchable_folder_falls_back_to_polling(qtbot: QtBot, tmp_path: Path) -> None:
    w = KbWatcher(tmp_path / "missing", poll=False)
    w.start()
    assert w.polling
    w.stop()
