"""The `kbassist` command line, run as a real process against real knowledge-base folders."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kbassist import __version__

LINT_LINE = re.compile(r"^[^:]+(:\d+)?: (error|warning): .+$")

GOOD = """---
id: refund-basic
title: 退款政策
aliases: [退钱, 申请退款]
trigger: tkzc
---
# 退款政策
## 问题
顾客想退款。
## 话术
亲，您好，订单 {订单号} 的退款会在 1-3 个工作日原路退回。
## 解决步骤
1. 查询订单状态
2. 发起退款
"""


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kbassist", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=180,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kbassist {__version__}"


def test_search_json_on_bundled_kb() -> None:
    result = run("search", "退款进度", "--json", "--limit", "5")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 0 < len(hits) <= 5
    for hit in hits:
        assert {"id", "title", "category", "tier", "score", "path", "blocks"} <= hit.keys()
        assert all({"name", "text"} <= block.keys() for block in hit["blocks"])
    assert hits[0]["id"] == "refund-progress"
    assert Path(hits[0]["path"]).is_file()


def test_search_plain_text_and_no_results(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "refund.md").write_text(GOOD, encoding="utf-8")
    found = run("search", "tuikuan", "--kb", str(kb))
    assert found.returncode == 0, found.stderr
    assert "退款政策" in found.stdout.splitlines()[0]
    nothing = run("search", "？？？", "--kb", str(kb))
    assert nothing.returncode == 0
    assert "没有结果" in nothing.stdout


def test_missing_kb_is_one_clear_line(tmp_path: Path) -> None:
    result = run("search", "退款", "--kb", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(tmp_path / "nope") in result.stderr or "nope" in result.stderr


def test_index_reports_counts(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "refund.md").write_text(GOOD, encoding="utf-8")
    first = run("index", "--kb", str(kb))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("1 entries: 1 added")
    again = run("index", "--kb", str(kb))
    assert again.stdout.startswith("1 entries: 0 added, 0 updated, 0 removed")
    rebuilt = run("index", "--kb", str(kb), "--rebuild")
    assert rebuilt.returncode == 0
    assert "rebuilt" in rebuilt.stdout


def test_index_progress_lines_for_the_app(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    for n in range(3):
        (kb / f"refund{n}.md").write_text(GOOD.replace("id: ", f"id: n{n}-", 1), encoding="utf-8")
    result = run("index", "--kb", str(kb), "--progress-lines")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    progress = [line for line in lines if line.startswith("progress ")]
    assert progress and progress[-1] == "progress 3 3"
    assert lines[-2].startswith("3 entries: 3 added")


def test_lint_lines_and_exit_status(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text(GOOD, encoding="utf-8")
    clean = run("lint", "--kb", str(kb))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (kb / "broken.md").write_text("---\ntitle: [未闭合\n---\n# 标题\n## 话术\n你好\n", encoding="utf-8")
    (kb / "nothing.md").write_text("", encoding="utf-8")
    dirty = run("lint", "--kb", str(kb))
    assert dirty.returncode == 1
    lines = dirty.stdout.strip().splitlines()
    assert lines and all(LINT_LINE.match(line) for line in lines), lines
    assert any(line.startswith("broken.md:") and ": error: " in line for line in lines)
    assert any(line.startswith("nothing.md") and ": warning: " in line for line in lines)
    as_json = run("lint", "--kb", str(kb), "--json")
    problems = json.loads(as_json.stdout)
    assert {"path", "line", "severity", "code", "message"} <= problems[0].keys()


def test_eval_json_and_text(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "refund.md").write_text(GOOD, encoding="utf-8")
    cases = tmp_path / "cases.tsv"
    cases.write_text("# comment\n退钱\trefund-basic\ntkzc\trefund-basic\n完全无关的问题\tmissing-id\n", encoding="utf-8")
    result = run("eval", str(cases), "--kb", str(kb), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cases"] == 3
    assert report["hit@1"] == pytest.approx(2 / 3, abs=1e-3)
    assert set(report["latency_ms"]) >= {"p50", "p95"}
    assert len(report["misses"]) == 1
    text = run("eval", str(cases), "--kb", str(kb))
    assert "hit@1" in text.stdout and "完全无关的问题" in text.stdout


def test_eval_missing_cases_file(tmp_path: Path) -> None:
    result = run("eval", str(tmp_path / "none.tsv"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_installed_package_ships_the_sample_kb(tmp_path: Path, repo_root: Path) -> None:
    """A plain (non-editable) install searches the bundled kb/ with no flags."""
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "-q", "--target", str(target), str(repo_root)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    shipped = list((target / "kbassist" / "kb_data").rglob("*.md"))
    assert len(shipped) >= 40
    result = run("search", "卡密没到账", "--json", cwd=tmp_path, env={"PYTHONPATH": str(target)})
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and str(target) in hits[0]["path"]


def test_without_kb_the_configured_kb_is_used(tmp_path: Path, kbassist_home: Path) -> None:
    """kb_path from the user's settings.toml wins over the bundled sample when --kb is not given."""
    kb = tmp_path / "team-kb"
    kb.mkdir()
    (kb / "refund.md").write_text(GOOD, encoding="utf-8")
    config = kbassist_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(f"kb_path = '{kb}'\n", encoding="utf-8")
    result = run("search", "tuikuan", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [h["id"] for h in hits] == ["refund-basic"]
    lint = run("lint")
    assert lint.returncode == 0 and lint.stderr.startswith("1 entries")


def test_eval_reports_each_bad_line_once(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "refund.md").write_text(GOOD, encoding="utf-8")
    cases = tmp_path / "cases.tsv"
    cases.write_text("退钱\trefund-basic\nno tab on this line\n", encoding="utf-8")
    result = run("eval", str(cases), "--kb", str(kb))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("cases.tsv:2:") == 1


def test_no_openssl_in_the_process_and_the_same_digests() -> None:
    probe = (
        "import sys\n"
        "import kbassist.cli\n"
        "import hashlib\n"
        "print(hashlib.sha1(b'kbassist').hexdigest())\n"
        "print('libcrypto' in open('/proc/self/maps').read() if sys.platform.startswith('linux') else False)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    digest, mapped = result.stdout.split()
    import hashlib

    assert digest == hashlib.sha1(b"kbassist").hexdigest()  # this process uses OpenSSL's: the same answer
    assert mapped == "False"
