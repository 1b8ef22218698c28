"""Scaffolding new entries: the template loads cleanly, ids come from the title, nothing is ever overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.core.kb import load_kb
from kbassist.core.model import BlockKind
from kbassist.core.scaffold import ScaffoldError, new_entry


def test_new_entry_from_the_template(tmp_path: Path) -> None:
    path = new_entry(tmp_path, "卡密 未到账", "售后")
    assert path == tmp_path / "售后" / "卡密 未到账.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nid: ka-mi-wei-dao-zhang\ntitle: 卡密 未到账\n")
    result = load_kb(tmp_path)
    assert result.problems == []
    entry = result.entries[0]
    assert (entry.id, entry.title, entry.category, entry.tier) == ("ka-mi-wei-dao-zhang", "卡密 未到账", "售后", "一线")
    assert [b.kind for b in entry.blocks] == [BlockKind.PROBLEM, BlockKind.SCRIPT, BlockKind.STEPS]
    assert [b.name for b in entry.blocks] == ["问题", "话术", "解决步骤"]


def test_never_overwrites_and_keeps_ids_unique(tmp_path: Path) -> None:
    first = new_entry(tmp_path, "退款进度")
    first.write_text(first.read_text(encoding="utf-8") + "\n## 注意事项\n手写的内容\n", encoding="utf-8")
    before = first.read_text(encoding="utf-8")
    second = new_entry(tmp_path, "退款进度")
    assert first.parent.name == "未分类"
    assert second.name == "退款进度-2.md"
    assert first.read_text(encoding="utf-8") == before
    ids = sorted(e.id for e in load_kb(tmp_path).entries)
    assert ids == ["tui-kuan-jin-du", "tui-kuan-jin-du-2"]
    assert not [p for p in load_kb(tmp_path).problems if p.code == "duplicate-id"]


def test_unsafe_category_and_title(tmp_path: Path) -> None:
    path = new_entry(tmp_path, "CON", "a/b")
    assert path.relative_to(tmp_path).as_posix() == "a_b/CON_.md"
    entry = load_kb(tmp_path).entries[0]
    assert entry.category == "a/b" and entry.title == "CON"


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="标题"):
        new_entry(tmp_path, "   ")
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(ScaffoldError, match="not a folder"):
        new_entry(file, "标题")


def test_creates_a_missing_kb_folder(tmp_path: Path) -> None:
    path = new_entry(tmp_path / "new-kb", "新条目")
    assert path.is_file() and load_kb(tmp_path / "new-kb").entries[0].id == "xin-tiao-mu"


def test_aliases_are_written(tmp_path: Path) -> None:
    path = new_entry(tmp_path, "改地址", aliases=["改地址", "  换 收货地址 ", ""])
    result = load_kb(tmp_path)
    assert result.problems == []
    [entry] = result.entries
    assert entry.path == path and entry.aliases == ("改地址", "换 收货地址")
