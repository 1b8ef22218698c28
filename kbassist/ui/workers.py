"""Background threads: loading/indexing, searches (latest query wins), serial queues for small jobs and share walks."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Protocol

from PySide6.QtCore import QObject, QThread, Signal

from kbassist.core.model import Hit
from kbassist.indexer import throttled

log = logging.getLogger("kbassist.app")



class SearchEngine(Protocol):
    """What the workers need of kbassist.core.engine.Engine (kept structural so ui never imports the index)."""

    def warm_up(self) -> None: ...

    def update(self, *, rebuild: bool = False, progress: Callable[[int, int], None] | None = None) -> Any: ...

    def search(self, query: str, limit: int = 10) -> list[Hit]: ...

    @property
    def index_open(self) -> bool: ...

    @property
    def index_on_disk(self) -> bool: ...


class Builder(Protocol):
    """Builds the whole index elsewhere (kbassist.indexer.ChildBuilder: a child process); True when it did."""

    def __call__(self, rebuild: bool, progress: Callable[[int, int], None] | None = None) -> bool: ...

    def cancel(self) -> None: ...


class WorkerThread(QThread):
    """A QThread that sleeps on one condition until it has work or is asked to stop; stop() waits for it to end."""

    def __init__(self, name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._cond = threading.Condition()
        self._stopping = False

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._stop_requested()
        self.wait()

    def _stop_requested(self) -> None:
        """Called by stop() before it waits: unblock work the condition cannot reach."""


class IndexThread(WorkerThread):
    """Creates the engine, runs warm_up once, then each requested update; requests made meanwhile merge into one.

    The engine is made by `factory` on this thread, so even importing the search stack (whoosh, jieba:
    about half a second) never delays the GUI thread. Never touches widgets: it reports through signals.
    With a `builder`, full builds (no usable index yet, or a rebuild asked for) run there first; the engine's own
    update then only opens the result. If the builder fails, the engine builds in this process as before.
    """

    engine_created = Signal(object)
    warmed_up = Signal()
    started_update = Signal()
    progress = Signal(int, int)
    updated = Signal(object)  # UpdateReport
    failed = Signal(str)

    def __init__(self, factory: Callable[[], SearchEngine], parent: Any = None, builder: Builder | None = None) -> None:
        super().__init__("kbassist-index", parent)
        self._factory = factory
        self._builder = builder
        self.engine: SearchEngine | None = None
        self._pending: bool | None = None  # None: nothing asked; else the rebuild flag

    def request_update(self, rebuild: bool = False) -> None:
        with self._cond:
            self._pending = bool(self._pending) or rebuild
            self._cond.notify()

    def _stop_requested(self) -> None:
        if self._builder is not None:
            self._builder.cancel()  # a child build in progress would otherwise run to its end

    def run(self) -> None:
        try:
            engine = self._factory()
        except Exception as exc:  # noqa: BLE001 - no engine, nothing else to do here
            log.exception("cannot create the search engine")
            self.failed.emit(str(exc))
            return
        self.engine = engine
        self.engine_created.emit(engine)
        builder_failed = False
        if self._builder is not None and not engine.index_on_disk:
            # First start (or a new version): the child builds the index and jieba's table before this process
            # loads anything, so building neither leaves its churn behind here; warm_up then only opens them.
            builder_failed = not self._builder(False, throttled(self.progress.emit))
            with self._cond:
                if self._stopping:
                    return
        try:
            engine.warm_up()
        except Exception as exc:  # noqa: BLE001 - reported to the user, the thread stays usable
            log.exception("warm-up failed")
            self.failed.emit(str(exc))
        else:
            self.warmed_up.emit()
        while True:
            with self._cond:
                while self._pending is None and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                rebuild = bool(self._pending)
                self._pending = None
            self.started_update.emit()
            progress = throttled(self.progress.emit)  # per file, a big KB would flood the GUI thread
            # A rebuild, or no index open; but not the same build twice in a row: after a failed (or declined)
            # first try, this process builds.
            use_builder = rebuild or (not engine.index_open and not builder_failed)
            builder_failed = False
            if self._builder is not None and use_builder:
                if self._builder(rebuild, progress):
                    rebuild = False  # built and published: the update below opens it and reads no file twice
                with self._cond:
                    if self._stopping:
                        return
            try:
                report = engine.update(rebuild=rebuild, progress=progress)
            except Exception as exc:  # noqa: BLE001 - KbError and anything unexpected: tell the user, keep running
                log.warning("index update failed: %s", exc)
                self.failed.emit(str(exc))
            else:
                self.updated.emit(report)


class SearchThread(WorkerThread):
    """Searches in the background; while one search runs, newer queries replace older waiting ones.

    Each query carries a sequence number; `results(seq, query, hits)` lets the overlay drop stale answers.
    """

    results = Signal(int, str, list)

    def __init__(self, engine: SearchEngine | None = None, limit: int = 10, parent: Any = None) -> None:
        super().__init__("kbassist-search", parent)
        self._engine = engine
        self._limit = limit
        self._pending: tuple[int, str] | None = None
        self._enabled = False  # searches wait until the index is ready
        self._reranker: Callable[[list[Hit], str], list[Hit]] | None = None
        self.last_seconds = 0.0

    def set_reranker(self, reranker: Callable[[list[Hit], str], list[Hit]] | None) -> None:
        """Applied to every result list on this thread (the learned ranking); None: engine order."""
        with self._cond:
            self._reranker = reranker

    def set_enabled(self, enabled: bool) -> None:
        with self._cond:
            self._enabled = enabled
            self._cond.notify()

    def set_engine(self, engine: SearchEngine) -> None:
        with self._cond:
            self._engine = engine
            self._cond.notify()

    def submit(self, seq: int, query: str) -> None:
        with self._cond:
            self._pending = (seq, query)
            self._cond.notify()

    def run(self) -> None:
        while True:
            with self._cond:
                while (self._pending is None or not self._enabled or self._engine is None) and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                assert self._pending is not None and self._engine is not None
                seq, query = self._pending
                self._pending = None
                engine = self._engine
                reranker = self._reranker
            start = time.perf_counter()
            try:
                hits = engine.search(query, self._limit) if query.strip() else []
            except Exception:  # noqa: BLE001 - the engine promises not to raise; if it does, show nothing
                log.exception("search failed for %r", query)
                hits = []
            if reranker is not None and len(hits) > 1:
                try:
                    hits = reranker(list(hits), query)
                except Exception:  # noqa: BLE001 - learned order is a nicety; the engine's order still works
                    log.exception("re-ranking failed for %r", query)
            self.last_seconds = time.perf_counter() - start
            self.results.emit(seq, query, list(hits))


class TaskThread(WorkerThread):
    """Runs small jobs one after another, in order, off the GUI thread (the usage log's writes and reads).

    `submit(job, done)`: `job()` runs here; `done(result)` then runs on the thread that owns this object (the GUI
    thread), through the queued `finished_job` signal. Jobs must not touch widgets.
    """

    finished_job = Signal(object, object)  # (done callback, result)

    def __init__(self, name: str = "kbassist-tasks", parent: Any = None) -> None:
        super().__init__(name, parent)
        self._jobs: list[tuple[Callable[[], Any], Callable[[Any], None] | None]] = []
        self._busy = False
        # A bound method of this QObject (which lives on the GUI thread): Qt queues the call to the GUI thread.
        self.finished_job.connect(self._deliver)

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        with self._cond:
            if self._stopping:
                return
            self._jobs.append((job, done))
            self._cond.notify()

    def stop(self) -> None:
        """Finish the jobs already queued (so nothing recorded is lost), then end the thread."""
        super().stop()

    def idle(self) -> bool:
        with self._cond:
            return not self._jobs and not self._busy

    def run(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._stopping:
                    self._cond.wait()
                if not self._jobs:
                    return
                job, done = self._jobs.pop(0)
                self._busy = True
            try:
                result = job()
            except Exception:  # noqa: BLE001 - one failing job must not stop the queue
                log.exception("background job failed")
                result = None
            with self._cond:
                self._busy = False
            if done is not None:
                self.finished_job.emit(done, result)

    def _deliver(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)


class ShareTasks(QObject):
    """Like TaskThread, for file-system work on a KB folder that may sit on a network share.

    While a share is offline one `stat` or directory listing can block for a minute. The jobs therefore run on a
    daemon Python thread that `stop()` waits for only briefly and may leave behind, so quitting never hangs on a
    dead share (a QThread cannot be abandoned: destroying a running one aborts the process). Jobs still queued at
    stop are dropped: they are walks and probes, nothing to keep.
    """

    finished_job = Signal(object, object)  # (done callback, result)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cond = threading.Condition()
        self._jobs: list[tuple[Callable[[], Any], Callable[[Any], None] | None]] = []
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.finished_job.connect(self._deliver)  # queued to this object's (the GUI) thread

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        with self._cond:
            if self._stopping:
                return
            self._jobs.append((job, done))
            self._cond.notify()

    def stop(self, timeout: float = 2.0) -> bool:
        """Drop queued jobs, wait up to `timeout` s for the running one; False if it was left blocked."""
        with self._cond:
            self._stopping = True
            self._jobs.clear()
            self._cond.notify()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.warning("%s: a file-system call is still blocked (network share?); not waiting for it", self.name)
            return False
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                job, done = self._jobs.pop(0)
            try:
                result = job()
            except Exception:  # noqa: BLE001 - one failing job must not stop the queue
                log.exception("background job failed")
                result = None
            with self._cond:
                if self._stopping:
                    return  # the owner may be gone: deliver nothing
            if done is not None:
                self.finished_job.emit(done, result)

    def _deliver(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)
