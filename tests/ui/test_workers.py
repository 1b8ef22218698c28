"""Background workers over the real engine: indexing reports, latest-query-wins searching."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from kbassist import paths
from kbassist.core.engine import Engine
from kbassist.ui.workers import IndexThread, SearchThread, ShareTasks


class GatedEngine:
    """The real engine, with searches held at a gate so the test decides when one finishes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.gate = threading.Event()
        self.started = threading.Event()
        self.queries: list[str] = []

    def search(self, query: str, limit: int = 10):  # noqa: ANN201 - mirrors Engine.search
        self.queries.append(query)
        self.started.set()
        self.gate.wait(10)
        return self.engine.search(query, limit)


def real_engine(root: Path) -> Engine:
    dirs = paths.app_dirs()
    engine = Engine(root, dirs.index_dir(root), jieba_cache=dirs.jieba_cache)
    engine.warm_up()
    engine.update()
    return engine


def test_index_thread_creates_warms_and_updates(qtbot: QtBot, small_kb: Path) -> None:
    dirs = paths.app_dirs()
    thread = IndexThread(lambda: Engine(small_kb, dirs.index_dir(small_kb), jieba_cache=dirs.jieba_cache))
    progress: list[tuple[int, int]] = []
    thread.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(thread.updated, timeout=60_000) as sig:
        thread.start()
        thread.request_update()
    assert sig.args[0].entries == 2
    assert thread.engine is not None and set(thread.engine.entries) == {"card-not-received", "refund-request"}
    assert progress and progress[-1][0] == progress[-1][1]  # the last step is always reported
    thread.stop()
    thread.engine.close()


def test_index_thread_reports_a_missing_kb(qtbot: QtBot, tmp_path: Path) -> None:
    dirs = paths.app_dirs()
    root = tmp_path / "nope"
    thread = IndexThread(lambda: Engine(root, dirs.index_dir(root)))
    with qtbot.waitSignal(thread.failed, timeout=60_000) as sig:
        thread.start()
        thread.request_update()
    assert "nope" in sig.args[0]
    thread.stop()


def test_requests_during_an_update_merge_into_one(qtbot: QtBot, small_kb: Path) -> None:
    dirs = paths.app_dirs()
    thread = IndexThread(lambda: Engine(small_kb, dirs.index_dir(small_kb), jieba_cache=dirs.jieba_cache))
    reports: list[object] = []
    thread.updated.connect(reports.append)
    for _ in range(5):
        thread.request_update()  # queued before the thread runs: one update
    with qtbot.waitSignal(thread.updated, timeout=60_000):
        thread.start()
    qtbot.wait(200)
    assert len(reports) == 1
    thread.stop()


def test_latest_query_wins(qtbot: QtBot, small_kb: Path) -> None:
    gated = GatedEngine(real_engine(small_kb))
    thread = SearchThread(gated)
    thread.set_enabled(True)
    answers: list[tuple[int, str, list]] = []
    thread.results.connect(lambda seq, q, hits: answers.append((seq, q, hits)))
    thread.start()
    try:
        thread.submit(1, "卡")
        assert gated.started.wait(10)
        thread.submit(2, "卡密")  # superseded while search 1 runs: never searched
        thread.submit(3, "退款")
        gated.gate.set()
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    finally:
        thread.stop()
        gated.engine.close()
    assert [a[0] for a in answers] == [1, 3]
    assert gated.queries == ["卡", "退款"]
    assert answers[1][2][0].entry.id == "refund-request"


def test_searches_wait_for_the_engine(qtbot: QtBot, small_kb: Path) -> None:
    thread = SearchThread()
    answers: list[int] = []
    thread.results.connect(lambda seq, q, hits: answers.append(seq))
    thread.start()
    try:
        thread.submit(1, "退款")
        qtbot.wait(100)
        assert answers == []  # no engine yet, not enabled yet
        engine = real_engine(small_kb)
        thread.set_engine(engine)
        thread.set_enabled(True)
        qtbot.waitUntil(lambda: answers == [1], timeout=10_000)
    finally:
        thread.stop()
        engine.close()


def test_task_thread_runs_jobs_in_order_off_the_gui_thread(qtbot) -> None:
    import threading

    from kbassist.ui.workers import TaskThread

    tasks = TaskThread()
    tasks.start()
    gui = threading.get_ident()
    ran: list[tuple[int, int]] = []
    delivered: list[tuple[object, int]] = []
    try:
        for i in range(3):
            tasks.submit(lambda i=i: ran.append((i, threading.get_ident())) or i,
                         lambda result: delivered.append((result, threading.get_ident())))
        tasks.submit(lambda: 1 / 0, lambda result: delivered.append((result, threading.get_ident())))
        qtbot.waitUntil(lambda: len(delivered) == 4, timeout=5000)
    finally:
        tasks.stop()
    assert [i for i, _ in ran] == [0, 1, 2] and all(t != gui for _, t in ran)
    assert delivered == [(0, gui), (1, gui), (2, gui), (None, gui)]  # a failing job reports None, the queue goes on
    tasks.submit(lambda: ran.append((9, 0)))  # after stop: ignored
    assert len(ran) == 3


def test_share_tasks_run_in_order_and_deliver_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks = ShareTasks("test-share")
    tasks.start()
    ran_on: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def job(i: int) -> int:
        ran_on.append(threading.current_thread())
        return i

    for i in range(3):
        tasks.submit(lambda i=i: job(i), lambda r: results.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: len(results) == 3, timeout=3000)
    assert [r for r, _ in results] == [0, 1, 2]
    assert all(t is threading.main_thread() for _, t in results)
    assert all(t is not threading.main_thread() for t in ran_on)
    assert tasks.stop()


def test_share_tasks_stop_does_not_wait_for_a_blocked_share(qtbot: QtBot) -> None:
    tasks = ShareTasks("test-share")
    tasks.start()
    release = threading.Event()
    entered = threading.Event()
    delivered: list[object] = []

    def stuck() -> str:  # a directory listing on a share that went offline
        entered.set()
        release.wait(10)
        return "late"

    tasks.submit(stuck, delivered.append)
    tasks.submit(lambda: "queued", delivered.append)
    assert entered.wait(3)
    assert tasks.stop(timeout=0.1) is False  # returns instead of hanging the quit
    release.set()
    qtbot.wait(200)
    assert delivered == []  # nothing is delivered to an owner that has stopped
