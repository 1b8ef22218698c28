"""Benchmark of resident memory: the core search stack on a synthetic KB, per imported component, with and without Qt."""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def rss_mb() -> float:
    # /proc first (no dependency); psutil elsewhere.
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, AttributeError):
        import psutil

        return round(psutil.Process().memory_info().rss / 2**20, 1)


def prepare(work: Path, size: int) -> int:
    """What an earlier run of the app leaves behind: the KB, the jieba cache and an index on disk."""
    from synth import write_kb

    from kbassist.core.engine import Engine

    engine = Engine(write_kb(work / "kb", size), work / "index", jieba_cache=work / "cache" / "jieba.cache")
    engine.update()
    engine.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000, help="entries in the synthetic KB")
    parser.add_argument("--qt", action="store_true", help="import PySide6.QtWidgets first, as the desktop app does")
    parser.add_argument("--trace", action="store_true", help="also list the top Python allocation sites (slow)")
    parser.add_argument("--cold", action="store_true",
                        help="first run: build the jieba cache and the whole index in this process")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)  # internal: the earlier run, in a child
    args = parser.parse_args()
    if args.prepare is not None:
        return prepare(args.prepare, args.size)

    steps: list[tuple[str, float]] = [("python", rss_mb())]

    def step(name: str) -> None:
        gc.collect()
        steps.append((name, rss_mb()))

    if args.trace:
        tracemalloc.start(8)
    if args.qt:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6 import QtWidgets  # noqa: F401

        app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841 - kept alive
        step("qt")
    import whoosh.index  # noqa: F401

    step("whoosh")
    from kbassist.core import zhcn

    zhcn.to_simplified("測試")  # the traditional→simplified table, loaded on first use as the app does
    step("zhconv")
    from kbassist.core import analysis

    analysis.pinyin_of("重复扣款")  # the pinyin tables (kbassist.core.pinyin, loaded on first use)
    step("pinyin")

    from synth import queries, write_kb

    from kbassist.core.engine import Engine

    step("kbassist modules")
    work = Path(tempfile.mkdtemp(prefix="kbassist-mem-"))
    try:
        if args.cold:
            write_kb(work / "kb", args.size)
        else:
            # A child process plays the earlier run, so this one starts the way the app usually does.
            subprocess.run([sys.executable, __file__, "--size", str(args.size), "--prepare", str(work)], check=True)
        engine = Engine(work / "kb", work / "index", jieba_cache=work / "cache" / "jieba.cache")
        engine._segmenter.load()  # noqa: SLF001 - measured apart from the index
        step("jieba")
        engine.warm_up()
        step("open index (warm_up)")
        engine.update()
        step("update")
        for q in queries(count=100):
            engine.search(q)
        step("100 searches")
        snapshot = tracemalloc.take_snapshot() if args.trace else None
        engine.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    deltas = {}
    for (_, before), (name, after) in zip(steps, steps[1:]):
        deltas[name] = round(after - before, 1)
    final = steps[-1][1]
    print(json.dumps({"size": args.size, "qt": args.qt, "cold": args.cold, "rss_mb": final, "delta_mb": deltas}, ensure_ascii=False))
    if snapshot is not None:
        for stat in snapshot.statistics("filename")[:15]:
            print(f"{stat.size / 2**20:8.1f} MB  {stat.traceback[0].filename}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
