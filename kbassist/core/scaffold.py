"""Scaffolding a new knowledge-base entry from the house template, without ever overwriting a file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from kbassist.core.importer import write_new_file, entry_markdown, safe_name, slug, unique
from kbassist.core.kb import ROOT_CATEGORY, KbError, load_kb

PROBLEM_HINT = "客户的常见说法，例如：“……”（写出 2-3 种说法，便于搜索命中）"
SCRIPT_HINT = "{用户昵称}您好，……（可直接发给客户的话术；{订单号} 等占位符在粘贴时填写，字面花括号写作 {{ 和 }}）"
STEPS_HINT = "1. 第一步……\n2. 第二步……\n3. 无法解决时升级二线。"


class ScaffoldError(Exception):
    """The entry cannot be created (no title, KB folder unusable)."""


def new_entry(kb_root: Path, title: str, category: str | None = None, aliases: Sequence[str] = ()) -> Path:
    """Create `<kb_root>/<category>/<title>.md` from the template (numbered name if taken); returns its path.

    `aliases`: written into the front matter (e.g. the search that found nothing, so that it finds this entry).
    """
    title = re.sub(r"\s+", " ", title or "").strip()
    if not title:
        raise ScaffoldError("标题不能为空 (the title is empty)")
    if kb_root.exists() and not kb_root.is_dir():
        raise ScaffoldError(f"知识库路径不是文件夹 (not a folder): {kb_root}")
    taken: set[str] = set()
    if kb_root.is_dir():
        try:
            taken = {e.id.lower() for e in load_kb(kb_root).entries}
        except KbError as exc:
            raise ScaffoldError(str(exc)) from exc
    category = re.sub(r"\s+", " ", category or "").strip() or ROOT_CATEGORY
    folder_name = safe_name(category, ROOT_CATEGORY)
    text = entry_markdown(
        entry_id=unique(slug(title), taken),
        title=title,
        category=category if folder_name != category else None,
        content=SCRIPT_HINT,
        aliases=[a for a in (re.sub(r"\s+", " ", str(x)).strip() for x in aliases) if a],
        problem=PROBLEM_HINT,
        steps=STEPS_HINT,
        empty_keys=True,
    )
    try:
        return write_new_file(kb_root / folder_name, safe_name(title), text)
    except OSError as exc:
        raise ScaffoldError(f"无法创建文件 (cannot create the file) in {kb_root / folder_name}: {exc.strerror or exc}") from exc
