"""Plumbing shared by the modules whose tail is a table generated from a library's data (pinyin, zhcn)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """A value built on first use, once, even when several threads ask at the same moment."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
                value = self._value
        return value


def regenerate(module_file: str, marker: str, tables: str, *, check: bool, source: str, command: str) -> int:
    """Replace everything from `marker` on in module_file with `tables` (marker first), or with check only compare.

    Returns the exit status: 1 when checking finds the file out of date, else 0.
    """
    path = Path(module_file)
    text = path.read_text(encoding="utf-8")
    head = text[: text.index(marker)] if marker in text else text.rstrip("\n") + "\n\n\n"
    wanted = head + tables
    if check:
        if text != wanted:
            print(f"{path.name} is not what {source} gives: run `{command}`", file=sys.stderr)
            return 1
        return 0
    path.write_text(wanted, encoding="utf-8")
    print(f"tables written for {source}", file=sys.stderr)
    return 0
