"""Toneless pinyin of text from the tables in pinyin_phrases: what pypinyin gives, without pypinyin in memory."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from kbassist.core.generated import Once

# The same conversion as pypinyin.lazy_pinyin(text, style=Style.NORMAL, v_to_u=False) with only our phrase table
# loaded (PYPINYIN_NO_PHRASES, then load_phrases_dict): text is cut into runs of the characters pypinyin looks up
# and runs of anything else (seg/simpleseg.py), each Chinese run is cut into phrases by pypinyin's forward maximum
# matching (seg/mmseg.py, no_non_phrases=True), a phrase takes its phrase reading and any other character its first
# reading. The tests compare the two on every character, on every line of the KB and on random text.


class _Tables:
    """The generated strings, and the few arrays that index them."""

    __slots__ = ("syllables", "base", "runs", "block_starts", "block_offsets", "char_ids", "phrases", "phrase_ids",
                 "starts", "count", "firsts", "first_starts")

    def __init__(self) -> None:
        from kbassist.core import pinyin_phrases as data

        self.syllables: tuple[str, ...] = tuple(data.SYLLABLES.split())
        self.base = data.SYLLABLE_BASE
        # Group 1 is a run of characters pypinyin looks up; anything else is passed over (or kept) whole.
        self.runs = re.compile(f"([{data.HANS}]+)|[^{data.HANS}]+")

        # Code point blocks: block b starts at block_starts[b]; its readings are char_ids[block_offsets[b]:...[b + 1]].
        self.char_ids: str = data.CHAR_SYLLABLES
        self.block_starts = array("I")
        self.block_offsets = array("I", [0])
        for block in data.BLOCKS.split():
            first, count = block.split("+")
            self.block_starts.append(int(first, 16))
            self.block_offsets.append(self.block_offsets[-1] + int(count, 16))
        if self.block_offsets[-1] != len(self.char_ids):
            raise ValueError("pinyin_phrases: BLOCKS and CHAR_SYLLABLES disagree; regenerate the module")

        # Phrase i is phrases[starts[i]:starts[i + 1] - 1] (each is followed by a space); phrase_ids holds its
        # syllable ids at the same offsets. Only integers are made here: no list of 3.4k strings, not even briefly.
        self.phrases: str = data.PHRASES
        self.phrase_ids: str = data.PHRASE_SYLLABLES
        if len(self.phrase_ids) != len(self.phrases):
            raise ValueError("pinyin_phrases: PHRASES and PHRASE_SYLLABLES disagree; regenerate the module")
        starts = array("I", [0])
        # The first character of each phrase, each once, and the number of its first phrase: most characters start
        # no phrase and the others a handful, so one search in this short array settles most of a cut.
        firsts, first_starts = array("I"), array("I")
        end = self.phrases.find(" ")
        while end >= 0:
            first = ord(self.phrases[starts[-1]])
            if not firsts or firsts[-1] != first:
                firsts.append(first)
                first_starts.append(len(starts) - 1)
            starts.append(end + 1)
            end = self.phrases.find(" ", end + 1)
        first_starts.append(len(starts) - 1)
        self.starts, self.count = starts, len(starts) - 1
        self.firsts, self.first_starts = firsts, first_starts

    def phrase(self, i: int) -> str:
        return self.phrases[self.starts[i] : self.starts[i + 1] - 1]

    def char_syllable(self, ch: str) -> str | None:
        """The toneless first reading of one character, None when pypinyin has none."""
        code = ord(ch)
        b = bisect_right(self.block_starts, code) - 1
        if b < 0:
            return None
        k = self.block_offsets[b] + code - self.block_starts[b]
        if k >= self.block_offsets[b + 1]:
            return None
        n = ord(self.char_ids[k]) - self.base
        return self.syllables[n] if n >= 0 else None  # NO_READING (a space) sorts below SYLLABLE_BASE

    def cut(self, run: str) -> list[tuple[int, int, int]]:
        """(start, end, phrase number or -1) of the pieces of a Chinese run, as pypinyin's mmseg Seg.cut
        (no_non_phrases=True) yields them: the longest phrase at each position, else one character."""
        out: list[tuple[int, int, int]] = []
        n = len(run)
        i = 0
        indices = range(self.count)
        phrase, firsts = self.phrase, self.firsts
        while i < n:
            code = ord(run[i])
            k = bisect_left(firsts, code)
            if k == len(firsts) or firsts[k] != code:
                out.append((i, i + 1, -1))  # no phrase starts with this character
                i += 1
                continue
            lo, hi = self.first_starts[k], self.first_starts[k + 1]  # the phrases starting with run[i]
            best_end, best = 0, -1  # the longest phrase found so far (none has one character)
            j = i + 2
            while j <= n:
                word = run[i:j]
                lo = bisect_left(indices, word, lo, hi, key=phrase)
                if lo == hi or not phrase(lo).startswith(word):
                    break  # no phrase starts with word: pypinyin's prefix test failed
                if self.starts[lo + 1] - self.starts[lo] - 1 == j - i:
                    best_end, best = j, lo
                j += 1
            else:
                # The whole rest of the run starts some phrase. Without a phrase in it pypinyin yields its
                # characters one by one and stops there, without looking for phrases further on.
                if best < 0:
                    out.extend((m, m + 1, -1) for m in range(i, n))
                    return out
            if best >= 0:
                out.append((i, best_end, best))
                i = best_end
            else:
                out.append((i, i + 1, -1))
                i += 1
        return out


_tables: Once[_Tables] = Once(_Tables)  # built on first use: importing the module costs nothing


def syllables(text: str, *, keep_unreadable: bool = False) -> list[str]:
    """Toneless pinyin of text, as pypinyin.lazy_pinyin(text, style=Style.NORMAL, v_to_u=False, errors="ignore")
    gives it with our phrases. With keep_unreadable, as errors=lambda chars: [chars] gives it: each stretch of
    text that is not Chinese, and each Chinese character without a reading, is kept as one item."""
    t = _tables.get()
    if not text:
        return [""] if keep_unreadable else []  # pypinyin hands the empty string to its errors handler
    out: list[str] = []
    syllable_of, base = t.syllables, t.base
    for match in t.runs.finditer(text):
        run = match.group(1)
        if run is None:
            if keep_unreadable:
                out.append(match.group())
            continue
        for start, end, number in t.cut(run):
            if number >= 0:
                offset = t.starts[number]
                out.extend(syllable_of[ord(c) - base] for c in t.phrase_ids[offset : offset + end - start])
                continue
            reading = t.char_syllable(run[start])
            if reading is not None:
                out.append(reading)
            elif keep_unreadable:
                out.append(run[start])
    return out
