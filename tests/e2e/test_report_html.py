"""The HTML usage report rendered by a real headless Chromium: it opens, draws, and is not a blank page."""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kbassist.core.kb import load_kb
from kbassist.core.report import build_report, render_html
from kbassist.core.usage import COPIED, DISMISSED, NO_RESULT, PASTED, UsageLog, UsageSession

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of raw pixel bytes) of an 8-bit, non-interlaced RGB/RGBA/grey PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, (depth, interlace)
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r) for r in rows]


def synthetic_usage(db: Path, entry_ids: list[str]) -> UsageLog:
    rng = random.Random(42)
    log = UsageLog(db, machine="pc-01", user="小王", retention_days=None)
    now = datetime.now(timezone.utc)
    favourites = entry_ids[:8]
    gaps = ["怎么开发票", "发票怎么开", "会员自动续费怎么关", "取消自动续费", "游戏停服了点卡怎么办", "能开增值税专票吗"]
    for _ in range(600):
        ts = now - timedelta(days=rng.random() * 21, minutes=rng.randint(0, 600))
        roll = rng.random()
        if roll < 0.12:
            log.record(UsageSession(rng.choice(gaps), NO_RESULT, 0, ts=ts))
        elif roll < 0.2:
            log.record(UsageSession(rng.choice(gaps), DISMISSED, 5, ts=ts))
        else:
            entry = favourites[min(int(rng.paretovariate(1.2)) - 1, len(favourites) - 1)]
            outcome = PASTED if rng.random() < 0.9 else COPIED
            log.record(UsageSession(entry[:6], outcome, 8, entry, "话术", rng.choice([1, 1, 1, 2, 3]),
                                    int(rng.lognormvariate(7.8, 0.4)), ts))
    return log


def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed")
    kb = load_kb(REPO / "kb")
    ids = [e.id for e in kb.entries]
    log = synthetic_usage(tmp_path / "usage.sqlite3", ids)
    since = datetime.now(timezone.utc) - timedelta(days=21)
    report = build_report(log.sessions(since), since, ids, titles={e.id: e.title for e in kb.entries})
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")

    shot = tmp_path / "report.png"
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS="disabled:")
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
            f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,1600",
            page.as_uri(),
        ],
        env=env, capture_output=True, timeout=120, check=False,
    )
    assert shot.is_file() and shot.stat().st_size > 1000, "no screenshot written"
    width, height, rows = decode_png(shot.read_bytes())
    assert (width, height) == (1200, 1600)
    colours = {row[x : x + 3] for row in rows[::16] for x in range(0, len(row) - 3, 48)}
    assert len(colours) > 20, f"the page looks blank: {len(colours)} colours"
    # the accent blue of the bars is on the page: the SVG charts were drawn
    blue = bytes((0x2F, 0x6F, 0xDE))
    assert any(blue in row for row in rows[200:900]), "no chart bars found"
    if os.environ.get("KBASSIST_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["KBASSIST_KEEP_SCREENSHOT"])
