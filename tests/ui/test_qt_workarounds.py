"""The emit() refcount workaround: many Python-side emits must not exhaust the reference count of True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from kbassist.ui.qt_workarounds import emit_drops_a_reference, protect_bool_singletons


class Emitter(QObject):
    fired = Signal(int)


def test_many_emits_survive() -> None:
    protect_bool_singletons()  # already done by conftest; a second call is a no-op
    emitter = Emitter()
    seen: list[int] = []
    emitter.fired.connect(seen.append)
    start = sys.getrefcount(True)
    for i in range(20_000):  # far more than True's natural reference count (~600)
        emitter.fired.emit(i)
    assert len(seen) == 20_000
    if emit_drops_a_reference():
        assert sys.getrefcount(True) > 1_000_000  # the headroom the workaround gave
        assert start - sys.getrefcount(True) >= 20_000 - 10  # the bug is still there: the workaround is needed
    else:
        assert abs(start - sys.getrefcount(True)) < 100
