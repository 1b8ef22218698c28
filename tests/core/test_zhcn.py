"""Tests for the compact traditional → simplified conversion: the same output as zhconv.convert(text, 'zh-cn')."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import zhconv
import zhconv.zhconv as zhconv_impl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist.core import importer, zhcn, zhcn_table

ROOT = Path(__file__).resolve().parents[2]
TABLE = dict(zhconv_impl.getdict("zh-cn"))  # zhconv's effective zh-cn table: zh2Hans updated by zh2CN
KEYS = sorted(TABLE)
PHRASE_KEYS = [k for k in KEYS if len(k) > 1]


def _differences(texts: list[str]) -> list[tuple[str, str, str]]:
    return [(t, want, got) for t in texts if (got := zhcn.to_simplified(t)) != (want := zhconv.convert(t, "zh-cn"))]


def test_generated_strings_hold_zhconvs_table() -> None:
    sep = zhcn_table.SEPARATOR
    phrases = zhcn_table.PHRASES.split(sep)
    targets = zhcn_table.PHRASE_TARGETS.split(sep)
    assert phrases[-1] == targets[-1] == ""  # each item ends with the separator
    table = dict(zip(zhcn_table.SOURCES, zhcn_table.TARGETS, strict=True))
    table.update(zip(phrases[:-1], targets[:-1], strict=True))
    assert len(table) == len(zhcn_table.SOURCES) + len(phrases) - 1  # no key twice
    assert table == TABLE


def test_every_key_alone() -> None:
    assert len(KEYS) > 10_000
    assert _differences(KEYS) == []


def test_every_pair_of_phrase_keys() -> None:
    # A phrase followed by a phrase, and by the start of one: the longest-match rule across the boundary.
    texts = [a + b for a, b in zip(PHRASE_KEYS, PHRASE_KEYS[1:] + PHRASE_KEYS[:1])]
    texts += [a + b[: len(b) // 2 + 1] for a, b in zip(PHRASE_KEYS[::-1], PHRASE_KEYS)]
    texts += [a[1:] + b for a, b in zip(PHRASE_KEYS, PHRASE_KEYS[7:])]
    assert _differences(texts) == []


def _kb_texts() -> list[str]:
    lines: list[str] = []
    for folder in (ROOT / "kb", ROOT / "tests"):
        for path in sorted(folder.rglob("*.md")):
            lines.extend(importer.decode_text(path.read_bytes()).splitlines())  # service-hours.md is GBK
    for line in (ROOT / "kb" / "eval.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lines.append(line.split("\t")[0])
    return lines


def test_every_kb_and_test_markdown_line_and_eval_query() -> None:
    texts = _kb_texts()
    assert len(texts) > 1000
    assert _differences(texts) == []
    assert _differences(["\n".join(texts)]) == []  # and all of it as one text


def test_examples() -> None:
    assert zhcn.to_simplified("我幹什麼不干你事。") == "我干什么不干你事。"
    assert zhcn.to_simplified("卡密沒到帳") == "卡密没到账"
    assert zhcn.to_simplified("乾隆年間，軟體乾燥") == zhconv.convert("乾隆年間，軟體乾燥", "zh-cn")
    assert zhcn.to_simplified("") == ""
    plain = "already simplified 卡密没到"
    assert zhcn.to_simplified(plain) == plain
    # Characters beyond the translate table: halfwidth corner brackets and CJK extension B.
    assert _differences(["｢帳號｣", "\U00020000帳\U0002a6d6", "𠁞帳號😀"]) == []


# Table keys whole and in pieces, other CJK characters (the BMP blocks and the extensions beyond it), ASCII,
# punctuation and emoji, joined so that keys overlap and abut.
_fragments = st.sampled_from(PHRASE_KEYS).flatmap(
    lambda p: st.tuples(st.integers(0, len(p) - 1), st.integers(1, len(p))).map(lambda ab: p[ab[0] : max(ab)] or p)
)
_pieces = st.one_of(
    st.sampled_from(KEYS),
    st.sampled_from(PHRASE_KEYS),
    _fragments,
    st.sampled_from([TABLE[k] for k in PHRASE_KEYS]),  # targets: mostly simplified text that holds phrase starts
    st.text(st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF), max_size=4),
    st.text(st.characters(min_codepoint=0xF900, max_codepoint=0xFFEF), max_size=2),  # compatibility, halfwidth
    st.text(st.characters(min_codepoint=0x20000, max_codepoint=0x323AF), max_size=2),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=5),
    st.sampled_from(list("，。！？、；：“”（）《》〈〉「」『』·… \n\t")),
    st.sampled_from(["😀", "😤", "👍🏻", "🇨🇳", "\u200d", "\ufffd"]),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_pieces, max_size=10).map("".join))
def test_random_text_converts_as_zhconv_does(text: str) -> None:
    assert zhcn.to_simplified(text) == zhconv.convert(text, "zh-cn")


def test_converting_neither_imports_zhconv_nor_reads_its_data() -> None:
    # zhconv's import pulls in pkg_resources, and its data file decodes to megabytes of objects.
    code = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
from kbassist.core import zhcn
assert zhcn.to_simplified("測試") == "测试"
print("zhconv" in sys.modules, any("zhcdict" in path for path in opened))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]
