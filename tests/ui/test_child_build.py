"""Full builds in a child `kbassist index` process: the index thread's use of it, and the builder itself."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from kbassist import paths
from kbassist.core.engine import Engine
from kbassist.indexer import ChildBuilder, parse_progress
from kbassist.ui.workers import IndexThread


class Recording:
    """A builder that remembers what the real one answered."""

    def __init__(self, builder: ChildBuilder) -> None:
        self.builder = builder
        self.calls: list[tuple[bool, bool]] = []  # (rebuild, built)

    def __call__(self, rebuild: bool, progress=None) -> bool:  # noqa: ANN001 - mirrors Builder
        built = self.builder(rebuild, progress)
        self.calls.append((rebuild, built))
        return built

    def cancel(self) -> None:
        self.builder.cancel()


def engine_factory(root: Path):  # noqa: ANN201 - a factory for IndexThread
    dirs = paths.app_dirs()
    return lambda: Engine(root, dirs.index_dir(root), jieba_cache=dirs.jieba_cache)


def test_first_build_runs_in_the_child_and_the_app_only_opens_it(qtbot: QtBot, small_kb: Path) -> None:
    builder = Recording(ChildBuilder(small_kb, min_files=0))
    thread = IndexThread(engine_factory(small_kb), builder=builder)
    progress: list[tuple[int, int]] = []
    thread.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(thread.updated, timeout=120_000) as sig:
        thread.start()
        thread.request_update()
    report = sig.args[0]
    assert builder.calls == [(False, True)]
    # The child built and published the index: this process found it current and built nothing itself.
    assert report.entries == 2 and not report.rebuilt and report.added == 0
    assert thread.engine is not None and thread.engine.index_open
    assert [h.entry.id for h in thread.engine.search("tuikuan")][:1] == ["refund-request"]
    assert (2, 2) in progress  # the child's progress lines reach the tray
    # With the index open, an ordinary update stays in this process.
    with qtbot.waitSignal(thread.updated, timeout=60_000):
        thread.request_update()
    assert builder.calls == [(False, True)]
    # A rebuild asked for from the tray goes to the child again.
    with qtbot.waitSignal(thread.updated, timeout=120_000) as sig:
        thread.request_update(rebuild=True)
    assert builder.calls == [(False, True), (True, True)] and not sig.args[0].rebuilt
    thread.stop()
    thread.engine.close()


def test_a_failing_child_leaves_the_build_to_this_process(qtbot: QtBot, small_kb: Path) -> None:
    failing = ChildBuilder(small_kb, command=[sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"],
                           min_files=0)  # fmt: skip
    builder = Recording(failing)
    thread = IndexThread(engine_factory(small_kb), builder=builder)
    with qtbot.waitSignal(thread.updated, timeout=120_000) as sig:
        thread.start()
        thread.request_update()
    assert builder.calls == [(False, False)]
    assert sig.args[0].rebuilt and sig.args[0].entries == 2
    thread.stop()
    assert thread.engine is not None
    thread.engine.close()


def test_a_small_kb_is_not_worth_a_child(make_kb) -> None:  # noqa: ANN001 - fixture
    root = make_kb({f"folder{n % 3}/entry{n}.md": f"# 条目{n}\n## 话术\n您好{n}\n" for n in range(12)}
                   | {".hidden/x.md": "# 隐藏\n", "notes.txt": "not markdown"})  # fmt: skip
    assert ChildBuilder(root, min_files=12).worth_it()
    assert not ChildBuilder(root, min_files=13).worth_it()  # hidden folders and other files do not count
    assert not ChildBuilder(root, min_files=13)(False)  # returns at once: nothing started
    assert not ChildBuilder(root / "missing", min_files=1).worth_it()


def test_cancel_stops_a_running_build(tmp_path: Path) -> None:
    sleeper = ChildBuilder(tmp_path, command=[sys.executable, "-c", "import time; time.sleep(60)"], min_files=0)
    result: list[bool] = []
    worker = threading.Thread(target=lambda: result.append(sleeper(False)))
    worker.start()
    deadline = time.monotonic() + 10
    while sleeper._proc is None and time.monotonic() < deadline:  # noqa: SLF001 - waiting for the child to exist
        time.sleep(0.01)
    sleeper.cancel()
    worker.join(timeout=10)
    assert result == [False]
    assert not sleeper(False)  # after cancel, no new build starts


def test_self_command_from_source_and_frozen(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001 - fixture
    from kbassist import indexer

    monkeypatch.delattr(sys, "frozen", raising=False)
    assert indexer.self_command() == [sys.executable, "-m", "kbassist"]
    exe = tmp_path / "kbassist.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "linux")
    assert indexer.self_command() == [str(exe)]
    monkeypatch.setattr(sys, "platform", "win32")
    assert indexer.self_command() == [str(exe)]  # no console twin next to it: the program itself
    (tmp_path / "kbassist-cli.exe").write_bytes(b"")
    assert indexer.self_command() == [str(tmp_path / "kbassist-cli.exe")]  # the windowed exe has no stdout


def test_progress_lines_are_parsed_strictly() -> None:
    assert parse_progress("progress 3 10") == (3, 10)
    assert parse_progress("progress 3") is None
    assert parse_progress("progress -1 10") is None
    assert parse_progress("INFO kbassist.index: progress 3 10") is None
