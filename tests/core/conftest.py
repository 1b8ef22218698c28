"""Fixtures shared by the core tests: a factory for knowledge-base folders.

KBASSIST_HOME is already pointed at a fresh folder for every test by the test-wide tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

KbDir = Callable[[Mapping[str, "str | bytes"]], Path]


@pytest.fixture
def kb_dir(tmp_path: Path) -> KbDir:
    """Factory: kb_dir({"a/b.md": "text" or b"bytes", ...}) writes the files and returns the KB root.

    Text is written as UTF-8 exactly as given (no newline translation). Calling it again adds files
    to the same root.
    """
    root = tmp_path / "kb"
    root.mkdir(exist_ok=True)

    def make(files: Mapping[str, str | bytes]) -> Path:
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            path.write_bytes(data)
        return root

    return make
