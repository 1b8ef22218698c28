"""Tests for the evaluation: case file parsing with bad lines, and the metrics."""

from __future__ import annotations

from pathlib import Path

from kbassist.core.evaluate import Case, load_cases, percentile, run_eval
from kbassist.core.model import Entry, Hit


def test_load_cases(tmp_path: Path) -> None:
    path = tmp_path / "cases.tsv"
    path.write_text(
        "# comment\n\n卡密没到\tcard-not-received\n退钱\trefund-policy, refund-unshipped\n"
        "no tab here\n\tempty-query\n查询\t\n  # indented comment\nkmwd\tcard-not-received\r\n",
        encoding="utf-8",
    )
    cases = load_cases(path)
    assert [c.query for c in cases] == ["卡密没到", "退钱", "kmwd"]
    assert cases[1].expected == ("refund-policy", "refund-unshipped")
    assert cases[2].expected == ("card-not-received",)
    assert cases[0].line == 3
    assert len(cases.problems) == 3
    assert ":5:" in cases.problems[0] and ":6:" in cases.problems[1] and ":7:" in cases.problems[2]


def test_load_cases_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "cases.tsv"
    path.write_bytes("好\ta\n".encode() + b"\xff\xfe\tb\n" + "再\tc\n".encode())
    cases = load_cases(path)
    assert [c.expected for c in cases] == [("a",), ("c",)]
    assert len(cases.problems) == 1 and ":2:" in cases.problems[0]


class FakeEngine:
    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.calls = 0

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        self.calls += 1
        return [
            Hit(Entry(id=i, title=i, path=Path("/x"), rel_path="x", category="c"), 1.0, (), "")
            for i in self.answers.get(query, [])[:limit]
        ]


def test_run_eval_metrics() -> None:
    engine = FakeEngine({"a": ["x", "y"], "b": ["y", "z", "x"], "c": ["q", "r", "s", "t", "x"], "d": []})
    cases = [Case("a", ("x",)), Case("b", ("x", "w")), Case("c", ("x",)), Case("d", ("x",))]
    report = run_eval(engine, cases)
    assert engine.calls == 5  # one warm-up query, then every case once
    assert report.cases == 4
    assert report.hit1 == 0.25
    assert report.hit3 == 0.5
    assert abs(report.mrr - (1 + 1 / 3 + 1 / 5) / 4) < 1e-9
    data = report.to_json()
    assert list(data) == ["cases", "hit@1", "hit@3", "mrr", "latency_ms", "misses"]
    assert set(data["latency_ms"]) == {"p50", "p95"}
    assert [m["query"] for m in data["misses"]] == ["b", "c", "d"]
    assert data["misses"][0]["first"] == "y" and data["misses"][0]["top3"] == ["y", "z", "x"]
    assert data["misses"][2]["first"] is None
    assert "hit@1" in report.to_text() or "hit@1   0.250" in report.to_text()


def test_run_eval_empty() -> None:
    report = run_eval(FakeEngine({}), [])
    assert report.to_json()["cases"] == 0 and report.hit1 == 0.0


def test_percentile() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile(list(map(float, range(1, 101))), 95) == 95.0
