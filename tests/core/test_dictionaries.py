"""Tests for how jieba's and pypinyin's dictionaries are loaded: the trimmed word list and the phrase readings."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from kbassist.core import analysis, index, pinyin_phrases
from kbassist.core.analysis import Segmenter
from kbassist.core.index import IndexStore

from _entries import small_kb


def _jieba_words() -> dict[str, int]:
    import jieba

    with jieba.Tokenizer().get_dict_file() as source:
        return {w.decode(): int(f) for w, f, *_ in (line.split(b" ") for line in source)}


def _temp_jieba_files() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("jieba*")}


def test_trimmed_dictionary_is_made_in_the_cache_folder(tmp_path: Path) -> None:
    before = _temp_jieba_files()
    cache = tmp_path / "cache" / "jieba.cache"
    seg = Segmenter(cache)
    seg.load()
    assert seg.dictionary_file is not None and seg.dictionary_file.parent == cache.parent
    assert seg.dictionary_file.is_file() and cache.is_file()
    assert not list(cache.parent.glob("*.tmp"))
    assert _temp_jieba_files() == before  # nothing in the system temp dir
    assert "退款" in seg.words("申请退款流程")


def test_trimmed_dictionary_keeps_common_words_and_characters_drops_rare_ones(tmp_path: Path) -> None:
    words = _jieba_words()
    rare = next(w for w, f in words.items() if len(w) >= 2 and f < analysis.JIEBA_MIN_FREQ)
    common = next(w for w, f in words.items() if len(w) >= 2 and f >= analysis.JIEBA_MIN_FREQ)
    rare_char = next(w for w, f in words.items() if len(w) == 1 and f < analysis.JIEBA_MIN_FREQ)
    written = analysis.write_trimmed_dictionary(tmp_path / "dict.txt")
    kept = {line.split(" ")[0] for line in written.read_text(encoding="utf-8").splitlines()}
    assert common in kept and rare_char in kept and rare not in kept
    assert len(kept) < len(words) / 2


def test_trimmed_dictionary_made_again_when_missing(tmp_path: Path) -> None:
    cache = tmp_path / "jieba.cache"
    first = Segmenter(cache)
    first.load()
    assert first.dictionary_file is not None
    first.dictionary_file.unlink()
    cache.unlink()
    second = Segmenter(cache)
    second.load()
    assert first.dictionary_file.is_file() and cache.is_file()
    assert second.words("卡密没到账怎么办") == first.words("卡密没到账怎么办")


def test_unusable_cache_folder_builds_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    seg = Segmenter(blocker / "jieba.cache")  # its folder cannot be made: a file is in the way
    seg.load()
    reference = Segmenter(tmp_path / "ok" / "jieba.cache")
    assert seg.words("客户申请退款流程") == reference.words("客户申请退款流程")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_no_cache_file_writes_nothing(tmp_path: Path) -> None:
    before = _temp_jieba_files()
    seg = Segmenter(None)
    assert seg.dictionary_file is None
    assert "卡密" in seg.words("卡密兑换教程")
    assert _temp_jieba_files() == before


def test_pypinyin_keeps_only_the_needed_phrases() -> None:
    import pypinyin  # here, not at the top: the analysis module must be the one that first imports it

    assert len(pypinyin.constants.PHRASES_DICT) < 10_000  # the full table has 47k phrases
    assert analysis.pinyin_of("重复扣款") == ["chong", "fu", "kou", "kuan"]
    assert analysis.pinyin_of("银行") == ["yin", "hang"]
    assert analysis.pinyin_of("调整额度") == ["tiao", "zheng", "e", "du"]
    assert analysis.pinyin_of("卡密") == ["ka", "mi"]


def test_phrase_table_matches_installed_pypinyin() -> None:
    # Fails after a pypinyin upgrade that changes readings: run `python -m kbassist.core.pinyin_phrases`.
    expected = pinyin_phrases.needed(*pinyin_phrases.pypinyin_tables())
    assert {p: [r[0] for r in rs] for p, rs in pinyin_phrases.phrases().items()} == expected


def test_index_made_with_another_dictionary_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seg = Segmenter(tmp_path / "jieba.cache")
    kb = small_kb(tmp_path / "kb")
    IndexStore(tmp_path / "index", seg).update(kb)
    monkeypatch.setattr(analysis, "DICTIONARY_TAG", "jieba-other")
    assert index.stamp()["dictionary"] == "jieba-other"
    outcome = IndexStore(tmp_path / "index", seg).update(kb)
    assert outcome.rebuilt and outcome.rebuild_reason and "version changed" in outcome.rebuild_reason
