"""Drives a real desktop for end-to-end tests and benchmarks: Xvfb, openbox, Chromium, the kbassist process."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[2]
HOTKEY = "ctrl+alt+k"
T = TypeVar("T")

CHAT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>chat-test</title>
<style>body{font:16px sans-serif;margin:20px;background:#f4f6f8}
#log{height:300px;overflow:auto;background:#fff;border:1px solid #ccc;padding:8px;margin-bottom:8px;white-space:pre-wrap}
#box{width:95%;height:160px;font-size:15px}</style></head>
<body><h3>客户会话 · chat</h3><div id="log"><div>客户: 你好，我申请的退款多久能到账？</div></div>
<textarea id="box" autofocus placeholder="输入回复…"></textarea>
<script>
window.sent = [];
const box = document.getElementById('box');
box.addEventListener('keydown', (e) => {
  // Enter sends the message like a chat widget does; Shift+Enter is a line break.
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    window.sent.push(box.value);
    const p = document.createElement('div'); p.textContent = '客服: ' + box.value;
    document.getElementById('log').appendChild(p);
    box.value = '';
  }
});
</script></body></html>
"""


def wait_for(what: str, check: Callable[[], T | None], timeout: float = 10.0, interval: float = 0.005) -> T:
    """Poll `check` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.1f} s waiting for {what}")
        time.sleep(interval)


def wait_or_none(check: Callable[[], Any], timeout: float) -> bool:
    try:
        wait_for("", check, timeout)
    except TimeoutError:
        return False
    return True


class Proc:
    """A child in its own session, stopped by process group."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None, **kwargs: Any) -> None:
        self.argv = list(argv)
        self.popen = subprocess.Popen(self.argv, env=env, start_new_session=True, **kwargs)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, timeout: float = 3.0) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.popen.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.popen.wait(timeout)
        else:
            # The leader is gone; children it left in the group (Chromium's zygotes) may not be.
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def start_xvfb(width: int = 1280, height: int = 800) -> tuple[Proc, str]:
    """Xvfb on a free display number; reading the number back means the server is ready."""
    rfd, wfd = os.pipe()
    proc = Proc(
        ["Xvfb", "-displayfd", str(wfd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(wfd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(wfd)
    data = b""
    deadline = time.monotonic() + 15
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([rfd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            proc.stop()
            raise TimeoutError("Xvfb did not report a display number")
        chunk = os.read(rfd, 64)
        if not chunk:
            proc.stop()
            raise RuntimeError("Xvfb exited before reporting a display number")
        data += chunk
    os.close(rfd)
    return proc, f":{data.decode().strip()}"


class X:
    """The test's own X connection: active window, window lookup, XTEST keys."""

    def __init__(self, display_name: str) -> None:
        from Xlib import XK, display
        from Xlib import X as Xc

        self._XK = XK
        self._X = Xc
        self.display = display.Display(display_name)
        self.root = self.display.screen().root
        self._atoms: dict[str, int] = {}

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.display.intern_atom(name)
        return self._atoms[name]

    def root_property(self, name: str) -> list[int]:
        prop = self.root.get_full_property(self.atom(name), self._X.AnyPropertyType)
        return list(prop.value) if prop is not None else []

    def wm_running(self) -> bool:
        return bool(self.root_property("_NET_SUPPORTING_WM_CHECK"))

    def active(self) -> int:
        value = self.root_property("_NET_ACTIVE_WINDOW")
        return int(value[0]) if value else 0

    def title(self, wid: int) -> str:
        from Xlib import error

        window = self.display.create_resource_object("window", wid)
        try:
            prop = window.get_full_property(self.atom("_NET_WM_NAME"), self.atom("UTF8_STRING"))
            if prop is not None:
                v = prop.value
                return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
            name = window.get_wm_name()
            return name if isinstance(name, str) else (name or b"").decode("latin-1")
        except error.XError:
            return ""

    def clients(self) -> list[int]:
        return [int(w) for w in self.root_property("_NET_CLIENT_LIST")]

    def find(self, title_part: str) -> int:
        for wid in self.clients():
            if title_part in self.title(wid):
                return wid
        return 0

    def activate(self, wid: int) -> None:
        from Xlib.protocol import event

        window = self.display.create_resource_object("window", wid)
        message = event.ClientMessage(
            window=window, client_type=self.atom("_NET_ACTIVE_WINDOW"), data=(32, [2, self._X.CurrentTime, 0, 0, 0])
        )
        mask = self._X.SubstructureRedirectMask | self._X.SubstructureNotifyMask
        self.root.send_event(message, event_mask=mask)
        self.display.flush()

    def _code(self, keysym_name: str) -> int:
        code = self.display.keysym_to_keycode(self._XK.string_to_keysym(keysym_name))
        if not code:
            raise ValueError(f"no keycode for {keysym_name}")
        return code

    _MODS = {"ctrl": "Control_L", "alt": "Alt_L", "shift": "Shift_L", "super": "Super_L"}
    _NAMES = {"enter": "Return", "return": "Return", "esc": "Escape", "escape": "Escape", "space": "space",
              "tab": "Tab", "backspace": "BackSpace", "down": "Down", "up": "Up"}  # fmt: skip

    def key(self, chord: str) -> None:
        """Press and release e.g. "ctrl+alt+k", "shift+return" through XTEST."""
        from Xlib.ext import xtest

        parts = chord.split("+")
        names = [self._MODS.get(p.lower()) or self._NAMES.get(p.lower()) or p for p in parts]
        codes = [self._code(n) for n in names]
        for code in codes:
            xtest.fake_input(self.display, self._X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self.display, self._X.KeyRelease, code)
        self.display.sync()

    def type_ascii(self, text: str) -> None:
        """Type lower-case letters, digits and spaces (what a pinyin query needs) through XTEST."""
        for char in text:
            self.key("space" if char == " " else char)

    def close(self) -> None:
        self.display.close()


def start_openbox(env: dict[str, str], x: X) -> Proc:
    proc = Proc(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for("openbox to manage the screen", x.wm_running, timeout=10)
    return proc


class Chromium:
    """Chromium showing the local chat page; the textarea is read over the DevTools websocket."""

    def __init__(self, env: dict[str, str], workdir: Path, x: X, page_html: str = CHAT_PAGE) -> None:
        import websocket

        self.workdir = workdir
        self.profile = workdir / "chromium-profile"
        self.profile.mkdir(parents=True, exist_ok=True)
        page = workdir / "chat.html"
        page.write_text(page_html, encoding="utf-8")
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        argv = [
            binary, "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-default-apps", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--password-store=basic", "--test-type", f"--user-data-dir={self.profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--start-maximized",
            f"--app={page.as_uri()}",
        ]  # fmt: skip
        self.proc = Proc(
            argv,
            env={**env, "DBUS_SESSION_BUS_ADDRESS": "disabled:"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = self.profile / "DevToolsActivePort"
        port = wait_for("Chromium's DevTools port", lambda: _read_port(port_file), timeout=30, interval=0.05)
        targets = wait_for("the chat page target", lambda: _page_targets(port), timeout=15, interval=0.05)
        self.ws = websocket.create_connection(targets[0]["webSocketDebuggerUrl"], timeout=10)
        self._id = 0
        wait_for("the chat page to load", lambda: self.eval("document.readyState") == "complete", timeout=15)
        self.window = wait_for("the Chromium window", lambda: x.find("chat-test"), timeout=15)

    def eval(self, expression: str) -> Any:
        self._id += 1
        msg_id = self._id
        self.ws.send(json.dumps({"id": msg_id, "method": "Runtime.evaluate",
                                 "params": {"expression": expression, "returnByValue": True}}))  # fmt: skip
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                result = reply.get("result", {}).get("result", {})
                return result.get("value")

    def textarea(self) -> str:
        return str(self.eval("document.getElementById('box').value"))

    def sent(self) -> list[str]:
        return list(self.eval("window.sent"))

    def reset(self) -> None:
        self.eval("window.sent = []; document.getElementById('box').value = ''; document.getElementById('box').focus()")

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.stop()


def _read_port(path: Path) -> int | None:
    try:
        first = path.read_text().splitlines()[0]
        return int(first)
    except (OSError, IndexError, ValueError):
        return None


def _page_targets(port: int) -> list[dict[str, Any]] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as resp:
            targets = json.load(resp)
    except OSError:
        return None
    pages = [t for t in targets if t.get("type") == "page" and "chat.html" in t.get("url", "")]
    return pages or None


class LogLines:
    """Collects a child's stderr lines with their arrival time, for waiting on log lines."""

    def __init__(self, stream: Any, echo: Path | None = None) -> None:
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._echo = echo.open("a", encoding="utf-8") if echo else None
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream: Any) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            now = time.monotonic()
            if self._echo:
                self._echo.write(line + "\n")
                self._echo.flush()
            with self._cond:
                self.lines.append((now, line))
                self._cond.notify_all()

    def mark(self) -> int:
        with self._cond:
            return len(self.lines)

    def wait(self, needle: str, since: int = 0, timeout: float = 10.0) -> tuple[float, str]:
        """The first line at index >= since containing `needle`, with its arrival time."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for stamp, line in self.lines[since:]:
                    if needle in line:
                        return stamp, line
                left = deadline - time.monotonic()
                if left <= 0:
                    tail = "\n".join(line for _, line in self.lines[-15:])
                    raise TimeoutError(f"no log line with {needle!r} within {timeout:.1f} s; last lines:\n{tail}")
                self._cond.wait(left)

    def text(self) -> str:
        with self._cond:
            return "\n".join(line for _, line in self.lines)


class App:
    """`python -m kbassist …` as a separate process with a private KBASSIST_HOME."""

    def __init__(
        self,
        env: dict[str, str],
        home: Path,
        kb: Path,
        hotkey: str,
        extra_env: dict[str, str] | None = None,
        argv: Sequence[str] | None = None,
    ) -> None:
        self.env = {**env, "KBASSIST_HOME": str(home), "QT_QPA_PLATFORM": "xcb", "PYTHONUNBUFFERED": "1",
                    **(extra_env or {})}  # fmt: skip
        home.mkdir(parents=True, exist_ok=True)
        command = list(argv) if argv else [sys.executable, "-m", "kbassist", "--kb", str(kb), "--hotkey", hotkey]
        self.proc = Proc(command, env=self.env, cwd=str(REPO), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.log = LogLines(self.proc.popen.stderr, echo=home / "app-stderr.log")

    def run_cli(self, *args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
        return run_cli(self.env, *args, timeout=timeout)

    def stop(self) -> None:
        self.proc.stop()


def run_cli(env: dict[str, str], *args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """`python -m kbassist ARGS` to completion, e.g. `show`."""
    return subprocess.run(
        [sys.executable, "-m", "kbassist", *args], env=env, cwd=str(REPO), capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def xclip_set(display: str, text: str, target: str | None = None, data: bytes | None = None) -> Proc:
    """Own the CLIPBOARD with xclip (it keeps serving from the background until someone else takes it)."""
    argv = ["xclip", "-selection", "clipboard", "-i", "-quiet"] + (["-t", target] if target else [])
    proc = Proc(
        argv,
        env={**os.environ, "DISPLAY": display},
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert proc.popen.stdin is not None
    payload = data if data is not None else text.encode("utf-8")
    proc.popen.stdin.write(payload)
    proc.popen.stdin.close()
    wait_for(
        "xclip to own the clipboard", lambda: xclip_get_bytes(display, target) == payload, timeout=5, interval=0.01
    )
    return proc


def xclip_get_bytes(display: str, target: str | None = None) -> bytes | None:
    argv = ["xclip", "-selection", "clipboard", "-o"] + (["-t", target] if target else [])
    try:
        out = subprocess.run(argv, env={**os.environ, "DISPLAY": display}, capture_output=True, timeout=3)
    except subprocess.TimeoutExpired:
        return None
    return out.stdout if out.returncode == 0 else None


def xclip_get(display: str, target: str | None = None) -> str | None:
    data = xclip_get_bytes(display, target)
    return data.decode("utf-8", "replace") if data is not None else None


def screenshot(display: str, path: Path) -> bool:
    """The whole screen as PNG via ImageMagick's `import`; False when that is not installed or fails."""
    if shutil.which("import") is None:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["import", "-window", "root", str(path)], env={**os.environ, "DISPLAY": display}, capture_output=True,
        timeout=20,
    )  # fmt: skip
    return result.returncode == 0


class Desktop:
    """Xvfb + openbox + Chromium on the chat page, torn down in reverse order."""

    def __init__(self, workdir: Path | None = None) -> None:
        self._own_tmp = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="kbassist-e2e-")) if workdir is None else workdir
        self.procs: list[Proc] = []
        self.x: X | None = None
        self.chromium: Chromium | None = None
        try:
            xvfb, self.display = start_xvfb(1100, 700)
            self.procs.append(xvfb)
            self.env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
            self.env["DISPLAY"] = self.display
            self.x = X(self.display)
            self.procs.append(start_openbox(self.env, self.x))
            self.chromium = Chromium(self.env, self.workdir, self.x)
            self._warm_up()
        except BaseException:
            self.close()
            raise

    def _warm_up(self) -> None:
        """Keys sent right after the page loads can get lost; probe until a typed key arrives."""
        assert self.chromium is not None and self.x is not None
        self.focus_chat()

        def probe() -> bool:
            self.x.key("x")
            return wait_or_none(lambda: "x" in self.chromium.textarea(), 0.3)  # type: ignore[union-attr]

        wait_for("Chromium to accept typed keys", probe, timeout=20, interval=0.05)
        self.chromium.reset()

    def focus_chat(self) -> None:
        assert self.chromium is not None and self.x is not None
        self.x.activate(self.chromium.window)
        wait_for("Chromium to be active", lambda: self.x.active() == self.chromium.window, timeout=5)
        self.chromium.reset()

    def close(self) -> None:
        if self.chromium is not None:
            self.chromium.close()
        if self.x is not None:
            self.x.close()
        for proc in reversed(self.procs):
            proc.stop()
        if self._own_tmp:
            shutil.rmtree(self.workdir, ignore_errors=True)
