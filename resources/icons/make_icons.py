"""Draws the kbassist app icon with Qt: PNGs at several sizes and a multi-size Windows .ico.

Run from the repository root (no display needed):

    .venv/bin/python resources/icons/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter  # noqa: E402

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can be
BLUE = "#1c7ed6"
GLYPH = "客"  # 客服 (customer service); "KB" when no CJK font is installed
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei")


def pick_font() -> tuple[QFont, str]:
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setWeight(QFont.Weight.Black)
            return font, GLYPH
    font = QFont()
    font.setBold(True)
    return font, "KB"


def draw(size: int, font: QFont, text: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    # Small sizes get a thinner margin so the glyph stays readable in the taskbar and tray.
    margin = size * (0.03 if size <= 24 else 0.06)
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    painter.drawRoundedRect(square, square.width() * 0.22, square.width() * 0.22)
    painter.setPen(QColor("white"))
    glyph_font = QFont(font)
    glyph_font.setPixelSize(max(8, round(square.height() * (0.72 if text == GLYPH else 0.5))))
    painter.setFont(glyph_font)
    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An .ico holding PNG-compressed images (read by Windows Vista and later, and by PyInstaller)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font, text = pick_font()
    rendered = {size: png_bytes(draw(size, font, text)) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (HERE / f"kbassist-{size}.png").write_bytes(rendered[size])
    (HERE / "kbassist.ico").write_bytes(ico_bytes([(s, rendered[s]) for s in ICO_SIZES]))
    print(f"icons written to {HERE} (glyph {text!r}, font {font.family()!r})")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
