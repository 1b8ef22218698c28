"""XDG autostart (`~/.config/autostart/kbassist.desktop`): plain files, so it works on X11 and Wayland alike."""

from __future__ import annotations

import os
from pathlib import Path

from kbassist.native.base import Autostart


class XdgAutostart(Autostart):
    """`$XDG_CONFIG_HOME/autostart/kbassist.desktop` (freedesktop Desktop Application Autostart spec)."""

    name = "xdg"

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self._env = dict(os.environ) if env is None else env

    @property
    def path(self) -> Path:
        base = self._env.get("XDG_CONFIG_HOME") or str(Path(self._env.get("HOME", "~")).expanduser() / ".config")
        return Path(base) / "autostart" / "kbassist.desktop"

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        lines = {line.strip().lower() for line in text.splitlines()}
        return "hidden=true" not in lines and "x-gnome-autostart-enabled=false" not in lines

    def set_enabled(self, enabled: bool, command: list[str]) -> None:
        path = self.path
        if not enabled:
            path.unlink(missing_ok=True)
            return
        if not command:
            raise OSError("autostart needs a command to run")
        path.parent.mkdir(parents=True, exist_ok=True)
        content = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=kbassist\n"
            "Comment=客服知识库与话术助手\n"
            f"Exec={desktop_exec(command)}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        tmp = path.with_suffix(".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)


def desktop_exec(command: list[str]) -> str:
    """Quote argv for a .desktop Exec= line: double quotes around args with reserved characters, `%` doubled."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if arg and not (set(arg) & reserved):
            parts.append(arg)
        else:
            quoted = "".join("\\" + c if c in '"`$\\' else c for c in arg)
            # The string-level escape (\\ for a backslash) applies on top of the quoting rule.
            parts.append('"' + quoted.replace("\\", "\\\\") + '"')
    return " ".join(parts)

