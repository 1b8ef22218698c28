"""The UI package takes PySide6's __feature__ import hook off, so imports do not leave module sources in memory."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import kbassist.ui  # noqa: F401 - the package under test; importing it is the whole act


def test_an_import_after_pyside_leaves_no_source_in_linecache(tmp_path: Path, monkeypatch) -> None:
    module = tmp_path / "kbassist_probe_module.py"
    module.write_text("VALUE = 1\n" + "# padding line\n" * 1000, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        exec("import kbassist_probe_module", {})  # an import statement, the path PySide6's hook wraps
        assert sys.modules["kbassist_probe_module"].VALUE == 1
        assert str(module) not in linecache.cache
    finally:
        sys.modules.pop("kbassist_probe_module", None)
        importlib.invalidate_caches()


def test_pyside_still_imports_lazily_after_the_hook_is_off(qapp) -> None:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown("**粗体**")
    assert "粗体" in document.toPlainText()
