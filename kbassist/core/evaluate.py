"""Search-quality evaluation: load query cases from a TSV file, run them, report hit@k, MRR and latency."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kbassist.core.model import Hit

log = logging.getLogger("kbassist.eval")

MRR_DEPTH = 10


class Searchable(Protocol):
    def search(self, query: str, limit: int = 10) -> list[Hit]: ...


@dataclass(frozen=True)
class Case:
    """One query and the ids that count as a correct answer."""

    query: str
    expected: tuple[str, ...]
    line: int = 0


class CaseList(list):  # type: ignore[type-arg]
    """The cases of a file (a plain list) plus `problems`: one message per line that could not be read."""

    problems: list[str]

    def __init__(self, cases: list[Case] | None = None, problems: list[str] | None = None) -> None:
        super().__init__(cases or [])
        self.problems = problems or []


def load_cases(path: Path) -> CaseList:
    """Cases from `query<TAB>id[,id…]` lines; `#` comments and blank lines skipped, bad lines reported by number."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Decode what we can so one bad byte costs one line, not the file.
        text = data.decode("utf-8-sig", errors="replace")
        log.warning("%s: not valid UTF-8 at byte %d; undecodable bytes replaced", path, exc.start)
    cases: list[Case] = []
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\ufffd" in line:
            problems.append(f"{path}:{number}: 含有无法解码的字节 (invalid UTF-8), skipped")
            continue
        if "\t" not in line:
            problems.append(f"{path}:{number}: 缺少制表符 (expected query<TAB>id[,id…]), skipped")
            continue
        query, _, ids_text = line.partition("\t")
        ids = tuple(i.strip() for i in ids_text.replace("\t", ",").split(",") if i.strip())
        if not query.strip():
            problems.append(f"{path}:{number}: 查询为空 (empty query), skipped")
            continue
        if not ids:
            problems.append(f"{path}:{number}: 没有期望的 id (no expected id), skipped")
            continue
        cases.append(Case(query=query, expected=ids, line=number))
    for problem in problems:
        log.debug("%s", problem)
    return CaseList(cases, problems)


@dataclass
class Miss:
    query: str
    expected: tuple[str, ...]
    first: str | None
    top3: tuple[str, ...]
    rank: int | None  # 1-based rank of the first expected id within the top 10, None if absent

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "expected": list(self.expected),
            "first": self.first,
            "top3": list(self.top3),
            "rank": self.rank,
        }


@dataclass
class EvalReport:
    cases: int
    hit1: float
    hit3: float
    mrr: float
    p50_ms: float
    p95_ms: float
    misses: list[Miss] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "hit@1": round(self.hit1, 4),
            "hit@3": round(self.hit3, 4),
            "mrr": round(self.mrr, 4),
            "latency_ms": {"p50": round(self.p50_ms, 2), "p95": round(self.p95_ms, 2)},
            "misses": [m.to_json() for m in self.misses],
        }

    def to_text(self) -> str:
        lines = [
            f"cases   {self.cases}",
            f"hit@1   {self.hit1:.3f}",
            f"hit@3   {self.hit3:.3f}",
            f"MRR@10  {self.mrr:.3f}",
            f"latency p50 {self.p50_ms:.1f} ms, p95 {self.p95_ms:.1f} ms",
        ]
        if self.misses:
            lines.append(f"misses at rank 1 ({len(self.misses)}):")
            for m in self.misses:
                where = f"rank {m.rank}" if m.rank else "not in top 10"
                lines.append(f"  {m.query}  expected {','.join(m.expected)}  got {', '.join(m.top3) or '-'}  ({where})")
        return "\n".join(lines) + "\n"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def run_eval(engine: Searchable, cases: list[Case]) -> EvalReport:
    """Run every case once (after one warm-up query), measuring each search's wall time."""
    if cases:
        engine.search(cases[0].query, limit=MRR_DEPTH)
    hit1 = hit3 = 0
    reciprocal = 0.0
    latencies: list[float] = []
    misses: list[Miss] = []
    for case in cases:
        start = time.perf_counter()
        hits = engine.search(case.query, limit=MRR_DEPTH)
        latencies.append((time.perf_counter() - start) * 1000.0)
        ids = [h.entry.id for h in hits]
        expected = set(case.expected)
        rank = next((n for n, i in enumerate(ids, 1) if i in expected), None)
        if rank == 1:
            hit1 += 1
        if rank is not None and rank <= 3:
            hit3 += 1
        if rank is not None:
            reciprocal += 1.0 / rank
        if rank != 1:
            misses.append(Miss(case.query, case.expected, ids[0] if ids else None, tuple(ids[:3]), rank))
    n = len(cases)
    return EvalReport(
        cases=n,
        hit1=hit1 / n if n else 0.0,
        hit3=hit3 / n if n else 0.0,
        mrr=reciprocal / n if n else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        misses=misses,
    )
