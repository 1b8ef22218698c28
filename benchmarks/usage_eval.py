"""What the learned ranking does to search quality: the eval run with and without usage blending.

A simulated agent history (a Zipf law over the KB's entries in a seeded random order, never derived from the
eval expectations) is written to a real usage database; its entry weights then re-rank the Engine's results
through `kbassist.core.usage.blend`. Prints hit@1 / hit@3 / MRR for both, overall and for short queries.

    .venv/bin/python benchmarks/usage_eval.py [--kb kb] [--cases kb/eval.tsv kb/eval-holdout.tsv] [--seeds 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbassist.core.engine import Engine  # noqa: E402
from kbassist.core.evaluate import Case, load_cases, run_eval  # noqa: E402
from kbassist.core.model import Hit  # noqa: E402
from kbassist.core.usage import SHORT_QUERY_CHARS, UsageLog, normalize_query, rerank_hits, simulate_history  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


class Blended:
    """The Engine's search with the usage blend applied, exactly as the app applies it (rerank_hits)."""

    def __init__(self, engine: Engine, weights: dict[str, float]) -> None:
        self.engine = engine
        self.weights = weights

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        return rerank_hits(self.engine.search(query, limit=limit), self.weights, query)


def figures(searchable: object, cases: list[Case]) -> tuple[float, float, float]:
    report = run_eval(searchable, cases)  # type: ignore[arg-type]
    return report.hit1, report.hit3, report.mrr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", default=str(REPO / "kb"))
    parser.add_argument("--cases", nargs="+", default=[str(REPO / "kb" / "eval.tsv"), str(REPO / "kb" / "eval-holdout.tsv")])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=3000, help="simulated sessions per history (30 days)")
    args = parser.parse_args()

    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        engine = Engine(Path(args.kb), work / "index", jieba_cache=work / "jieba.cache")
        engine.update()
        ids = sorted(engine.entries)
        print(f"KB: {args.kb} ({len(ids)} entries); {args.seeds} simulated histories of {args.sessions} sessions")
        for cases_path in args.cases:
            cases = list(load_cases(Path(cases_path)))
            short = [c for c in cases if len(normalize_query(c.query)) <= SHORT_QUERY_CHARS]
            base_all = figures(engine, cases)
            base_short = figures(engine, short) if short else (0.0, 0.0, 0.0)
            sums_all = [0.0, 0.0, 0.0]
            sums_short = [0.0, 0.0, 0.0]
            for seed in range(args.seeds):
                log = UsageLog(work / f"usage-{seed}.sqlite3", retention_days=None)
                for session in simulate_history(ids, sessions=args.sessions, seed=seed, now=now):
                    log.record(session)
                weights = log.entry_weights(now)
                log.close()
                blended = Blended(engine, weights)
                for sums, subset in ((sums_all, cases), (sums_short, short)):
                    if subset:
                        for k, v in enumerate(figures(blended, subset)):
                            sums[k] += v / args.seeds
            name = Path(cases_path).name
            print(f"\n{name}: {len(cases)} cases ({len(short)} short, ≤{SHORT_QUERY_CHARS} chars)")
            print(f"  {'':<24}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}")
            print(f"  {'without usage':<24}" + "".join(f"{v:>8.3f}" for v in base_all))
            print(f"  {'with usage (mean)':<24}" + "".join(f"{v:>8.3f}" for v in sums_all))
            if short:
                print(f"  {'short, without':<24}" + "".join(f"{v:>8.3f}" for v in base_short))
                print(f"  {'short, with (mean)':<24}" + "".join(f"{v:>8.3f}" for v in sums_short))
        engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
