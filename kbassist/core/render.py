"""Placeholders and Markdown rendering of a block: chat-ready plain text and an HTML fragment."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser

import markdown as markdown_lib

# {name}: 1-20 word characters (Python's \w covers CJK, letters of every script, digits and "_").
# "{{" and "}}" are literal braces, as in str.format; they are matched first so "{{x}}" is not a placeholder.
TOKEN_RE = re.compile(r"\{\{|\}\}|\{(\w{1,20})\}")

BUILTIN_NAMES = ("日期", "时间", "客服名", "剪贴板")


def placeholders(text: str) -> list[str]:
    """Distinct placeholder names in order of first appearance."""
    seen: dict[str, None] = {}
    for match in TOKEN_RE.finditer(text):
        name = match.group(1)
        if name is not None and name not in seen:
            seen[name] = None
    return list(seen)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Substitute placeholders (unknown ones stay as `{name}`) and turn `{{`/`}}` into literal braces.

    Values are inserted verbatim and never re-scanned, so a value holding braces stays as typed.
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        value = values.get(name)
        return token if value is None else str(value)

    return TOKEN_RE.sub(replace, text)


_BRACE_SCAN = re.compile(r"\{\{|\}\}|\{\w{1,20}\}|[{}]")


def brace_problems(text: str) -> list[tuple[int, str]]:
    """(1-based line within text, message) for every brace that is neither a placeholder nor `{{`/`}}`."""
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "{" not in line and "}" not in line:
            continue
        pos = 0
        next_close = -2  # cached position of the next "}" (-1: none left), keeps long lines linear
        while True:
            match = _BRACE_SCAN.search(line, pos)
            if match is None:
                break
            token = match.group(0)
            pos = match.end()
            if len(token) > 1:
                continue  # a placeholder or an escaped brace
            if token == "}":
                problems.append((number, "“}” 没有配对的 “{”；字面花括号请写成 “}}”"))
                continue
            if next_close != -1 and next_close < pos:
                next_close = line.find("}", pos)
            if next_close == -1:
                problems.append((number, "“{” 没有配对的 “}”；字面花括号请写成 “{{”"))
                continue
            inner = line[pos:next_close]
            shown = inner if len(inner) <= 30 else inner[:30] + "…"
            problems.append(
                (
                    number,
                    f"“{{{shown}}}” 不是有效的占位符：名称须为 1-20 个汉字、字母、数字或下划线；"
                    "字面花括号请写成 “{{” 和 “}}”",
                )
            )
            pos = next_close + 1
    return problems


def builtin_values(now: datetime, agent_name: str, clipboard_text: str) -> dict[str, str]:
    """Values of the built-in placeholders {日期} {时间} {客服名} {剪贴板}."""
    return {
        "日期": now.strftime("%Y-%m-%d"),
        "时间": now.strftime("%H:%M"),
        "客服名": agent_name,
        "剪贴板": clipboard_text,
    }


# --- Markdown -------------------------------------------------------------------------------------------------

# nl2br: agents write scripts line by line and expect the chat message to keep those lines.
_EXTENSIONS = ["sane_lists", "nl2br", "fenced_code", "tables"]

# Private-use characters stand in for placeholders and literal braces while Markdown runs, so that
# "{order_no}" or "{{" can never be read as emphasis, escapes or anything else.
_SHIELD_OPEN = "\ue000"
_SHIELD_CLOSE = "\ue001"
_SHIELD_RE = re.compile(_SHIELD_OPEN + r"(\d+)" + _SHIELD_CLOSE)


def _shield(text: str) -> tuple[str, list[str]]:
    text = text.replace(_SHIELD_OPEN, "").replace(_SHIELD_CLOSE, "")
    saved: list[str] = []

    def keep(match: re.Match[str]) -> str:
        saved.append(match.group(0))
        return f"{_SHIELD_OPEN}{len(saved) - 1}{_SHIELD_CLOSE}"

    return TOKEN_RE.sub(keep, text), saved


def _unshield(
    text: str, saved: list[str], values: Mapping[str, str] | None = None, *, for_html: bool = False
) -> str:
    """Put the shielded tokens back: as written when values is None, else filled in like `fill`.

    Filling token by token means a value is inserted exactly once and never read as Markdown or as
    another placeholder. for_html escapes values and turns their line breaks into <br>.
    """

    def restore(match: re.Match[str]) -> str:
        index = int(match.group(1))
        token = saved[index] if index < len(saved) else ""
        if values is None:
            return token
        if token in ("{{", "}}"):
            return token[0]
        value = values.get(token[1:-1])
        if value is None:
            return token
        return html_lib.escape(str(value)).replace("\n", "<br>\n") if for_html else str(value)

    return _SHIELD_RE.sub(restore, text)


def _markdown_html(text: str) -> str:
    # A fresh converter per call: Markdown instances keep state and are not thread-safe.
    md = markdown_lib.Markdown(extensions=_EXTENSIONS, output_format="html")
    # Raw HTML is switched off: scripts are chat text, "<ID>" is meant literally, and the HTML
    # flavour put on the clipboard must not carry arbitrary markup from a KB file.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    try:
        return md.convert(text)
    except Exception:  # noqa: BLE001 - odd input must still paste: fall back to the text as written
        return "<p>" + html_lib.escape(text).replace("\n", "<br>\n") + "</p>"


def html(markdown_text: str) -> str:
    """HTML fragment for the preview pane: placeholders shown as `{name}`, `{{`/`}}` as literal braces.

    This is final text, not input for `fill`; `render_block` gives the filled-in HTML.
    """
    shielded, saved = _shield(markdown_text)
    return _unshield(_markdown_html(shielded), saved, {})


_BLOCK_TAGS = {"p", "div", "blockquote", "pre", "ul", "ol", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class _OpenList:
    ordered: bool
    next_number: int = 1


class _PlainTextWriter(HTMLParser):
    """Turns the HTML of one rendered block into chat text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pending = 0  # newlines owed before the next text
        self.lists: list[_OpenList] = []
        self.in_pre = 0
        self.links: list[tuple[str, int]] = []  # (href, index in parts where the link text starts)
        self.at_line_start = True
        self.after_marker = False  # just wrote a list marker: the item's first block follows on that line
        self.row_cells = 0

    # Output helpers
    def _break(self, count: int) -> None:
        if self.parts and not self.after_marker:
            self.pending = max(self.pending, count)

    def _emit(self, text: str) -> None:
        if not text:
            return
        if self.pending:
            self.parts.append("\n" * self.pending)
            self.pending = 0
            self.at_line_start = True
        self.parts.append(text)
        self.at_line_start = text.endswith("\n")
        self.after_marker = False

    def _block_gap(self) -> int:
        # Inside a list item, blocks are separated by a single line break: no blank lines in a list.
        return 1 if self.lists else 2

    # HTMLParser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("ul", "ol"):
            self._break(1 if self.lists else 2)
            start = 1
            if tag == "ol":
                try:
                    start = int(attributes.get("start") or 1)
                except ValueError:
                    start = 1
            self.lists.append(_OpenList(ordered=tag == "ol", next_number=start))
        elif tag == "li":
            self._break(1)
            depth = max(len(self.lists) - 1, 0)
            marker = "• "
            if self.lists and self.lists[-1].ordered:
                marker = f"{self.lists[-1].next_number}. "
                self.lists[-1].next_number += 1
            self._emit("  " * depth + marker)
            self.after_marker = True
        elif tag == "br":
            self.pending = 0
            self.parts.append("\n")
            self.at_line_start = True
            self.after_marker = False
        elif tag == "pre":
            self._break(self._block_gap())
            self.in_pre += 1
        elif tag == "tr":
            self._break(1)
            self.row_cells = 0
        elif tag in ("td", "th"):
            if self.row_cells:
                self._emit(" | ")
            self.row_cells += 1
        elif tag == "a":
            self.links.append((attributes.get("href") or "", len(self.parts)))
        elif tag == "img":
            pass  # images have no place in a chat message
        elif tag in _BLOCK_TAGS:
            self._break(self._block_gap())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break(1 if self.lists else 2)
        elif tag == "li":
            self._break(1)
        elif tag == "pre":
            self.in_pre = max(self.in_pre - 1, 0)
            self._break(self._block_gap())
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.parts[start:]).strip()
            target = href[len("mailto:") :] if href.startswith("mailto:") else href
            if target and target != label:
                self._emit(f" ({target})" if label else target)
        elif tag in _BLOCK_TAGS:
            self._break(self._block_gap())

    def handle_data(self, data: str) -> None:
        if self.in_pre:
            self._emit(data)
            return
        if "\n" in data and not data.strip():
            return  # layout whitespace between the block tags Markdown writes, not content
        text = re.sub(r"[ \t\r\n\f]+", " ", data)
        if self.at_line_start or self.pending:
            text = text.lstrip(" ")
        self._emit(text)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [line.rstrip() for line in raw.split("\n")]
        joined = "\n".join(lines)
        joined = re.sub(r"\n{3,}", "\n\n", joined)
        return joined.strip("\n")


def chat_text(markdown_text: str) -> str:
    """Chat-ready plain text: Markdown markup removed, lists and line breaks kept, no trailing whitespace.

    Placeholders and `{{`/`}}` come out unchanged, so call `fill` AFTER this (as `render_block` does):
    filled-in values are then never read as Markdown, and an order number like `A_1*2` survives.
    """
    shielded, saved = _shield(markdown_text)
    return _unshield(_plain_text(_markdown_html(shielded)), saved)


def _plain_text(rendered_html: str) -> str:
    writer = _PlainTextWriter()
    writer.feed(rendered_html)
    writer.close()
    return writer.text()


def render_block(text: str, values: Mapping[str, str]) -> tuple[str, str]:
    """(plain, html) of a block with placeholders filled in: what paste puts on the clipboard.

    Values go in after the Markdown has been rendered, so they arrive exactly as typed: an order
    number such as `A_1*2*` is neither emphasis in the plain text nor markup in the HTML (it is escaped).
    Unknown placeholders stay as `{name}`; `{{`/`}}` become literal braces. Equal to
    `fill(chat_text(text), values)` for the plain text.
    """
    shielded, saved = _shield(text)
    rendered = _markdown_html(shielded)
    plain = _unshield(_plain_text(rendered), saved, values)
    return plain, _unshield(rendered, saved, values, for_html=True)
