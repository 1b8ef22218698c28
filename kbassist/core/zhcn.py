"""Traditional → simplified Chinese (zhconv's 'zh-cn' conversion) from zhconv's own data, keeping only that table."""

from __future__ import annotations

import json
import threading
import importlib.util
from pathlib import Path

# zhconv.convert(text, "zh-cn") loads every variant table of its dictionary plus a frozenset of all key prefixes
# (~15 MB resident). We need one direction only: the same data (zh2Hans updated by zh2CN, exactly as zhconv
# builds its zh-cn table) and the same longest-match rule, with a per-first-character length bound instead of the
# prefix set.


class _Table:
    def __init__(self) -> None:
        text = _data_file().read_bytes().decode("utf-8")
        table = _section(text, "zh2Hans")
        table.update(_section(text, "zh2CN"))
        del text
        longest: dict[str, int] = {}
        for key in table:
            if key and len(key) > longest.get(key[0], 0):
                longest[key[0]] = len(key)
        self.table = table
        self.longest = longest


def _data_file() -> Path:
    """zhconv's zhcdict.json, found without importing zhconv: its import pulls in pkg_resources (~10 MB)."""
    spec = importlib.util.find_spec("zhconv")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("zhconv is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "zhcdict.json"


def _section(text: str, name: str) -> dict[str, str]:
    """One top-level table of zhcdict.json, decoded alone: decoding the whole file would build every other table
    too, and the freed objects leave the process's memory fragmented for good."""
    key = json.dumps(name) + ":"
    at = text.find(key)
    if at >= 0:
        decoder = json.JSONDecoder()
        start = at + len(key)
        while text[start].isspace():
            start += 1
        value, _ = decoder.raw_decode(text, start)
        if isinstance(value, dict):
            return value
    return dict(json.loads(text)[name])  # not laid out as expected: the whole file, at a cost in memory


_table: _Table | None = None
_lock = threading.Lock()


def _get() -> _Table:
    global _table  # noqa: PLW0603 - a read-only data cache loaded once, like zhconv's own
    if _table is None:
        with _lock:
            if _table is None:
                _table = _Table()
    return _table


def to_simplified(text: str) -> str:
    """The same result as zhconv.convert(text, "zh-cn"): at each position the longest table key wins."""
    t = _get()
    table, longest = t.table, t.longest
    out: list[str] = []
    n = len(text)
    pos = 0
    start = 0  # the start of the current unconverted stretch, copied in one slice
    while pos < n:
        bound = longest.get(text[pos])
        if bound is None:
            pos += 1
            continue
        for size in range(min(bound, n - pos), 0, -1):
            repl = table.get(text[pos:pos + size])
            if repl is not None:
                if start < pos:
                    out.append(text[start:pos])
                out.append(repl)
                pos += size
                start = pos
                break
        else:
            pos += 1
    if start == 0:
        return text
    if start < n:
        out.append(text[start:])
    return "".join(out)
