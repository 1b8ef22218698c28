"""The overlay's result list: a Qt model over search hits and a delegate that draws one row."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kbassist.core.model import Hit

HitRole = Qt.ItemDataRole.UserRole + 1

TIER2_COLOUR = "#d9480f"
MATCH_COLOUR = "#1c7ed6"


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn its «match» marks into highlighted spans."""
    out: list[str] = []
    inside = False
    for ch in snippet:
        if ch == "«" and not inside:
            out.append(f'<b style="color:{MATCH_COLOUR}">')
            inside = True
        elif ch == "»" and inside:
            out.append("</b>")
            inside = False
        else:
            out.append(html.escape(ch))
    if inside:
        out.append("</b>")
    return "".join(out)


SNIPPET_CHARS = 80  # about two lines of the list; the rest is in the preview


def short_snippet(snippet: str, limit: int = SNIPPET_CHARS) -> str:
    """The snippet cut to `limit` visible characters (match marks do not count), ending in … when cut."""
    out: list[str] = []
    visible = 0
    for ch in " ".join(snippet.split()):
        if ch not in "«»":
            if visible == limit:
                out.append("…")
                break
            visible += 1
        out.append(ch)
    return "".join(out)


def row_html(hit: Hit, row: int, tier2_label: str, snippet_chars: int = SNIPPET_CHARS) -> str:
    """The rich text of one result row: number, title, category, tier badge, trigger, then the snippet."""
    e = hit.entry
    parts = [f'<span style="color:#888">{row + 1}</span>&nbsp;&nbsp;<b>{html.escape(e.title)}</b>']
    if e.category:
        parts.append(f'&nbsp;&nbsp;<span style="color:#888">{html.escape(e.category)}</span>')
    if e.tier == "二线":
        parts.append(f'&nbsp;&nbsp;<span style="color:white;background-color:{TIER2_COLOUR}">&nbsp;{tier2_label}&nbsp;</span>')
    if e.trigger:
        parts.append(f'&nbsp;&nbsp;<span style="color:#2b8a3e">/{html.escape(e.trigger)}</span>')
    first = "".join(parts)
    return f'{first}<br><span style="color:#555">{snippet_html(short_snippet(hit.snippet, snippet_chars))}</span>'


class ResultsModel(QAbstractListModel):
    """The hits of the last accepted search, in rank order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.entry.rel_path
        if role == HitRole:
            return hit
        return None


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as two lines of rich text (title line, highlighted snippet)."""

    def __init__(self, tier2_label: str = "二线", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tier2_label = tier2_label
        self._heights: dict[str, int] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        hit = index.data(HitRole)
        # Cut the snippet to what fits on two lines of this width (CJK characters are the widest common case).
        wide = max(QFontMetrics(option.font).horizontalAdvance("卡"), 1)
        chars = max(10, 2 * ((option.rect.width() - 12) // wide) - 2)
        doc.setHtml(row_html(hit, index.row(), self.tier2_label, chars) if hit is not None else "")
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Every row is exactly a title line plus two snippet lines, measured with CJK text because the fallback
        # CJK font is usually taller than the UI font.
        key = option.font.key()
        if key not in self._heights:
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(4)
            doc.setHtml("<b>卡密</b><br>卡密 Ag<br>卡密 Ag")
            self._heights[key] = int(doc.size().height()) + 2
        return QSize(max(option.rect.width(), 200), self._heights[key])
