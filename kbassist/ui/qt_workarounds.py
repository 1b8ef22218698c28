"""Workarounds for bugs in the PySide6 version we ship, each with the reason it exists."""

from __future__ import annotations

import ctypes
import logging
import platform
import sys

log = logging.getLogger("kbassist.app")

# Far more than any session emits, far below overflow of the 64-bit reference count.
_EXTRA_REFS = 1 << 40

_done = False


def emit_drops_a_reference() -> bool:
    """True if this PySide6 has the emit() refcount bug (measured, not guessed from the version number)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        ctypes.c_ssize_t.from_address(id(True)).value += lost  # give back what the probe itself took
    return lost > 0


def protect_bool_singletons() -> bool:
    """WORKAROUND: PySide6 6.12.0 `SignalInstance.emit()` returns True without taking a reference.

    Every `signal.emit(...)` made from Python therefore drops one reference of `True`; after a few thousand emits
    (keystrokes, search results, timers) CPython aborts with "bool_dealloc: deallocating True or False". Python 3.12+
    makes True/False/None immortal; on older CPython we give them a reference count that cannot run out, which is
    what 3.12 does, but only when a probe shows the bug. Returns True if the counts were raised. Safe to call more
    than once.
    """
    global _done
    if _done or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    _done = True
    if not emit_drops_a_reference():
        return False
    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA_REFS
    log.debug("raised the reference counts of True/False/None (PySide6 emit() refcount bug)")
    return True
