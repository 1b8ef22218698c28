"""Searching the index (the only Whoosh reader): query analysis, BM25-style candidates, a feature re-ranker, snippets."""

from __future__ import annotations

import heapq
import logging
import math
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher

from kbassist.core import analysis
from kbassist.core.analysis import STOP_CHARS, Segmenter, is_cjk
from kbassist.core.model import Block, Entry, Hit

log = logging.getLogger("kbassist.search")

MAX_QUERY_CHARS = 200  # longer pastes are cut: the first sentences carry the question
MAX_TERMS = 32  # a cap on Whoosh terms keeps a pasted paragraph as fast as a keyword
# Terms in more than this share of the documents (and more than COMMON_MIN_DOCS) find nothing specific; skipping
# them keeps the postings Whoosh walks small on big KBs. The re-ranker still sees the characters.
COMMON_SHARE = 0.2
COMMON_MIN_DOCS = 100
POSTINGS_BUDGET = 3000
SATURATION_K1 = 1.2  # BM25's term-frequency saturation
CANDIDATES = 20  # candidates handed to the re-ranker (eval results identical for 15-30; fewer is faster)
DF_CACHE_SIZE = 50_000  # document frequencies a Searcher remembers (a few MB at most)
SNIPPET_CHARS = 60

# Re-ranker weights, one per feature of Ranker.features (each feature is in [0, 1]). Fitted by
# benchmarks/fit_ranker.py: pairwise logistic regression (expected entry vs every other candidate) on the tuning
# cases of kb/eval.tsv, with an L2 penalty that pulls each weight towards the editorial prior in PRIOR_WEIGHTS, so
# features with little evidence in the cases keep their hand-set meaning instead of being fitted to a few queries.
PRIOR_WEIGHTS: dict[str, float] = {
    "trigger": 12.0,  # the query is the entry's trigger: the agent's own shortcut, always first
    "trigger_prefix": 4.0,
    "exact": 7.0,  # the query is the title or an alias
    "title": 0.3,  # the match is in the title rather than an alias: a mild preference
    "contained": 3.0,  # a whole title/alias appears inside the query (pasted sentences)
    "query_in": 2.5,  # the whole query appears inside a title/alias (short keyword)
    "lcs": 2.0,  # longest common substring with one title/alias, relative to both lengths
    "dice": 2.0,  # character Dice similarity with the closest title/alias
    "head_cov": 1.0,  # share of a title/alias's characters the query contains, in any order
    "chars": 1.5,  # idf-weighted share of the query's characters found in title/aliases/tags
    "bigrams": 2.5,  # idf-weighted share of the query's bigrams found in title/aliases/tags
    # Pinyin evidence counts only beyond what the characters already matched: homophones, typed pinyin.
    "py_extra": 1.2,
    "py_bigrams_extra": 2.0,
    "py_lcs_extra": 1.6,
    "py_dice_extra": 1.6,
    "initials": 5.0,  # typed initials equal to a title/alias's initials
    "word_initials": 3.5,  # typed initials that are word initials of a title/alias in another order (dhkm)
    "latin": 2.0,  # share of English words found in title/aliases/id
    "bm25": 2.0,  # the candidate score (BM25-style over all fields), relative to the best candidate
    # idf-weighted share of the query's bigrams in the 问题 section (the customer's words), then anywhere in the
    # entry (scripts and steps too), each beyond the share the title/aliases matched.
    "problem_extra": 3.0,
    "body_extra": 1.0,
    "body_chars": 0.5,  # idf-weighted share of the query's characters in the 问题 section
}
# Fitted on all 483 tuning cases (benchmarks/fit_ranker.py --all; penalty chosen by 4-fold CV on parts A+B1).
WEIGHTS: dict[str, float] = {
    "trigger": 12.00, "trigger_prefix": 4.00, "exact": 7.00, "title": 2.64, "contained": 3.45, "query_in": 2.01,
    "lcs": 0.79, "dice": 3.17, "head_cov": 2.91, "chars": 2.89, "bigrams": 1.39, "py_extra": 0.96,
    "py_bigrams_extra": 2.19, "py_lcs_extra": 1.46, "py_dice_extra": 2.06, "initials": 5.00, "word_initials": 3.51,
    "latin": 2.70, "bm25": 3.47, "problem_extra": 2.79, "body_extra": 3.15, "body_chars": 4.55,
}


@dataclass(frozen=True)
class QueryInfo:
    """Everything the ranking needs to know about a query, computed once."""

    normalized: str
    compact: str
    cjk_runs: tuple[str, ...]
    cjk: str  # the Chinese characters of the query, run together
    latin: tuple[str, ...]
    chars: tuple[str, ...]  # distinct CJK characters, stop characters removed
    bigrams: tuple[str, ...]  # distinct CJK bigrams
    words: tuple[str, ...]  # jieba words of the CJK runs
    syllables: tuple[str, ...]  # pinyin of the whole query (Chinese through pypinyin, latin split as pinyin)
    latin_pinyin: tuple[str, ...]  # syllables from latin runs that are typed pinyin
    initials: tuple[str, ...]  # latin runs that may be typed initials
    char_set: frozenset[str] = frozenset()  # every CJK character, stop characters included
    syllable_set: frozenset[str] = frozenset()
    syllable_pairs: tuple[str, ...] = ()  # "ka_mi" for each neighbouring pair
    syllable_code: str = ""  # the syllables as a syllable_string
    converted: str = ""  # the query with English and typed pinyin read as Chinese, when that changed anything
    # Needles for the entries' delimited key strings (see _keys), made once per query instead of once per candidate:
    # " ka " per syllable, " ka mi " per neighbouring pair, " refund " per latin word, " kmwd " per typed initials.
    syllable_keys: tuple[str, ...] = ()
    pair_keys: tuple[str, ...] = ()
    latin_keys: tuple[str, ...] = ()
    initials_keys: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.compact


# Chat boilerplate around the actual question (greetings, "what do I do", "order number …"). Pasted customer
# messages are full of it and it matched entries about greetings or any "怎么办" alias instead of the problem.
FILLER = ("你好", "您好", "亲", "在吗", "在不在", "有人吗", "人呢", "请问", "怎么办", "怎么回事", "什么情况", "谢谢",
          "麻烦", "急用", "急急急", "订单号", "单号", "帮我看看", "帮忙看看", "帮我看下", "帮我查一下", "帮我查查",
          "看一下", "老板")
_FILLER_RE = re.compile("|".join(sorted(FILLER, key=len, reverse=True)))
# A label followed by a number is a data field the customer pasted (手机号13812345678), not part of the question.
_ID_FIELD_RE = re.compile(
    r"(?:订单号|订单编号|订单|单号|手机号码|手机号|手机|电话号码|电话|qq号|qq|微信号|账号|卡号|交易号|流水号|uid|id)"
    r"\s*(?:是|为)?\s*\d{%d,}" % analysis.LONG_DIGITS
)


def strip_filler(normalized: str) -> str:
    """The query without chat filler; unchanged when nothing else would be left (在吗 alone is a greeting)."""
    stripped = " ".join(_FILLER_RE.sub(" ", normalized).split())
    return stripped if stripped else normalized


def _as_chinese(normalized: str, english: set[str], lexicon: Mapping[str, str],
                vocabulary: frozenset[str] = frozenset(), segmenter: Segmenter | None = None) -> str:
    """The query read in the KB's Chinese words: English terms translated, typed pinyin converted, homophone typos
    of KB words corrected (卡蜜 → 卡密), neighbouring Chinese runs joined.

    Pinyin goes through lexicon (syllables joined by spaces → the KB word with that reading); only spans of two or
    more syllables are converted, since one syllable has too many characters to guess from.
    """
    text = normalized
    if english:
        text = analysis.translate_english(text)
    out: list[str] = []
    pending: list[str] = []  # syllables of consecutive typed-pinyin runs: "chongfu kou kuan" reads as one phrase

    def flush() -> None:
        if pending:
            for piece in _convert_pinyin(pending, lexicon):
                _append(out, piece)
            pending.clear()

    for run in analysis.runs(text):
        if lexicon and run.isascii() and run.isalpha() and run not in english:
            syllables = analysis.split_pinyin(run)
            if syllables:
                pending.extend(syllables)
                continue
        flush()
        if run in analysis.ENGLISH_STOP:
            continue  # "where is my card code" reads 在哪卡密
        if vocabulary and is_cjk(run[0]) and len(run) >= 2:
            known = frozenset(segmenter.words(run)) if segmenter is not None else frozenset()
            run = _correct_homophones(run, lexicon, vocabulary, known)
        _append(out, run)
    flush()
    return " ".join(out)


def _append(out: list[str], run: str) -> None:
    if out and is_cjk(run[0]) and is_cjk(out[-1][-1]):
        out[-1] += run  # neighbouring Chinese runs read as one (卡密 + 没到)
    else:
        out.append(run)


def _convert_pinyin(syllables: list[str], lexicon: Mapping[str, str]) -> list[str]:
    """Longest-first conversion of syllables through the KB's vocabulary; syllables that convert to nothing stay
    as pinyin text (one run per unconverted stretch)."""
    out: list[str] = []
    rest: list[str] = []
    i = 0
    n = len(syllables)
    while i < n:
        for j in range(min(n, i + 6), i + 1, -1):
            word = lexicon.get(" ".join(syllables[i:j]))
            if word:
                if rest:
                    out.append("".join(rest))
                    rest = []
                out.append(word)
                i = j
                break
        else:
            rest.append(syllables[i])
            i += 1
    if rest:
        out.append("".join(rest))
    return out


def _correct_homophones(run: str, lexicon: Mapping[str, str], vocabulary: frozenset[str],
                        known: frozenset[str] = frozenset()) -> str:
    """Replace spans that are not KB words but read exactly like one and share a character with it (优会券 → 优惠券):
    the typo an input method makes. Spans that are KB words or ordinary words (known: jieba's words of the run,
    so 几分钟 never becomes 积分钟) are kept as typed."""
    out: list[str] = []
    i = 0
    n = len(run)
    # One pinyin call for the run (pypinyin is the slow part of a long pasted sentence); one syllable per character.
    syllables = analysis.pinyin_of(run)
    if len(syllables) != n:
        return run
    while i < n:
        step = 0
        for j in range(min(n, i + 4), i + 1, -1):
            if run[i:j] in vocabulary:
                out.append(run[i:j])
                step = j - i
                break
        if not step:
            for j in range(min(n, i + 4), i + 1, -1):
                span = run[i:j]
                if span in known:
                    continue
                word = lexicon.get(" ".join(syllables[i:j]))
                if word and len(word) == len(span) and any(a == b for a, b in zip(word, span)):
                    out.append(word)
                    step = j - i
                    break
        if not step:
            out.append(run[i])
            step = 1
        i += step
    return "".join(out)


def analyze_query(
    text: str,
    segmenter: Segmenter,
    lexicon: Mapping[str, str] | None = None,
    vocabulary: frozenset[str] = frozenset(),
) -> QueryInfo:
    """Normalise and take apart a query; never raises. lexicon maps pinyin to the KB's words, vocabulary is the set
    of the KB's words (typed pinyin and homophone typos are read through them)."""
    text = (text or "")[: MAX_QUERY_CHARS * 2]
    normalized = _ID_FIELD_RE.sub(" ", analysis.normalize(text))
    parts = [p for p in normalized.split(" ") if p and not (p.isdigit() and len(p) >= analysis.LONG_DIGITS)]
    normalized = " ".join(parts)[:MAX_QUERY_CHARS]
    normalized = analysis.apply_variants(strip_filler(normalized))
    # English words and typed pinyin are read as the KB's Chinese wording (refund → 退款, kami → 卡密), in place,
    # so "kami没到" is compared as 卡密没到; the latin words still count as themselves (ids, English aliases).
    english = analysis.english_words(normalized)
    reading = _as_chinese(normalized, english, lexicon or {}, vocabulary, segmenter)
    synonyms = [w for w in analysis.synonym_terms(reading) if w not in reading]
    # Synonyms are separate runs after the query: no character pairs across the joins.
    expanded = " ".join([reading, *synonyms]) if synonyms else reading
    runs = analysis.runs(normalized)
    cjk_runs = tuple(r for r in analysis.runs(expanded) if is_cjk(r[0]))
    latin = tuple(r for r in runs if r.isalpha() and r.isascii() and r not in analysis.ENGLISH_STOP)
    chars: dict[str, None] = {}
    bigram_set: dict[str, None] = {}
    words: dict[str, None] = {}
    for run in cjk_runs:
        for ch in run:
            if ch not in STOP_CHARS:
                chars[ch] = None
        for bg in analysis.bigrams(run):
            bigram_set[bg] = None
        if len(run) >= 3:
            for w in segmenter.words(run):
                words[w] = None
    syllables_list: list[str] = []
    latin_pinyin: list[str] = []
    initials: list[str] = []
    for run in runs:
        if is_cjk(run[0]):
            syllables_list.extend(analysis.pinyin_of(run))
        elif run.isalpha() and run.isascii() and run not in english:
            split = analysis.split_pinyin(run)
            if split:
                syllables_list.extend(split)
                latin_pinyin.extend(split)
            if 2 <= len(run) <= 8:
                initials.append(run)
    syllables = tuple(syllables_list)
    return QueryInfo(
        normalized=normalized,
        compact=normalized.replace(" ", ""),
        converted=reading.replace(" ", "") if reading != normalized else "",
        cjk_runs=cjk_runs,
        cjk="".join(cjk_runs),
        latin=latin,
        chars=tuple(chars),
        bigrams=tuple(bigram_set),
        words=tuple(words),
        syllables=syllables,
        latin_pinyin=tuple(latin_pinyin),
        initials=tuple(initials),
        char_set=frozenset(c for run in cjk_runs for c in run),
        syllable_set=frozenset(syllables),
        syllable_pairs=tuple(f"{a}_{b}" for a, b in zip(syllables, syllables[1:])),
        syllable_code=syllable_string(syllables),
        syllable_keys=tuple(f" {s} " for s in syllables),
        pair_keys=tuple(f" {a} {b} " for a, b in zip(syllables, syllables[1:])),
        latin_keys=tuple(f" {w} " for w in latin),
        initials_keys=tuple(f" {w} " for w in initials),
    )


@dataclass
class EntryFeatures:
    """The parts of an entry the re-ranker compares with the query, prepared once per entry version.

    The ranking only asks whether a character, pair, syllable or word occurs, so those are kept as short strings
    tested with `in` (C speed, exact; see _runs_text and _keys) instead of a frozenset each: those sets (200 bytes
    to 2 kB even for a few strings) were most of the features' resident memory.
    """

    heads: tuple[str, ...]  # compact title first, then aliases
    # The Chinese runs of title/aliases/tags, "|"-joined (runs inside another run left out): a CJK character or
    # pair occurs in it exactly when it occurs in one of the runs.
    head_runs: str
    # The syllables of each title/alias/tag in order, each text as " ka mi " and the texts "|"-joined: " ka " occurs
    # exactly when the syllable does, " ka mi " exactly when the two are neighbours in one text.
    head_pinyin: str
    head_initials: tuple[str, ...]
    head_latin: str  # _keys of the English words of the id, title, aliases and tags
    trigger: str
    # per title/alias: its distinct syllables, sorted (a tuple: a set per alias cost most of the features' memory;
    # the per-alias character sets are head_cjk's characters, so they are not stored at all)
    head_py_sets: tuple[tuple[str, ...], ...]
    head_py_seqs: tuple[str, ...]  # per title/alias: its syllables in order, as syllable_string
    head_cjk: tuple[str, ...]  # per title/alias: its Chinese characters only
    word_initials: str  # _keys of the initials of each jieba word of the title/aliases: 卡密→km, 兑换→dh
    # The Chinese runs of the 问题 section (written in the customer's words) and of every section (customers
    # describe problems in the scripts' words too), "|"-joined. Kept as text, not sets of pairs: `pair in text` is
    # fast on a section this size and costs a fraction of the memory on a 5k-entry KB.
    problem_cjk: str = ""
    body_cjk: str = ""
    head_words: tuple[str, ...] = ()  # jieba words and short runs of title/aliases/tags: the typed-pinyin vocabulary

    @classmethod
    def of(cls, entry: Entry, segmenter: Segmenter) -> EntryFeatures:
        heads = tuple(h for h in (analysis.compact(t) for t in (entry.title, *entry.aliases)) if h)
        cjk_runs: set[str] = set()
        pinyin_runs: set[str] = set()
        initials: list[str] = []
        latin: set[str] = set(analysis.id_words(entry.id))
        py_sets: list[frozenset[str]] = []
        py_seqs: list[str] = []
        cjk_heads: list[str] = []
        word_initials: set[str] = set()
        head_words: set[str] = set()
        for text in (entry.title, *entry.aliases, *entry.tags):
            for run in analysis.runs(analysis.normalize(text)):
                if is_cjk(run[0]) and len(run) >= 2:
                    if len(run) <= 4:
                        head_words.add(run)
                    if len(run) >= 3:
                        head_words.update(segmenter.words(run))
                        head_words.update(analysis.bigrams(run))
        for text in (entry.title, *entry.aliases):
            normalized = analysis.normalize(text)
            seq = tuple(analysis.pinyin_sequence(normalized))
            py_sets.append(frozenset(seq))
            py_seqs.append(syllable_string(seq))
            cjk_heads.append("".join(c for c in normalized if is_cjk(c)))
            for run in analysis.runs(normalized):
                if is_cjk(run[0]):
                    words = segmenter.words(run) if len(run) >= 3 else [run]
                    for word in words:
                        word_initials.add(analysis.initials_of(analysis.pinyin_of(word)))
        problem_runs = [r for r in analysis.runs(analysis.normalize(entry.problem_text)) if is_cjk(r[0])]
        body_runs = [r for block in entry.blocks for r in analysis.runs(analysis.normalize(block.text)) if is_cjk(r[0])]
        for text in (entry.title, *entry.aliases, *entry.tags):
            normalized = analysis.normalize(text)
            for run in analysis.runs(normalized):
                if is_cjk(run[0]):
                    cjk_runs.add(run)
                elif run.isalpha():
                    latin.add(run)
            syl = analysis.pinyin_sequence(normalized)
            if syl:
                pinyin_runs.add(f" {' '.join(syl)} ")
            if text is not None and not any(t is text for t in entry.tags):
                ini = analysis.initials_of(analysis.pinyin_of(normalized))
                if ini:
                    initials.append(ini)
        return cls(
            heads=heads,
            head_runs=_runs_text(cjk_runs),
            head_pinyin=_runs_text(pinyin_runs),
            head_initials=tuple(_intern(i) for i in initials),
            head_latin=_keys(latin),
            trigger=analysis.compact(entry.trigger),
            head_py_sets=tuple(tuple(sorted(_intern(x) for x in s)) for s in py_sets),
            head_py_seqs=tuple(py_seqs),
            head_cjk=tuple(cjk_heads),
            word_initials=_keys(w for w in word_initials if len(w) >= 2),
            problem_cjk="|".join(problem_runs),
            body_cjk="|".join(body_runs),
            head_words=tuple(_intern(w) for w in sorted(head_words)),
        )


_intern = sys.intern


def _runs_text(runs: Iterable[str]) -> str:
    """runs "|"-joined, sorted (equal features compare equal), leaving out a run found inside another: every
    substring of it is then still there. Neither the runs nor what the ranking looks for in them (CJK characters
    and pairs, " ka mi " syllables) contain "|", so a piece occurs in the text exactly when it occurs in one run.
    An empty result is "", the one shared empty string."""
    distinct = set(runs)
    return "|".join(sorted(r for r in distinct if not any(r != other and r in other for other in distinct)))


def _keys(items: Iterable[str]) -> str:
    """Distinct space-free strings as " a b c " (sorted): `f" {x} " in keys` is exactly `x in set(items)`, in a
    fraction of a frozenset's memory, and the query side prepares its " x " needles once (QueryInfo.*_keys)."""
    distinct = sorted(set(items))
    return f" {' '.join(distinct)} " if distinct else ""


def _longest_common(a: str, b: str) -> int:
    """Length of the longest common substring of a and b (short strings: substring tests run in C)."""
    if not a or not b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best


_SYLLABLE_CODES: dict[str, str] = {}


def syllable_string(syllables: Iterable[str]) -> str:
    """One private-use character per syllable, so syllable runs compare with fast string operations."""
    out = []
    for s in syllables:
        code = _SYLLABLE_CODES.get(s)
        if code is None:
            code = _SYLLABLE_CODES.setdefault(s, chr(0xE000 + len(_SYLLABLE_CODES) % 6000))
        out.append(code)
    return "".join(out)


def _splits_into(typed: str, pieces: str) -> bool:
    """Whether typed is a concatenation of two or more pieces (a _keys string; each piece used at most once)."""

    def walk(rest: str, used: frozenset[str]) -> bool:
        if not rest:
            return len(used) >= 2
        for n in range(2, min(len(rest), 6) + 1):
            head = rest[:n]
            if f" {head} " in pieces and head not in used and walk(rest[n:], used | {head}):
                return True
        return False

    return walk(typed, frozenset())


@dataclass
class Ranked:
    entry: Entry
    score: float
    features: dict[str, float] = field(default_factory=dict)


class Ranker:
    """Scores candidates by features of the query against the title, aliases, trigger and Whoosh's BM25F."""

    def __init__(self, segmenter: Segmenter, weights: Mapping[str, float] | None = None) -> None:
        self.segmenter = segmenter
        self.weights: Mapping[str, float] = dict(WEIGHTS if weights is None else weights)
        # Pinyin (syllables joined by spaces) → the KB word with that reading, most used first; rebuilt by prime().
        self.lexicon: Mapping[str, str] = {}
        self.vocabulary: frozenset[str] = frozenset()
        self._lexicon_size = -1
        # The vocabulary's running state: uses per word, the words counted for each entry (its features'
        # head_words), each word's reading ("" when it has none) and the words of each reading.
        self._uses: dict[str, int] = {}
        self._counted: dict[str, tuple[str, ...]] = {}
        self._readings: dict[str, str] = {}
        self._by_reading: dict[str, set[str]] = {}
        self._domain_counted = False
        self._cache: dict[str, tuple[Entry, EntryFeatures]] = {}
        self._last_weights: tuple[QueryInfo, Mapping[str, float], tuple[list[float], float, list[float], float]] | None
        self._last_weights = None
        self._lock = threading.Lock()
        self._lexicon_lock = threading.Lock()

    def features_of(self, entry: Entry) -> EntryFeatures:
        cached = self._cache.get(entry.rel_path)
        if cached is not None and cached[0] is entry:
            return cached[1]
        feats = EntryFeatures.of(entry, self.segmenter)
        with self._lock:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[entry.rel_path] = (entry, feats)
        return feats

    def prime(self, entries: Iterable[Entry], changed: Iterable[Entry] | None = None) -> int:
        """Prepare features for entries not seen yet (called after an update, off the search path).

        changed: when the caller knows entries differ from the entries of the last prime only by these (same
        paths, some entries edited in place), only they are looked at; the others keep their features and counts.
        """
        entries = entries if isinstance(entries, list) else list(entries)
        if changed is not None and len(entries) == self._lexicon_size == len(self._counted):
            entries, complete = list(changed), False
        else:
            complete = True
        count = 0
        for entry in entries:
            cached = self._cache.get(entry.rel_path)
            if cached is None or cached[0] is not entry:
                self.features_of(entry)
                count += 1
        if count or (complete and len(entries) != self._lexicon_size):
            # The running counts are shared state: an update and a search that finds the vocabulary stale (a
            # Searcher used on its own) must not interleave their changes.
            with self._lexicon_lock:
                size = self._lexicon_size if not complete else len(entries)
                self._lexicon_size = -1  # until the counts are complete: an interrupted recount redoes them all
                self._update_lexicon(entries, complete)
                self._lexicon_size = size
        return count

    def ensure_lexicon(self, entries: Mapping[str, Entry] | list[Entry]) -> None:
        """Build the vocabulary on first use when no update primed it (a Searcher used on its own)."""
        if len(entries) != self._lexicon_size:
            self.prime(entries.values() if isinstance(entries, Mapping) else entries)

    def _update_lexicon(self, entries: list[Entry], complete: bool = True) -> None:
        """The KB's own vocabulary by reading, so typed pinyin can be compared as Chinese (kami → 卡密).

        Kept up to date incrementally: only the words of added, changed and removed entries are recounted, and only
        the readings of those words are decided again (a one-file save on a 20k-entry KB touches a few dozen words
        instead of recounting every entry). For each reading the most used word wins; among equally used words
        the smallest, so the result depends on the entries alone, not on the order they were seen in.
        complete: entries are all the KB's entries (others counted before are removed); else only changed ones.
        """
        uses = self._uses
        touched: set[str] = set()
        if not self._domain_counted:
            self._domain_counted = True
            for word in analysis.DOMAIN_WORDS:
                uses[word] = uses.get(word, 0) + 1
                touched.add(word)
        seen: set[str] = set()
        for entry in entries:
            rel = entry.rel_path
            seen.add(rel)
            words = self.features_of(entry).head_words
            old = self._counted.get(rel)
            if old is words or old == words:
                self._counted[rel] = words
                continue
            if old is not None:
                for word in old:
                    uses[word] -= 1
                touched.update(old)
            for word in words:
                uses[word] = uses.get(word, 0) + 1
            touched.update(words)
            self._counted[rel] = words
        for rel in [r for r in self._counted if r not in seen] if complete else ():
            old = self._counted.pop(rel)
            for word in old:
                uses[word] -= 1
            touched.update(old)
            self._cache.pop(rel, None)
        if not touched:
            return
        readings, by_reading = self._readings, self._by_reading
        keys: set[str] = set()
        words_changed = False
        for word in touched:
            n = uses.get(word, 0)
            key = readings.get(word)
            if n <= 0:
                uses.pop(word, None)
                if key is not None:
                    readings.pop(word)
                    words_changed = True
                    if key:
                        group = by_reading[key]
                        group.discard(word)
                        if not group:
                            del by_reading[key]
                        keys.add(key)
                continue
            if key is None:
                words_changed = True
                key = readings[word] = " ".join(analysis.pinyin_of(word)) if all(is_cjk(c) for c in word) else ""
                if key:
                    by_reading.setdefault(key, set()).add(word)
            if key:
                keys.add(key)
        lexicon = dict(self.lexicon)
        for key in keys:
            group = by_reading.get(key)
            if not group:
                lexicon.pop(key, None)
                continue
            lexicon[key] = min(group, key=lambda w: (-uses[w], w))
        # New objects, swapped in whole: a search running in another thread sees the old or the new vocabulary.
        self.lexicon = lexicon
        if words_changed:
            self.vocabulary = frozenset(uses)

    def _query_weights(
        self, q: QueryInfo, idf: Mapping[str, float]
    ) -> tuple[list[float], float, list[float], float]:
        """(character weights, their sum, bigram weights, their sum or 1): the same for every candidate of a query,
        so computed once per (query, idf) pair (one slot, replaced whole: safe with searches in other threads)."""
        last = self._last_weights
        if last is not None and last[0] is q and last[1] is idf:
            return last[2]
        char_weights = [idf.get(c, 1.0) for c in q.chars]
        bigram_weights = [idf.get(b, 1.0) for b in q.bigrams]
        value = (char_weights, sum(char_weights), bigram_weights, sum(bigram_weights) or 1.0)
        self._last_weights = (q, idf, value)
        return value

    def features(
        self,
        q: QueryInfo,
        entry: Entry,
        bm25: float,
        bm25_max: float,
        idf: Mapping[str, float],
    ) -> dict[str, float]:
        """The re-ranker's features of one candidate, each in [0, 1]; absent features are 0."""
        f = self.features_of(entry)
        feats: dict[str, float] = {}
        compact = q.compact
        if f.trigger and compact == f.trigger:
            feats["trigger"] = 1.0
        elif f.trigger and len(compact) >= 2 and f.trigger.startswith(compact) and compact.isascii():
            feats["trigger_prefix"] = len(compact) / len(f.trigger)
        exact = contained = query_in = lcs = title_bonus = 0.0
        ncompact = len(compact)
        for form in (compact, q.converted) if q.converted else (compact,):
            nform = len(form)
            for n, head in enumerate(f.heads):
                if head == form:
                    exact = 1.0
                    if n == 0:
                        title_bonus = 1.0
                elif nform >= 2 and form in head:
                    query_in = max(query_in, nform / len(head))
                elif len(head) >= 2 and head in form:
                    contained = max(contained, len(head) / nform)
        q_chars = q.char_set
        dice = head_cov = chars_plain = 0.0
        if q_chars:
            ncq = len(q.cjk)
            nq = len(q_chars)
            for n, head in enumerate(f.head_cjk):
                # Most titles/aliases share nothing with the query: skip them before any string work.
                if not head or q_chars.isdisjoint(head):
                    continue
                shared = len(q_chars.intersection(head))
                d = 2.0 * shared / (nq + len(set(head)))
                if d > dice:
                    dice = d
                if len(head) >= 2:
                    cover = sum(1 for c in head if c in q_chars) / len(head)
                    if cover > head_cov:
                        head_cov = cover
                if shared >= 2:
                    common = _longest_common(q.cjk, head)
                    if common >= 2:
                        value = 0.5 * common / len(head) + 0.5 * common / ncq
                        if value > lcs:
                            lcs = value
                            if n == 0:
                                title_bonus = max(title_bonus, value)
            head_runs = f.head_runs  # every query character is CJK: never "|"
            chars_plain = len([c for c in q.cjk if c in head_runs]) / ncq
            char_weights, total = self._query_weights(q, idf)[:2]
            if total:
                # Lists, not generators, under sum(): the same additions in the same order, a third faster.
                problem_cjk = f.problem_cjk
                feats["chars"] = sum([w for c, w in zip(q.chars, char_weights) if c in head_runs]) / total
                feats["body_chars"] = sum([w for c, w in zip(q.chars, char_weights) if c in problem_cjk]) / total
        feats["exact"] = exact
        feats["contained"] = contained
        feats["query_in"] = query_in
        feats["lcs"] = lcs
        feats["title"] = title_bonus
        feats["dice"] = dice
        feats["head_cov"] = head_cov
        bigram_cov = 0.0
        if q.bigrams:
            # idf-weighted: in a pasted sentence the rare pairs (骗子, 曝光) carry the meaning, not 你们 or 我就.
            weights, total_w = self._query_weights(q, idf)[2:]
            head_runs, problem_cjk, body_cjk = f.head_runs, f.problem_cjk, f.body_cjk
            pairs = list(zip(q.bigrams, weights))
            bigram_cov = sum([w for b, w in pairs if b in head_runs]) / total_w
            feats["bigrams"] = bigram_cov
            # The body counts only beyond what the title/aliases already matched, like pinyin: a short keyword
            # matches the body of many entries, and the heads already said which one it names.
            problem = sum([w for b, w in pairs if b in problem_cjk]) / total_w
            body = sum([w for b, w in pairs if b in body_cjk]) / total_w
            feats["problem_extra"] = max(0.0, problem - bigram_cov)
            feats["body_extra"] = max(0.0, body - bigram_cov)
        if q.syllables:
            qs = q.syllable_set
            head_pinyin = f.head_pinyin
            py = len([x for x in q.syllable_keys if x in head_pinyin]) / len(q.syllables)
            feats["py_extra"] = max(0.0, py - chars_plain)
            if q.syllable_pairs:
                py_bigrams = len([p for p in q.pair_keys if p in head_pinyin]) / len(q.syllable_pairs)
                feats["py_bigrams_extra"] = max(0.0, py_bigrams - bigram_cov)
            py_dice = py_lcs = 0.0
            nsyl = len(q.syllables)
            for seq, syls in zip(f.head_py_seqs, f.head_py_sets):
                if not syls or qs.isdisjoint(syls):
                    continue
                d = 2.0 * len(qs.intersection(syls)) / (len(qs) + len(syls))
                if d > py_dice:
                    py_dice = d
                if nsyl >= 2:
                    common = _longest_common(q.syllable_code, seq)
                    if common >= 2:
                        py_lcs = max(py_lcs, 0.5 * common / len(seq) + 0.5 * common / nsyl)
            feats["py_dice_extra"] = max(0.0, py_dice - dice)
            feats["py_lcs_extra"] = max(0.0, py_lcs - lcs)
        if q.initials:
            best = 0.0
            words = 0.0
            for typed, typed_key in zip(q.initials, q.initials_keys):
                share = len(typed) / max(ncompact, 1)
                for ini in f.head_initials:
                    if typed == ini:
                        best = max(best, share)
                    elif len(typed) >= 3 and ini.startswith(typed):
                        best = max(best, 0.6 * share)
                    elif len(typed) >= 3 and typed in ini:
                        best = max(best, 0.4 * share)
                if len(typed) >= 4 and f.word_initials and _splits_into(typed, f.word_initials):
                    words = max(words, share)
                elif q.cjk and typed_key in f.word_initials:
                    words = max(words, share)  # initials beside Chinese stand for one word: jf兑换 is 积分兑换
            feats["initials"] = best
            feats["word_initials"] = words
        if q.latin:
            head_latin = f.head_latin
            feats["latin"] = sum(1 for w in q.latin_keys if w in head_latin) / len(q.latin)
        feats["bm25"] = bm25 / bm25_max if bm25_max > 0 else 0.0
        return feats

    def score(
        self,
        q: QueryInfo,
        entry: Entry,
        bm25: float,
        bm25_max: float,
        idf: Mapping[str, float],
    ) -> Ranked:
        feats = self.features(q, entry, bm25, bm25_max, idf)
        weights = self.weights
        return Ranked(entry, sum(weights.get(name, 0.0) * value for name, value in feats.items()), feats)


def whoosh_terms(q: QueryInfo) -> list[tuple[str, str, float]]:
    """(field, token, boost) for the candidate query, most specific first."""
    terms: list[tuple[str, str, float]] = []
    if q.compact:
        terms.append(("trigger", q.compact, 4.0))
        if q.compact.isascii() and q.compact.isalpha():
            terms.append(("ini", q.compact, 2.0))
    for word in q.words:
        terms.append(("head", word, 1.2))
        terms.append(("body", word, 1.2))
    for bg in q.bigrams:
        terms.append(("head", bg, 1.0))
        terms.append(("body", bg, 1.0))
    for word in q.latin:
        terms.append(("head", word, 1.0))
        terms.append(("body", word, 1.0))
        if 2 <= len(word) <= 8:
            terms.append(("ini", word, 1.5))
            if len(word) >= 4:
                for i in range(0, len(word) - 1, 2):
                    terms.append(("ini", word[i : i + 2], 0.5))
    syl = list(q.syllables)
    for a, b in zip(syl, syl[1:]):
        terms.append(("py", f"{a}_{b}", 1.0))
    for ch in q.chars:
        terms.append(("head", ch, 0.5))
    for s in dict.fromkeys(syl):
        terms.append(("py", s, 0.4))
    seen: set[tuple[str, str]] = set()
    unique = []
    for fieldname, token, boost in terms:
        if (fieldname, token) not in seen:
            seen.add((fieldname, token))
            unique.append((fieldname, token, boost))
    return unique


class Searcher:
    """A reused Whoosh searcher over one index generation, plus the re-ranker; thread-safe for searching."""

    def __init__(self, generation: Path, segmenter: Segmenter, ranker: Ranker | None = None) -> None:
        self.generation = generation
        self.segmenter = segmenter
        self.ranker = ranker or Ranker(segmenter)
        # Plain file reads of the segments' separate files (index.WRITER_OPTIONS): no mmap, whose parts Whoosh would
        # copy into memory anyway; the OS page cache keeps them fast.
        self._index = FileStorage(str(generation), supports_mmap=False, readonly=True).open_index()
        self._searcher = self._index.searcher()
        self._lock = threading.Lock()  # Whoosh searchers are not safe for concurrent use
        # Document frequencies by field and token. The index this searcher reads never changes, and queries share
        # most of their characters and pairs: a hit saves a hash lookup in every segment (guarded by _lock). Keys
        # are strings, not tuples: strings are not tracked by the garbage collector, so the cache adds no work to
        # its full collections (which on a 20k-entry KB take a few hundred ms).
        self._df: dict[str, int] = {}

    def _doc_frequency(self, fieldname: str, token: str) -> int:
        key = fieldname + "\x00" + token
        df = self._df.get(key)
        if df is None:
            if len(self._df) >= DF_CACHE_SIZE:
                self._df.clear()
            df = self._df[key] = self._searcher.reader().doc_frequency(fieldname, token)
        return df

    def close(self) -> None:
        with self._lock:
            try:
                self._searcher.close()
            except Exception:  # noqa: BLE001 - closing a damaged index must not fail shutdown
                pass

    def search(self, query: str, entries: Mapping[str, Entry], limit: int = 10) -> list[Hit]:
        """Hits for query; entries maps rel path → entry (the documents' source of truth)."""
        self.ranker.ensure_lexicon(entries)
        q = analyze_query(query, self.segmenter, self.ranker.lexicon, self.ranker.vocabulary)
        if q.empty or limit <= 0:
            return []
        with self._lock:
            candidates, idf = self._candidates(q, entries)
        return rank(q, candidates, idf, self.ranker, limit)

    def _candidates(self, q: QueryInfo, entries: Mapping[str, Entry]) -> tuple[list[tuple[Entry, float]], dict]:
        searcher = self._searcher
        doc_frequency = self._doc_frequency
        ndocs = max(searcher.doc_count_all(), 1)
        scored: list[tuple[float, int, str, str, float]] = []
        for n, (fieldname, token, boost) in enumerate(whoosh_terms(q)):
            df = doc_frequency(fieldname, token)
            if df == 0:
                continue
            scored.append((df / ndocs, n, fieldname, token, boost))
        # Keep the rarest terms when there are too many: they decide the ranking, the common ones only cost time.
        scored.sort()
        limit_df = max(COMMON_SHARE, COMMON_MIN_DOCS / ndocs)
        specific = [t for t in scored if t[0] <= limit_df] or scored[:4]
        # Rarest first until the postings to walk reach the budget: Whoosh's cost is the postings it reads.
        chosen_terms = []
        postings = 0
        for item in specific[:MAX_TERMS]:
            if chosen_terms and postings + item[0] * ndocs > POSTINGS_BUDGET:
                break
            chosen_terms.append(item)
            postings += int(item[0] * ndocs)
        chosen = sorted(chosen_terms, key=lambda t: t[1])
        idf: dict[str, float] = {}
        for ch in q.chars:
            df = doc_frequency("head", ch)
            idf[ch] = math.log(1.0 + 2 * ndocs / (df + 1.0))
        for bg in q.bigrams[:64]:
            df = doc_frequency("body", bg) or doc_frequency("head", bg)
            # A pair found nowhere in the KB is no evidence for any entry: it must not dilute the coverage features.
            idf[bg] = math.log(1.0 + ndocs / (df + 1.0)) if df else 0.0
        if not chosen:
            return [], idf
        scores = self._accumulate([(f, t, b, int(round(share * ndocs))) for share, _, f, t, b in chosen], ndocs)
        out: list[tuple[Entry, float]] = []
        seen: set[str] = set()
        for docnum, score in heapq.nlargest(CANDIDATES, scores.items(), key=lambda item: (item[1], -item[0])):
            path = searcher.stored_fields(docnum).get("path", "")
            entry = entries.get(path)
            if entry is not None and path not in seen:
                seen.add(path)
                out.append((entry, score))
        return out, idf

    def _accumulate(self, terms: list[tuple[str, str, float, int]], ndocs: int) -> dict[int, float]:
        """Term-at-a-time scoring over the postings: boost × idf × saturated term weight, summed per document.

        This is Whoosh's Or query without its matcher tree: reading each term's postings once is several times
        faster in pure Python than the union matcher, and the re-ranker decides the final order anyway.
        """
        scores: dict[int, float] = {}
        k1 = SATURATION_K1
        for sub, offset in self._searcher.leaf_searchers():
            reader = sub.reader()
            deleted: frozenset[int] | None = None
            if reader.has_deletions():
                deleted = frozenset(getattr(reader, "deleted_docs_set", None) or
                                    (d for d in range(reader.doc_count_all()) if reader.is_deleted(d)))
            for fieldname, token, boost, df in terms:
                try:
                    matcher = reader.postings(fieldname, token)
                except Exception:  # noqa: BLE001 - term missing from this segment
                    continue
                if isinstance(matcher, FilterMatcher):
                    matcher = matcher.child  # deletions are skipped below with one set lookup
                weight_factor = boost * math.log(1.0 + (ndocs - df + 0.5) / (df + 0.5)) * (k1 + 1.0)
                get = scores.get
                for docids, weights in _posting_blocks(matcher):
                    # One loop per case: the deletion test and the offset cost nothing where they do not apply.
                    if deleted is not None:
                        for docid, weight in zip(docids, weights):
                            if docid not in deleted:
                                key = docid + offset
                                scores[key] = get(key, 0.0) + weight_factor * weight / (weight + k1)
                    elif offset:
                        for docid, weight in zip(docids, weights):
                            key = docid + offset
                            scores[key] = get(key, 0.0) + weight_factor * weight / (weight + k1)
                    else:
                        for docid, weight in zip(docids, weights):
                            scores[docid] = get(docid, 0.0) + weight_factor * weight / (weight + k1)
        return scores


def _posting_blocks(matcher: object) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(docids, weights) of every posting, a block at a time when the codec allows it (else one per item)."""
    m = matcher
    block_reader = getattr(m, "_read_ids", None)
    if block_reader is not None and hasattr(m, "_next_block") and hasattr(m, "_read_weights"):
        # WORKAROUND: Whoosh's W3 leaf matcher decodes whole blocks; reading its block arrays directly avoids
        # three Python method calls per posting (pinned whoosh3 version; the generic path below is the fallback).
        while m.is_active():  # type: ignore[attr-defined]
            if m._ids is None:  # type: ignore[attr-defined]
                m._read_ids()  # type: ignore[attr-defined]
            if m._weights is None:  # type: ignore[attr-defined]
                m._read_weights()  # type: ignore[attr-defined]
            start = m._i  # type: ignore[attr-defined]
            ids, weights = m._ids, m._weights  # type: ignore[attr-defined]
            yield (ids, weights) if not start else (ids[start:], weights[start:])
            m._next_block()  # type: ignore[attr-defined]
        return
    while m.is_active():  # type: ignore[attr-defined]
        yield (m.id(),), (m.weight(),)  # type: ignore[attr-defined]
        m.next()  # type: ignore[attr-defined]


def rank(
    q: QueryInfo,
    candidates: Iterable[tuple[Entry, float]],
    idf: Mapping[str, float],
    ranker: Ranker,
    limit: int,
) -> list[Hit]:
    candidates = list(candidates)
    if not candidates:
        return []
    bm25_max = max(score for _, score in candidates)
    ranked = [ranker.score(q, entry, score, bm25_max, idf) for entry, score in candidates]
    # Ties: the shorter title is the more general entry; then the id, so results are stable.
    ranked.sort(key=lambda r: (-r.score, len(r.entry.title), r.entry.id))
    hits = []
    for r in ranked[:limit]:
        blocks, snippet = best_blocks_and_snippet(q, r.entry)
        hits.append(Hit(entry=r.entry, score=round(r.score, 4), blocks=blocks, snippet=snippet))
    return hits


def fallback_search(
    query: str, entries: Iterable[Entry], segmenter: Segmenter, ranker: Ranker, limit: int = 10
) -> list[Hit]:
    """Rank entries without Whoosh (the index is being repaired): the same re-ranker, no BM25."""
    entries = list(entries)
    ranker.ensure_lexicon(entries)
    q = analyze_query(query, segmenter, ranker.lexicon, ranker.vocabulary)
    if q.empty or limit <= 0:
        return []
    ranked = []
    for n, entry in enumerate(entries):
        if n >= 5000:  # keeps the repair window responsive on huge KBs
            break
        ranked.append((entry, 0.0))
    hits = rank(q, ranked, {}, ranker, limit * 3)
    return [h for h in hits if h.score > 1.0][:limit]


# --- blocks and snippets ------------------------------------------------------------------------------------------

_MARKDOWN = re.compile(r"[*_`#>|]+|!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")


def _plain(markdown: str) -> str:
    text = _MARKDOWN.sub(lambda m: m.group(1) or " ", markdown)
    text = re.sub(r"^\s*(?:[-+]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    return text


def _match_units(q: QueryInfo) -> list[str]:
    """Strings to look for in a text: bigrams and words; single characters only for one-character queries."""
    units = list(q.words) + list(q.bigrams) + [w for w in q.latin if len(w) >= 2]
    if not units:
        units = list(q.chars)
    return sorted(set(units), key=len, reverse=True)


def _coverage(folded: str, units: list[str]) -> float:
    return float(sum([len(u) for u in units if u in folded]))


def best_blocks_and_snippet(q: QueryInfo, entry: Entry) -> tuple[tuple[Block, ...], str]:
    units = _match_units(q)
    blocks = entry.pasteable_blocks
    if blocks and units:
        scores = [_coverage(folded, units) for folded in _folded_blocks(entry)]
        best = max(range(len(blocks)), key=lambda i: (scores[i], -i))
        if scores[best] > 0 and best != 0:
            blocks = (blocks[best],) + blocks[:best] + blocks[best + 1 :]
    return blocks, snippet_for(q, entry, units)


@lru_cache(maxsize=4096)  # entries are immutable; folding is the same for every query (and per-character slow)
def _folded_blocks(entry: Entry) -> tuple[str, ...]:
    """The folded name and text of each of entry.pasteable_blocks, in that order."""
    return tuple(analysis.fold_chars(b.name + "\n" + b.text) for b in entry.pasteable_blocks)


@lru_cache(maxsize=4096)  # entries are immutable; the split is the same for every query
def _sentences(entry: Entry) -> tuple[tuple[str, str], ...]:
    """(plain sentence, folded sentence) of the problem text first, then the other sections."""
    texts = [entry.problem_text] + [b.text for b in entry.blocks if b.kind.value != "problem"]
    out = []
    for text in texts:
        for sentence in _SENTENCE_END.split(_plain(text)):
            sentence = " ".join(sentence.split())
            if sentence:
                out.append((sentence, analysis.fold_chars(sentence)))
    return tuple(out)


def snippet_for(q: QueryInfo, entry: Entry, units: list[str] | None = None) -> str:
    """The sentence that best matches the query, cut to about SNIPPET_CHARS, matches wrapped in «»."""
    units = _match_units(q) if units is None else units
    best_sentence = ""
    best_score = -1.0
    for sentence, folded in _sentences(entry):
        score = _coverage(folded, units) if units else 0.0
        if score > best_score:
            best_sentence, best_score = sentence, score
    if not best_sentence:
        return ""
    return highlight(best_sentence, units)


def highlight(sentence: str, units: list[str]) -> str:
    folded = analysis.fold_chars(sentence)
    marks = [False] * len(sentence)
    for unit in units:
        start = folded.find(unit)
        while start >= 0:
            for i in range(start, start + len(unit)):
                marks[i] = True
            start = folded.find(unit, start + 1)
    first = marks.index(True) if True in marks else 0
    start = max(0, first - SNIPPET_CHARS // 4)
    end = min(len(sentence), start + SNIPPET_CHARS)
    out = ["…"] if start > 0 else []
    inside = False
    for i in range(start, end):
        if marks[i] and not inside:
            out.append("«")
            inside = True
        elif not marks[i] and inside:
            out.append("»")
            inside = False
        out.append(sentence[i].replace("«", "\"").replace("»", "\""))
    if inside:
        out.append("»")
    if end < len(sentence):
        out.append("…")
    return "".join(out)
