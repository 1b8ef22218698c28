"""Relevance regression on the sample knowledge base: the tuning cases and the held-out cases.

kb/eval-holdout.tsv is never used to tune the engine or the KB; it only reports. It is checked here against the same
targets so that a change which only helps the tuning cases cannot land unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.core.engine import Engine
from kbassist.core.evaluate import load_cases, run_eval

HIT1_MIN = 0.92
HIT3_MIN = 0.98


@pytest.mark.parametrize(("name", "at_least"), [("eval.tsv", 180), ("eval-holdout.tsv", 80)])
def test_sample_kb_relevance(sample_kb: Path, tmp_path: Path, name: str, at_least: int) -> None:
    cases_path = sample_kb / name
    if not cases_path.is_file():
        pytest.fail(f"missing {cases_path}")
    cases = load_cases(cases_path)
    assert len(cases) >= at_least and not cases.problems
    engine = Engine(sample_kb, tmp_path / "index", jieba_cache=tmp_path / "jieba.cache")
    try:
        engine.warm_up()
        report = engine.update()
        assert report.entries >= 50
        result = run_eval(engine, cases)
    finally:
        engine.close()
    misses = "\n".join(f"{m.query} -> {m.top3} (want {m.expected})" for m in result.misses)
    assert result.hit1 >= HIT1_MIN, f"hit@1 {result.hit1:.3f}\n{misses}"
    assert result.hit3 >= HIT3_MIN, f"hit@3 {result.hit3:.3f}\n{misses}"
