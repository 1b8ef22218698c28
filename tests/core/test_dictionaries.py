"""Tests for how jieba's and pypinyin's dictionaries are loaded: the compact word table and the phrase readings."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from kbassist.core import analysis, pinyin_phrases
from kbassist.core.analysis import Segmenter


def _temp_jieba_files() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("jieba*")}


@pytest.fixture(scope="module")
def reference() -> Any:
    """jieba's own tokenizer on its own dict (built in memory), with our domain words."""
    import jieba

    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as source:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(source)
    tokenizer.initialized = True
    for word in analysis.DOMAIN_WORDS:
        tokenizer.add_word(word, freq=20000)
    return tokenizer


def test_table_made_in_the_cache_folder_and_read_back(tmp_path: Path) -> None:
    before = _temp_jieba_files()
    cache = tmp_path / "cache" / "jieba.cache"
    Segmenter(cache).load()
    assert cache.is_file() and not list(cache.parent.glob("*.tmp"))
    assert _temp_jieba_files() == before  # nothing in the system temp dir
    stamp = cache.stat().st_mtime_ns
    seg = Segmenter(cache)
    seg.load()
    assert cache.stat().st_mtime_ns == stamp  # read, not made again
    assert "激活码" in seg.words("客户说激活码没到账")


def test_table_made_again_when_missing_or_damaged(tmp_path: Path) -> None:
    cache = tmp_path / "jieba.cache"
    Segmenter(cache).load()
    good = cache.read_bytes()
    for damage in (b"", good[:1000], b"not a table", good + b"x"):
        cache.write_bytes(damage)
        seg = Segmenter(cache)
        seg.load()
        assert seg.words("卡密没到账怎么办") == ["卡密", "没到", "到账", "没到账", "怎么", "怎么办"]
        assert cache.read_bytes() == good
    cache.unlink()
    Segmenter(cache).load()
    assert cache.read_bytes() == good


def test_table_answers_every_lookup_like_jieba(tmp_path: Path, reference: Any) -> None:
    keys, freqs, total = analysis.build_table(reference.get_dict_file())
    table = analysis.CompactFreq(keys, freqs)
    assert total == reference.total - 20000 * len(analysis.DOMAIN_WORDS)
    assert len(keys) == len(set(keys))  # no two words or prefixes share a hash
    # Every word and prefix jieba knows (domain words aside) with jieba's frequency; a sample of unknowns absent.
    added = {w[:n] for w in analysis.DOMAIN_WORDS for n in range(1, len(w) + 1)}  # add_word's words and prefixes
    wrong = [w for w, f in reference.FREQ.items() if w not in added and table.get(w) != f]
    assert wrong == []
    assert all(w not in table for w in ("紫罗兰独角兽", "卡密没到", "qq", "zzzz"))


def test_words_same_as_jieba(tmp_path: Path, reference: Any) -> None:
    seg = Segmenter(tmp_path / "jieba.cache")
    for text in ("我付了钱怎么还没收到卡密啊", "支付宝付款后二维码失效了", "王者荣耀点券充值失败重复扣款", "自动续费怎么取消"):
        expected = [w for w in reference.cut_for_search(text, HMM=False) if len(w) >= 2]
        assert seg.words(text) == expected


def test_unusable_cache_folder_still_segments(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    seg = Segmenter(blocker / "jieba.cache")  # its folder cannot be made: a file is in the way
    assert "退款" in seg.words("客户申请退款流程")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_no_cache_file_writes_nothing() -> None:
    before = _temp_jieba_files()
    assert "卡密" in Segmenter(None).words("卡密兑换教程")
    assert _temp_jieba_files() == before


def test_phrase_readings_in_context() -> None:
    # Parity with pypinyin is tests/core/test_pinyin.py; these are the readings the ranking depends on most.
    assert analysis.pinyin_of("重复扣款") == ["chong", "fu", "kou", "kuan"]
    assert analysis.pinyin_of("银行") == ["yin", "hang"]
    assert analysis.pinyin_of("调整额度") == ["tiao", "zheng", "e", "du"]
    assert analysis.pinyin_of("卡密") == ["ka", "mi"]
