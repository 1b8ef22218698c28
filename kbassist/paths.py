"""Where kbassist keeps settings, index, logs and usage data, and where its bundled files are."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kbassist"
HOME_ENV = "KBASSIST_HOME"
PORTABLE_MARKER = "portable"


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def executable_dir() -> Path | None:
    """The folder of the frozen executable, or None when running from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def bundled_root() -> Path:
    """Folder holding the bundled `kb/` and `resources/` (the repo root, the install or the bundle)."""
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return _package_dir().parent


def bundled_kb() -> Path:
    """The sample knowledge base shipped with the program."""
    candidates = [
        bundled_root() / "kb",  # source checkout or frozen bundle
        _package_dir() / "kb_data",  # `pip install .` maps kb/ to kbassist/kb_data
    ]
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]


def resources_dir() -> Path:
    """Icons, styles and translations."""
    for path in (bundled_root() / "resources", _package_dir() / "resources"):
        if path.is_dir():
            return path
    return bundled_root() / "resources"


@dataclass(frozen=True)
class AppDirs:
    """The writable folders of one installation."""

    config: Path
    data: Path
    cache: Path
    logs: Path
    portable: bool

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"

    @property
    def usage_db(self) -> Path:
        return self.data / "usage.sqlite3"

    def index_dir(self, kb_root: Path) -> Path:
        """One index per KB folder, named after the folder and a hash of its absolute path."""
        resolved = str(kb_root.resolve())
        digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:12]
        name = "".join(c if c.isalnum() else "_" for c in kb_root.resolve().name)[:32] or "kb"
        return self.cache / "index" / f"{name}-{digest}"

    @property
    def jieba_cache(self) -> Path:
        return self.cache / "jieba.cache"


def app_dirs(env: dict[str, str] | None = None) -> AppDirs:
    """Resolve the folders: $KBASSIST_HOME, then a `portable` marker next to the exe, then platformdirs."""
    env = dict(os.environ) if env is None else env
    home = env.get(HOME_ENV)
    exe_dir = executable_dir()
    if not home and exe_dir is not None and (exe_dir / PORTABLE_MARKER).exists():
        home = str(exe_dir / "data")
    if home:
        root = Path(home).expanduser()
        return AppDirs(root / "config", root / "data", root / "cache", root / "logs", portable=True)
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return AppDirs(
        Path(dirs.user_config_dir),
        Path(dirs.user_data_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_log_dir),
        portable=False,
    )
