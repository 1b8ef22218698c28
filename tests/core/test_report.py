"""Usage reports: figures, gap grouping, the three renderers, and the team export/merge files."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kbassist.core.report import (
    build_report,
    export_usage,
    group_gaps,
    normalize_gap,
    percentile,
    read_merged,
    render_html,
    render_text,
)
from kbassist.core.usage import COPIED, DISMISSED, NO_RESULT, PASTED, UsageLog, UsageSession

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def s(
    outcome: str, entry: str = "", query: str = "q", *, days_ago: float = 0.0, ms: int | None = 1000, rank: int = 1,
    block: str = "话术", machine: str = "", user: str = "",
) -> UsageSession:
    return UsageSession(query, outcome, 3, entry, block if entry else "", rank if entry else 0, ms if entry else None,
                        NOW - timedelta(days=days_ago), machine, user)


def test_normalize_gap_folds_width_case_punctuation_and_digits() -> None:
    assert normalize_gap("ＶＩＰ会员，怎么取消？？ 123") == "vip会员怎么取消"
    assert normalize_gap("订单######没到!") == "订单没到"


def test_gaps_group_similar_wording_under_the_most_frequent() -> None:
    pairs = [("取消自动续费", NO_RESULT)] * 3 + [("取消 自动续费！", DISMISSED), ("自动续费取消", NO_RESULT)]
    pairs += [("发票怎么开", NO_RESULT)] * 2 + [("怎么开发票呢", NO_RESULT)]
    groups = group_gaps(pairs)
    first = groups[0]
    assert first.representative == "取消自动续费"
    assert first.count == 5 and first.no_result == 4 and first.dismissed == 1
    assert "自动续费取消" in first.variants
    reps = [g.representative for g in groups]
    assert "发票怎么开" in reps and "取消自动续费" in reps
    assert all("发票" not in v for v in first.variants)


def test_gaps_skip_queries_that_are_only_masked_digits() -> None:
    assert group_gaps([("##########", NO_RESULT), ("  ", DISMISSED)]) == []


def test_percentile_interpolates() -> None:
    assert percentile([], 0.5) is None
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile(list(range(1, 101)), 0.95) == pytest.approx(95.05)


def sample_rows() -> list[UsageSession]:
    rows = [s(PASTED, "a", "卡密", days_ago=d % 5, ms=1000 + 100 * d) for d in range(10)]
    rows += [s(COPIED, "b", "退款", days_ago=1, ms=5000, rank=2, block="话术：回访")]
    rows += [s(NO_RESULT, query="开发票", days_ago=2), s(DISMISSED, query="发票怎么开", days_ago=2)]
    rows += [s(PASTED, "a", "old", days_ago=40)]  # before the period
    return rows


def test_build_report_figures() -> None:
    report = build_report(sample_rows(), NOW - timedelta(days=7), ["a", "b", "c", "d"], titles={"a": "卡密未到账"})
    assert report.sessions == 13
    assert report.outcomes == {PASTED: 10, COPIED: 1, DISMISSED: 1, NO_RESULT: 1}
    assert report.top_entries[0] == ("a", "卡密未到账", 10)
    assert ("b", "b", "话术：回访", 1) in report.top_blocks
    assert report.top_queries[0] == ("卡密", 10)
    assert [g.representative for g in report.gaps] in (["开发票", "发票怎么开"], ["发票怎么开", "开发票"])
    assert report.unused_entries == [("c", "c"), ("d", "d")]
    assert report.median_ms == pytest.approx(1500.0)
    assert report.p95_ms is not None and 1900 < report.p95_ms <= 5000
    assert report.first_choice_rate == pytest.approx(10 / 11)
    days = [d for d, _ in report.daily]
    assert days[0] == "2026-11-13" and days[-1] == "2026-11-20" and len(days) == 8  # empty days included
    assert sum(n for _, n in report.daily) == 13
    assert report.agents == []  # rows without machine/user (a bare in-memory list)


def test_report_without_kb_has_no_unused_list() -> None:
    report = build_report(sample_rows(), None, None)
    assert report.unused_entries is None
    assert report.sessions == 14


def test_empty_report_renders() -> None:
    report = build_report([], NOW - timedelta(days=7), ["a"])
    assert report.sessions == 0 and report.median_ms is None and report.daily == []
    assert "会话 0" in render_text(report)
    assert "暂无数据" in render_html(report)
    json.dumps(report.to_json())


def test_text_and_json_renderers() -> None:
    report = build_report(sample_rows(), NOW - timedelta(days=7), ["a", "b", "c"], titles={"a": "卡密未到账"})
    text = render_text(report)
    for heading in ("最常用条目", "最常用话术", "最常见搜索", "知识缺口", "未使用的条目", "每日会话"):
        assert heading in text
    assert "卡密未到账  [a]" in text
    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert data["top_entries"][0] == {"id": "a", "title": "卡密未到账", "uses": 10}
    assert data["unused_entries"] == [{"id": "c", "title": "c"}]
    assert data["since"].endswith("Z")


def test_html_is_self_contained_and_escaped() -> None:
    rows = sample_rows() + [s(NO_RESULT, query='<script>alert("x")</script>'), s(PASTED, "a&b", "x")]
    page = render_html(build_report(rows, NOW - timedelta(days=7), ["a"], titles={"a&b": "A & <B>"}))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert "A &amp; &lt;B&gt;" in page
    for pattern in (r"\bsrc\s*=", r"\bhref\s*=", r"@import", r"url\("):
        assert not re.search(pattern, page), pattern
    # the only URL is the SVG namespace, which browsers never fetch
    assert set(re.findall(r"https?://[^\s\"']+", page)) <= {"http://www.w3.org/2000/svg"}
    assert page.count("<svg") == 3
    assert "每日会话量" in page and "知识缺口" in page and "最常用条目" in page


# --- team files -----------------------------------------------------------------------------------------------------


def test_export_appends_only_new_sessions_and_merge_reads_them(tmp_path: Path) -> None:
    log = UsageLog(tmp_path / "u.sqlite3", machine="PC:01", user="小王", retention_days=None)
    for d in (3, 2, 1):
        log.record(s(PASTED, "a", days_ago=d))
    team = tmp_path / "team"
    path, count = export_usage(log, team)
    assert path.name == "PC_01__小王.jsonl" and count == 3
    assert export_usage(log, team) == (path, 0)
    log.record(s(PASTED, "b", days_ago=0))
    assert export_usage(log, team)[1] == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and json.loads(lines[-1])["entry_id"] == "b"

    other = UsageLog(tmp_path / "v.sqlite3", machine="pc-02", user="li", retention_days=None)
    other.record(s(NO_RESULT, query="开发票"))
    export_usage(other, team)
    rows, warnings = read_merged(team)
    assert warnings == []
    assert len(rows) == 5
    assert {r.user for r in rows} == {"小王", "li"}
    report = build_report(rows, None, None)
    assert report.agents == ["PC:01/小王", "pc-02/li"]


def test_export_repairs_a_torn_last_line(tmp_path: Path) -> None:
    log = UsageLog(tmp_path / "u.sqlite3", machine="m", user="u", retention_days=None)
    log.record(s(PASTED, "a", days_ago=2))
    path, _ = export_usage(log, tmp_path / "team")
    with open(path, "ab") as handle:
        handle.write(b'{"ts": "2026-11-20T1')  # an export killed mid-line
    log.record(s(PASTED, "b", days_ago=1))
    assert export_usage(log, tmp_path / "team")[1] == 1
    rows, warnings = read_merged(tmp_path / "team")
    assert warnings == [] and [r.entry_id for r in rows] == ["a", "b"]


def test_merge_skips_bad_lines_and_files_with_a_warning(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    good = s(PASTED, "a").to_json()
    (team / "m__u.jsonl").write_text(
        json.dumps(good) + "\nnot json\n" + json.dumps({**good, "outcome": "exploded"}) + "\n" + '{"ts": "20', encoding="utf-8"
    )
    (team / "bin__x.jsonl").write_bytes(b"\xff\xfe\x00garbage")
    rows, warnings = read_merged(team)
    assert [r.entry_id for r in rows] == ["a"]
    assert any("m__u.jsonl:2" in w and "3" in w for w in warnings)
    assert any("bin__x.jsonl" in w for w in warnings)


def test_merge_of_a_missing_folder_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError, match="not a folder"):
        read_merged(tmp_path / "nope")
