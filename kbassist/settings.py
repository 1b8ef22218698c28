"""User settings: the dataclass, validation, layered TOML loading (team file with locks, user file) and atomic saving."""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from collections.abc import Iterable
from typing import Any

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

import tomli_w

from kbassist.paths import AppDirs, app_dirs, bundled_kb, executable_dir

log = logging.getLogger("kbassist.settings")

# Priority, highest first: the command line (--kb, --hotkey; applied by the app), the team's `kbassist.toml` next to
# the frozen executable (IT ships it; it may lock keys), the user's settings.toml, the defaults of Settings.
TEAM_FILE_NAME = "kbassist.toml"
# Running from source there is no executable to sit next to: this names the team file instead (tests, trying out a
# team file before IT ships it). The frozen app ignores it, so an agent cannot swap the file that locks settings.
TEAM_FILE_ENV = "KBASSIST_TEAM_FILE"

PASTE_MODES = ("paste", "paste_and_send", "copy_only")
PASTE_CHORDS = ("ctrl+v", "shift+insert")
LANGUAGES = ("zh", "en")

_MODIFIERS = {"ctrl", "alt", "shift", "super", "meta", "win", "cmd"}
# A key token after the modifiers: a letter/digit, f1..f24, or a named key such as space, return, insert.
_KEY_TOKEN = re.compile(r"^(?:[a-z0-9]|f(?:[1-9]|1[0-9]|2[0-4])|[a-z_]{2,20}|[`\-=\[\];',./\\])$")


@dataclass
class Settings:
    """Everything the user can set; defaults are what a fresh install uses."""

    hotkey: str = "ctrl+alt+k"
    kb_path: str = ""  # empty: the sample KB shipped with the program
    paste_mode: str = "paste"
    paste_chord: str = "ctrl+v"
    # Plain text only by default: many chat widgets turn pasted HTML into odd spacing.
    paste_html: bool = False
    restore_clipboard: bool = True
    restore_delay_ms: int = 300
    agent_name: str = ""
    language: str = "zh"
    autostart: bool = False
    # Reserved for the usage analytics: whether queries/choices are logged, masked, and for how long.
    usage_logging: bool = True
    usage_masking: bool = True
    usage_retention_days: int = 90
    # Re-order short/ambiguous queries' results by what this agent used recently (from the usage log).
    usage_ranking: bool = True
    # Keys found in the file that this version does not know; kept so saving never loses them.
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def kb_root(self, fallback: Path) -> Path:
        """The KB folder to use: the configured one, or `fallback` (the bundled sample) when unset."""
        return Path(self.kb_path).expanduser() if self.kb_path.strip() else fallback

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        data.update(self.extra)
        return data


SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings) if f.name != "extra")


def valid_chord(chord: str) -> bool:
    """A light syntax check of a hotkey chord ("ctrl+alt+k"); the hotkey backend does the real check."""
    if not isinstance(chord, str) or chord != chord.strip().lower() or not chord:
        return False
    parts = chord.split("+")
    if any(not p for p in parts):
        return False
    *mods, key = parts
    if any(m not in _MODIFIERS for m in mods) or len(set(mods)) != len(mods):
        return False
    return key not in _MODIFIERS and bool(_KEY_TOKEN.match(key))


def _check(key: str, value: Any) -> str | None:
    """None if `value` is acceptable for `key`, otherwise why not (in words for the user)."""
    default = getattr(Settings(), key)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            return "应为 true 或 false (expected a boolean)"
        return None
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return "应为整数 (expected an integer)"
        if key == "restore_delay_ms" and not 0 <= value <= 10_000:
            return "应在 0 到 10000 之间 (expected 0..10000)"
        if key == "usage_retention_days" and not 1 <= value <= 3650:
            return "应在 1 到 3650 之间 (expected 1..3650)"
        return None
    if not isinstance(value, str):
        return "应为字符串 (expected a string)"
    if key == "hotkey" and not valid_chord(value):
        return '不是有效的快捷键，例如 "ctrl+alt+k" (not a valid chord)'
    if key == "paste_mode" and value not in PASTE_MODES:
        return f"应为 {' / '.join(PASTE_MODES)} 之一"
    if key == "paste_chord" and value not in PASTE_CHORDS:
        return f"应为 {' / '.join(PASTE_CHORDS)} 之一"
    if key == "language" and value not in LANGUAGES:
        return f"应为 {' / '.join(LANGUAGES)} 之一"
    return None


def validate(settings: Settings) -> list[str]:
    """Problems with the values currently in `settings` (used by the dialog before saving)."""
    out = []
    for key in SETTING_KEYS:
        why = _check(key, getattr(settings, key))
        if why:
            out.append(f"{key} = {getattr(settings, key)!r}: {why}")
    return out


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(data, None), or (None, message) when the file cannot be read or parsed; a missing file is ({}, None)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return None, f"{path}: 无法读取设置文件 (cannot read): {exc}"
    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        return None, f"{path}: 设置文件不是 UTF-8 (not UTF-8): {exc}"
    except tomllib.TOMLDecodeError as exc:
        return None, f"{path}: 设置文件格式错误，已使用默认设置；保存时原文件会备份为 .bak (invalid TOML): {exc}"


def _apply(
    settings: Settings, data: dict[str, Any], path: Path, locked: dict[str, str], warnings: list[str], keep_unknown: bool
) -> None:
    for key, value in data.items():
        if key in ("locked", "lock_reason"):
            continue
        if key not in SETTING_KEYS:
            if keep_unknown:
                settings.extra[key] = value
            warnings.append(f"{path}: 未知设置 {key!r}，已保留但不使用 (unknown key kept)")
            continue
        if key in locked:
            warnings.append(f"{path}: {key} 由团队设置锁定，忽略此处的值 (locked: {locked[key]})")
            continue
        why = _check(key, value)
        if why:
            default = getattr(Settings(), key)
            warnings.append(f"{path}: {key} = {value!r} 无效，使用默认值 {default!r}: {why}")
            continue
        setattr(settings, key, value)


def _locks(data: dict[str, Any], path: Path, warnings: list[str]) -> dict[str, str]:
    """The `locked = [...]` list of a team file, as key -> reason shown in the settings dialog."""
    names = data.get("locked", [])
    reason = data.get("lock_reason", "")
    if not isinstance(reason, str):
        reason = ""
    if not isinstance(names, list):
        warnings.append(f"{path}: locked 应为列表 (expected a list of keys)")
        return {}
    out: dict[str, str] = {}
    for name in names:
        if name in SETTING_KEYS:
            out[name] = reason or f"由团队设置锁定 ({path.name})"
        else:
            warnings.append(f"{path}: locked 中的 {name!r} 不是设置项 (unknown key)")
    return out


def load_layers(paths: list[Path]) -> tuple[Settings, list[str], dict[str, str]]:
    """Merge settings files, lowest priority first (team file, then user file); defaults under all of them.

    A file may lock keys (`locked = ["hotkey"]`, `lock_reason = "..."`): later files cannot change them.
    Bad values fall back to the default for that key only; an unparsable file counts as empty. Returns the settings,
    warnings naming file/key/value, and the locked keys with their reason. Unknown keys of the last (user) file are
    kept in `extra` so that saving preserves them.
    """
    settings = Settings()
    warnings: list[str] = []
    locked: dict[str, str] = {}
    for i, path in enumerate(paths):
        data, error = _read_toml(path)
        if error:
            warnings.append(error)
            continue
        assert data is not None
        _apply(settings, data, path, locked, warnings, keep_unknown=i == len(paths) - 1)
        locked.update(_locks(data, path, warnings))
    for w in warnings:
        log.warning("%s", w)
    return settings, warnings, locked


def load(path: Path) -> tuple[Settings, list[str]]:
    """Load one user settings file (see load_layers)."""
    settings, warnings, _ = load_layers([path])
    return settings, warnings


def load_effective(dirs: AppDirs, env: dict[str, str] | None = None) -> tuple[Settings, list[str], dict[str, str]]:
    """The settings every part of kbassist runs with: the team file (see team_file), then the user's file, built-in
    defaults under both. The command line (--kb, --hotkey) goes over all of them where it is parsed."""
    team = team_file(executable_dir(), env)
    if team is not None:
        log.info("team settings: %s%s", team, "" if team.is_file() else " (not found)")
    layers = [p for p in (team, dirs.settings_file) if p is not None]
    return load_layers(layers)


def resolve_kb(kb: str | Path | None, dirs: AppDirs | None = None) -> Path:
    """The KB folder: `kb` (from --kb), else the configured one, else the sample shipped with the program."""
    if kb:
        return Path(kb).expanduser()
    settings, _warnings, _locked = load_effective(dirs or app_dirs())
    return settings.kb_root(bundled_kb())


def team_file(executable_dir: Path | None, env: dict[str, str] | None = None) -> Path | None:
    """Where the team defaults come from: `kbassist.toml` next to the frozen exe (if there is one there), or, from
    source (`executable_dir` None), the file named by $KBASSIST_TEAM_FILE. A named file that does not exist counts as
    empty in load_layers, like a missing user file.
    """
    if executable_dir is not None:
        candidate = executable_dir / TEAM_FILE_NAME
        return candidate if candidate.is_file() else None
    value = (os.environ if env is None else env).get(TEAM_FILE_ENV, "").strip()
    return Path(value).expanduser() if value else None


def save(settings: Settings, path: Path, exclude: Iterable[str] = ()) -> None:
    """Write atomically (temp file + os.replace); an existing unparsable file is first kept as `<name>.bak`.

    `exclude`: keys not to write, e.g. those the team file locks (they are not the user's to keep).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        data, error = _read_toml(path)
        if error:
            shutil.copy2(path, path.with_name(path.name + ".bak"))
    skip = set(exclude)
    text = tomli_w.dumps({k: v for k, v in settings.to_dict().items() if k not in skip})
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def replace(settings: Settings, **changes: Any) -> Settings:
    """A copy with some values changed, keeping unknown keys."""
    new = dataclasses.replace(settings, **changes)
    new.extra = dict(settings.extra)
    return new
