"""Traditional → simplified Chinese, as zhconv.convert(text, "zh-cn") gives it, from the tables in zhcn_table."""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left

from kbassist.core.generated import Once

# zhconv's rule: at each position the longest key of its zh-cn table that starts there is replaced by its target, and
# a position where no key starts is copied. A phrase key (乾隆 → 乾隆, 軟體 → 软件) beats the characters in it, and
# the text between phrases converts character by character. Most text we see is already simplified, so regexes find,
# at C speed, the few positions where a phrase might start (a first character of a phrase followed by a second
# character of any phrase), each settled by binary searches over the strings, and whether a stretch holds a
# character that converts at all; one that does goes through str.translate with a string as the table.

_PAIR_SHIFT = 21  # a code point has 21 bits
_DIRECT = 0xA000  # the translate table covers code points below the end of the CJK Unified Ideographs block
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"  # arrays of code units as strings
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


class _Tables:
    """The generated strings, the arrays that index them, and the regexes and translate table built from them."""

    __slots__ = ("sources", "targets", "phrases", "phrase_targets", "starts", "target_starts", "count", "pairs",
                 "pair_starts", "phrase_scan", "converts", "beyond", "direct")

    def __init__(self) -> None:
        from kbassist.core import zhcn_table as data

        self.sources: str = data.SOURCES
        self.targets: str = data.TARGETS
        if len(self.sources) != len(self.targets):
            raise ValueError("zhcn_table: SOURCES and TARGETS disagree; regenerate the module")

        # Phrase i is phrases[starts[i]:starts[i + 1] - 1] (each is followed by the separator), its target
        # phrase_targets[target_starts[i]:target_starts[i + 1] - 1]. Only integers are made here, no list of strings.
        sep = data.SEPARATOR
        self.phrases: str = data.PHRASES
        self.phrase_targets: str = data.PHRASE_TARGETS
        self.starts = _offsets(self.phrases, sep)
        self.target_starts = _offsets(self.phrase_targets, sep)
        if len(self.starts) != len(self.target_starts):
            raise ValueError("zhcn_table: PHRASES and PHRASE_TARGETS disagree; regenerate the module")
        self.count = len(self.starts) - 1
        # The first two characters of each phrase as one integer, each pair once, and the number of its first phrase:
        # the regex below finds many more candidates than there are phrases, and one search in this short array
        # turns most of them down.
        pairs, pair_starts, firsts, seconds = array("Q"), array("I"), array("I"), set()
        for i in range(self.count):
            at = self.starts[i]
            first, second = ord(self.phrases[at]), ord(self.phrases[at + 1])
            pair = first << _PAIR_SHIFT | second
            if not pairs or pairs[-1] != pair:
                pairs.append(pair)
                pair_starts.append(i)
                if not firsts or firsts[-1] != first:
                    firsts.append(first)
            seconds.add(second)
        pair_starts.append(self.count)
        self.pairs, self.pair_starts = pairs, pair_starts
        self.phrase_scan = re.compile(f"[{_char_class(firsts)}](?=[{_char_class(array('I', sorted(seconds)))}])")

        # The single characters: a translate table (a string indexed by code point, holding each character's target
        # or the character itself) for those below _DIRECT that become a BMP character, which keeps it two bytes a
        # character; a binary search in SOURCES for the rest, all rare.
        table = array("H", range(_DIRECT))
        converts, beyond = array("I"), array("I")
        for source, target in zip(self.sources, self.targets):
            if source != target:
                code = ord(source)
                converts.append(code)
                if code < _DIRECT and ord(target) <= 0xFFFF:
                    table[code] = ord(target)
                else:
                    beyond.append(code)
        self.direct = str(table, _UTF16)  # decoded from the array's buffer, without a bytes copy
        del table
        self.converts = re.compile(f"[{_char_class(converts)}]")
        self.beyond = re.compile(f"[{_char_class(beyond)}]") if beyond else None

    def phrase(self, i: int) -> str:
        return self.phrases[self.starts[i] : self.starts[i + 1] - 1]

    def phrase_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """(end, target) of the longest phrase key starting at text[pos], None when none does."""
        n = len(text)
        if pos + 1 >= n:
            return None  # every phrase has two characters or more
        pair = ord(text[pos]) << _PAIR_SHIFT | ord(text[pos + 1])
        k = bisect_left(self.pairs, pair)
        if k == len(self.pairs) or self.pairs[k] != pair:
            return None
        lo, hi = self.pair_starts[k], self.pair_starts[k + 1]  # the phrases starting with these two characters
        best_end, best = 0, -1
        end = pos + 2
        phrase, indices = self.phrase, range(self.count)
        while end <= n:
            word = text[pos:end]
            lo = bisect_left(indices, word, lo, hi, key=phrase)
            if lo == hi or not phrase(lo).startswith(word):
                break  # no key starts with word: zhconv's prefix test fails here too
            if self.starts[lo + 1] - self.starts[lo] - 1 == end - pos:
                best_end, best = end, lo
            end += 1
        if best < 0:
            return None
        return best_end, self.phrase_targets[self.target_starts[best] : self.target_starts[best + 1] - 1]

    def char(self, ch: str) -> str:
        """The target of one character, or the character itself."""
        s = bisect_left(self.sources, ch)
        return self.targets[s] if s < len(self.sources) and self.sources[s] == ch else ch

    def chars(self, text: str) -> str:
        """text converted character by character: right for a stretch in which no phrase key starts."""
        if not self.converts.search(text):
            return text
        if self.beyond is None or not self.beyond.search(text):
            return text.translate(self.direct)
        # Rare: a character the translate table leaves alone that converts (halfwidth brackets, rare characters of
        # extension A that become one beyond the BMP, the extensions beyond the BMP); each alone, the rest translated.
        out: list[str] = []
        pos = 0
        for match in self.beyond.finditer(text):
            at = match.start()
            out.append(text[pos:at].translate(self.direct))
            out.append(self.char(text[at]))
            pos = at + 1
        out.append(text[pos:].translate(self.direct))
        return "".join(out)


def _offsets(text: str, sep: str) -> array[int]:
    """The start of each separator-terminated item of text, and one past the end of the last."""
    starts = array("I", [0])
    end = text.find(sep)
    while end >= 0:
        starts.append(end + 1)
        end = text.find(sep, end + 1)
    if starts[-1] != len(text):
        raise ValueError("zhcn_table: a table does not end with the separator; regenerate the module")
    return starts


def _char_class(codes: array[int]) -> str:
    """A regex character class body holding at least these code points (sorted, each once). Characters beyond the
    BMP become one range: the regex engine tests those one by one, and a few spare candidates cost nothing."""
    # The characters themselves rather than \u escapes, which the regex parser reads several times slower, and
    # built in an array rather than as thousands of small strings.
    out = array("I")
    first = last = low = high = -1
    for code in codes:
        if code > 0xFFFF:
            low, high = (code if low < 0 else low), code
        elif last >= 0 and code == last + 1:
            last = code
        else:
            _add_run(out, first, last)
            first = last = code
    _add_run(out, first, last)
    _add_run(out, low, high)
    return str(out, _UTF32)


def _add_run(out: array[int], first: int, last: int) -> None:
    if first < 0:
        return
    _add_char(out, first)
    if last > first:
        out.append(ord("-"))
        _add_char(out, last)


def _add_char(out: array[int], code: int) -> None:
    if code < 0x80 and not chr(code).isalnum():
        out.append(ord("\\"))  # ] ^ - \ and the other ASCII punctuation are read literally when escaped
    out.append(code)


_tables: Once[_Tables] = Once(_Tables)  # built on first use: importing the module costs nothing


def to_simplified(text: str) -> str:
    """The same result as zhconv.convert(text, "zh-cn"): at each position the longest table key wins."""
    t = _tables.get()
    out: list[str] = []
    pos = 0  # text before pos is converted
    for match in t.phrase_scan.finditer(text):
        at = match.start()
        if at < pos:
            continue  # inside a phrase already replaced
        found = t.phrase_at(text, at)
        if found is not None:
            if pos < at:
                out.append(t.chars(text[pos:at]))
            out.append(found[1])
            pos = found[0]
    if not out:
        return t.chars(text)
    if pos < len(text):
        out.append(t.chars(text[pos:]))
    return "".join(out)
