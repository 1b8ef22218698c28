"""The usage log on a real SQLite file: schema, masking, failure modes, crash safety, and the ranking blend."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kbassist.core import usage as usage_mod
from kbassist.core.usage import (
    COPIED,
    DISMISSED,
    NO_RESULT,
    PASTED,
    SCHEMA_VERSION,
    UsageLog,
    UsageSession,
    blend,
    mask_query,
    simulate_history,
    weights_from_sessions,
)

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def session(entry: str = "card-not-received", outcome: str = PASTED, *, days_ago: float = 0.0, query: str = "卡密") -> UsageSession:
    return UsageSession(
        query=query,
        outcome=outcome,
        result_count=3,
        entry_id=entry if outcome in (PASTED, COPIED) else "",
        block="话术",
        rank=1,
        ms=2400,
        ts=NOW - timedelta(days=days_ago),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "usage.sqlite3"


def test_record_and_read_back_with_machine_and_user(db: Path) -> None:
    log = UsageLog(db, machine="pc-01", user="alice", prune_on_open=False)
    assert log.record(session(query="卡密没到 订单 20261120123456"))
    rows = log.sessions()
    assert len(rows) == 1
    row = rows[0]
    assert row.query == "卡密没到 订单 ##############"
    assert (row.entry_id, row.block, row.rank, row.ms, row.outcome) == ("card-not-received", "话术", 1, 2400, PASTED)
    assert (row.machine, row.user) == ("pc-01", "alice")
    assert row.ts == NOW
    log.close()


def test_masking_only_hides_runs_of_six_or_more_digits() -> None:
    assert mask_query("订单 12345 电话 13812345678") == "订单 12345 电话 ###########"
    assert mask_query("１２３４５６７") == "#######"  # full-width digits are digits too


def test_masking_can_be_turned_off(db: Path) -> None:
    log = UsageLog(db, masking=False)
    log.record(session(query="13812345678"))
    assert log.sessions()[0].query == "13812345678"


def test_database_is_wal_and_versioned(db: Path) -> None:
    UsageLog(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_migrates_a_version_1_database_keeping_its_rows(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.executescript(usage_mod._MIGRATIONS[0])
    conn.execute(
        "INSERT INTO sessions (ts, query, result_count, entry_id, block, rank, ms, outcome) "
        "VALUES ('2026-11-19T10:00:00.000000Z', '退款', 2, 'refund-policy', '话术', 1, 900, 'pasted')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    log = UsageLog(db, retention_days=None)
    assert log.available, log.last_error
    rows = log.sessions()
    assert [(r.entry_id, r.machine, r.user) for r in rows] == [("refund-policy", "", "")]
    assert log.record(session())
    assert log.count() == 2


def test_a_database_from_a_newer_version_is_left_alone(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    log = UsageLog(db)
    assert not log.available
    assert "99" in (log.last_error or "")
    assert log.record(session()) is False


def test_garbage_file_disables_the_log_and_logs_once(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database, just some text " * 200)
    with caplog.at_level(logging.WARNING, logger="kbassist.usage"):
        log = UsageLog(db)
        assert log.record(session()) is False
        assert log.sessions() == []
        assert log.entry_weights(NOW) == {}
        assert log.prune() == 0
    assert not log.available
    assert "not a database" in (log.last_error or "")
    assert len([r for r in caplog.records if r.name == "kbassist.usage"]) == 1


def test_locked_database_never_raises(db: Path) -> None:
    log = UsageLog(db, busy_timeout_ms=50)
    assert log.record(session())
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert log.record(session()) is False
        assert not log.available
        assert "locked" in (log.last_error or "")
        assert log.record(session()) is False  # a quiet no-op from now on
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_unwritable_location_disables_the_log(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    log = UsageLog(blocker / "usage.sqlite3")
    assert not log.available
    assert log.record(session()) is False
    assert log.count() == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_disables_the_log(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        log = UsageLog(folder / "usage.sqlite3")
        assert not log.available
        assert log.record(session()) is False
    finally:
        folder.chmod(0o755)


def test_records_from_several_threads(db: Path) -> None:
    log = UsageLog(db)

    def work() -> None:
        for _ in range(50):
            log.record(session())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert log.available, log.last_error
    assert log.count() == 200


def test_prune_deletes_only_sessions_past_retention(db: Path) -> None:
    log = UsageLog(db, retention_days=30, prune_on_open=False)
    for days in (1, 29, 31, 100):
        log.record(session(days_ago=days))
    assert log.prune(now=NOW) == 2
    assert sorted(round((NOW - r.ts).days) for r in log.sessions()) == [1, 29]


_WRITER = """
import sys
from kbassist.core.usage import UsageLog, UsageSession
log = UsageLog(sys.argv[1], machine="m", user="u")
print("ready", flush=True)
i = 0
while True:
    log.record(UsageSession(query="卡密 %d" % i, outcome="pasted", entry_id="e%d" % (i % 7), rank=1, ms=i))
    i += 1
"""


def test_killed_writer_leaves_an_intact_database(db: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(db)], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # let it write a good number of rows, then kill it mid-stream
            try:
                conn = sqlite3.connect(db, timeout=5)
                rows = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                rows = 0
            if rows > 300:
                break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    log = UsageLog(db)
    assert log.available, log.last_error
    assert log.count() > 300
    assert log.record(session())


def test_entry_weights_decay_with_age_and_count_only_uses(db: Path) -> None:
    log = UsageLog(db, retention_days=None)
    log.record(session("fresh", days_ago=0))
    log.record(session("fresh", days_ago=0))
    log.record(session("week-old", days_ago=7))
    log.record(session("copied", COPIED, days_ago=0))
    log.record(session("x", DISMISSED))
    log.record(session("x", NO_RESULT))
    weights = log.entry_weights(NOW, half_life_days=7)
    assert set(weights) == {"fresh", "week-old", "copied"}
    assert weights["fresh"] == pytest.approx(2.0, abs=0.01)
    assert weights["week-old"] == pytest.approx(0.5, abs=0.01)
    assert weights["copied"] == pytest.approx(1.0, abs=0.01)


def test_in_memory_weights_match_the_database(db: Path) -> None:
    history = simulate_history([f"e{i}" for i in range(20)], sessions=300, seed=3, now=NOW)
    log = UsageLog(db, retention_days=None)
    for s in history:
        log.record(s)
    from_db = log.entry_weights(NOW)
    in_memory = weights_from_sessions(history, NOW)
    assert from_db.keys() == in_memory.keys()
    for key, value in in_memory.items():  # the database groups by hour: close, not equal
        assert from_db[key] == pytest.approx(value, rel=0.02)


# --- blend ----------------------------------------------------------------------------------------------------------


def test_blend_leaves_long_clear_queries_alone() -> None:
    hits = [("a", 10.0), ("b", 6.0), ("c", 3.0)]
    assert blend(hits, {"c": 50.0}, "付款了但是卡密一直没有到账怎么办") == hits


def test_blend_prefers_used_entries_for_short_queries() -> None:
    hits = [("a", 10.0), ("b", 9.0), ("c", 3.0)]
    out = blend(hits, {"b": 20.0, "a": 0.5}, "卡密")
    assert [i for i, _ in out][:2] == ["b", "a"]
    assert out[-1][0] == "c"  # a weak result stays weak: the bonus is bounded by a share of the best score


def test_blend_settles_near_ties_but_never_overturns_a_clear_winner() -> None:
    long_query = "付款后订单显示未支付怎么处理"
    tie = [("a", 10.0), ("b", 9.6)]
    assert [i for i, _ in blend(tie, {"b": 5.0}, long_query)] == ["b", "a"]
    clear = [("a", 10.0), ("b", 8.0)]
    assert blend(clear, {"b": 500.0}, long_query) == clear


def test_blend_never_moves_an_exact_trigger_match_down() -> None:
    hits = [("kmwd-entry", 30.0), ("other", 29.0), ("third", 28.0)]
    out = blend(hits, {"other": 100.0, "third": 50.0}, "kmwd", triggers={"kmwd-entry": "kmwd", "other": "qt"})
    assert out[0][0] == "kmwd-entry"
    # the trigger test is on the normalised query: case and full-width letters do not matter
    assert blend(hits, {"other": 100.0}, "ＫＭＷＤ", triggers={"kmwd-entry": "kmwd"})[0][0] == "kmwd-entry"


def test_blend_without_history_changes_nothing() -> None:
    hits = [("a", 1.0), ("b", 0.99)]
    assert blend(hits, {}, "退款") == hits
    assert blend(hits, {"zzz": 3.0}, "退款") == hits
    assert blend([], {"a": 1.0}, "x") == []
    assert blend(hits, {"b": 1.0}, "？？") == hits


def test_simulated_history_is_seeded_and_skewed() -> None:
    ids = [f"e{i}" for i in range(40)]
    one = simulate_history(ids, sessions=1000, seed=7, now=NOW)
    two = simulate_history(ids, sessions=1000, seed=7, now=NOW)
    assert [s.entry_id for s in one] == [s.entry_id for s in two]
    assert [s.entry_id for s in one] != [s.entry_id for s in simulate_history(ids, sessions=1000, seed=8, now=NOW)]
    counts = sorted((sum(1 for s in one if s.entry_id == i) for i in ids), reverse=True)
    assert counts[0] > 5 * counts[20]  # a few entries carry most of the use
    assert all(NOW - timedelta(days=30) <= s.ts <= NOW for s in one)


def test_rerank_hits_pins_the_entries_own_trigger(tmp_path: Path) -> None:
    from kbassist.core.model import Entry, Hit

    def hit(entry_id: str, score: float, trigger: str = "") -> Hit:
        entry = Entry(id=entry_id, title=entry_id, path=tmp_path / f"{entry_id}.md", rel_path=f"{entry_id}.md",
                      category="c", trigger=trigger)
        return Hit(entry=entry, score=score, blocks=(), snippet="")

    hits = [hit("tk", 20.0, trigger="tk"), hit("refund", 19.0), hit("other", 18.0)]
    assert [h.entry.id for h in usage_mod.rerank_hits(hits, {"refund": 50.0}, "tk")] == ["tk", "refund", "other"]
    moved = usage_mod.rerank_hits(hits, {"other": 50.0}, "退款")
    assert [h.entry.id for h in moved] == ["other", "tk", "refund"]
    assert moved[0].score > 18.0 and moved[0].entry is hits[2].entry
    assert usage_mod.rerank_hits(hits, {}, "退款") == hits


def test_a_malformed_session_is_refused_without_disabling_the_log(db: Path) -> None:
    log = UsageLog(db)
    bad = UsageSession(query="x", outcome=PASTED, result_count="many")  # type: ignore[arg-type]
    assert log.record(bad) is False
    assert log.record(UsageSession(query="x", outcome="exploded")) is False
    assert log.available and log.record(session())
