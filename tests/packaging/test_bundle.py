"""The PyInstaller bundle: the frozen program runs its commands on the bundled data and leaves out what it does not use."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import kbassist

if TYPE_CHECKING:
    from tests.packaging.conftest import Bundle

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1200)]

MAX_BUNDLE_MB = 150
LINT_LINE = re.compile(r"^(?P<path>[^:\n]+)(?::(?P<line>\d+))?: (?P<severity>error|warning): (?P<message>.+)$")


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def bundled_files(bundle: Bundle) -> list[str]:
    return sorted(p.relative_to(bundle.folder).as_posix() for p in bundle.folder.rglob("*") if p.is_file())


# ----- running the frozen program ---------------------------------------------------------------------------------


def test_version_matches_package(run_frozen) -> None:
    proc = run_frozen(["--version"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"kbassist {kbassist.__version__}"


def test_search_json_on_bundled_kb(run_frozen, bundle: Bundle) -> None:
    proc = run_frozen(["search", "退款", "--json"])
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert isinstance(hits, list) and hits, "no hits for 退款 on the sample KB"
    for hit in hits:
        assert hit["id"] and hit["title"]
        assert isinstance(hit["blocks"], list) and hit["blocks"]
        # The sample KB inside the bundle was searched, not the one in the source tree.
        assert Path(hit["path"]).resolve().is_relative_to(bundle.contents.resolve() / "kb")
    assert any("退款" in hit["title"] for hit in hits[:3])


def test_search_uses_pinyin_and_traditional_data(run_frozen) -> None:
    # The pinyin and traditional→simplified tables are built lazily; a pinyin query and a traditional one need both.
    pinyin = run_frozen(["search", "tuikuan", "--json"])
    traditional = run_frozen(["search", "退款進度", "--json"])
    for proc in (pinyin, traditional):
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout), proc.args


def test_lint_output_format(run_frozen) -> None:
    proc = run_frozen(["lint"])
    assert proc.returncode in (0, 1), proc.stderr
    for line in proc.stdout.splitlines():
        assert LINT_LINE.match(line), f"not `path:line: severity: message`: {line!r}"
    assert re.search(r"\d+ entries, \d+ errors, \d+ warnings", proc.stderr), proc.stderr


def test_eval_json_matches_source_run(run_frozen, bundle: Bundle, frozen_env: dict[str, str], elsewhere: Path) -> None:
    cases = bundle.contents / "kb" / "eval.tsv"
    proc = run_frozen(["eval", str(cases), "--json"])
    assert proc.returncode == 0, proc.stderr
    frozen = json.loads(proc.stdout)
    assert frozen["cases"] > 0
    assert 0.0 <= frozen["hit@1"] <= 1.0
    # Same KB, same cases, same code: the frozen search must rank exactly like the source one (a missing
    # dictionary or data file would change tokenization and with it the ranking).
    source = subprocess.run(
        [sys.executable, "-m", "kbassist", "eval", str(REPO / "kb" / "eval.tsv"), "--kb", str(REPO / "kb"), "--json"],
        cwd=elsewhere,
        env={**frozen_env, "PYTHONPATH": str(REPO), "KBASSIST_HOME": str(elsewhere / "source-home")},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert source.returncode == 0, source.stderr
    expected = json.loads(source.stdout)
    assert (frozen["cases"], frozen["hit@1"], frozen["hit@3"], frozen["mrr"]) == (
        expected["cases"],
        expected["hit@1"],
        expected["hit@3"],
        expected["mrr"],
    )


def test_selftest_offscreen_and_log_file(run_frozen, frozen_env: dict[str, str]) -> None:
    proc = run_frozen(["--selftest"], QT_QPA_PLATFORM="offscreen")
    assert proc.returncode == 0, proc.stderr
    assert "selftest ok" in proc.stderr
    # When frozen the app must also log to a file in the log dir (there is no console on Windows).
    log_file = Path(frozen_env["KBASSIST_HOME"]) / "logs" / "kbassist.log"
    assert log_file.is_file(), "no log file written"
    assert "index ready" in log_file.read_text(encoding="utf-8")


def test_index_for_the_apps_child_build(run_frozen) -> None:
    # What kbassist.indexer.ChildBuilder runs, frozen: the program itself with `index --progress-lines`.
    from kbassist.indexer import parse_progress

    proc = run_frozen(["index", "--progress-lines", "--rebuild"])
    assert proc.returncode == 0, proc.stderr
    counts = [c for c in map(parse_progress, proc.stdout.splitlines()) if c is not None]
    assert counts and counts[-1][0] == counts[-1][1] >= 40  # every file of the bundled sample KB


def test_bad_kb_folder_is_a_clear_message(run_frozen, elsewhere: Path) -> None:
    proc = run_frozen(["search", "退款", "--kb", str(elsewhere / "missing")])
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "missing" in proc.stderr


# ----- what is in the folder ---------------------------------------------------------------------------------------


def test_bundle_size_limit(bundle: Bundle) -> None:
    size_mb = folder_size(bundle.folder) / 1e6
    assert size_mb <= MAX_BUNDLE_MB, f"bundle is {size_mb:.1f} MB"


def test_bundled_data_present(bundle: Bundle) -> None:
    root = bundle.contents
    assert (root / "jieba" / "dict.txt").stat().st_size > 1_000_000
    # Pinyin readings and the traditional→simplified table ship as generated modules, not as these packages' data.
    assert not (root / "pypinyin").exists() and not (root / "zhconv").exists()
    assert (root / "kb" / "eval.tsv").is_file()
    source_md = sorted(p.relative_to(REPO / "kb").as_posix() for p in (REPO / "kb").rglob("*.md"))
    bundled_md = sorted(p.relative_to(root / "kb").as_posix() for p in (root / "kb").rglob("*.md"))
    assert bundled_md == source_md
    assert (root / "resources" / "icons" / "kbassist-256.png").is_file()
    assert not (root / "resources" / "icons" / "make_icons.py").exists()


@pytest.mark.parametrize(
    "pattern",
    [
        r"(^|/)(lib)?Qt6?(Qml|Quick|Pdf|Svg|VirtualKeyboard)[^/]*$",  # unused Qt modules
        r"(^|/)PySide6/(Qt/)?qml/",
        r"(^|/)jieba/lac_small/",  # paddle-only model
        r"(^|/)jieba/(analyse|posseg)/",
        r"(^|/)(tkinter|_tkinter|unittest|pydoc_data|setuptools|pkg_resources)(/|\.|$)",
        r"(^|/)translations/(?!.*_(zh_CN|en)\.qm$)[^/]+\.qm$",  # Qt translations except zh_CN and en
        r"(^|/)translations/qt_help_",
        r"(^|/)opengl32sw\.dll$",
        r"(^|/)libgtk-3\.so",  # the GTK platform theme and its libraries
        r"(^|/)plugins/platformthemes/libqgtk3\.so$",
    ],
)
def test_excluded_parts_absent(bundle: Bundle, pattern: str) -> None:
    regex = re.compile(pattern)
    found = [f for f in bundled_files(bundle) if regex.search(f)]
    assert not found, found[:10]


def test_no_dangling_links(bundle: Bundle) -> None:
    dangling = [p.relative_to(bundle.folder).as_posix() for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_archive_modules(bundle: Bundle) -> None:
    if bundle.workpath is None:
        pytest.skip("reusing a dist folder: no PyInstaller work folder to read")
    toc = (bundle.workpath / "build" / "PYZ-00.toc").read_text(encoding="utf-8")
    modules = set(re.findall(r"\('([\w.]+)',", toc))
    # Imported lazily or by name, so only their presence in the archive shows they will be found at run time:
    # the backends (picked at start-up), markdown's extensions (loaded by name through entry points) and sqlite3.
    for name in (
        "kbassist.core.search",
        "kbassist.native.fallback",
        "kbassist.native.x11",
        "kbassist.native.win32",
        "markdown.extensions.sane_lists",
        "markdown.extensions.nl2br",
        "markdown.extensions.fenced_code",
        "markdown.extensions.tables",
        "sqlite3",
        "jieba",
    ):
        assert name in modules, name
    assert list(bundle.contents.glob("markdown-*.dist-info")), "markdown's metadata (its extension entry points)"
    if sys.platform.startswith("linux"):
        assert list(bundle.contents.rglob("_sqlite3*.so")), "the _sqlite3 extension"
    for name in ("tkinter", "unittest", "pydoc", "setuptools", "pkg_resources", "jieba.lac_small", "PySide6.QtQml", "pygments"):
        assert name not in modules, name


@pytest.mark.parametrize(("file_name", "exe_name"), [("file_version_info.txt", "kbassist"), ("file_version_info-cli.txt", "kbassist-cli")])
def test_windows_version_resource_written(
    bundle: Bundle, monkeypatch: pytest.MonkeyPatch, file_name: str, exe_name: str
) -> None:
    if bundle.workpath is None:
        pytest.skip("reusing a dist folder: no PyInstaller work folder to read")
    try:
        import pefile  # noqa: F401 - PyInstaller depends on it on Windows only
    except ImportError:
        # The text parser does not use pefile; the module only imports it at the top.
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    from PyInstaller import compat

    if not hasattr(compat, "win32api"):  # likewise a Windows-only import the parser does not use
        monkeypatch.setattr(compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    path = bundle.workpath / "build" / file_name
    info = load_version_info_from_text_file(str(path))
    text = str(info)
    assert f"'OriginalFilename', '{exe_name}.exe'" in text
    assert f"'FileVersion', '{kbassist.__version__}'" in text
    assert f"'ProductVersion', '{kbassist.__version__}'" in text
    numbers = tuple(int(n) for n in re.findall(r"\d+", kbassist.__version__)[:4])
    assert info.ffi.fileVersionMS >> 16 == numbers[0]
    assert (info.ffi.fileVersionMS & 0xFFFF, info.ffi.fileVersionLS >> 16) == numbers[1:3]
    assert len(info.toRaw()) > 200  # serializes to the binary resource PyInstaller embeds in the exe
