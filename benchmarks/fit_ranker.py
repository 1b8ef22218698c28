"""Refit the search re-ranker's weights (kbassist.core.search.WEIGHTS) on the tuning cases, with cross-validation.

Method: for every case, the re-ranker's features of each candidate are computed once; the weights are fitted by
pairwise logistic regression (the expected entry must outscore each other candidate), with an L2 penalty pulling
each weight towards the editorial prior (search.PRIOR_WEIGHTS) and weights kept >= 0. The penalty strength is
chosen by k-fold cross-validation on the design cases; a validation part of the cases is only scored, never fitted.

    .venv/bin/python benchmarks/fit_ranker.py                   # CV over the penalty grid, fit, print the weights
    .venv/bin/python benchmarks/fit_ranker.py --validate        # also score the validation part with those weights
    .venv/bin/python benchmarks/fit_ranker.py --validate --all  # the shipped weights: refit on every case

A new feature needs an entry in search.PRIOR_WEIGHTS (its editorial weight) before it can be fitted.

Parts of kb/eval.tsv: A = the first batch, B = the cases after the `# --- second batch` comment; B is split into
alternate cases B1 (design, with A) and B2 (validation). kb/eval-holdout.tsv is never read here.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbassist.core import search  # noqa: E402
from kbassist.core.engine import Engine  # noqa: E402
from kbassist.core.evaluate import Case, load_cases  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAMES = tuple(search.PRIOR_WEIGHTS)
Sample = tuple[list[list[float]], list[bool], str]  # candidate feature vectors, which are expected, query


def parts(path: Path) -> dict[str, list[Case]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    marker = next((i for i, line in enumerate(lines, 1) if line.startswith("# --- second batch")), len(lines) + 1)
    cases = list(load_cases(path))
    second = [c for c in cases if c.line > marker]
    return {"A": [c for c in cases if c.line < marker], "B1": second[0::2], "B2": second[1::2]}


def samples(engine: Engine, cases: list[Case]) -> list[Sample]:
    """Features of every candidate of every case, exactly as Searcher.search computes them."""
    searcher = engine._searcher  # noqa: SLF001 - a tuning tool looks inside on purpose
    by_path = engine._by_path  # noqa: SLF001
    assert searcher is not None
    ranker = searcher.ranker
    out: list[Sample] = []
    for case in cases:
        q = search.analyze_query(case.query, engine._segmenter, ranker.lexicon, ranker.vocabulary)  # noqa: SLF001
        if q.empty:
            out.append(([], [], case.query))
            continue
        with searcher._lock:  # noqa: SLF001
            candidates, idf = searcher._candidates(q, by_path)  # noqa: SLF001
        if not candidates:
            out.append(([], [], case.query))
            continue
        bm25_max = max(s for _, s in candidates)
        vecs, labels = [], []
        for entry, bm25 in candidates:
            feats = ranker.features(q, entry, bm25, bm25_max, idf)
            vecs.append([feats.get(n, 0.0) for n in NAMES])
            labels.append(entry.id in case.expected)
        out.append((vecs, labels, case.query))
    return out


def metrics(data: list[Sample], w: list[float]) -> tuple[float, float, float]:
    h1 = h3 = mrr = 0.0
    for vecs, labels, _ in data:
        if not any(labels):
            continue
        scores = [sum(a * b for a, b in zip(w, v)) for v in vecs]
        best_pos = max(s for s, lab in zip(scores, labels) if lab)
        rank = sum(1 for s, lab in zip(scores, labels) if not lab and s >= best_pos)  # ties count against
        h1 += rank == 0
        h3 += rank < 3
        mrr += 1.0 / (rank + 1) if rank < 10 else 0.0
    n = max(len(data), 1)
    return h1 / n, h3 / n, mrr / n


def fit(data: list[Sample], prior: list[float], lam: float, epochs: int = 200, lr: float = 60.0) -> list[float]:
    """Pairwise logistic loss, each case weighted equally, + lam * sum((w - prior)^2); projected to w >= 0."""
    pairs: list[tuple[list[float], float]] = []
    for vecs, labels, _ in data:
        pos = [v for v, lab in zip(vecs, labels) if lab]
        neg = [v for v, lab in zip(vecs, labels) if not lab]
        if not pos or not neg:
            continue
        weight = 1.0 / (len(pos) * len(neg))
        for p in pos:
            for n in neg:
                diff = [a - b for a, b in zip(p, n)]
                if any(diff):
                    pairs.append((diff, weight))
    ncases = max(sum(1 for _, labels, _ in data if any(labels)), 1)
    w = list(prior)
    k = len(w)
    for epoch in range(epochs):
        grad = [2.0 * lam * (w[i] - prior[i]) for i in range(k)]
        for diff, weight in pairs:
            margin = sum(a * b for a, b in zip(w, diff))
            # d/dw log(1 + exp(-margin)) = -sigmoid(-margin) * diff
            g = -weight / (1.0 + math.exp(min(margin, 50.0))) / ncases
            if g > -1e-9:
                continue
            for i, d in enumerate(diff):
                if d:
                    grad[i] += g * d
        step = lr / (1.0 + epoch / 100.0)
        w = [max(0.0, w[i] - step * grad[i]) for i in range(k)]
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "kb")
    parser.add_argument("--cases", type=Path, default=ROOT / "kb" / "eval.tsv")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--lams", default="0.00001,0.0001,0.001")
    parser.add_argument("--validate", action="store_true", help="score the validation part B2 too")
    parser.add_argument("--all", action="store_true", help="final fit on A+B1+B2 (after choosing the penalty)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(args.kb, Path(tmp) / "index", jieba_cache=Path(tmp) / "jieba.cache")
        engine.warm_up()
        engine.update()
        split = parts(args.cases)
        data = {name: samples(engine, cases) for name, cases in split.items()}
        engine.close()
    prior = [search.PRIOR_WEIGHTS[n] for n in NAMES]
    current = [search.WEIGHTS.get(n, 0.0) for n in NAMES]
    design = data["A"] + data["B1"]
    for name, part in data.items():
        if name == "B2" and not args.validate:
            continue
        recall = sum(1 for _, labels, _ in part if any(labels)) / max(len(part), 1)
        h1, h3, mrr = metrics(part, current)
        print(f"current weights  {name:3s} n={len(part):3d} hit@1 {h1:.3f} hit@3 {h3:.3f} MRR {mrr:.3f}"
              f"  (candidate recall {recall:.3f})")

    rng = random.Random(7)
    order = list(range(len(design)))
    rng.shuffle(order)
    folds = [order[i :: args.folds] for i in range(args.folds)]
    best_lam, best_cv = 0.0, -1.0
    for lam in (float(x) for x in args.lams.split(",")):
        cv = [0.0, 0.0, 0.0]
        for fold in folds:
            held = set(fold)
            w = fit([d for i, d in enumerate(design) if i not in held], prior, lam)
            m = metrics([design[i] for i in fold], w)
            cv = [c + x * len(fold) / len(design) for c, x in zip(cv, m)]
        print(f"lam {lam:<6g} CV hit@1 {cv[0]:.3f} hit@3 {cv[1]:.3f} MRR {cv[2]:.3f}")
        if cv[2] + cv[0] > best_cv:
            best_lam, best_cv = lam, cv[2] + cv[0]
    train = design + (data["B2"] if args.all else [])
    w = fit(train, prior, best_lam)
    print(f"chosen lam {best_lam}; fitted on {'A+B1+B2' if args.all else 'A+B1'}")
    for name, part in data.items():
        if name == "B2" and not args.validate:
            continue
        h1, h3, mrr = metrics(part, w)
        print(f"fitted weights   {name:3s} hit@1 {h1:.3f} hit@3 {h3:.3f} MRR {mrr:.3f}")
    print("WEIGHTS = {")
    for name, value in zip(NAMES, w):
        print(f'    "{name}": {value:.2f},')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
