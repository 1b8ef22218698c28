"""The `kbassist` command line: start the app, or search, index, lint and evaluate a knowledge base."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

# Every digest taken in this process is SHA-1 (file contents, folder names) or MD5 (jieba's cache name), and CPython's
# built-in implementations give the same results as OpenSSL's. Without `_hashlib`, hashlib uses them and the process
# never maps libcrypto: 3.4 MB resident in the tray app for nothing (it makes no TLS connections). Set before any
# module imports hashlib.
sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]

from kbassist import __version__, paths  # noqa: E402

if TYPE_CHECKING:
    from kbassist.core.engine import Engine
    from kbassist.core.model import Hit

log = logging.getLogger("kbassist.cli")


class CliError(Exception):
    """An error the user can act on: printed as one line, never as a traceback."""


def resolve_kb(kb: str | None) -> Path:
    """The KB folder: --kb, else the configured one, else the bundled sample."""
    from kbassist.settings import resolve_kb as resolve

    return resolve(kb)


def open_engine(kb: str | None) -> Engine:
    from kbassist.core.engine import Engine, KbError

    root = resolve_kb(kb)
    dirs = paths.app_dirs()
    engine = Engine(root, dirs.index_dir(root), jieba_cache=dirs.jieba_cache)
    try:
        engine.update(progress=_progress_printer())
    except KbError as exc:
        raise CliError(str(exc)) from exc
    return engine


def _progress_printer() -> Callable[[int, int], None] | None:
    """A one-line progress bar on a terminal, nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r索引 indexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _progress_lines(out: TextIO) -> Callable[[int, int], None]:
    """`progress DONE TOTAL` lines, the ones kbassist.indexer.ChildBuilder reads."""
    from kbassist.indexer import PROGRESS_PREFIX, throttled

    def line(done: int, total: int) -> None:
        out.write(f"{PROGRESS_PREFIX}{done} {total}\n")
        out.flush()

    return throttled(line)


def hit_to_json(hit: Hit) -> dict[str, Any]:
    entry = hit.entry
    return {
        "id": entry.id,
        "title": entry.title,
        "category": entry.category,
        "tier": entry.tier,
        "trigger": entry.trigger,
        "score": round(hit.score, 4),
        "path": str(entry.path),
        "snippet": hit.snippet,
        "blocks": [{"name": b.name, "kind": b.kind.value, "text": b.text} for b in hit.blocks],
    }


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    engine = open_engine(args.kb)
    try:
        hits = engine.search(args.query, limit=args.limit)
    finally:
        engine.close()
    if args.json:
        json.dump([hit_to_json(h) for h in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not hits:
        out.write("没有结果 (no results). 试试拼音、首字母或更短的关键词。\n")
        return 0
    for rank, hit in enumerate(hits, 1):
        entry = hit.entry
        badge = " [二线]" if entry.tier == "二线" else ""
        trigger = f" ({entry.trigger})" if entry.trigger else ""
        out.write(f"{rank:>2}. {entry.title}{badge}{trigger}  [{entry.category}]  {hit.score:.2f}  {entry.id}\n")
        if hit.snippet:
            out.write(f"    {hit.snippet}\n")
    return 0


def cmd_index(args: argparse.Namespace, out: TextIO) -> int:
    from kbassist.core.engine import Engine, KbError

    root = resolve_kb(args.kb)
    dirs = paths.app_dirs()
    engine = Engine(root, dirs.index_dir(root), jieba_cache=dirs.jieba_cache)
    try:
        progress = _progress_lines(out) if args.progress_lines else _progress_printer()
        report = engine.update(rebuild=args.rebuild, progress=progress)
    except KbError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.close()
    rebuilt = f", rebuilt ({report.rebuild_reason})" if report.rebuilt else ""
    out.write(
        f"{report.entries} entries: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed, {len(report.problems)} problems{rebuilt} in {report.seconds:.2f} s\n"
        f"index: {dirs.index_dir(root)}\n"
    )
    return 0


def cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    from kbassist.core.kb import KbError, load_kb
    from kbassist.core.model import Severity

    root = resolve_kb(args.kb)
    try:
        result = load_kb(root)
    except KbError as exc:
        raise CliError(str(exc)) from exc
    problems = sorted(result.problems, key=lambda p: (str(p.path or ""), p.line or 0))
    if args.json:
        json.dump(
            [
                {
                    "path": str(p.path) if p.path else None,
                    "line": p.line,
                    "severity": p.severity.value,
                    "code": p.code,
                    "message": p.message,
                }
                for p in problems
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        for problem in problems:
            out.write(problem.format(root) + "\n")
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        sys.stderr.write(
            f"{len(result.entries)} entries, {errors} errors, {len(problems) - errors} warnings\n"
        )
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from kbassist.core.evaluate import load_cases, run_eval

    cases_path = Path(args.cases)
    if not cases_path.is_file():
        raise CliError(f"找不到评测文件 (cases file not found): {cases_path}")
    cases = load_cases(cases_path)
    for problem in cases.problems:
        sys.stderr.write(f"{problem}\n")
    if not cases:
        raise CliError(f"评测文件没有用例 (no cases in): {cases_path}")
    engine = open_engine(args.kb)
    try:
        report = run_eval(engine, cases)
    finally:
        engine.close()
    if args.json:
        json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(_eval_text(report.to_json()))
    return 0


def _eval_text(data: dict[str, Any]) -> str:
    lines = [
        f"cases   {data['cases']}",
        f"hit@1   {data['hit@1']:.3f}",
        f"hit@3   {data['hit@3']:.3f}",
        f"MRR@10  {data['mrr']:.3f}",
        f"latency p50 {data['latency_ms']['p50']:.1f} ms, p95 {data['latency_ms']['p95']:.1f} ms",
    ]
    misses = data.get("misses", [])
    if misses:
        lines.append(f"misses ({len(misses)}):")
        for miss in misses:
            lines.append(f"  {json.dumps(miss, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from kbassist.app import send_show

    return send_show()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kbassist",
        description="客服知识库与话术助手 (knowledge-base and reply-script assistant). "
        "Without a command, starts the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"kbassist {__version__}")
    parser.add_argument("--kb", help="knowledge-base folder (default: configured, else the bundled sample)")
    parser.add_argument("--hotkey", help='global hotkey for this run, e.g. "ctrl+alt+k"')
    parser.add_argument("--selftest", action="store_true", help="start, index, open and close the overlay, exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def kb_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--kb", default=argparse.SUPPRESS, help="knowledge-base folder")

    p = sub.add_parser("search", help="search the knowledge base")
    p.add_argument("query")
    kb_option(p)
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("index", help="bring the index up to date")
    kb_option(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    # For the app, which runs full builds as this command in a child process and shows the progress in its tray.
    p.add_argument("--progress-lines", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("lint", help="check the knowledge-base files")
    kb_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("eval", help="measure search quality on a TSV of cases")
    p.add_argument("cases", help="UTF-8 TSV: query<TAB>expected_id[,other_id…]")
    kb_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("show", help="open the overlay of the running app")
    p.set_defaults(func=cmd_show)

    try:
        from kbassist import editor_cli
    except ImportError:
        editor_cli = None  # type: ignore[assignment]
    if editor_cli is not None:
        editor_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            from kbassist.app import run_app

            return run_app(Path(args.kb) if args.kb else None, args.hotkey, selftest=args.selftest)
        func = args.func
        # editor_cli commands take only args; ours also take the output stream
        if func.__module__ == __name__:
            return int(func(args, sys.stdout))
        return int(func(args))
    except CliError as exc:
        sys.stderr.write(f"kbassist: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `kbassist search … | head` closed the pipe: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # last resort: one line, details in the debug log
        log.debug("unexpected error", exc_info=True)
        sys.stderr.write(f"kbassist: 内部错误 (internal error): {type(exc).__name__}: {exc}\n")
        return 3
