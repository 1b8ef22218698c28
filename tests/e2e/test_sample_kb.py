"""The shipped sample knowledge base end to end: pinyin query, trigger, placeholder form, paste into Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import harness
import pytest
from harness import HOTKEY

from kbassist.core.engine import Engine
from kbassist.core.render import render_block

ARTIFACTS = harness.REPO / "artifacts"


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "kb"
    shutil.copytree(harness.REPO / "kb", target)
    return target


@pytest.fixture(scope="module")
def app(
    desktop: harness.Desktop, sample_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[harness.App]:
    """Overrides the e2e KB of conftest with the sample kb/ that ships with the program."""
    home = tmp_path_factory.mktemp("samplehome")
    proc = harness.App(desktop.env, home, sample_copy, HOTKEY, extra_env={"KBASSIST_TRACE": "1"})
    try:
        proc.log.wait(f"hotkey registered: {HOTKEY} via x11", timeout=30)
        proc.log.wait("index ready: 50 entries", timeout=90)
        yield proc
    finally:
        proc.stop()


def _open(desk: harness.Desktop, app: harness.App) -> None:
    assert desk.x is not None
    mark = app.log.mark()
    desk.x.key(HOTKEY)
    app.log.wait("overlay shown", mark, timeout=5)
    harness.wait_for("the overlay to be active", lambda: desk.x.title(desk.x.active()) == "kbassist", 5)


def _first_script(kb: Path, query: str) -> str:
    engine = Engine(kb, kb.parent / "check-index")
    try:
        engine.update()
        hits = engine.search(query)
        assert hits, query
        return hits[0].blocks[0].text
    finally:
        engine.close()


def test_pinyin_query_shows_the_refund_entries(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.x is not None
    _open(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("tuikuan")
    _, line = app.log.wait("query=tuikuan", mark, timeout=10)
    assert "hits=0" not in line
    # The README's screenshot: the overlay over the chat page with the sample KB.
    harness.screenshot(chat.display, ARTIFACTS / "overlay-sample-kb.png")
    chat.x.key("escape")
    harness.wait_for("Chromium to be active again", lambda: chat.x.active() == chat.chromium.window, 5)
    assert chat.chromium is not None and chat.chromium.textarea() == ""


def test_trigger_and_placeholders_paste_the_sample_script(
    chat: harness.Desktop, app: harness.App, sample_copy: Path
) -> None:
    assert chat.x is not None and chat.chromium is not None
    script = _first_script(sample_copy, "kmwd")
    expected, _ = render_block(script, {"用户昵称": "Tom", "订单号": "A123"})
    assert "Tom" in expected and "A123" in expected  # the first script really has both placeholders
    _open(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("kmwd")
    app.log.wait("query=kmwd", mark, timeout=10)
    mark = app.log.mark()
    chat.x.key("return")  # the placeholder form: {用户昵称} first, then {订单号}
    chat.x.key("shift+t")
    chat.x.type_ascii("om")
    chat.x.key("tab")
    chat.x.key("shift+a")
    chat.x.type_ascii("123")
    chat.x.key("return")
    app.log.wait("paste finished: pasted", mark, timeout=10)
    harness.wait_for("the filled-in sample script", lambda: chat.chromium.textarea() == expected, timeout=5)
    assert chat.x.active() == chat.chromium.window
