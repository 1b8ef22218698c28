"""Composition root of the desktop app: builds engine, backends, overlay and tray, wires them, owns start-up and shutdown."""

from __future__ import annotations

import gc
import logging
import logging.handlers
import os
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import kbassist.ui  # noqa: F401 - first of all: it takes PySide6's import hook off before the imports below

from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, QTimer, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

import kbassist
from kbassist import paths
from kbassist import settings as settings_mod
from kbassist.core.model import Block, Hit
from kbassist.core.usage import COPIED, DISMISSED, NO_RESULT, PASTED, USED_OUTCOMES, GapQuery, UsageLog, UsageSession
from kbassist.core.usage import gap_queries, rerank_hits
from kbassist.indexer import ChildBuilder
from kbassist.native import Backends, get_backends
from kbassist.native.base import HotkeyError, PasteMode, PasteOutcome, WindowRef
from kbassist.native.clipboard import release_before_exit
from kbassist.native.paste import Paster
from kbassist.settings import Settings
from kbassist.ui.dialogs import InfoDialog, ProblemsDialog
from kbassist.ui.i18n import Texts
from kbassist.ui.overlay import Overlay
from kbassist.ui.reload import KbWatcher
from kbassist.ui.settings_dialog import SettingsDialog
from kbassist.ui.single_instance import SingleInstance, send, server_name
from kbassist.ui.tray import Tray
from kbassist.ui.workers import IndexThread, SearchThread, ShareTasks, TaskThread

log = logging.getLogger("kbassist.app")

SELFTEST_TIMEOUT_MS = 120_000
NO_TRAY_MARKER = "no-tray-notice-shown"
GAP_DAYS = 30  # the 未命中 tab looks this far back
PROBE_MS = 5000  # while the KB folder is unreachable (share offline), how often to look for its return


def kb_reachable(root: Path) -> bool:
    """True if the KB folder can be listed. May block for a long time on a dead share: call off the GUI thread."""
    try:
        with os.scandir(root) as it:
            next(it, None)
        return True
    except OSError:
        return False


@dataclass
class OverlaySession:
    """One overlay session, hotkey to close, as it is being lived; becomes one UsageSession row."""

    started: float  # time.perf_counter() at the hotkey
    hit: Hit | None = None
    block: Block | None = None
    rank: int = 0
    mode: str = ""
    ms: int | None = None


def open_path(path: Path) -> None:
    """Open a file or folder with the system's default application (editor, file manager)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class App(QObject):
    """Everything one running kbassist owns, created in start-up order and torn down in reverse in shutdown()."""

    def __init__(
        self,
        qapp: QApplication,
        dirs: paths.AppDirs,
        settings: Settings,
        *,
        locked: dict[str, str] | None = None,
        warnings: list[str] | None = None,
        kb_override: Path | None = None,
        hotkey_override: str | None = None,
        opener: Callable[[Path], None] = open_path,
        selftest: bool = False,
        watch_poll: bool | None = None,
        backends: Backends | None = None,
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.dirs = dirs
        self.settings = settings
        self.locked = dict(locked or {})
        self.settings_warnings = list(warnings or [])
        self.kb_override = kb_override
        self.hotkey_override = hotkey_override
        self.opener = opener
        self.selftest = selftest
        self.watch_poll = watch_poll
        self.texts = Texts(settings.language)
        self.hotkey_error: str | None = None
        self.target: WindowRef | None = None
        self._retired_threads: list[IndexThread] = []
        self.index_ready = False
        self.entry_count = 0
        self.exit_code = 0
        self._first_ready_logged = False
        self._watching = False
        # The KB folder cannot be read (network share offline): search the last index, probe for its return.
        self.kb_unreachable = False
        self.probe_ms = PROBE_MS
        self.probe_tasks = ShareTasks("kbassist-kb-probe")  # its own thread: a dead share may block a probe for long
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self._probe_kb)
        self._selftest_done = False
        self._selftest_started = 0.0
        self.about_dialog: InfoDialog | None = None
        self._trace = os.environ.get("KBASSIST_TRACE") == "1"
        self._dialogs: list[object] = []
        self.problems_dialog: ProblemsDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.single_instance: SingleInstance | None = None
        # The usage log lives on its own task thread: it is opened, written, read and closed only there.
        self.usage: UsageLog | None = None
        self.usage_tasks = TaskThread("kbassist-usage")
        self.usage_weights: dict[str, float] = {}
        self.session: OverlaySession | None = None
        self._usage_warned = False

        # 1. OS backends and the hotkey first: start-up work below must never delay the hotkey.
        self.backends = backends if backends is not None else get_backends()
        self.backends.hotkeys.activated.connect(self.on_hotkey)
        self.register_hotkey(self.hotkey)

        # 2. The overlay, created hidden now so that the hotkey only has to show it.
        self.overlay = Overlay(self.texts)
        self.overlay.paste_mode = settings.paste_mode
        self.overlay.agent_name = settings.agent_name
        self.overlay.clipboard_reader = lambda: QGuiApplication.clipboard().text()
        self.overlay.winId()  # creates the native window now, not on the first hotkey
        self.overlay.search_requested.connect(self._on_search_requested)
        self.overlay.paste_requested.connect(self.on_paste_requested)
        self.overlay.dismissed.connect(self.on_dismissed)
        self.overlay.entry_chosen.connect(self._on_entry_chosen)
        self.overlay.hidden.connect(self._on_overlay_hidden)
        self.overlay.open_entry_requested.connect(lambda p: self.opener(Path(p)))
        self.overlay.open_kb_requested.connect(self.open_kb_folder)

        # 3. Paste orchestration.
        self.paster = self._make_paster()

        # 4. Tray.
        self.tray = Tray(self.texts)
        self.tray.set_hotkey(self.hotkey)
        self.tray.search_requested.connect(self.on_show_requested)
        self.tray.reindex_requested.connect(lambda: self.request_update(rebuild=True))
        self.tray.problems_requested.connect(self.show_problems)
        self.tray.open_kb_requested.connect(self.open_kb_folder)
        self.tray.settings_requested.connect(self.show_settings)
        self.tray.about_requested.connect(self.show_about)
        self.tray.quit_requested.connect(self.quit)

        # 5. Engine and its threads, watcher; started in start().
        self.kb_root = self._resolve_kb()
        self.engine: Any = None  # kbassist.core.engine.Engine, created on the index thread
        self.index_thread: IndexThread | None = None
        self.search_thread: SearchThread | None = None
        self.watcher: KbWatcher | None = None

    # ----- start-up and shutdown ---------------------------------------------------------------------------------

    @property
    def hotkey(self) -> str:
        return self.hotkey_override or self.settings.hotkey

    def start(self) -> None:
        if self.tray.show():
            if self.hotkey_error:
                self.tray.message(
                    self.texts("hotkey_taken_title"),
                    self.texts("hotkey_taken_body", hotkey=self.hotkey, reason=self.hotkey_error),
                    warning=True,
                )
        else:
            self._no_tray_notice()
        if self.settings_warnings:
            self.tray.message("kbassist", self.texts("settings_warnings", warnings="\n".join(self.settings_warnings)), warning=True)
        self.usage_tasks.start()
        self.probe_tasks.start()
        self._open_usage()
        self._open_kb(self.kb_root)
        self.qapp.aboutToQuit.connect(self.shutdown)

    def quit(self) -> None:
        self.qapp.quit()

    def shutdown(self) -> None:
        """Reverse order of start-up: stop input first, then background work, then the index."""
        log.info("shutting down")
        try:
            self.backends.hotkeys.unregister()
        except Exception:  # noqa: BLE001 - shutting down anyway
            log.exception("hotkey unregister failed")
        if self.single_instance is not None:
            self.single_instance.close()
        self.session = None  # quitting is not a dismissed search
        self.overlay.hide()
        self._close_kb()
        self.probe_tasks.stop()
        # After the index: rows already queued are still written, then the log is closed.
        self.usage_tasks.submit(self._close_usage_job)
        self.usage_tasks.stop()
        self.tray.hide()
        release_before_exit()

    def _resolve_kb(self) -> Path:
        return (self.kb_override or self.settings.kb_root(paths.bundled_kb())).expanduser()

    def _open_kb(self, root: Path) -> None:
        self.kb_root = root
        self.index_ready = False
        self.kb_unreachable = False
        self.entry_count = 0
        self.overlay.set_index_ready(False)
        self.tray.set_status(str(root), 0, "loading")
        dirs, jieba_cache = self.dirs, self.dirs.jieba_cache

        def make_engine() -> Any:
            # Imported here, on the index thread: whoosh and jieba take ~0.5 s to import.
            from kbassist.core.engine import Engine

            # Here too: naming the index resolves the KB path, which stalls while a network share is offline.
            return Engine(root, dirs.index_dir(root), jieba_cache=jieba_cache)

        self.engine = None
        # Full builds of a big KB run as `kbassist index` in a child process: see kbassist.indexer.
        self.index_thread = IndexThread(make_engine, builder=ChildBuilder(root))
        self.index_thread.engine_created.connect(self._on_engine_created)
        self.index_thread.warmed_up.connect(self._on_warmed_up)
        self.index_thread.updated.connect(self._on_index_updated)
        self.index_thread.failed.connect(self._on_index_failed)
        self.index_thread.progress.connect(self.tray.set_progress)
        self.search_thread = SearchThread()
        self.search_thread.results.connect(self._on_results)
        self._apply_reranker()
        self.index_thread.start()
        self.search_thread.start()
        self.request_update()
        self.watcher = KbWatcher(root, poll=self.watch_poll)
        self.watcher.changed.connect(self.request_update)
        self.watcher.armed.connect(self.request_update)

    def _close_kb(self) -> None:
        self._probe_timer.stop()
        self.kb_unreachable = False
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.search_thread is not None:
            self.search_thread.stop()
            self.search_thread = None
        if self.index_thread is not None:
            thread, self.index_thread = self.index_thread, None
            thread.stop()
            if thread.engine is not None and thread.engine is not self.engine:
                thread.engine.close()  # its engine_created was still queued: no one else would close it
            thread.engine = None
            # Kept: signals it queued before stopping may still be delivered, and only a live sender lets the
            # handlers tell them apart (_stale_report). One small object per KB switch.
            self._retired_threads.append(thread)
        if self.engine is not None:
            try:
                self.engine.close()
            except Exception:  # noqa: BLE001
                log.exception("closing the index failed")
            self.engine = None

    def _make_paster(self) -> Paster:
        paster = Paster(
            self.backends.windows,
            self.backends.keys,
            restore_clipboard=self.settings.restore_clipboard,
            restore_delay_ms=self.settings.restore_delay_ms,
            parent=self,
        )
        paster.finished.connect(self._on_paste_finished)
        return paster

    def register_hotkey(self, chord: str) -> bool:
        try:
            self.backends.hotkeys.register(chord)
        except HotkeyError as exc:
            self.hotkey_error = f"{exc.reason}: {exc}"
            log.warning("hotkey unavailable: %s: %s", chord, exc.reason)
            return False
        self.hotkey_error = None
        log.info("hotkey registered: %s via %s", chord, self.backends.name)
        return True

    def _no_tray_notice(self) -> None:
        marker = self.dirs.config / NO_TRAY_MARKER
        if self.selftest or QGuiApplication.platformName() in ("offscreen", "minimal") or marker.exists():
            return
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text("1\n", encoding="utf-8")
        except OSError:
            pass
        body = self.texts("no_tray_body", hotkey=self.hotkey)
        if self.hotkey_error:
            body += "\n\n" + self.texts("hotkey_taken_body", hotkey=self.hotkey, reason=self.hotkey_error)
        dialog = InfoDialog(self.texts("no_tray_title"), body)
        # Must not take focus from the chat window the agent is typing in.
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        dialog.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        dialog.show()
        self._dialogs.append(dialog)

    # ----- index -----------------------------------------------------------------------------------------------

    def _stale_report(self) -> bool:
        """Whether the signal being handled was queued by an index thread stopped since (shutdown, another KB): its
        report is about an engine that is closed or replaced."""
        sender = self.sender()
        return sender is not None and sender is not self.index_thread

    def _on_engine_created(self, engine: Any) -> None:
        if self._stale_report():
            return
        self.engine = engine
        if self.search_thread is not None:
            self.search_thread.set_engine(engine)

    def _on_warmed_up(self) -> None:
        """The index of the last run is open: search it at once, while the update (a slow share: minutes) runs."""
        if self._stale_report():
            return
        if self.engine is None or self.index_ready:
            return
        count = len(self.engine.entries)
        if count and self.search_thread is not None:
            self.entry_count = count
            self.search_thread.set_enabled(True)
            self.overlay.set_index_ready(True)
            self.tray.set_status(str(self.kb_root), count, "loading")
            log.info("searching the last index (%d entries) while the update runs", count)

    def request_update(self, rebuild: bool = False) -> None:
        if self.index_thread is not None:
            self.index_thread.request_update(rebuild)

    def _on_index_updated(self, report: object) -> None:
        if self._stale_report():
            return
        assert self.engine is not None
        self.entry_count = getattr(report, "entries", len(self.engine.entries))
        problems = self.engine.problems
        if not self._first_ready_logged:
            self._first_ready_logged = True
            log.info("index ready: %d entries", self.entry_count)
            # What start-up built (modules, the KB's entries and search features) lives as long as the app. Out of
            # the cyclic collector's reach, a full collection no longer walks it: ~0.4 s on a 20k-entry KB, and it
            # would land in the middle of a search.
            gc.freeze()
        else:
            log.info(
                "index updated: %d entries (+%s ~%s -%s)",
                self.entry_count,
                getattr(report, "added", "?"),
                getattr(report, "updated", "?"),
                getattr(report, "removed", "?"),
            )
        self.index_ready = True
        if self.kb_unreachable:
            self.kb_unreachable = False
            self._probe_timer.stop()
            log.info("knowledge base reachable again: %s", self.kb_root)
            self._restart_watcher()  # its watches went with the old folder
        assert self.search_thread is not None
        self.search_thread.set_enabled(True)
        self.overlay.set_index_ready(True)
        self.tray.set_status(str(self.kb_root), self.entry_count, "ready")
        self.tray.set_problem_count(len(problems))
        if self.problems_dialog is not None and self.problems_dialog.isVisible():
            self.problems_dialog.set_problems(list(problems), self.kb_root)
        if self.watcher is not None and not self._watching:
            self.watcher.start()
            self._watching = True
        self.overlay.refresh()

    def _on_index_failed(self, message: str) -> None:
        if self._stale_report():
            return
        log.warning("index failed: %s", message)
        root = self.kb_root
        # Is the folder gone (share offline) or is it something else? Asked off the GUI thread: a dead share blocks.
        self.probe_tasks.submit(lambda: kb_reachable(root), lambda ok: self._on_failure_probed(root, message, ok))

    def _on_failure_probed(self, root: Path, message: str, reachable: bool | None) -> None:
        if root != self.kb_root or self.index_thread is None:
            return  # the KB was switched meanwhile
        if reachable:
            if self.kb_unreachable:
                # Back, but the update failed for another reason: stop probing and watch the folder that is there now.
                self.kb_unreachable = False
                self._probe_timer.stop()
                self._restart_watcher()
                if self.watcher is not None:
                    self.watcher.start()
                    self._watching = True
            self._show_index_failed(message)
            return
        first = not self.kb_unreachable
        self.kb_unreachable = True
        count = len(self.engine.entries) if self.engine is not None else 0
        if count and self.search_thread is not None:
            # The index is local and still good: keep searching it and say that it may be out of date.
            self.entry_count = count
            self.index_ready = True
            self.search_thread.set_enabled(True)
            self.overlay.set_index_ready(True)
            self.tray.set_status(str(root), count, "unreachable")
            if first:
                log.warning("knowledge base unreachable, searching the last index: %s", message)
                self.tray.message("kbassist", self.texts("kb_unreachable", kb=root), warning=True)
            if self.selftest:
                self._finish_selftest(1, f"selftest failed: {message}")
        elif first:
            self._show_index_failed(message)
        self._probe_timer.start(self.probe_ms)

    def _probe_kb(self) -> None:
        root = self.kb_root
        self.probe_tasks.submit(lambda: kb_reachable(root), lambda ok: self._on_probed(root, ok))

    def _on_probed(self, root: Path, reachable: bool | None) -> None:
        if root != self.kb_root or not self.kb_unreachable or self.index_thread is None:
            return
        if reachable:
            log.info("knowledge base folder is back, updating: %s", root)
            self.request_update()  # success clears the state; another failure probes again
        else:
            self._probe_timer.start(self.probe_ms)

    def _restart_watcher(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.watcher = KbWatcher(self.kb_root, poll=self.watch_poll)
        self.watcher.changed.connect(self.request_update)
        self.watcher.armed.connect(self.request_update)
        self._watching = False  # _on_index_updated starts it

    def _show_index_failed(self, message: str) -> None:
        self.tray.set_status(str(self.kb_root), self.entry_count, "failed", message)
        self.tray.message("kbassist", message, warning=True)
        self.overlay.set_index_error(message)
        if self.selftest:
            self._finish_selftest(1, f"selftest failed: {message}")

    # ----- overlay and paste -------------------------------------------------------------------------------------

    def on_hotkey(self) -> None:
        if self.overlay.isVisible() and self.overlay.isActiveWindow():
            self.overlay.dismiss()  # the hotkey again closes the overlay
            return
        self.show_overlay()  # hidden, or left open behind another window: bring it (back) to the front

    def on_show_requested(self) -> None:
        if self.overlay.isVisible():
            self.overlay.raise_()
            self.overlay.activateWindow()
            return
        self.show_overlay()

    def show_overlay(self) -> None:
        # Remember the window the agent was typing in before our overlay takes focus.
        target = self.backends.windows.active_window()
        if target is not None and target.handle != int(self.overlay.winId()):
            self.target = target
        elif target is None:
            self.target = None
        geometry = self.backends.windows.geometry(self.target) if self.target is not None else None
        if self.session is None or not self.overlay.isVisible():
            self.session = OverlaySession(time.perf_counter())
        self.overlay.open_at(geometry)
        log.info("overlay shown")

    def _on_search_requested(self, seq: int, query: str) -> None:
        if self.search_thread is not None:
            self.search_thread.submit(seq, query)

    def _on_results(self, seq: int, query: str, hits: list[Hit]) -> None:
        self.overlay.show_results(seq, hits)
        if self._trace:
            log.debug("results shown: seq=%d hits=%d query=%s", seq, len(hits), query)

    def on_paste_requested(self, plain: str, html: str, mode: str) -> None:
        self.overlay.hide()
        rich = html if self.settings.paste_html else None
        self.paster.paste(plain, rich, self.target, PasteMode(mode), self.settings.paste_chord)

    def _on_paste_finished(self, outcome: PasteOutcome, message: str) -> None:
        log.info("paste finished: %s", outcome.value)
        if outcome is PasteOutcome.FOCUS_LOST:
            self.tray.message("kbassist", self.texts("copied_manual"))
        elif outcome is PasteOutcome.FAILED:
            self.tray.message("kbassist", self.texts("paste_failed", message=message), warning=True)

    def on_dismissed(self) -> None:
        target = self.target
        if target is not None and self.backends.windows.exists(target):
            self.backends.windows.request_activate(target)

    # ----- usage log ---------------------------------------------------------------------------------------------

    def _on_entry_chosen(self, hit: Hit, block: Block, rank: int, mode: str) -> None:
        if self.session is None:
            return
        self.session.hit, self.session.block, self.session.rank, self.session.mode = hit, block, rank, mode
        self.session.ms = max(0, round((time.perf_counter() - self.session.started) * 1000))

    def _on_overlay_hidden(self) -> None:
        """The overlay session is over, however it ended: one row for the usage log."""
        session, self.session = self.session, None
        if session is None or not self.settings.usage_logging or self.selftest:
            return
        query = self.overlay.search.text()
        count = len(self.overlay.model.hits())
        if session.hit is not None and session.block is not None:
            outcome = COPIED if session.mode == PasteMode.COPY_ONLY.value else PASTED
            row = UsageSession(
                query=query,
                outcome=outcome,
                result_count=count,
                entry_id=session.hit.entry.id,
                block=session.block.name,
                rank=session.rank,
                ms=session.ms,
            )
        else:
            # Closed before the answer came (or before the index was ready) is no proof the KB lacks an answer.
            missed = bool(query.strip()) and count == 0 and self.overlay.results_current and self.index_ready
            outcome = NO_RESULT if missed else DISMISSED
            row = UsageSession(query=query, outcome=outcome, result_count=count)
        self.record_usage(row)

    def record_usage(self, row: UsageSession) -> None:
        """Write one session on the usage thread; after a paste/copy, also refresh the learned weights there."""
        refresh = self.settings.usage_ranking and row.outcome in USED_OUTCOMES

        def job() -> tuple[str | None, dict[str, float] | None]:
            usage = self.usage
            if usage is None:
                return None, None
            usage.record(row)
            weights = usage.entry_weights() if refresh and usage.available else None
            return (None if usage.available else usage.last_error), weights

        self.usage_tasks.submit(job, self._on_usage_job_done)

    def _open_usage(self) -> None:
        """(Re)open the usage log with the current settings, on the usage thread; then load the weights."""
        s = self.settings
        path = self.dirs.usage_db
        # Ranking alone reads an existing log but never creates one: logging off means no file appears.
        wanted = s.usage_logging or (s.usage_ranking and path.exists())
        masking, retention, ranking = s.usage_masking, s.usage_retention_days, s.usage_ranking

        def job() -> tuple[str | None, dict[str, float] | None]:
            self._close_usage_job()
            if not wanted:
                return None, {}
            usage = UsageLog(path, masking=masking, retention_days=retention)
            self.usage = usage
            if not usage.available:
                return usage.last_error, {}
            weights = usage.entry_weights() if ranking else {}
            return (None if usage.available else usage.last_error), weights

        self.usage_tasks.submit(job, self._on_usage_job_done)

    def _close_usage_job(self) -> None:
        usage, self.usage = self.usage, None
        if usage is not None:
            usage.close()

    def _on_usage_job_done(self, result: tuple[str | None, dict[str, float] | None] | None) -> None:
        if result is None:
            return
        error, weights = result
        if error and not self._usage_warned:
            # Once per run: the agent cannot fix a locked or damaged file mid-shift, and search does not need it.
            self._usage_warned = True
            log.warning("usage log unavailable: %s", error)
            self.tray.message("kbassist", self.texts("usage_unavailable", error=error), warning=True)
        if weights is not None:
            self.usage_weights = weights
            self._apply_reranker()

    def _apply_reranker(self) -> None:
        if self.search_thread is None:
            return
        weights = self.usage_weights
        if self.settings.usage_ranking and weights:
            self.search_thread.set_reranker(lambda hits, query: rerank_hits(hits, weights, query))
        else:
            self.search_thread.set_reranker(None)

    def load_gaps(self) -> None:
        """Fill the 未命中 tab from the usage log (read on the usage thread)."""
        since = datetime.now(timezone.utc) - timedelta(days=GAP_DAYS)

        def job() -> list[GapQuery]:
            usage = self.usage
            return gap_queries(usage.sessions(since)) if usage is not None else []

        self.usage_tasks.submit(job, self._on_gaps)

    def _on_gaps(self, gaps: list[GapQuery] | None) -> None:
        if self.problems_dialog is not None:
            self.problems_dialog.set_gaps(list(gaps or []))

    def create_entry_for(self, query: str) -> None:
        """新建条目: an entry from the template with the missed query as title and alias, opened in the editor."""
        root = self.kb_root

        def job() -> Path | str:
            # Imported here: only the editor's path needs the KB loader on the task thread.
            from kbassist.core.scaffold import ScaffoldError, new_entry

            try:
                return new_entry(root, query, aliases=[query])
            except ScaffoldError as exc:
                return str(exc)

        self.usage_tasks.submit(job, self._on_entry_created)

    def _on_entry_created(self, result: Path | str | None) -> None:
        if isinstance(result, Path):
            log.info("new entry created: %s", result)
            self.opener(result)
            self.request_update()
        else:
            message = result or "?"
            log.warning("new entry failed: %s", message)
            if self.problems_dialog is not None:
                self.problems_dialog.show_gap_error(message)

    # ----- tray actions ----------------------------------------------------------------------------------------

    def open_kb_folder(self) -> None:
        self.opener(self.kb_root)

    def show_problems(self) -> None:
        if self.problems_dialog is None:
            self.problems_dialog = ProblemsDialog(self.texts)
            self.problems_dialog.open_file_requested.connect(lambda p: self.opener(Path(p)))
            self.problems_dialog.gaps_shown.connect(self.load_gaps)
            self.problems_dialog.new_entry_requested.connect(self.create_entry_for)
        problems = list(self.engine.problems) if self.engine is not None and self.index_ready else []
        self.problems_dialog.set_problems(problems, self.kb_root)
        self.load_gaps()
        self.problems_dialog.show()
        self.problems_dialog.raise_()
        self.problems_dialog.activateWindow()

    def show_about(self) -> None:
        text = self.texts(
            "about_body",
            version=kbassist.__version__,
            kb=self.kb_root,
            index=self.dirs.index_dir(self.kb_root),
            logs=self.dirs.logs,
            settings=self.dirs.settings_file,
        )
        dialog = InfoDialog(self.texts("about_title"), text)
        dialog.setObjectName("kbassist-about")
        dialog.show()
        self._dialogs = [d for d in self._dialogs if getattr(d, "isVisible", lambda: False)()] + [dialog]
        self.about_dialog = dialog

    def show_settings(self) -> None:
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        dialog = SettingsDialog(self.settings, self.texts, self.locked, self.hotkey_error)
        dialog.accepted.connect(lambda: self._on_settings_accepted(dialog))
        self.settings_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _on_settings_accepted(self, dialog: SettingsDialog) -> None:
        new = dialog.result_settings()
        if new is not None:
            self.apply_settings(new)

    def apply_settings(self, new: Settings, save: bool = True) -> None:
        """Use new settings at once (hotkey, KB folder, language, paste options, autostart) and save them."""
        old = self.settings
        self.settings = new
        if save:
            try:
                settings_mod.save(new, self.dirs.settings_file, exclude=self.locked)
            except OSError as exc:
                log.warning("cannot save settings to %s: %s", self.dirs.settings_file, exc)
                self.tray.message("kbassist", f"{self.dirs.settings_file}: {exc}", warning=True)
        if new.hotkey != old.hotkey and not self.hotkey_override:
            self.register_hotkey(new.hotkey)
            self.tray.set_hotkey(new.hotkey)
            if self.hotkey_error:
                self.tray.message(
                    self.texts("hotkey_taken_title"),
                    self.texts("hotkey_taken_body", hotkey=new.hotkey, reason=self.hotkey_error),
                    warning=True,
                )
        if new.language != old.language:
            self.texts.language = new.language
            self.tray.retranslate()
            self.overlay.retranslate()
        self.overlay.paste_mode = new.paste_mode
        self.overlay.agent_name = new.agent_name
        if (new.restore_clipboard, new.restore_delay_ms) != (old.restore_clipboard, old.restore_delay_ms):
            if not self.paster.busy:
                self.paster.deleteLater()
                self.paster = self._make_paster()
        usage_keys = ("usage_logging", "usage_masking", "usage_retention_days", "usage_ranking")
        if any(getattr(new, k) != getattr(old, k) for k in usage_keys):
            self._open_usage()
            self._apply_reranker()
        if new.autostart != old.autostart:
            try:
                self.backends.autostart.set_enabled(new.autostart, autostart_command())
            except OSError as exc:
                log.warning("autostart: %s", exc)
                self.tray.message("kbassist", f"autostart: {exc}", warning=True)
        root = self._resolve_kb()
        if root != self.kb_root:
            log.info("switching knowledge base to %s", root)
            self._close_kb()
            self._watching = False
            self._first_ready_logged = False
            self._open_kb(root)

    # ----- self-test --------------------------------------------------------------------------------------------

    def run_selftest(self) -> None:
        """Wait for the index, open the overlay, search once, close it, then quit with 0 (or 1 and a message)."""
        QTimer.singleShot(SELFTEST_TIMEOUT_MS, lambda: self._finish_selftest(1, "selftest failed: timed out"))
        self._selftest_started = time.perf_counter()
        if self.index_thread is not None:
            self.index_thread.updated.connect(self._selftest_search)

    def _selftest_search(self) -> None:
        if self.index_thread is not None:
            self.index_thread.updated.disconnect(self._selftest_search)
        assert self.engine is not None
        entries = list(self.engine.entries.values())
        query = entries[0].title if entries else "kbassist"
        self.show_overlay()
        if not self.overlay.isVisible():
            self._finish_selftest(1, "selftest failed: the overlay did not open")
            return
        self.search_thread.results.connect(lambda seq, q, hits: self._selftest_results(query, q, hits, len(entries)))
        self.overlay.search.setText(query)

    def _selftest_results(self, query: str, got_query: str, hits: list[Hit], entries: int) -> None:
        if got_query != query:
            return
        self.overlay.dismiss()
        if entries and not hits:
            self._finish_selftest(1, f"selftest failed: no results for {query!r}")
            return
        self._finish_selftest(
            0,
            f"selftest ok: {entries} entries, {len(hits)} hits for {query!r}, "
            f"{time.perf_counter() - self._selftest_started:.2f} s",
        )

    def _finish_selftest(self, code: int, message: str) -> None:
        if self._selftest_done:
            return
        self._selftest_done = True
        self.exit_code = code
        print(message, file=sys.stderr, flush=True)
        self.qapp.exit(code)


WINDOWED_EXE = "kbassist.exe"


def autostart_command() -> list[str]:
    """How the login session should start us: the frozen exe, or this Python running the package."""
    exe_dir = paths.executable_dir()
    if exe_dir is None:
        return [sys.executable, "-m", "kbassist"]
    if sys.platform == "win32":
        # The bundle holds kbassist.exe (windowed) and kbassist-cli.exe (console); when settings are saved from the
        # CLI sys.executable is the console one, which would open a console window at every login.
        return [str(exe_dir / WINDOWED_EXE)]
    return [sys.executable]


def setup_logging(dirs: paths.AppDirs) -> list[logging.Handler]:
    """INFO (DEBUG with KBASSIST_TRACE=1) of logger `kbassist` to stderr and a rotating file; returns the handlers."""
    level = logging.DEBUG if os.environ.get("KBASSIST_TRACE") == "1" else logging.INFO
    logger = logging.getLogger("kbassist")
    logger.setLevel(level)
    handlers: list[logging.Handler] = []
    # WORKAROUND: in the windowed Windows exe (no console) sys.stderr is None; a StreamHandler on it fails on every
    # record. The log file is then the only sink.
    if sys.stderr is not None:
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(level)
        stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(stderr)
    try:
        dirs.logs.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            dirs.logs / "kbassist.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setLevel(level)
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(file_handler)
    except OSError as exc:
        print(f"kbassist: cannot write logs to {dirs.logs}: {exc}", file=sys.stderr)
    for handler in handlers:
        logger.addHandler(handler)
    # Our handlers print; do not also pass records to the root logger (cli.py configures it for the CLI).
    logger.propagate = False
    return handlers


# Messages the offscreen/minimal platforms print for every window; they say nothing about kbassist.
_QT_NOISE = ("This plugin does not support",)
_qt_log = logging.getLogger("kbassist.qt")


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go through our logging (stderr + log file) instead of bare stderr."""
    if any(message.startswith(n) for n in _QT_NOISE):
        _qt_log.debug("%s", message)
    elif kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        _qt_log.error("%s", message)
    elif kind == QtMsgType.QtWarningMsg:
        _qt_log.warning("%s", message)
    else:
        _qt_log.debug("%s", message)


def _instance_name(dirs: paths.AppDirs) -> str:
    return server_name(home=os.environ.get(paths.HOME_ENV) or str(dirs.config))


def run_app(kb: Path | None, hotkey: str | None, selftest: bool = False) -> int:
    """Run the tray app until it quits; with selftest, run headless once through start-up and a search."""
    if selftest:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    dirs = paths.app_dirs()
    handlers = setup_logging(dirs)
    previous_handler = qInstallMessageHandler(_qt_message)
    try:
        qapp = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(qapp, QApplication)
        qapp.setQuitOnLastWindowClosed(False)
        qapp.setApplicationName("kbassist")
        qapp.setApplicationVersion(kbassist.__version__)

        settings, warnings, locked = settings_mod.load_effective(dirs)
        if hotkey is not None and not settings_mod.valid_chord(hotkey):
            print(f"kbassist: --hotkey {hotkey!r} is not a valid chord (e.g. ctrl+alt+k)", file=sys.stderr)
            return 2
        # A folder on a share that is offline right now is fine if an earlier run indexed it: that index is searched.
        if kb is not None and not kb.is_dir() and not dirs.index_dir(kb).is_dir():
            print(f"kbassist: knowledge base folder not found: {kb}", file=sys.stderr)
            return 2

        instance: SingleInstance | None = None
        if not selftest:
            instance = SingleInstance(_instance_name(dirs), dirs.data / "kbassist.lock")
            if not instance.start():
                log.info("another kbassist is running; asked it to open the search")
                return 0

        app = App(qapp, dirs, settings, locked=locked, warnings=warnings, kb_override=kb, hotkey_override=hotkey, selftest=selftest)
        if instance is not None:
            app.single_instance = instance
            instance.show_requested.connect(app.on_show_requested)
        app.start()
        if selftest:
            app.run_selftest()
        # SIGTERM/SIGINT quit through the event loop so shutdown() runs; the timer lets Python see the signal.
        previous = {sig: signal.signal(sig, lambda *_: QTimer.singleShot(0, app.quit)) for sig in (signal.SIGTERM, signal.SIGINT)}
        wake = QTimer()
        wake.timeout.connect(lambda: None)
        wake.start(250)
        try:
            code = qapp.exec()
        finally:
            wake.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return app.exit_code if selftest else code
    finally:
        qInstallMessageHandler(previous_handler)
        for handler in handlers:
            logging.getLogger("kbassist").removeHandler(handler)
            handler.close()
        logging.getLogger("kbassist").propagate = True


def send_show() -> int:
    """`kbassist show`: ask the running instance to open its search overlay."""
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    if send(_instance_name(paths.app_dirs())):
        return 0
    print("kbassist: no running kbassist found (start it with `kbassist`)", file=sys.stderr)
    return 1
