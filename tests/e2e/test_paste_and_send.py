"""Paste-and-send with HTML on: Ctrl+V lands before Return in a chat page that sends on Enter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import harness
from harness import HOTKEY

SHIPPING = "您好，高峰期发货稍有延迟，请您耐心等待几分钟。"


@pytest.fixture(scope="module")
def send_app(
    desktop: harness.Desktop, kb_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[harness.App]:
    home = tmp_path_factory.mktemp("sendhome")
    (home / "config").mkdir()
    (home / "config" / "settings.toml").write_text(
        'paste_mode = "paste_and_send"\npaste_html = true\n', encoding="utf-8"
    )
    proc = harness.App(desktop.env, home, kb_copy, HOTKEY, extra_env={"KBASSIST_TRACE": "1"})
    try:
        proc.log.wait(f"hotkey registered: {HOTKEY} via x11", timeout=30)
        proc.log.wait("index ready:", timeout=60)
        yield proc
    finally:
        proc.stop()


def test_paste_and_send_sends_the_pasted_text(desktop: harness.Desktop, send_app: harness.App) -> None:
    assert desktop.x is not None and desktop.chromium is not None
    desktop.focus_chat()
    previous = harness.xclip_set(desktop.display, "之前复制的")
    try:
        mark = send_app.log.mark()
        desktop.x.key(HOTKEY)
        harness.wait_for("overlay active", lambda: desktop.x.title(desktop.x.active()) == "kbassist", timeout=5)
        desktop.x.type_ascii("fhyc")
        send_app.log.wait("query=fhyc", mark, timeout=10)
        mark = send_app.log.mark()
        desktop.x.key("return")
        send_app.log.wait("paste finished: pasted", mark, timeout=10)
        # The page moves the textarea's value into window.sent on Enter: Return came after the text.
        harness.wait_for("the message to be sent", lambda: desktop.chromium.sent() == [SHIPPING], timeout=5)
        assert desktop.chromium.textarea() == ""
        assert harness.xclip_get(desktop.display) == "之前复制的"
    finally:
        previous.stop()
