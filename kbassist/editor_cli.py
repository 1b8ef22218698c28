"""The editor and team-lead commands: `report`, `usage export`, `import` and `new`."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import re
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kbassist import paths

log = logging.getLogger("kbassist.editor_cli")

Command = Callable[[argparse.Namespace], int]


class EditorError(Exception):
    """A problem the user can fix: printed as one line on stderr, exit code 2."""


def _guarded(func: Command) -> Command:
    """One clear line on stderr and exit 2 for every failure, never a traceback."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except EditorError as exc:
            message = str(exc)
        except BrokenPipeError:
            raise  # `… | head` closed the pipe: the caller handles it quietly
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            message = f"文件操作失败 (file error){where}: {exc.strerror or exc}"
        except Exception as exc:  # bad input must not print a traceback; details go to the debug log
            log.debug("%s failed", func.__name__, exc_info=True)
            message = f"{type(exc).__name__}: {exc}"
        sys.stderr.write(f"kbassist: {message}\n")
        return 2

    return run


# --- settings ------------------------------------------------------------------------------------------------------


def _settings() -> Any | None:
    """The effective settings (team file, then user file), or None when they cannot be read."""
    from kbassist import settings as settings_mod

    try:
        return settings_mod.load_effective(paths.app_dirs())[0]
    except Exception as exc:  # a broken settings file must not stop a report
        log.debug("settings not readable: %s", exc)
        return None


def resolve_kb(kb: str | None) -> Path:
    """--kb, else the configured KB, else the bundled sample."""
    from kbassist import settings as settings_mod

    return settings_mod.resolve_kb(kb)


def open_usage() -> Any:
    from kbassist.core.usage import UsageLog

    settings = _settings()
    return UsageLog(
        paths.app_dirs().usage_db,
        masking=getattr(settings, "usage_masking", True),
        retention_days=getattr(settings, "usage_retention_days", 90),
        prune_on_open=False,  # reading a report must not delete anything
    )


def parse_since(text: str | None, now: datetime | None = None) -> datetime | None:
    """`7d`, `30d`, `12h`, `all`, or a date `YYYY-MM-DD` (start of that day, UTC)."""
    now = now or datetime.now(timezone.utc)
    if text is None or text.strip() == "":
        return now - timedelta(days=7)
    value = text.strip().lower()
    if value in ("all", "全部"):
        return None
    match = re.fullmatch(r"(\d{1,4})\s*([dhw天])", value)
    if match:
        n, unit = int(match.group(1)), match.group(2)
        delta = {"d": timedelta(days=n), "天": timedelta(days=n), "h": timedelta(hours=n), "w": timedelta(weeks=n)}[unit]
        return now - delta
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise EditorError(f"--since 应为 7d、30d、all 或日期 YYYY-MM-DD，而不是 {text!r}") from None
    return day.replace(tzinfo=timezone.utc)


# --- report ---------------------------------------------------------------------------------------------------------


@_guarded
def cmd_report(args: argparse.Namespace) -> int:
    from kbassist.core.kb import KbError, load_kb
    from kbassist.core.report import build_report, read_merged, render_html, render_text

    since = parse_since(args.since)
    if args.merge:
        folder = Path(args.merge).expanduser()
        if not folder.is_dir():
            raise EditorError(f"--merge 需要一个文件夹 (not a folder): {folder}")
        rows, warnings = read_merged(folder)
        for warning in warnings:
            sys.stderr.write(f"kbassist: 警告 (warning): {warning}\n")
    else:
        usage = open_usage()
        try:
            rows = usage.sessions(since)
            if not usage.available:
                raise EditorError(f"用量数据库不可用 (usage database unavailable): {usage.path}: {usage.last_error}")
        finally:
            usage.close()

    kb_root = resolve_kb(getattr(args, "kb", None))
    ids: list[str] | None = None
    titles: dict[str, str] = {}
    try:
        loaded = load_kb(kb_root)
        ids = [e.id for e in loaded.entries]
        titles = {e.id: e.title for e in loaded.entries}
    except KbError as exc:
        sys.stderr.write(f"kbassist: 警告 (warning): {exc}; 不列出未使用的条目\n")

    report = build_report(rows, since, ids, titles=titles)
    if args.html:
        target = Path(args.html).expanduser()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_html(report), encoding="utf-8")
        sys.stderr.write(f"HTML 报告 (report): {target}\n")
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not args.html:
        sys.stdout.write(render_text(report))
    return 0


@_guarded
def cmd_usage_export(args: argparse.Namespace) -> int:
    from kbassist.core.report import export_usage

    usage = open_usage()
    try:
        if not usage.available:
            raise EditorError(f"用量数据库不可用 (usage database unavailable): {usage.path}: {usage.last_error}")
        path, count = export_usage(usage, Path(args.dir).expanduser())
    finally:
        usage.close()
    sys.stdout.write(f"{path}: 追加 {count} 条 (appended {count} sessions)\n")
    return 0


def cmd_usage_help(args: argparse.Namespace) -> int:
    sys.stderr.write("kbassist: 用法 (usage): kbassist usage export DIR\n")
    return 2


# --- import / new ---------------------------------------------------------------------------------------------------


@_guarded
def cmd_import(args: argparse.Namespace) -> int:
    from kbassist.core.importer import ImportFailed, import_file

    out_dir = Path(args.out).expanduser()
    try:
        result = import_file(
            Path(args.file).expanduser(), out_dir, mapping=args.map, sheet=args.sheet, dry_run=args.dry_run
        )
    except ImportFailed as exc:
        raise EditorError(str(exc)) from exc
    sys.stdout.write(result.summary(out_dir))
    if args.dry_run:
        sys.stdout.write("（试运行，未写入任何文件 / dry run, nothing written）\n")
    return 0 if result.created or not result.skipped else 1


@_guarded
def cmd_new(args: argparse.Namespace) -> int:
    from kbassist.core.scaffold import ScaffoldError, new_entry

    try:
        path = new_entry(resolve_kb(getattr(args, "kb", None)), args.title, args.category)
    except ScaffoldError as exc:
        raise EditorError(str(exc)) from exc
    sys.stdout.write(f"{path}\n")
    return 0


def register(subparsers: Any) -> None:
    """Add the editor commands to the `kbassist` command line; each sets func(args) -> exit code."""

    def kb_option(p: argparse.ArgumentParser) -> None:
        # SUPPRESS: a --kb given before the command is not reset by the sub-parser's default
        p.add_argument("--kb", default=argparse.SUPPRESS, help="knowledge-base folder")

    p = subparsers.add_parser("report", help="usage report: top entries, gaps, latency (text, JSON or HTML)")
    p.add_argument("--since", default="7d", help="7d, 30d, all or YYYY-MM-DD (default 7d)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--html", metavar="FILE", help="write a self-contained HTML report")
    p.add_argument("--merge", metavar="DIR", help="report over the team's exported .jsonl files in DIR")
    kb_option(p)
    p.set_defaults(func=cmd_report)

    p = subparsers.add_parser("usage", help="manage this agent's usage log")
    usage_sub = p.add_subparsers(dest="usage_command", metavar="ACTION")
    p.set_defaults(func=cmd_usage_help)
    e = usage_sub.add_parser("export", help="append this agent's sessions to DIR/<machine>__<user>.jsonl")
    e.add_argument("dir", metavar="DIR")
    e.set_defaults(func=cmd_usage_export)

    p = subparsers.add_parser("import", help="import a reply library (.csv, .xlsx, espanso .yml) as KB entries")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the entries into")
    p.add_argument("--map", metavar="SPEC", help="column mapping, e.g. 内容=content,标题=title")
    p.add_argument("--sheet", help="xlsx sheet name (default: the first)")
    p.add_argument("--dry-run", action="store_true", help="show what would be created, write nothing")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("new", help="create a new entry from the template and print its path")
    p.add_argument("title")
    p.add_argument("--category", help="folder / category (default 未分类)")
    kb_option(p)
    p.set_defaults(func=cmd_new)
