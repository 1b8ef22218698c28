"""Regression guard for PySide6's emit(): Python-side emits must not leak or drop references of True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal(int)


def test_many_emits_leave_the_refcount_of_true_unchanged() -> None:
    # PySide6 6.12.0 fails this: its SignalInstance.emit() returns True without taking a reference, so every emit
    # drops one and CPython < 3.12 aborts with "bool_dealloc: deallocating True" after a few thousand. The project
    # pins 6.11.2; an upgrade that brings the bug back must be caught here, not by agents' crashing apps.
    emitter = Emitter()
    seen: list[int] = []
    emitter.fired.connect(seen.append)
    start = sys.getrefcount(True)
    for i in range(20_000):  # far more than True's natural reference count (~600 on 3.11)
        emitter.fired.emit(i)
    assert len(seen) == 20_000
    assert abs(sys.getrefcount(True) - start) <= 100
