"""The shared plumbing of generated table modules: build once, regenerate or check the generated tail."""

from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kbassist.core.generated import Once, regenerate

ROOT = Path(__file__).resolve().parents[2]

MARKER = "# --- generated: do not edit below ---\n"


def test_once_builds_a_single_time_under_concurrent_first_use() -> None:
    builds: list[int] = []

    def build() -> list[int]:
        builds.append(1)
        time.sleep(0.05)  # long enough for every thread to arrive while the first one builds
        return [42]

    once = Once(build)
    results: list[list[int]] = []
    threads = [threading.Thread(target=lambda: results.append(once.get())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == [1]
    assert len(results) == 8 and all(r is results[0] for r in results)


def test_regenerate_writes_checks_and_keeps_the_hand_written_head(tmp_path: Path) -> None:
    module = tmp_path / "table.py"
    module.write_text('"""Hand-written head."""\n\nCODE = 1\n', encoding="utf-8")
    # First run: no marker yet, the tables are appended.
    assert regenerate(str(module), MARKER, MARKER + "A = 1\n", check=False, source="lib 1", command="gen") == 0
    assert module.read_text(encoding="utf-8") == '"""Hand-written head."""\n\nCODE = 1\n\n\n' + MARKER + "A = 1\n"
    assert regenerate(str(module), MARKER, MARKER + "A = 1\n", check=True, source="lib 1", command="gen") == 0
    # Data of a newer library version: the check fails and names the command; regenerating replaces only the tail.
    assert regenerate(str(module), MARKER, MARKER + "A = 2\n", check=True, source="lib 2", command="gen") == 1
    assert regenerate(str(module), MARKER, MARKER + "A = 2\n", check=False, source="lib 2", command="gen") == 0
    assert module.read_text(encoding="utf-8").endswith("CODE = 1\n\n\n" + MARKER + "A = 2\n")


@pytest.mark.parametrize(
    ("module", "version_name", "library"),
    [("kbassist.core.pinyin_phrases", "PINYIN_VERSION", "pypinyin"), ("kbassist.core.zhcn_table", "ZHCONV_VERSION", "zhconv")],
)
def test_committed_tables_match_the_installed_library(module: str, version_name: str, library: str) -> None:
    # Fails after an upgrade of the library that changes any table: run `python -m MODULE` and review the diff.
    assert getattr(importlib.import_module(module), version_name) == importlib.metadata.version(library)
    proc = subprocess.run([sys.executable, "-m", module, "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
