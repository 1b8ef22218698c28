"""Bundle benchmark: size on disk, an estimate of the Windows size, frozen start to "hotkey ready", `--version` time.

    .venv/bin/python benchmarks/bench_bundle.py                    # builds into a temp folder first
    .venv/bin/python benchmarks/bench_bundle.py --dist dist        # measures an existing dist/kbassist
    .venv/bin/python benchmarks/bench_bundle.py --win-wheel pyside6_essentials-6.12.0-cp310-abi3-win_amd64.whl

Prints one JSON object. Targets: bundle <= 150 MB on Linux; start to hotkey ready <= 2 s with a warm index.

Start time: the frozen app runs under Xvfb + openbox (a real X11 session, so the X11 hotkey backend is used) with
KBASSIST_HOME prepared and the index already built by `kbassist index`; the clock runs from spawning the process to
the log line `hotkey registered:` on its stderr. Median of --runs runs.

Windows size estimate: see `windows_estimate()`. Qt parts use the real file sizes of the PySide6-Essentials 6.12.0
win_amd64 wheel (recorded below, or read from --win-wheel); the rest is carried over from the Linux bundle, so the
figure is an estimate within roughly +-15 %, not a measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_MB = 150
TARGET_START_S = 2.0
READY_LINE = "hotkey registered:"

# Sizes in bytes of the Windows counterparts, from pyside6_essentials-6.12.0-cp310-abi3-win_amd64.whl and
# shiboken6-6.12.0-cp310-abi3-win_amd64.whl (PySide6/ and shiboken6/ folders of the wheels).
WIN_QT_SIZES = {
    "Qt6Core.dll": 10_470_000, "Qt6Gui.dll": 9_680_000, "Qt6Widgets.dll": 6_520_000, "Qt6Network.dll": 1_780_000,
    "QtCore.pyd": 3_520_000, "QtGui.pyd": 3_940_000, "QtWidgets.pyd": 4_910_000, "QtNetwork.pyd": 1_040_000,
    "pyside6.abi3.dll": 260_000, "shiboken6.abi3.dll": 400_000, "Shiboken.pyd": 30_000,
    "qwindows.dll": 1_000_000, "qminimal.dll": 60_000, "qoffscreen.dll": 110_000,
    "qmodernwindowsstyle.dll": 240_000, "qgif.dll": 50_000, "qico.dll": 50_000, "qjpeg.dll": 590_000,
    # MSVC runtime next to the Qt DLLs (msvcp140, _1, _2, vcruntime140, vcruntime140_1).
    "msvcp140.dll": 550_000, "msvcp140_1.dll": 30_000, "msvcp140_2.dll": 270_000,
    "vcruntime140.dll": 120_000, "vcruntime140_1.dll": 40_000,
}
# python.org CPython 3.11 x64: python311.dll and the OpenSSL and libffi DLLs that _ssl/_hashlib/_ctypes load.
# Approximate (they vary by a few percent between 3.11.x patch releases).
WIN_PYTHON_SIZES = {
    "python311.dll": 5_800_000, "libcrypto-3.dll": 5_100_000, "libssl-3.dll": 780_000, "libffi-8.dll": 36_000,
    "sqlite3.dll": 1_600_000,
}


def human_mb(n: int) -> float:
    return round(n / 1e6, 1)


def build(dist: Path, work: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(REPO / "build.spec"), "--noconfirm", "--distpath", str(dist), "--workpath", str(work)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def files_of(folder: Path) -> list[tuple[str, int]]:
    """(path relative to the bundle, bytes) of every regular file; links count 0 as they take no space."""
    return sorted(
        ((p.relative_to(folder).as_posix(), p.stat().st_size) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()),
        key=lambda item: -item[1],
    )


def win_qt_sizes(wheel: Path | None) -> dict[str, int]:
    if wheel is None:
        return dict(WIN_QT_SIZES)
    sizes = dict(WIN_QT_SIZES)
    with zipfile.ZipFile(wheel) as z:
        for info in z.infolist():
            name = info.filename.rsplit("/", 1)[-1]
            if name in sizes:
                sizes[name] = info.file_size
    return sizes


def windows_estimate(files: list[tuple[str, int]], wheel: Path | None) -> dict[str, object]:
    """Estimate the Windows one-folder size from the Linux bundle.

    Method, file by file:
    - Qt and PySide6 binaries: replaced by the size of their Windows counterpart from the wheel (QtCore.abi3.so ->
      QtCore.pyd, libQt6Core.so.6 -> Qt6Core.dll, platforms/libqxcb.so -> qwindows.dll, ...). ICU (Windows Qt uses
      the system's icu.dll), the xcb/DBus/Xkb Qt parts and the X11 input-context plugins have no counterpart: 0.
      Added: the Windows style plugin and the MSVC runtime DLLs.
    - libpython -> python311.dll; libcrypto/libssl/libffi/libsqlite3 -> their DLLs; all other Linux system libraries (X11,
      xcb, glib, fontconfig, freetype, libstdc++, dbus, systemd, ...) have no counterpart: 0.
    - Python extension modules (.so -> .pyd): carried over 1:1 (Windows .pyd are usually a little smaller).
    - Everything else (the archive inside the exe, base_library.zip, jieba/pypinyin/zhconv data, kb/, resources/,
      Qt translations): identical, except that Windows has a second exe (kbassist-cli.exe), which carries its own
      copy of the archive, so the exe is counted twice.
    """
    qt = win_qt_sizes(wheel)
    total, qt_linux, qt_win, sys_linux, dropped = 0, 0, 0, 0, []
    for rel, size in files:
        name = rel.rsplit("/", 1)[-1]
        is_qt = "PySide6/" in rel or "shiboken6/" in rel
        if is_qt:
            qt_linux += size
            win = _qt_counterpart(rel, name, qt)
            if win is None:
                if not rel.endswith(".qm"):
                    dropped.append(rel)
                    continue
                win_size = size  # translations are the same files
            else:
                win_size = qt.get(win, size)
                qt_win += win_size
            total += win_size
            continue
        if re.match(r"libpython3\.\d+\.so", name):
            total += WIN_PYTHON_SIZES["python311.dll"]
        elif name.startswith("libcrypto.so"):
            total += WIN_PYTHON_SIZES["libcrypto-3.dll"]
        elif name.startswith("libssl.so"):
            total += WIN_PYTHON_SIZES["libssl-3.dll"]
        elif name.startswith("libffi.so"):
            total += WIN_PYTHON_SIZES["libffi-8.dll"]
        elif name.startswith("libsqlite3.so"):
            total += WIN_PYTHON_SIZES["sqlite3.dll"]
        elif re.match(r"lib[\w+.-]+\.so(\.|$)", name) and "/" not in rel.removeprefix("_internal/"):
            sys_linux += size  # a Linux system library copied into the bundle
        elif rel == "kbassist":
            total += 2 * size  # kbassist.exe and kbassist-cli.exe
        else:
            total += size
    extra = qt["qmodernwindowsstyle.dll"] + sum(qt[n] for n in qt if n.startswith(("msvcp", "vcruntime")))
    total += extra
    qt_win += extra
    return {
        "estimate_mb": human_mb(total),
        "range_mb": [human_mb(int(total * 0.85)), human_mb(int(total * 1.15))],
        "qt_linux_mb": human_mb(qt_linux),
        "qt_windows_mb": human_mb(qt_win),
        "linux_system_libs_without_counterpart_mb": human_mb(sys_linux),
        "qt_files_without_counterpart": len(dropped),
        "qt_sizes_from": str(wheel) if wheel else "recorded from the PySide6-Essentials 6.12.0 win_amd64 wheel",
        "method": "Linux bundle file by file: Qt binaries -> real Windows wheel sizes, ICU and X11/xcb/system "
        "libraries -> none, libpython -> python311.dll (~5.8 MB), extensions and data 1:1, exe counted twice "
        "(windowed + console). Uncertainty about +-15 %.",
    }


def _qt_counterpart(rel: str, name: str, qt: dict[str, int]) -> str | None:
    if rel.endswith(".qm"):
        return None
    if "/plugins/platforms/" in rel:
        return {"libqxcb.so": "qwindows.dll", "libqminimal.so": "qminimal.dll", "libqoffscreen.so": "qoffscreen.dll"}.get(name)
    m = re.match(r"lib(Qt6\w+)\.so", name)
    if m:
        return f"{m.group(1)}.dll" if f"{m.group(1)}.dll" in qt else None  # XcbQpa, DBus, ICU: none
    m = re.match(r"(Qt\w+|Shiboken)\.abi3\.so$", name)
    if m:
        return f"{m.group(1)}.pyd"
    m = re.match(r"lib(pyside6|shiboken6)\.abi3\.so", name)
    if m:
        return f"{m.group(1)}.abi3.dll"
    m = re.match(r"lib(q\w+)\.so$", name)
    if m and f"{m.group(1)}.dll" in qt:
        return f"{m.group(1)}.dll"
    return None


# ----- timing ------------------------------------------------------------------------------------------------------


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise RuntimeError(f"timed out waiting for {what}")


class XSession:
    """Xvfb + openbox on a free display, stopped on exit."""

    def __enter__(self) -> "XSession":
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            start_new_session=True,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        env = {**os.environ, "DISPLAY": self.display}
        self.wm = subprocess.Popen(
            ["openbox", "--sm-disable"], env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

        def wm_ready() -> bool:
            probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env, capture_output=True, text=True)
            return "window id" in probe.stdout

        if shutil.which("xprop"):
            _wait_for(wm_ready, 10, "openbox")
        else:
            time.sleep(0.5)
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in (self.wm, self.xvfb):
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass


def time_start(exe: Path, home: Path, display: str) -> dict[str, float]:
    """Seconds from spawn to `hotkey registered:` and to `index ready`, then stop the app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "KBASSIST_"))}
    env.update(KBASSIST_HOME=str(home), DISPLAY=display, QT_QPA_PLATFORM="xcb")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe)], env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    marks: dict[str, float] = {}
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        deadline = start + 60
        for line in proc.stderr:
            lines.append(line)
            now = time.perf_counter() - start
            if READY_LINE in line and "hotkey_ready_s" not in marks:
                marks["hotkey_ready_s"] = now
            if "index ready" in line and "index_ready_s" not in marks:
                marks["index_ready_s"] = now
            if len(marks) == 2 or time.perf_counter() > deadline:
                break
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if "hotkey_ready_s" not in marks:
        raise RuntimeError("no `hotkey registered:` line; stderr was:\n" + "".join(lines[-20:]))
    return marks


def time_version(exe: Path, home: Path, runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KBASSIST_"))}
    env["KBASSIST_HOME"] = str(home)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--version"], env=env, cwd=home, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="existing dist folder holding kbassist/ (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--win-wheel", type=Path, help="PySide6-Essentials win_amd64 wheel to read Qt DLL sizes from")
    args = parser.parse_args()

    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kbassist-bundle-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.dist is None:
            dist = tmp / "dist"
            result["build_s"] = round(build(dist, tmp / "build"), 1)
        else:
            dist = args.dist
        folder = dist / "kbassist"
        exe = folder / "kbassist"
        files = files_of(folder)
        total = sum(size for _, size in files)
        result["bundle"] = {
            "total_mb": human_mb(total),
            "target_mb": TARGET_MB,
            "ok": total / 1e6 <= TARGET_MB,
            "files": len(files),
            "largest": [{"path": rel, "mb": round(size / 1e6, 2)} for rel, size in files[:15]],
        }
        result["windows_estimate"] = windows_estimate(files, args.win_wheel)

        home = tmp / "home"
        home.mkdir()
        version_times = time_version(exe, home, args.runs)
        result["version_s"] = {"median": round(statistics.median(version_times), 3), "runs": [round(t, 3) for t in version_times]}

        # Warm index: built once by the frozen `index` command in the same home the app will use.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KBASSIST_"))}
        subprocess.run([str(exe), "index"], env={**env, "KBASSIST_HOME": str(home)}, cwd=home, check=True, capture_output=True)
        if shutil.which("Xvfb") and shutil.which("openbox"):
            runs = []
            with XSession() as x:
                time_start(exe, home, x.display)  # one unmeasured run: fills the OS file cache like a daily start
                for _ in range(args.runs):
                    runs.append(time_start(exe, home, x.display))
            hotkey = [r["hotkey_ready_s"] for r in runs]
            index = [r["index_ready_s"] for r in runs if "index_ready_s" in r]
            result["start_warm"] = {
                "hotkey_ready_median_s": round(statistics.median(hotkey), 3),
                "hotkey_ready_runs_s": [round(t, 3) for t in hotkey],
                "index_ready_median_s": round(statistics.median(index), 3) if index else None,
                "target_s": TARGET_START_S,
                "ok": statistics.median(hotkey) <= TARGET_START_S,
            }
        else:
            result["start_warm"] = "skipped: Xvfb and openbox are needed"
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
