"""Tests for searching: odd query strings never raise, triggers and exact titles first, blocks and snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist.core.analysis import Segmenter
from kbassist.core.index import IndexStore
from kbassist.core.model import Block, BlockKind, Entry
from kbassist.core.kb import load_kb
from kbassist.core.search import EntryFeatures, Ranker, Searcher, analyze_query, highlight

from _entries import small_kb, write_entry


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> tuple[Searcher, dict[str, Entry]]:
    base = tmp_path_factory.mktemp("search")
    seg = Segmenter(base / "jieba.cache")
    kb = small_kb(base / "kb")
    write_entry(kb, "到账/topup-delay.md", "topup-delay", "直充到账延迟", aliases="直充没到, 到账慢", trigger="zcyc",
                body="游戏直充的点券还没到账。")
    outcome = IndexStore(base / "index", seg).update(kb)
    entries = {e.rel_path: e for e in outcome.entries}
    s = Searcher(outcome.generation, seg)
    yield s, entries
    s.close()


def _ids(searcher: tuple[Searcher, dict[str, Entry]], query: str) -> list[str]:
    s, entries = searcher
    return [h.entry.id for h in s.search(query, entries)]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\t\n", "！？。，", "AND (", "*", ":", "title:x OR", '"', "(((", "🙂😭🔥", "\x00\x01", "a" * 10000,
     "卡密" * 5000, "\ud800", "NOT", "字段:值 AND (", "？？？？"],
)
def test_odd_queries_never_raise(searcher: tuple[Searcher, dict[str, Entry]], query: str) -> None:
    s, entries = searcher
    hits = s.search(query, entries)
    assert isinstance(hits, list)


@pytest.mark.parametrize("query", ["", "  ", "😭", "！！", "2024051812000135"])
def test_nothing_to_search_gives_empty(searcher: tuple[Searcher, dict[str, Entry]], query: str) -> None:
    s, entries = searcher
    assert s.search(query, entries) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_text_is_searchable(searcher: tuple[Searcher, dict[str, Entry]], query: str) -> None:
    s, entries = searcher
    for hit in s.search(query, entries, limit=5):
        assert hit.entry.rel_path in entries


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kmwd", "card-not-received"),
        ("KMWD", "card-not-received"),
        ("ｋｍｗｄ", "card-not-received"),
        ("卡密未到账", "card-not-received"),
        ("卡蜜没到", "card-not-received"),
        ("kami", "card-not-received"),
        ("tuikuan", "refund-policy"),
        ("退款政策", "refund-policy"),
        ("忘記密碼", "password-reset"),
        ("forgot password", "password-reset"),
        ("received", "card-not-received"),
        ("zcyc", "topup-delay"),
        ("直充没到 订单号2024051812000135 手机13812345678", "topup-delay"),
    ],
)
def test_first_hit(searcher: tuple[Searcher, dict[str, Entry]], query: str, expected: str) -> None:
    assert _ids(searcher, query)[0] == expected


def test_long_digit_runs_do_not_change_the_ranking(searcher: tuple[Searcher, dict[str, Entry]]) -> None:
    plain = _ids(searcher, "卡密没收到")
    assert _ids(searcher, "卡密没收到 2024051812000135") == plain
    assert _ids(searcher, "卡密没收到 手机13812345678 订单号 2024051812000135")[0] == plain[0]


def test_limit(searcher: tuple[Searcher, dict[str, Entry]]) -> None:
    s, entries = searcher
    assert len(s.search("卡", entries, limit=1)) <= 1
    assert s.search("卡密", entries, limit=0) == []


def test_hit_has_blocks_and_highlighted_snippet(searcher: tuple[Searcher, dict[str, Entry]]) -> None:
    s, entries = searcher
    hit = s.search("直充的点券还没到账", entries)[0]
    assert hit.entry.id == "topup-delay"
    assert hit.blocks and all(b.pasteable for b in hit.blocks)
    assert "«" in hit.snippet and "»" in hit.snippet
    assert len(hit.snippet) <= 80


def test_best_block_first() -> None:
    from kbassist.core.search import best_blocks_and_snippet

    seg = Segmenter(None)
    entry = Entry(
        id="x", title="卡密未到账", path=Path("/kb/x.md"), rel_path="x.md", category="c",
        blocks=(
            Block(BlockKind.PROBLEM, "问题", "客户没收到卡密。"),
            Block(BlockKind.SCRIPT, "话术", "您好，请稍等。"),
            Block(BlockKind.SCRIPT, "话术：补发后回访", "已为您补发，请查收。"),
            Block(BlockKind.STEPS, "解决步骤", "1. 查询。"),
        ),
    )
    blocks, _ = best_blocks_and_snippet(analyze_query("补发回访", seg), entry)
    assert blocks[0].name == "话术：补发后回访"
    assert len(blocks) == 3
    blocks, _ = best_blocks_and_snippet(analyze_query("xyz", seg), entry)
    assert blocks == entry.pasteable_blocks


def test_highlight_maps_back_to_original_text() -> None:
    out = highlight("帳號被盜了，請聯繫客服", ["账号", "被盗"])
    assert out.startswith("«帳號被盜»")


def test_query_analysis_detects_pinyin_and_initials() -> None:
    seg = Segmenter(None)
    q = analyze_query("kami meidaozhang", seg)
    assert q.latin_pinyin == ("ka", "mi", "mei", "dao", "zhang")
    q = analyze_query("kmwd", seg)
    assert q.latin_pinyin == () and q.initials == ("kmwd",)
    q = analyze_query("订单2024051812000135卡密", seg)
    assert "2024051812000135" not in q.normalized


@pytest.mark.parametrize(
    "wrapped",
    ["你好 {} 怎么办", "亲 在吗 请问{}，麻烦帮我看看 谢谢", "{} 手机号13812345678", "{}，订单号20240512123456",
     "{}？？？😭"],
)
def test_chat_filler_and_id_fields_do_not_change_the_answer(searcher: tuple[Searcher, dict[str, Entry]],
                                                            wrapped: str) -> None:
    for query in ("kmwd", "卡密没收到", "忘记密码", "tuikuan"):
        assert _ids(searcher, wrapped.format(query))[0] == _ids(searcher, query)[0]


def test_filler_alone_is_still_searched() -> None:
    from kbassist.core.search import strip_filler

    assert strip_filler("在吗") == "在吗"
    assert strip_filler("你好 卡密 怎么办") == "卡密"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kami没到", "card-not-received"),  # typed pinyin beside Chinese reads as the KB's word
        ("tuikuan zhengce", "refund-policy"),
        ("can i get a refund", "refund-policy"),  # English through the term map, function words ignored
        ("my password forgot", "password-reset"),
    ],
)
def test_mixed_pinyin_and_english_queries(searcher: tuple[Searcher, dict[str, Entry]], query: str,
                                          expected: str) -> None:
    assert _ids(searcher, query)[0] == expected


def test_homophone_typos_of_kb_words_are_corrected_but_ordinary_words_kept() -> None:
    from kbassist.core.search import _correct_homophones

    seg = Segmenter(None)
    lexicon = {"you hui quan": "优惠券", "ji fen": "积分", "ka mi": "卡密"}
    vocabulary = frozenset(lexicon.values())
    assert _correct_homophones("优会券", lexicon, vocabulary) == "优惠券"
    assert _correct_homophones("卡蜜没到", lexicon, vocabulary) == "卡密没到"
    # 几分 is a word of its own (几分钟), not a typo of 积分.
    run = "几分钟能到"
    assert _correct_homophones(run, lexicon, vocabulary, frozenset(seg.words(run))) == run


def test_pinyin_converts_through_the_kb_vocabulary_only() -> None:
    from kbassist.core.search import _convert_pinyin

    lexicon = {"ka mi": "卡密", "mei dao zhang": "没到账"}
    assert _convert_pinyin(["ka", "mi", "mei", "dao", "zhang"], lexicon) == ["卡密", "没到账"]
    assert _convert_pinyin(["zen", "me", "ka", "mi"], lexicon) == ["zenme", "卡密"]


def test_ranker_weights_cover_every_feature(searcher: tuple[Searcher, dict[str, Entry]]) -> None:
    from kbassist.core.search import PRIOR_WEIGHTS, WEIGHTS

    s, entries = searcher
    assert set(WEIGHTS) == set(PRIOR_WEIGHTS)
    q = analyze_query("卡密没到账 kami refund kmwd", s.segmenter, s.ranker.lexicon, s.ranker.vocabulary)
    for entry in entries.values():
        feats = s.ranker.features(q, entry, 1.0, 2.0, {})
        assert set(feats) <= set(WEIGHTS), set(feats) - set(WEIGHTS)
        assert all(0.0 <= v <= 1.0 for v in feats.values()), feats


def test_incremental_vocabulary_equals_a_fresh_build() -> None:
    import random

    from kbassist.core.search import Ranker

    seg = Segmenter(None)
    words = ["卡密", "卡蜜", "优惠券", "优会券", "充值", "冲值", "到账", "到帐", "退款", "兑换码", "对换码", "密码找回"]
    rnd = random.Random(7)

    def make(n: int, version: int) -> Entry:
        picked = rnd.sample(words, 3)
        return Entry(id=f"e{n}", title=picked[0] + picked[1], path=Path(f"/kb/e{n}.md"), rel_path=f"e{n}.md",
                     category="c", aliases=(picked[2], f"{picked[1]}没到{version}"[:6]),
                     blocks=(Block(BlockKind.PROBLEM, "问题", f"客户问{picked[0]}。"),))

    ranker = Ranker(seg)
    current = {n: make(n, 0) for n in range(12)}
    for step in range(40):
        n = rnd.randrange(16)
        if n in current and rnd.random() < 0.3:
            del current[n]  # removed
        else:
            current[n] = make(n, step)  # added or changed
        entries = list(current.values())
        ranker.prime(entries)
        fresh = Ranker(seg)
        fresh.prime(list(reversed(entries)))  # the order entries come in does not matter
        assert ranker.lexicon == fresh.lexicon
        assert ranker.vocabulary == fresh.vocabulary
    assert "ka mi" in ranker.lexicon


def test_priming_only_changed_entries_equals_a_fresh_ranker(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path / "jieba.cache")
    kb = small_kb(tmp_path / "kb")
    before = load_kb(kb).entries
    ranker = Ranker(seg)
    ranker.prime(before)
    write_entry(kb, "退款/refund-policy.md", "refund-policy", "退货退款规定", aliases="怎么退货, 卡密退款",
                trigger="tkzc")
    edited = {e.rel_path: e for e in load_kb(kb).entries}["退款/refund-policy.md"]
    after = [edited if e.rel_path == edited.rel_path else e for e in before]
    assert ranker.prime(after, [edited]) == 1
    fresh = Ranker(seg)
    fresh.prime(after)
    for entry in after:
        # Unchanged entries keep their features object; every entry's features equal freshly computed ones.
        assert ranker.features_of(entry) == EntryFeatures.of(entry, seg) == fresh.features_of(entry)
    assert ranker.features_of(before[0]) is ranker.features_of(after[0])
    assert dict(ranker.lexicon) == dict(fresh.lexicon) and ranker.vocabulary == fresh.vocabulary
    assert "退货" in ranker.vocabulary and ranker.lexicon.get("tui huo") == "退货"


def test_a_changed_hint_that_does_not_fit_primes_everything(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path / "jieba.cache")
    kb = small_kb(tmp_path / "kb")
    entries = load_kb(kb).entries
    ranker = Ranker(seg)
    ranker.prime(entries[:2])
    # Three entries after two were primed: the hint (nothing changed) is wrong, so all entries are looked at.
    assert ranker.prime(entries, []) == 1
    fresh = Ranker(seg)
    fresh.prime(entries)
    assert dict(ranker.lexicon) == dict(fresh.lexicon) and ranker.vocabulary == fresh.vocabulary


def test_remembered_document_frequencies_change_no_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kbassist.core import search

    seg = Segmenter(tmp_path / "jieba.cache")
    kb = small_kb(tmp_path / "kb")
    outcome = IndexStore(tmp_path / "index", seg).update(kb)
    entries = {e.rel_path: e for e in outcome.entries}
    queries = ["卡密没到账", "退款", "kmwd", "忘记密码怎么办", "卡密没到账", "tuikuan", "退款"]
    fresh = []
    for query in queries:  # a new searcher per query: nothing remembered
        s = Searcher(outcome.generation, seg)
        fresh.append([(h.entry.id, h.score, h.snippet) for h in s.search(query, entries)])
        s.close()
    monkeypatch.setattr(search, "DF_CACHE_SIZE", 3)  # full after every few terms: cleared while in use
    reused = Searcher(outcome.generation, seg)
    try:
        assert [[(h.entry.id, h.score, h.snippet) for h in reused.search(q, entries)] for q in queries] == fresh
        assert 0 < len(reused._df) <= 3
    finally:
        reused.close()


_TEXT_PIECES = ["卡密", "卡", "密码", "充值", "值", "到账", "没到", "退款", "款", "兑换", "换", "kami", "refund", "ab",
                "q币", "2024", " ", "，", "|"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TEXT_PIECES), min_size=0, max_size=5).map("".join), min_size=1,
                max_size=5),
       st.sampled_from(["card-not-received", "x", "refund-2"]))
def test_compact_features_answer_membership_like_the_sets_they_replace(texts: list[str], entry_id: str) -> None:
    from kbassist.core import analysis

    seg = Segmenter(None)
    title, aliases, tags = texts[0], tuple(texts[1:3]), tuple(texts[3:])
    entry = Entry(id=entry_id, title=title, path=Path("/kb/x.md"), rel_path="x.md", category="c", aliases=aliases,
                  tags=tags)
    f = EntryFeatures.of(entry, seg)
    # The sets the ranking used to keep, computed here the plain way.
    chars: set[str] = set()
    pairs: set[str] = set()
    syllables: set[str] = set()
    py_pairs: set[tuple[str, str]] = set()
    latin: set[str] = set(analysis.id_words(entry_id))
    word_initials: set[str] = set()
    for n, text in enumerate((title, *aliases, *tags)):
        normalized = analysis.normalize(text)
        for run in analysis.runs(normalized):
            if analysis.is_cjk(run[0]):
                chars.update(run)
                pairs.update(analysis.bigrams(run))
                if n <= len(aliases):  # title and aliases only
                    for word in seg.words(run) if len(run) >= 3 else [run]:
                        word_initials.add(analysis.initials_of(analysis.pinyin_of(word)))
            elif run.isalpha():
                latin.add(run)
        syl = analysis.pinyin_sequence(normalized)
        syllables.update(syl)
        py_pairs.update(zip(syl, syl[1:]))
    word_initials = {w for w in word_initials if len(w) >= 2}
    probe_chars = sorted(set("".join(_TEXT_PIECES)) | {"|", "了"})
    for c in probe_chars:
        if analysis.is_cjk(c):  # the query side only ever asks about CJK characters and pairs
            assert (c in f.head_runs) == (c in chars), c
            for d in probe_chars:
                if analysis.is_cjk(d):
                    assert (c + d in f.head_runs) == (c + d in pairs), c + d
    probe_syllables = sorted(syllables | {"ka", "mi", "zhi", "kuan", "dui", "ma", "ab", "a", "b"})
    for s in probe_syllables:
        assert (f" {s} " in f.head_pinyin) == (s in syllables), s
        for t in probe_syllables:
            assert (f" {s} {t} " in f.head_pinyin) == ((s, t) in py_pairs), (s, t)
    for w in sorted(latin | {"kami", "refund", "card", "not", "ab", "a", "re", "fund"}):
        assert (f" {w} " in f.head_latin) == (w in latin), w
    for w in sorted(word_initials | {"km", "k", "mm", "cz", "dh", "tk", "kmm"}):
        assert (f" {w} " in f.word_initials) == (w in word_initials), w
    # Equal entries give equal features whatever the order the sets happened to iterate in.
    assert EntryFeatures.of(entry, seg) == f


def test_compact_feature_strings() -> None:
    from kbassist.core.search import _keys, _runs_text, _splits_into

    assert _keys([]) == "" and _runs_text([]) == ""  # no entry pays for an empty container
    assert _keys(["mi", "ka", "ka"]) == " ka mi "
    # A run inside another adds no character or pair; order never depends on how the set iterated.
    assert _runs_text(["卡密没到", "卡密", "退款", "密没"]) == _runs_text(["退款", "卡密没到"]) == "卡密没到|退款"
    assert "密退" not in _runs_text(["卡密", "退款"])  # no pair across two runs
    assert _splits_into("dhkm", _keys(["km", "dh"]))
    assert not _splits_into("dhkm", _keys(["km", "dhk"]))
    assert not _splits_into("kmkm", _keys(["km"]))  # each piece once
    assert not _splits_into("dhkm", "")
