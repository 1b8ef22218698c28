"""The editor commands end to end: report, usage export, import and new, through argparse and the real files."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kbassist import editor_cli, paths
from kbassist.core.report import export_file_name
from kbassist.core.usage import DISMISSED, NO_RESULT, PASTED, UsageLog, UsageSession
from kbassist.editor_cli import parse_since


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kbassist")
    parser.add_argument("--kb")
    editor_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def usage_db() -> UsageLog:
    log = UsageLog(paths.app_dirs().usage_db, machine="pc-01", user="alice")
    now = datetime.now(timezone.utc)
    for i in range(12):
        log.record(UsageSession("kmwd", PASTED, 3, "card-not-received", "话术", 1, 1500 + i * 100, now - timedelta(hours=i)))
    log.record(UsageSession("开发票", NO_RESULT, 0, ts=now - timedelta(days=1)))
    log.record(UsageSession("怎么开发票", DISMISSED, 4, ts=now - timedelta(days=1)))
    log.record(UsageSession("退款", PASTED, 5, "refund-policy", "话术", 2, 4000, now - timedelta(days=20)))
    return log


def test_report_text_uses_the_bundled_kb_titles(usage_db: UsageLog, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report"]) == 0
    out = capsys.readouterr().out
    assert "会话 14" in out  # the 20-day-old session is outside the default 7 days
    assert "卡密未到账  [card-not-received]" in out
    assert "开发票" in out
    assert "未使用的条目 (never used)" in out


def test_report_json_since_and_kb_option(usage_db: UsageLog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "kb"
    (kb / "x").mkdir(parents=True)
    (kb / "x" / "a.md").write_text("---\nid: only-entry\ntitle: 唯一\n---\n## 话术\n你好\n", encoding="utf-8")
    assert run(["report", "--since", "30d", "--json", "--kb", str(kb)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sessions"] == 15
    assert data["unused_entries"] == [{"id": "only-entry", "title": "唯一"}]
    assert data["top_entries"][0]["id"] == "card-not-received"


def test_report_html_file(usage_db: UsageLog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.html"
    assert run(["report", "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "<svg" in page and "卡密未到账" in page
    assert str(target) in capsys.readouterr().err


def test_usage_export_then_merge(usage_db: UsageLog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = tmp_path / "team"
    assert run(["usage", "export", str(team)]) == 0
    assert run(["usage", "export", str(team)]) == 0
    out = capsys.readouterr().out
    assert "appended 15" in out and "appended 0" in out
    files = list(team.glob("*.jsonl"))
    this_agent = UsageLog(paths.app_dirs().usage_db)  # the file is named after this machine and login
    assert [f.name for f in files] == [export_file_name(this_agent.machine, this_agent.user)]
    (team / "broken__x.jsonl").write_text("{oops\n", encoding="utf-8")
    assert run(["report", "--merge", str(team), "--since", "all", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sessions"] == 15
    assert "broken__x.jsonl" in captured.err


def test_usage_without_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["usage"]) == 2
    assert "usage export DIR" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["report", "--since", "last tuesday"], "--since"),
        (["report", "--merge", "/nonexistent/team"], "--merge"),
        (["import", "/nonexistent/x.csv", "--out", "/tmp/x"], "找不到"),
        (["new", "  ", "--kb", "/tmp"], "标题"),
    ],
)
def test_errors_are_one_line_and_exit_2(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kbassist: ") and needle in err
    assert "Traceback" not in err


def test_corrupt_usage_db_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.app_dirs().usage_db
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"garbage" * 1000)
    assert run(["report"]) == 2
    err = capsys.readouterr().err
    assert "usage database unavailable" in err and err.count("\n") == 1


def test_import_and_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "lib.csv"
    source.write_bytes("分类,标题,内容\n售后,退款进度,退款 1-3 天到账\n售后,空,\n".encode("gbk"))
    out_dir = tmp_path / "kb"
    assert run(["import", str(source), "--out", str(out_dir), "--dry-run"]) == 0
    assert "将创建 1 条" in capsys.readouterr().out and not out_dir.exists()
    assert run(["import", str(source), "--out", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert "已创建 1 条，跳过 1 条" in out and "售后/退款进度.md" in out and "第 3 行: 跳过，内容为空" in out
    assert run(["new", "发票开具", "--category", "售后", "--kb", str(out_dir)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == out_dir / "售后" / "发票开具.md" and path.is_file()


def test_global_kb_option_reaches_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--kb", str(tmp_path / "kb"), "new", "新条目"]) == 0
    assert Path(capsys.readouterr().out.strip()) == tmp_path / "kb" / "未分类" / "新条目.md"


def test_through_the_main_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli = pytest.importorskip("kbassist.cli")
    assert cli.main(["new", "主命令", "--kb", str(tmp_path)]) == 0
    assert (tmp_path / "未分类" / "主命令.md").is_file()
    assert cli.main(["report", "--since", "nope"]) == 2


def test_parse_since() -> None:
    now = datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert parse_since("7d", now) == now - timedelta(days=7)
    assert parse_since("30天", now) == now - timedelta(days=30)
    assert parse_since("all", now) is None
    assert parse_since("2026-11-01", now) == datetime(2026, 11, 1, tzinfo=timezone.utc)
    with pytest.raises(editor_cli.EditorError):
        parse_since("2026-13-01", now)
