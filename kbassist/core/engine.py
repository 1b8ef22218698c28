"""The one facade the CLI and the UI use: load a KB folder, keep its index current, search it."""

# CONTRACT (implemented by the search work; the CLI and the UI code against exactly this):
#
# class Engine:
#     def __init__(self, kb_root: Path, index_dir: Path, *, jieba_cache: Path | None = None) -> None
#         Cheap: no file reading, no jieba load. Thread-safe for one writer thread + many searches.
#     def warm_up(self) -> None
#         Loads jieba's dictionary (cache file at jieba_cache) and opens the index; call off the GUI thread.
#     def update(self, *, rebuild: bool = False,
#                progress: Callable[[int, int], None] | None = None) -> UpdateReport
#         Re-reads the KB folder, re-indexes only changed/added/removed files (mtime, size, content hash),
#         rebuilds on schema/analyzer version change or a corrupted index. Never raises for bad KB input.
#         Raises KbError (one clear message) if the KB folder is missing or unreadable.
#     def search(self, query: str, limit: int = 10) -> list[Hit]
#         Reuses a searcher; sees the last committed update; never raises for any query string.
#     @property entries -> dict[str, Entry]       (by id, from the last update)
#     @property problems -> list[Problem]         (from the last update, lint problems of the KB)
#     @property index_open -> bool                (an index is open; False means the next update builds it all)
#     @property index_on_disk -> bool             (an index of this version is on disk; cheap, before warm_up)
#     def close(self) -> None
#
# @dataclass class UpdateReport: entries: int; added: int; updated: int; removed: int;
#     problems: list[Problem]; rebuilt: bool; rebuild_reason: str | None; seconds: float
#
# class KbError(Exception): the KB folder cannot be used at all (missing, not a folder, unreadable).

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kbassist.core.analysis import Segmenter
from kbassist.core.index import IndexCorrupt, IndexStore
from kbassist.core.kb import KbError
from kbassist.core.model import Entry, Hit, Problem
from kbassist.core.search import Ranker, Searcher, fallback_search

__all__ = ["Engine", "KbError", "UpdateReport"]

log = logging.getLogger("kbassist.index")


@dataclass
class UpdateReport:
    """What one update did."""

    entries: int
    added: int
    updated: int
    removed: int
    problems: list[Problem]
    rebuilt: bool
    rebuild_reason: str | None
    seconds: float


class Engine:
    """Owns one KB folder's index: one writer thread (update) and any number of searching threads."""

    def __init__(self, kb_root: Path, index_dir: Path, *, jieba_cache: Path | None = None) -> None:
        self.kb_root = Path(kb_root)
        self.index_dir = Path(index_dir)
        # Never the system temp dir: without a configured path jieba's cache sits beside the index folders.
        cache = Path(jieba_cache) if jieba_cache is not None else self.index_dir.parent / "jieba.cache"
        self._segmenter = Segmenter(cache)
        self._store = IndexStore(self.index_dir, self._segmenter)
        self._ranker = Ranker(self._segmenter)
        self._update_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._by_path: dict[str, Entry] = {}
        self._by_id: dict[str, Entry] = {}
        self._problems: list[Problem] = []
        # The IndexOutcome.serial that _by_path/_by_id reflect (None: opened from disk, or not yet updated); an
        # outcome whose delta is relative to it patches them instead of rebuilding both maps.
        self._serial: int | None = None
        self._closed = False

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load jieba (the slow part) and open whatever index is on disk, so the first search is fast."""
        self._segmenter.load()
        with self._update_lock:
            if self._searcher is None and not self._closed:
                self._open_existing()
        # One throwaway query primes the pinyin tables and Whoosh's lazy structures.
        self.search("卡密 kami")

    def close(self) -> None:
        with self._state_lock:
            self._closed = True
            searcher, self._searcher = self._searcher, None
        if searcher is not None:
            searcher.close()

    # --- reading --------------------------------------------------------------------------------------------------

    @property
    def entries(self) -> dict[str, Entry]:
        return dict(self._by_id)

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    @property
    def index_on_disk(self) -> bool:
        """Whether an index of this version is on disk to open: cheap, before warm_up (no jieba, no Whoosh)."""
        return self._store.current_version_published()

    @property
    def index_open(self) -> bool:
        """Whether an index is open for searching; False before the first build (or after a version change or
        corruption made the one on disk unusable), when the next update is a full build."""
        with self._state_lock:
            return self._searcher is not None

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        try:
            return self._search(query, limit)
        except Exception:  # noqa: BLE001 - a search box must never crash the app; the log keeps the cause
            log.exception("search failed for %r", (query or "")[:80])
            return []

    def _search(self, query: str, limit: int) -> list[Hit]:
        if not isinstance(query, str) or not query.strip() or limit <= 0:
            return []
        with self._state_lock:
            searcher, by_path, closed = self._searcher, self._by_path, self._closed
        if closed:
            return []
        if searcher is None:
            if not by_path:
                return []
            return fallback_search(query, by_path.values(), self._segmenter, self._ranker, limit)
        try:
            return searcher.search(query, by_path, limit)
        except Exception as exc:  # noqa: BLE001 - a damaged index: answer from memory, repair on next update
            log.warning("index read failed (%s: %s); searching without the index until it is rebuilt",
                        exc.__class__.__name__, exc)
            self._store._verified = False  # noqa: SLF001 - the next update re-checks the files
            return fallback_search(query, by_path.values(), self._segmenter, self._ranker, limit)

    # --- writing --------------------------------------------------------------------------------------------------

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> UpdateReport:
        start = time.perf_counter()
        with self._update_lock:
            self._segmenter.load()
            outcome = self._store.update(self.kb_root, rebuild=rebuild, progress=progress)
            delta = outcome.delta if outcome.delta_of is not None and outcome.delta_of == self._serial else None
            if delta is not None:
                # Same paths and ids as the last update, some entries edited: copies (searches in flight keep
                # reading the old maps), patched in place; the order of both maps stays that of the entries.
                by_path, by_id = dict(self._by_path), dict(self._by_id)
                for rel, entry in delta.items():
                    by_path[rel] = entry
                    by_id[entry.id] = entry
            else:
                by_path = {e.rel_path: e for e in outcome.entries}
                by_id = {e.id: e for e in outcome.entries}
            changed = outcome.rebuilt or outcome.added or outcome.updated or outcome.removed
            old: Searcher | None = None
            new: Searcher | None = None
            with self._state_lock:
                current = self._searcher
            if current is None or changed or current.generation != outcome.generation:
                try:
                    new = Searcher(outcome.generation, self._segmenter, self._ranker)
                except Exception as exc:  # noqa: BLE001 - searching falls back to memory; the log says why
                    log.warning("cannot open index for searching: %s", exc)
            with self._state_lock:
                if new is not None or current is None:
                    old, self._searcher = self._searcher, new
                if self._closed and self._searcher is not None:
                    old, self._searcher = self._searcher, None
                self._by_path, self._by_id, self._problems = by_path, by_id, outcome.problems
                self._serial = outcome.serial
            if old is not None and old is not self._searcher:
                old.close()
            self._store.remove_stale_generations({outcome.generation})
            # Features of new/changed entries are computed here, on the updating thread, not in the first search.
            self._ranker.prime(outcome.entries, delta.values() if delta is not None else None)
        seconds = time.perf_counter() - start
        if outcome.rebuilt:
            log.info("index rebuilt (%s): %d entries in %.2f s", outcome.rebuild_reason, len(by_id), seconds)
        return UpdateReport(
            entries=len(by_id),
            added=outcome.added,
            updated=outcome.updated,
            removed=outcome.removed,
            problems=list(outcome.problems),
            rebuilt=outcome.rebuilt,
            rebuild_reason=outcome.rebuild_reason,
            seconds=seconds,
        )

    def _open_existing(self) -> None:
        """Search the index already on disk (from the last run) until the first update has finished."""
        try:
            generation, entries = self._store.open_existing()
            searcher = Searcher(generation, self._segmenter, self._ranker)
        except (IndexCorrupt, OSError, Exception) as exc:  # noqa: BLE001 - update() repairs whatever this finds
            log.debug("no usable index to open yet: %s", exc)
            return
        with self._state_lock:
            if self._searcher is None and not self._by_path:
                self._searcher = searcher
                self._by_path = {e.rel_path: e for e in entries}
                self._by_id = {e.id: e for e in entries}
                self._serial = None
                return
        searcher.close()
