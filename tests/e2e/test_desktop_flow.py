"""The real app under Xvfb + openbox: hotkey, overlay, search, paste into Chromium, clipboard restore."""

from __future__ import annotations

import os
from pathlib import Path

import harness
from harness import HOTKEY

REFUND = "您好，退款已按原路退回，一般 1-3 个工作日到账。\n\n如超时未到账，请随时联系我们。"
CARD = "您好，订单 A123 的卡密已为您重新补发，请查收。"
SHIPPING = "您好，高峰期发货稍有延迟，请您耐心等待几分钟。"
ARTIFACTS = harness.REPO / "artifacts"


def open_overlay(desk: harness.Desktop, app: harness.App) -> int:
    """Send the hotkey and wait until the overlay is the active window (typing earlier would race it)."""
    assert desk.x is not None
    mark = app.log.mark()
    desk.x.key(HOTKEY)
    app.log.wait("overlay shown", mark, timeout=5)
    return harness.wait_for(
        "the overlay to be active", lambda: desk.x.title(desk.x.active()) == "kbassist" and desk.x.active(), 5
    )


def wait_results(app: harness.App, query: str, since: int) -> None:
    app.log.wait(f"query={query}", since, timeout=10)


def chromium_active(desk: harness.Desktop) -> bool:
    assert desk.x is not None and desk.chromium is not None
    return desk.x.active() == desk.chromium.window


def test_chinese_query_pastes_and_restores_clipboard(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.chromium is not None
    open_overlay(chat, app)
    # No input method under Xvfb: Chinese reaches the search field via the clipboard (Ctrl+V), which is exact,
    # unlike xdotool's keymap remapping that drops characters under load.
    query_owner = harness.xclip_set(chat.display, "退款")
    try:
        mark = app.log.mark()
        chat.x.key("ctrl+v")
        wait_results(app, "退款", mark)
    finally:
        query_owner.stop()
    if os.environ.get("KBASSIST_SCREENSHOT", "1") == "1":
        harness.screenshot(chat.display, ARTIFACTS / "overlay.png")
    # The agent's own clipboard content, which must come back after the paste.
    previous = harness.xclip_set(chat.display, "客户订单号 20261123-001")
    try:
        mark = app.log.mark()
        chat.x.key("return")
        app.log.wait("paste finished: pasted", mark, timeout=10)
        harness.wait_for("the script in the textarea", lambda: chat.chromium.textarea() == REFUND, timeout=5)
        assert chat.chromium.textarea() == REFUND
        harness.wait_for("Chromium active again", lambda: chromium_active(chat), timeout=3)
        assert harness.xclip_get(chat.display) == "客户订单号 20261123-001"
    finally:
        previous.stop()


def test_pinyin_query_pastes(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.chromium is not None and chat.x is not None
    open_overlay(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("tuikuan")
    wait_results(app, "tuikuan", mark)
    mark = app.log.mark()
    chat.x.key("return")
    app.log.wait("paste finished: pasted", mark, timeout=10)
    harness.wait_for("the script in the textarea", lambda: chat.chromium.textarea() == REFUND, timeout=5)
    assert chromium_active(chat)


def test_placeholder_value_is_filled_in(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.chromium is not None and chat.x is not None
    open_overlay(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("kmwx")
    wait_results(app, "kmwx", mark)
    mark = app.log.mark()
    chat.x.key("return")  # opens the form for {订单号}; keys queue behind it, so no wait is needed
    chat.x.key("shift+a")
    chat.x.type_ascii("123")
    chat.x.key("return")
    app.log.wait("paste finished: pasted", mark, timeout=10)
    harness.wait_for("the filled-in script", lambda: chat.chromium.textarea() == CARD, timeout=5)
    assert chromium_active(chat)


def test_shift_enter_copies_only(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.chromium is not None and chat.x is not None
    open_overlay(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("fhyc")
    wait_results(app, "fhyc", mark)
    mark = app.log.mark()
    chat.x.key("shift+return")
    app.log.wait("paste finished: copied", mark, timeout=10)
    assert harness.xclip_get(chat.display) == SHIPPING
    assert chat.chromium.textarea() == ""
    assert chat.chromium.sent() == []


def test_image_clipboard_comes_back_after_paste(chat: harness.Desktop, app: harness.App) -> None:
    """A non-text clipboard (a screenshot the agent copied) survives the paste byte for byte."""
    assert chat.chromium is not None and chat.x is not None
    png = (harness.REPO / "tests" / "e2e" / "kb").parent.joinpath("pixel.png").read_bytes()
    open_overlay(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("tkdz")
    wait_results(app, "tkdz", mark)
    previous = harness.xclip_set(chat.display, "", target="image/png", data=png)
    try:
        mark = app.log.mark()
        chat.x.key("return")
        app.log.wait("paste finished: pasted", mark, timeout=10)
        harness.wait_for("the script in the textarea", lambda: chat.chromium.textarea() == REFUND, timeout=5)
        assert harness.xclip_get_bytes(chat.display, "image/png") == png
    finally:
        previous.stop()


def test_escape_returns_focus_without_pasting(chat: harness.Desktop, app: harness.App) -> None:
    assert chat.chromium is not None and chat.x is not None
    open_overlay(chat, app)
    mark = app.log.mark()
    chat.x.type_ascii("tkdz")
    wait_results(app, "tkdz", mark)
    mark = app.log.mark()
    chat.x.key("escape")
    harness.wait_for("Chromium active again", lambda: chromium_active(chat), timeout=5)
    assert chat.chromium.textarea() == ""
    assert "paste finished" not in "\n".join(line for _, line in app.log.lines[mark:])


def test_taken_hotkey_keeps_app_running_and_show_works(
    desktop: harness.Desktop, kb_copy: Path, tmp_path: Path
) -> None:
    from Xlib import XK, X, display

    assert desktop.x is not None
    chord = "ctrl+alt+j"
    # Another program holds the chord first.
    other = display.Display(desktop.display)
    keycode = other.keysym_to_keycode(XK.string_to_keysym("j"))
    other.screen().root.grab_key(keycode, X.ControlMask | X.Mod1Mask, True, X.GrabModeAsync, X.GrabModeAsync)
    other.sync()
    proc = harness.App(desktop.env, tmp_path / "home", kb_copy, chord)
    try:
        proc.log.wait(f"hotkey unavailable: {chord}: taken", timeout=30)
        proc.log.wait("index ready:", timeout=60)
        assert proc.proc.alive()
        desktop.focus_chat()
        mark = proc.log.mark()
        result = proc.run_cli("show")
        assert result.returncode == 0, result.stderr
        proc.log.wait("overlay shown", mark, timeout=10)
        harness.wait_for(
            "the overlay to be active", lambda: desktop.x.title(desktop.x.active()) == "kbassist", timeout=5
        )
        desktop.x.key("escape")
        harness.wait_for(
            "Chromium active again",
            lambda: desktop.chromium is not None and desktop.x.active() == desktop.chromium.window,
            timeout=5,
        )
        assert proc.proc.alive()
    finally:
        proc.stop()
        other.close()


def test_show_without_instance_fails_clearly(desktop: harness.Desktop, tmp_path: Path) -> None:
    env = {**desktop.env, "KBASSIST_HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    result = harness.run_cli(env, "show")
    assert result.returncode == 1
    assert result.stderr.strip()
