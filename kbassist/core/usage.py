"""The usage log: one SQLite row per overlay session, retention, and the learned ranking signal built from it."""

from __future__ import annotations

import dataclasses
import getpass
import logging
import math
import platform
import random
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kbassist.core.model import Hit

log = logging.getLogger("kbassist.usage")

SCHEMA_VERSION = 2

PASTED = "pasted"
COPIED = "copied"
DISMISSED = "dismissed"
NO_RESULT = "no_result"
OUTCOMES = (PASTED, COPIED, DISMISSED, NO_RESULT)
USED_OUTCOMES = (PASTED, COPIED)

# Agents paste order numbers, phone numbers and card codes into the overlay; 6+ digits in a row are never kept.
_LONG_DIGITS = re.compile(r"\d{6,}")
_TS_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so text order is time order in SQL and in files


def mask_query(query: str) -> str:
    """Replace every run of 6 or more digits by as many `#`."""
    return _LONG_DIGITS.sub(lambda m: "#" * len(m.group(0)), query)


def format_ts(moment: datetime) -> str:
    """UTC ISO text with microseconds and a `Z`; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime(_TS_FORMAT)


def parse_ts(text: str) -> datetime:
    """The inverse of format_ts; also accepts other ISO forms. Raises ValueError."""
    text = text.strip()
    if text.endswith("Z"):  # fromisoformat is C-fast; before Python 3.11 it does not read "Z"
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _default_machine() -> str:
    return platform.node() or "unknown"


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (services, some containers)
        return "unknown"


@dataclass
class UsageSession:
    """One overlay session: what was typed, what was chosen, how it ended."""

    query: str
    outcome: str  # one of OUTCOMES
    result_count: int = 0
    entry_id: str = ""  # empty when nothing was chosen
    block: str = ""  # the block's heading, e.g. "话术：补发后回访"
    rank: int = 0  # 1-based position of the chosen entry in the result list; 0 when nothing was chosen
    ms: int | None = None  # hotkey to paste/copy; None when the session did not end in a paste
    ts: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    machine: str = ""  # filled by UsageLog.record when empty
    user: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "ts": format_ts(self.ts),
            "query": self.query,
            "result_count": self.result_count,
            "entry_id": self.entry_id,
            "block": self.block,
            "rank": self.rank,
            "ms": self.ms,
            "outcome": self.outcome,
            "machine": self.machine,
            "user": self.user,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UsageSession:
        """Raises ValueError/TypeError/KeyError on a malformed record."""
        outcome = str(data["outcome"])
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        ms = data.get("ms")
        return cls(
            query=str(data.get("query") or ""),
            outcome=outcome,
            result_count=int(data.get("result_count") or 0),
            entry_id=str(data.get("entry_id") or ""),
            block=str(data.get("block") or ""),
            rank=int(data.get("rank") or 0),
            ms=None if ms is None else int(ms),
            ts=parse_ts(str(data["ts"])),
            machine=str(data.get("machine") or ""),
            user=str(data.get("user") or ""),
        )


# Each step takes the schema from version i to i + 1. Never edit a released step: add one.
_MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: the session table
    """
    CREATE TABLE IF NOT EXISTS sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        query TEXT NOT NULL DEFAULT '',
        result_count INTEGER NOT NULL DEFAULT 0,
        entry_id TEXT NOT NULL DEFAULT '',
        block TEXT NOT NULL DEFAULT '',
        rank INTEGER NOT NULL DEFAULT 0,
        ms INTEGER,
        outcome TEXT NOT NULL
    );
    """,
    # 1 -> 2: machine and user, so files from several agents can be merged into one team report
    """
    ALTER TABLE sessions ADD COLUMN machine TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN user TEXT NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS sessions_ts ON sessions (ts);
    CREATE INDEX IF NOT EXISTS sessions_entry ON sessions (entry_id, ts);
    """,
)
assert len(_MIGRATIONS) == SCHEMA_VERSION

_COLUMNS = "ts, query, result_count, entry_id, block, rank, ms, outcome, machine, user"


class UsageLog:
    """The agent's usage database. Never raises into callers: on any database error it logs once and goes quiet.

    Thread-safe: one connection shared under a lock, so `record` may run on a worker thread.
    """

    def __init__(
        self,
        path: Path,
        *,
        masking: bool = True,
        retention_days: int | None = 90,
        machine: str | None = None,
        user: str | None = None,
        busy_timeout_ms: int = 2000,
        prune_on_open: bool = True,
    ) -> None:
        self.path = Path(path)
        self.masking = masking
        self.retention_days = retention_days
        self.machine = machine if machine is not None else _default_machine()
        self.user = user if user is not None else _default_user()
        self.available = True
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._open(busy_timeout_ms)
        except (sqlite3.Error, OSError) as exc:
            self._fail("open", exc)
            return
        if prune_on_open and retention_days:
            self.prune()

    # --- lifetime -------------------------------------------------------------------------------------------

    def _open(self, busy_timeout_ms: int) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: every INSERT is its own transaction, committed at once (no lost rows on a kill).
        conn = sqlite3.connect(
            str(self.path), timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            # WAL + NORMAL: a killed process loses nothing committed and a power cut at most the last commits, never
            # the database; commits cost no fsync, so a write stays well under a millisecond.
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if not mode or str(mode[0]).lower() != "wal":
                log.debug("usage db %s: journal mode %s", self.path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"用量数据库来自更新的版本 (schema {version} > {SCHEMA_VERSION}); 请升级 kbassist"
            )
        for step in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    def __enter__(self) -> UsageLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fail(self, what: str, exc: BaseException) -> None:
        message = f"{what}: {type(exc).__name__}: {exc}"
        if self.available:  # log once; afterwards every call is a quiet no-op
            log.warning("用量记录已停用 (usage log disabled), %s: %s", self.path, message)
        self.available = False
        self.last_error = message

    def _run(self, what: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]] | None:
        """Execute under the lock; None (and the log disabled) on any database error."""
        if not self.available or self._conn is None:
            return None
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except (sqlite3.Error, OSError) as exc:
                self._fail(what, exc)
                return None

    # --- writing --------------------------------------------------------------------------------------------

    def record(self, session: UsageSession) -> bool:
        """Store one session (query masked when masking is on). True if it was written."""
        if session.outcome not in OUTCOMES:
            log.warning("usage session not recorded, unknown outcome %r", session.outcome)
            return False
        try:
            query = mask_query(str(session.query)) if self.masking else str(session.query)
            params = (
                format_ts(session.ts),
                query[:500],
                int(session.result_count),
                str(session.entry_id or ""),
                str(session.block or ""),
                int(session.rank),
                None if session.ms is None else int(session.ms),
                str(session.outcome),
                session.machine or self.machine,
                session.user or self.user,
            )
        except (TypeError, ValueError, AttributeError) as exc:  # a caller's bug must not cost the paste
            log.warning("usage session not recorded, bad value: %s", exc)
            return False
        rows = self._run("record", f"INSERT INTO sessions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params)
        return rows is not None

    def prune(self, now: datetime | None = None) -> int:
        """Delete sessions older than the retention period; returns how many went."""
        if not self.retention_days:
            return 0
        now = now or datetime.now(timezone.utc)
        cutoff = format_ts(now - timedelta(days=self.retention_days))
        if not self.available or self._conn is None:
            return 0
        with self._lock:
            try:
                return max(0, self._conn.execute("DELETE FROM sessions WHERE ts < ?", (cutoff,)).rowcount)
            except (sqlite3.Error, OSError) as exc:
                self._fail("prune", exc)
                return 0

    # --- reading --------------------------------------------------------------------------------------------

    def sessions(self, since: datetime | None = None, *, after_ts: str | None = None) -> list[UsageSession]:
        """Sessions in time order: from `since` on, or strictly after the formatted timestamp `after_ts`."""
        where, params = [], []
        if since is not None:
            where.append("ts >= ?")
            params.append(format_ts(since))
        if after_ts is not None:
            where.append("ts > ?")
            params.append(after_ts)
        sql = f"SELECT {_COLUMNS} FROM sessions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._run("read", sql + " ORDER BY ts, id", params)
        out: list[UsageSession] = []
        for ts, query, count, entry_id, block, rank, ms, outcome, machine, user in rows or []:
            try:
                moment = parse_ts(ts)
            except ValueError:
                continue
            out.append(UsageSession(query, outcome, count, entry_id, block, rank, ms, moment, machine, user))
        return out

    def count(self) -> int:
        rows = self._run("read", "SELECT count(*) FROM sessions")
        return int(rows[0][0]) if rows else 0

    def entry_weights(self, now: datetime | None = None, half_life_days: float = 7.0) -> dict[str, float]:
        """Recency-weighted use counts: each paste/copy of an entry counts 0.5 ** (age in days / half life)."""
        now = now or datetime.now(timezone.utc)
        # Older than 10 half-lives adds under 0.1 % per use: not worth reading.
        since = format_ts(now - timedelta(days=half_life_days * 10))
        # Bucketed by whole hours of age in SQL: a few hundred rows to Python, whatever the history's length.
        rows = self._run(
            "weights",
            "SELECT entry_id, CAST((julianday(?) - julianday(ts)) * 24 AS INTEGER) AS age_hours, count(*) "
            "FROM sessions WHERE ts >= ? AND entry_id != '' AND outcome IN (?, ?) GROUP BY entry_id, age_hours",
            (format_ts(now), since, *USED_OUTCOMES),
        )
        weights: dict[str, float] = {}
        for entry_id, age_hours, uses in rows or []:
            if age_hours is None:  # a timestamp SQLite cannot read
                continue
            age_days = max(0.0, (int(age_hours) + 0.5) / 24)
            weights[entry_id] = weights.get(entry_id, 0.0) + uses * 0.5 ** (age_days / half_life_days)
        return weights


# --- the learned ranking signal ----------------------------------------------------------------------------

SHORT_QUERY_CHARS = 3  # queries this short (after normalisation) are ambiguous by nature
CLOSE_MARGIN = 0.08  # top scores within 8 % of the best are a near tie
SHORT_BOOST = 0.15  # at most this share of the best score is added for the most-used entry (short queries)
TIE_BOOST = CLOSE_MARGIN  # for near ties: enough to settle the tie, never enough to overturn a clear winner

_STRIP = re.compile(r"[\W_]+", re.UNICODE)


def normalize_query(query: str) -> str:
    """Full-width to half-width, lowercase, no spaces or punctuation."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", query or "").lower())


def blend(
    hits_scores: Sequence[tuple[str, float]],
    weights: Mapping[str, float],
    query: str,
    *,
    triggers: Mapping[str, str] | None = None,
) -> list[tuple[str, float]]:
    """Re-order search results by how often this agent used them, for short or ambiguous queries only.

    `hits_scores` is (entry id, score) best first; `weights` comes from UsageLog.entry_weights; `triggers`
    maps entry ids to their triggers. An entry whose trigger equals the query keeps its position whatever the
    usage says. Long, clear queries come back unchanged. Returned scores are the blended ones.
    """
    results = list(hits_scores)
    if len(results) < 2 or not weights:
        return results
    norm = normalize_query(query)
    if not norm:
        return results
    top = max(score for _, score in results)
    if top <= 0:
        return results
    second = sorted((score for _, score in results), reverse=True)[1]
    if len(norm) <= SHORT_QUERY_CHARS:
        boost = SHORT_BOOST
    elif (top - second) / top <= CLOSE_MARGIN:
        boost = TIE_BOOST
    else:
        return results
    used = [weights.get(entry_id, 0.0) for entry_id, _ in results]
    most = max(used)
    if most <= 0:
        return results
    pinned: set[int] = set()
    if triggers:
        for index, (entry_id, _) in enumerate(results):
            trigger = triggers.get(entry_id, "")
            if trigger and normalize_query(trigger) == norm:
                pinned.add(index)
    # log scale: the 50th use of an entry says less than the 2nd, and one favourite must not bury the rest
    scale = math.log1p(most)
    blended = [
        (entry_id, score + boost * top * math.log1p(weight) / scale)
        for (entry_id, score), weight in zip(results, used)
    ]
    movable = sorted(
        (item for index, item in enumerate(blended) if index not in pinned), key=lambda item: item[1], reverse=True
    )
    out: list[tuple[str, float]] = []
    rest = iter(movable)
    for index in range(len(blended)):
        out.append(results[index] if index in pinned else next(rest))
    return out


def rerank_hits(hits: Sequence[Hit], weights: Mapping[str, float], query: str) -> list[Hit]:
    """blend() applied to search hits: the entries' own triggers are pinned, scores replaced by blended ones."""
    if not weights or len(hits) < 2:
        return list(hits)
    order = blend(
        [(h.entry.id, h.score) for h in hits],
        weights,
        query,
        triggers={h.entry.id: h.entry.trigger for h in hits if h.entry.trigger},
    )
    by_id = {h.entry.id: h for h in hits}
    return [dataclasses.replace(by_id[entry_id], score=score) for entry_id, score in order]


# --- simulated history for the usage benchmark ----------------------------------------------------------------


def simulate_history(
    entry_ids: Sequence[str],
    *,
    sessions: int = 2000,
    days: int = 30,
    seed: int = 0,
    zipf_s: float = 1.1,
    now: datetime | None = None,
) -> list[UsageSession]:
    """A plausible agent history: a Zipf law over the entries in a random (seeded) order, spread over `days`.

    The order is drawn from the seed alone, never from any evaluation set, so a benchmark using it measures
    what usage does to ranking in general rather than replaying the answers.
    """
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    order = list(entry_ids)
    rng.shuffle(order)
    if not order:
        return []
    cumulative: list[float] = []
    total = 0.0
    for rank in range(1, len(order) + 1):
        total += 1.0 / rank**zipf_s
        cumulative.append(total)
    out: list[UsageSession] = []
    for _ in range(sessions):
        pick = rng.random() * total
        index = next(i for i, c in enumerate(cumulative) if c >= pick)
        age = timedelta(days=rng.random() * days)
        outcome = PASTED if rng.random() < 0.85 else COPIED
        out.append(
            UsageSession(
                query="",
                outcome=outcome,
                result_count=10,
                entry_id=order[index],
                block="话术",
                rank=1,
                ms=int(rng.lognormvariate(7.6, 0.5)),
                ts=now - age,
            )
        )
    out.sort(key=lambda s: s.ts)
    return out


def weights_from_sessions(
    sessions: Iterable[UsageSession], now: datetime, half_life_days: float = 7.0
) -> dict[str, float]:
    """entry_weights computed in memory (same formula as UsageLog.entry_weights, to the second)."""
    weights: dict[str, float] = {}
    for s in sessions:
        if s.entry_id and s.outcome in USED_OUTCOMES:
            age = max(0.0, (now - s.ts).total_seconds() / 86400)
            weights[s.entry_id] = weights.get(s.entry_id, 0.0) + 0.5 ** (age / half_life_days)
    return weights


# --- searches the KB did not answer ----------------------------------------------------------------------------


@dataclass
class GapQuery:
    """A query that found nothing or was closed without a paste, grouped over its sessions."""

    query: str  # as last typed
    count: int
    no_result: int  # how many of those sessions had no results at all
    last: datetime


def gap_queries(sessions: Iterable[UsageSession], limit: int = 100) -> list[GapQuery]:
    """No-result and dismissed sessions with a query, grouped by normalised query, newest first.

    A query that was later pasted or copied from (same normalised text) is answered by the KB and left out.
    """
    groups: dict[str, GapQuery] = {}
    answered: dict[str, datetime] = {}
    for s in sessions:
        key = normalize_query(s.query)
        if not key:
            continue
        if s.outcome in USED_OUTCOMES:
            answered[key] = max(answered.get(key, s.ts), s.ts)
            continue
        if s.outcome not in (NO_RESULT, DISMISSED):
            continue
        gap = groups.get(key)
        if gap is None:
            groups[key] = GapQuery(s.query.strip(), 1, int(s.outcome == NO_RESULT), s.ts)
            continue
        gap.count += 1
        gap.no_result += int(s.outcome == NO_RESULT)
        if s.ts >= gap.last:
            gap.last, gap.query = s.ts, s.query.strip()
    out = [g for key, g in groups.items() if not (key in answered and answered[key] >= g.last)]
    out.sort(key=lambda g: g.last, reverse=True)
    return out[:limit]
