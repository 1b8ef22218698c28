"""Native tests run Qt offscreen; the X11 tests get their own Xvfb (and openbox where focus matters)."""

from __future__ import annotations

import os

# Before any QApplication exists: the X11 backends talk to Xvfb through python-xlib, not through Qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))
import harness  # noqa: E402


@pytest.fixture(scope="module")
def xserver() -> Iterator[str]:
    """A private Xvfb display name (":N") with openbox managing it."""
    missing = [tool for tool in ("Xvfb", "openbox") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    xvfb, name = harness.start_xvfb(640, 480)
    x = harness.X(name)
    env = {**os.environ, "DISPLAY": name}
    openbox = None
    try:
        openbox = harness.start_openbox(env, x)
        yield name
    finally:
        x.close()
        if openbox is not None:
            openbox.stop()
        xvfb.stop()
