"""gap_queries: the searches the KB did not answer, grouped and newest first."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from kbassist.core.usage import COPIED, DISMISSED, NO_RESULT, PASTED, UsageLog, UsageSession, gap_queries

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def at(minutes: int, query: str, outcome: str, count: int = 0) -> UsageSession:
    return UsageSession(query=query, outcome=outcome, result_count=count, ts=T0 + timedelta(minutes=minutes))


def test_groups_counts_and_orders_newest_first() -> None:
    gaps = gap_queries(
        [
            at(0, "改地址", NO_RESULT),
            at(1, "发票", DISMISSED, 3),
            at(2, " 改 地址！", NO_RESULT),  # same query once normalised; the latest form is shown
            at(3, "", DISMISSED),  # closed without typing: not a gap
            at(4, "退款", PASTED, 2),
        ]
    )
    assert [(g.query, g.count, g.no_result, g.last) for g in gaps] == [
        ("改 地址！", 2, 2, T0 + timedelta(minutes=2)),
        ("发票", 1, 0, T0 + timedelta(minutes=1)),
    ]


def test_a_later_paste_answers_the_gap_but_a_later_miss_reopens_it() -> None:
    assert gap_queries([at(0, "退款", DISMISSED, 2), at(1, "退款", COPIED, 2)]) == []
    gaps = gap_queries([at(0, "退款", DISMISSED, 2), at(1, "退款", COPIED, 2), at(2, "退款", NO_RESULT)])
    assert [(g.query, g.count) for g in gaps] == [("退款", 2)]


def test_limit_and_from_a_real_log(tmp_path: Path) -> None:
    with UsageLog(tmp_path / "usage.sqlite3", retention_days=None) as usage:
        for i in range(5):
            usage.record(at(i, f"缺{i}", NO_RESULT))
        gaps = gap_queries(usage.sessions(), limit=3)
    assert [g.query for g in gaps] == ["缺4", "缺3", "缺2"]
