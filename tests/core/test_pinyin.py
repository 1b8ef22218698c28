"""Tests for kbassist.core.pinyin: the same toneless pinyin as pypinyin, configured as the index always used it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist.core import analysis, importer, pinyin, pinyin_phrases

ROOT = Path(__file__).resolve().parents[2]

# pypinyin as analysis.py configured it before it stopped importing pypinyin: no phrase dictionary (and no copy of
# the character one), then only the phrases whose toneless reading differs from the first reading of each
# character, with their toned readings from pypinyin's own dictionary. In a child process, so the environment is
# set before pypinyin's first import whatever this process imported before.
_REFERENCE = r"""
import json, os, sys
os.environ["PYPINYIN_NO_PHRASES"] = "1"
os.environ["PYPINYIN_NO_DICT_COPY"] = "1"
import pypinyin
from pypinyin import Style, lazy_pinyin
from kbassist.core import pinyin_phrases

all_phrases, chars = pinyin_phrases.pypinyin_tables()
pypinyin.load_phrases_dict({p: [[r] for r in rs] for p, rs in pinyin_phrases.needed(all_phrases, chars).items()})
keep = lambda chars: [chars]  # importer.slug's errors handler
for line in sys.stdin:
    request = json.loads(line)
    if request["op"] == "chars":
        answer = sorted(pypinyin.constants.PINYIN_DICT)
    else:
        errors = keep if request["keep"] else "ignore"
        answer = [lazy_pinyin(t, style=Style.NORMAL, v_to_u=False, errors=errors) for t in request["texts"]]
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""


class Reference:
    """A child process answering with pypinyin's lazy_pinyin."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _REFERENCE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8", cwd=ROOT,
        )

    def _ask(self, request: dict[str, object]) -> object:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        assert line, "the pypinyin reference process died"
        return json.loads(line)

    def chars(self) -> list[int]:
        return self._ask({"op": "chars"})  # type: ignore[return-value]

    def convert(self, texts: list[str], *, keep: bool = False) -> list[list[str]]:
        return self._ask({"op": "convert", "texts": texts, "keep": keep})  # type: ignore[return-value]

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=30)


@pytest.fixture(scope="module")
def reference() -> Iterator[Reference]:
    ref = Reference()
    yield ref
    ref.close()


def _differences(reference: Reference, texts: list[str], *, keep: bool) -> list[tuple[str, list[str], list[str]]]:
    expected = reference.convert(texts, keep=keep)
    return [
        (text, want, got)
        for text, want in zip(texts, expected)
        if (got := pinyin.syllables(text, keep_unreadable=keep)) != want
    ]


def test_every_character_alone(reference: Reference) -> None:
    known = reference.chars()
    assert len(known) > 40_000
    chars = [chr(cp) for cp in known]
    assert _differences(reference, chars, keep=False) == []
    assert _differences(reference, chars, keep=True) == []


def test_every_code_point_up_to_the_last_chinese_block(reference: Reference) -> None:
    # Code points without a reading too: the gaps inside the generated blocks, the edges of pypinyin's ranges.
    last = max(reference.chars()) + 0x100
    chars = [chr(cp) for cp in range(last) if not 0xD800 <= cp <= 0xDFFF]
    assert _differences(reference, chars, keep=False) == []


def _kb_texts() -> list[str]:
    lines: list[str] = []
    for folder in (ROOT / "kb", ROOT / "tests"):
        for path in sorted(folder.rglob("*.md")):
            lines.extend(importer.decode_text(path.read_bytes()).splitlines())
    for line in (ROOT / "kb" / "eval.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lines.append(line.split("\t")[0])
    return lines


def test_every_kb_and_test_markdown_line_and_eval_query(reference: Reference) -> None:
    texts = _kb_texts()
    assert len(texts) > 1000
    assert _differences(reference, texts, keep=False) == []
    assert _differences(reference, texts, keep=True) == []


def test_analysis_reads_every_kb_run_as_pypinyin_does(reference: Reference) -> None:
    # The path the index and the queries take: normalised text, one call per CJK run.
    runs = sorted({
        run for text in _kb_texts() for run in analysis.runs(analysis.normalize(text)) if analysis.is_cjk(run[0])
    })
    expected = reference.convert(runs)
    assert [run for run, want in zip(runs, expected) if list(analysis.pinyin_of(run)) != want] == []


def test_phrases_and_the_prefix_quirk(reference: Reference) -> None:
    phrases = pinyin_phrases.PHRASES.split()
    assert len(phrases) > 3000
    assert _differences(reference, phrases, keep=False) == []
    assert pinyin.syllables("重复扣款") == ["chong", "fu", "kou", "kuan"]
    assert pinyin.syllables("银行行长") == ["yin", "hang", "hang", "zhang"]
    # 下不了 is the start of the phrase 下不了台 and holds no phrase of its own start: pypinyin then reads its
    # characters one by one (不了 is a phrase, but is not looked for); with one more character it is found.
    assert pinyin.syllables("下不了") == ["xia", "bu", "le"]
    assert pinyin.syllables("下不了吧") == ["xia", "bu", "liao", "ba"]
    assert _differences(reference, ["下不了", "下不了吧", "下不了台", "不到长城", "不到长城非好汉"], keep=False) == []


def test_text_without_a_reading() -> None:
    assert pinyin.syllables("") == []
    assert pinyin.syllables("", keep_unreadable=True) == [""]
    assert pinyin.syllables("abc 123，😀") == []
    assert pinyin.syllables("退款abc 12重复😀", keep_unreadable=True) == ["tui", "kuan", "abc 12", "chong", "fu", "😀"]


_PHRASES = pinyin_phrases.PHRASES.split()
_fragments = st.sampled_from(_PHRASES).flatmap(
    lambda p: st.tuples(st.integers(0, len(p) - 1), st.integers(1, len(p))).map(lambda ab: p[ab[0] : max(ab)] or p)
)
_pieces = st.one_of(
    _fragments,
    st.sampled_from(_PHRASES),
    st.text(st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF), max_size=4),  # CJK, extension A
    st.text(st.characters(min_codepoint=0x20000, max_codepoint=0x323AF), max_size=2),  # the astral extensions
    st.sampled_from(list("〇的了行长重一不还了")),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=5),  # ASCII
    st.sampled_from(list("，。！？、；：“”（）…—「」 \n\t")),
    st.sampled_from(["😀", "😤", "👍🏻", "🇨🇳", "\u200d", "\ufffd"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_pieces, max_size=8).map("".join), st.booleans())
def test_random_text_reads_as_pypinyin_does(reference: Reference, text: str, keep: bool) -> None:
    assert _differences(reference, [text], keep=keep) == []


def test_search_never_imports_pypinyin(tmp_path: Path) -> None:
    script = """
import sys
from pathlib import Path
from kbassist.core.engine import Engine

engine = Engine(Path(sys.argv[1]), Path(sys.argv[2]), jieba_cache=Path(sys.argv[3]))
engine.warm_up()
assert "pypinyin" not in sys.modules, "imported by warm_up"
engine.update()
assert engine.search("chongfu koukuan") and engine.search("重复扣款")
assert "pypinyin" not in sys.modules, "imported by a search"
engine.close()
"""
    env = {**os.environ, "KBASSIST_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "kb"), str(tmp_path / "index"), str(tmp_path / "jieba.cache")],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
