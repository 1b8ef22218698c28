"""Tests for the compact traditional → simplified conversion: the same output as zhconv.convert(text, 'zh-cn')."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import zhconv
import zhconv.zhconv as zhconv_impl

from kbassist.core import zhcn

KB = Path(__file__).resolve().parents[2] / "kb"


def test_same_table_as_zhconv() -> None:
    assert zhcn._get().table == zhconv_impl.getdict("zh-cn")  # noqa: SLF001


def test_same_output_on_the_kb() -> None:
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(KB.rglob("*.md"))]
    assert texts, "the KB folder has Markdown files"
    for text in texts:
        assert zhcn.to_simplified(text) == zhconv.convert(text, "zh-cn")


def test_same_output_on_random_traditional_strings() -> None:
    rnd = random.Random(20261123)
    keys = sorted(zhconv_impl.getdict("zh-cn"))
    # Table keys (phrases and characters, overlapping when joined), other CJK characters, latin and punctuation.
    pool = keys + [chr(c) for c in range(0x4E00, 0x9FFF, 11)] + list("ab1 ，。!")
    for _ in range(4000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 16)))
        assert zhcn.to_simplified(text) == zhconv.convert(text, "zh-cn"), text


def test_examples() -> None:
    assert zhcn.to_simplified("我幹什麼不干你事。") == "我干什么不干你事。"
    assert zhcn.to_simplified("卡密沒到帳") == "卡密没到账"
    assert zhcn.to_simplified("") == ""
    plain = "already simplified 卡密没到"
    assert zhcn.to_simplified(plain) == plain


def test_loading_does_not_import_zhconv() -> None:
    # zhconv's import pulls in pkg_resources; the table is read from zhconv's data file directly.
    import subprocess

    code = "import sys; from kbassist.core import zhcn; zhcn.to_simplified('測'); print('zhconv' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
