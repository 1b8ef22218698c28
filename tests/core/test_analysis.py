"""Tests for the Chinese/pinyin analysis: normalisation, pinyin splitting, initials, tokens."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kbassist.core import analysis
from kbassist.core.analysis import Segmenter


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    seg = Segmenter(tmp_path_factory.mktemp("jieba") / "jieba.cache")
    seg.load()
    return seg


def test_normalize_folds_width_case_and_traditional() -> None:
    assert analysis.normalize("ｒｅｆｕｎｄ") == "refund"
    assert analysis.normalize("ＡＰＩ对接") == "api 对接"
    assert analysis.normalize("帳號被盜了") == "账号被盗了"
    assert analysis.normalize("退款進度") == "退款进度"


def test_normalize_strips_punctuation_and_emoji() -> None:
    assert analysis.normalize("号被盗了😭！！？？") == "号被盗了"
    assert analysis.normalize("AND ( * : )") == "and"
    assert analysis.normalize("🙂🙂") == ""
    assert analysis.normalize("") == ""


def test_fold_chars_keeps_length() -> None:
    text = "帳號Ａ😭被盜"
    folded = analysis.fold_chars(text)
    assert len(folded) == len(text)
    assert folded.startswith("账号a")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("kami", ["ka", "mi"]),
        ("tuikuan", ["tui", "kuan"]),
        ("meidaozhang", ["mei", "dao", "zhang"]),
        ("kaichangbai", ["kai", "chang", "bai"]),
        ("xian", ["xian"]),
        ("zhanghao", ["zhang", "hao"]),
    ],
)
def test_split_pinyin(typed: str, expected: list[str]) -> None:
    assert analysis.split_pinyin(typed) == expected


@pytest.mark.parametrize("typed", ["kmwd", "zhbd", "invoice", "", "x" * 100])
def test_split_pinyin_rejects_non_pinyin(typed: str) -> None:
    assert analysis.split_pinyin(typed) is None


def test_pinyin_and_initials() -> None:
    assert analysis.pinyin_of("卡蜜") == analysis.pinyin_of("卡密") == ["ka", "mi"]
    assert analysis.initials_of(analysis.pinyin_of("账号被盗")) == "zhbd"
    assert analysis.initials_of(analysis.pinyin_of("卡密未到账")) == "kmwdz"
    assert analysis.pinyin_sequence("kami 过期") == ["ka", "mi", "guo", "qi"]


def test_initials_tokens_prefixes_and_word_initials(segmenter: Segmenter) -> None:
    tokens = analysis.initials_tokens(segmenter, "卡密未到账")
    assert "kmwd" in tokens and "kmwdz" in tokens and "km" in tokens
    assert all(len(t) >= 2 for t in tokens)
    tokens = analysis.initials_tokens(segmenter, "卡密兑换教程")
    assert {"kmdhjc", "dh", "jc"} <= set(tokens)


def test_pinyin_tokens_include_syllable_pairs() -> None:
    tokens = analysis.pinyin_tokens("卡密")
    assert tokens == ["ka", "mi", "ka_mi"]


def test_text_tokens_words_ngrams_latin(segmenter: Segmenter) -> None:
    tokens = analysis.text_tokens(segmenter, "卡密未到账 card code")
    assert {"未到", "到账", "卡密", "未", "账", "card", "code"} <= set(tokens)
    # domain words stay whole in jieba's output
    assert "卡密" in segmenter.words("卡密未到账")


def test_text_tokens_long_digits(segmenter: Segmenter) -> None:
    assert "2024051812000135" in analysis.text_tokens(segmenter, "订单2024051812000135")
    tokens = analysis.text_tokens(segmenter, "订单2024051812000135 100元", keep_long_digits=False)
    assert "2024051812000135" not in tokens and "100" in tokens


def test_id_words() -> None:
    assert analysis.id_words("card-not-received") == ["card", "not", "received"]


def test_jieba_cache_in_given_place_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "sub" / "jieba.cache"
    seg = Segmenter(cache)
    with caplog.at_level(logging.DEBUG, logger="kbassist.index"):
        seg.load()
    assert cache.is_file()
    captured = capsys.readouterr()
    assert "Prefix dict" not in captured.err and "Building" not in captured.err
    assert any("jieba" in r.getMessage() for r in caplog.records)


def test_regional_and_colloquial_words_read_as_the_kb_writes_them() -> None:
    assert analysis.apply_variants(analysis.normalize("儲值沒到帳")) == "充值没到账"
    assert analysis.apply_variants("啥时候发货") == "什么时候发货"
    assert analysis.apply_variants("卡密没到账") == "卡密没到账"


def test_english_terms_translate_whole_words_longest_first() -> None:
    assert analysis.english_terms("can i get a refund") == ["退款"]
    assert analysis.translate_english("card code not received") == "卡密 没收到"
    assert analysis.translate_english("refundable") == "refundable"  # whole words only
    assert analysis.english_terms("卡密没到") == []


def test_english_words_are_not_taken_for_pinyin() -> None:
    assert analysis.english_words("kami refund can") == {"refund", "can"}


def test_synonyms_are_added_not_substituted() -> None:
    assert analysis.synonym_terms("我要退钱 服务器选错了") == ["退款", "区服"]
    assert analysis.synonym_terms("卡密没到") == []
