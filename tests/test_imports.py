"""The import directions of the house style, checked on the source (ast): core is pure, ui is thin, app composes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kbassist"
BACKEND_MODULES = ("kbassist.native.x11", "kbassist.native.win32", "kbassist.native.macos")


def imports_of(path: Path) -> set[str]:
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        module += ".__init__"
    return imports_in(path.read_text(encoding="utf-8"), module)


def imports_in(source: str, package: str) -> set[str]:
    """Every module named by an import statement anywhere in the source (also inside functions), made absolute."""
    tree = ast.parse(source)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{alias.name}" for alias in node.names)
    return out


def modules(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.glob("*.py"))


def starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_package_is_there() -> None:
    assert modules("core") and modules("ui") and (PACKAGE / "app.py").exists()


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_imports_no_qt_native_or_ui(path: Path) -> None:
    bad = {m for m in imports_of(path) if starts(m, ("PySide6", "shiboken6", "kbassist.native", "kbassist.ui", "kbassist.app"))}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", modules("ui"), ids=lambda p: p.name)
def test_ui_imports_no_whoosh_no_backend_no_index(path: Path) -> None:
    forbidden = ("whoosh", "kbassist.core.index", "kbassist.core.search", "Xlib", "kbassist.app", "ctypes") + BACKEND_MODULES
    bad = {m for m in imports_of(path) if starts(m, forbidden)}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_native_selection_imports_backends() -> None:
    """Concrete backends are picked by kbassist.native.get_backends(); the app never names one."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("native/"):
            continue  # the selection module and the backends themselves
        if any(starts(m, BACKEND_MODULES) for m in imports_of(path)):
            offenders.append(rel)
    assert offenders == []


def test_app_gets_backends_through_get_backends() -> None:
    names = imports_of(PACKAGE / "app.py")
    assert "kbassist.native.get_backends" in names


def test_settings_module_is_qt_free() -> None:
    bad = {m for m in imports_of(PACKAGE / "settings.py") if starts(m, ("PySide6", "kbassist.ui", "kbassist.native"))}
    assert not bad


def test_the_checker_sees_lazy_and_relative_imports() -> None:
    source = "def f():\n    import whoosh.index\n    from ..native import x11\n    from . import render\n"
    names = imports_in(source, "kbassist.ui.overlay")
    assert {"whoosh.index", "kbassist.native.x11", "kbassist.ui.render"} <= names
