"""Tests for the knowledge-base loader: format, defaults, encodings, and every problem it reports."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist.core import kb
from kbassist.core.kb import (
    KbError,
    check_duplicates,
    load_kb,
    parse_file,
    read_file,
    resolve_duplicates,
    scan,
    scan_files,
    scan_signatures,
    signature,
)
from kbassist.core.model import BlockKind, Entry, Problem, Severity

FULL = """\
---
id: card-not-received
title: 卡密未到账
aliases: [没到账, 付款了没卡密]
tags: [售后, 卡密]
category: 售后保障
trigger: kmwd
tier: 二线
---
# 卡密未到账

客户付款后没有看到卡密。

## 问题
客户说付款了但没收到卡密。

## 话术
{用户昵称}您好，请提供订单号 {订单号}。

## 话术：补发后回访
已为您补发，请查收。

## 解决步骤
1. 查订单
2. 补发

## 注意事项
不要承诺时效。
"""


def parse(root: Path, rel: str, content: str | bytes) -> tuple[Entry | None, list[Problem]]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return parse_file(root / rel, root, data)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def only(problems: list[Problem], code: str) -> Problem:
    matching = [p for p in problems if p.code == code]
    assert len(matching) == 1, f"expected one {code!r}, got {[p.message for p in problems]}"
    return matching[0]


def assert_well_formed(problem: Problem) -> None:
    assert isinstance(problem.severity, Severity)
    assert problem.code and problem.code.isascii() and " " not in problem.code
    assert f"({problem.code})" in problem.message
    assert problem.line is None or problem.line >= 1


# --- happy path ---------------------------------------------------------------------------------------------------


def test_full_entry_parses_every_field(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "售后/a.md", FULL)
    assert problems == []
    assert entry is not None
    assert entry.id == "card-not-received"
    assert entry.title == "卡密未到账"
    assert entry.aliases == ("没到账", "付款了没卡密")
    assert entry.tags == ("售后", "卡密")
    assert entry.category == "售后保障"
    assert entry.trigger == "kmwd"
    assert entry.tier == "二线"
    assert entry.path == tmp_path / "售后" / "a.md"
    assert entry.rel_path == "售后/a.md"
    summary = [(b.kind, b.name, b.line) for b in entry.blocks]
    assert summary == [
        (BlockKind.NOTE, "说明", 12),
        (BlockKind.PROBLEM, "问题", 14),
        (BlockKind.SCRIPT, "话术", 17),
        (BlockKind.SCRIPT, "话术：补发后回访", 20),
        (BlockKind.STEPS, "解决步骤", 23),
        (BlockKind.NOTE, "注意事项", 27),
    ]
    assert entry.blocks[0].text == "客户付款后没有看到卡密。"
    assert entry.blocks[2].text == "{用户昵称}您好，请提供订单号 {订单号}。"
    assert entry.blocks[4].text == "1. 查订单\n2. 补发"
    assert [b.name for b in entry.pasteable_blocks] == ["话术", "话术：补发后回访", "解决步骤"]
    assert entry.problem_text == "客户说付款了但没收到卡密。"


def test_defaults_without_front_matter(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "退款/子类/how-to.md", "# 怎么退款\n\n## 话术\n好的。\n")
    assert problems == []
    assert entry is not None
    assert entry.id == "退款/子类/how-to"
    assert entry.title == "怎么退款"
    assert entry.category == "子类"
    assert entry.tier == "一线"
    assert entry.aliases == () and entry.tags == () and entry.trigger == ""


def test_title_falls_back_to_stem_and_root_category(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "无标题.md", "## 话术\n您好\n")
    assert problems == []
    assert entry is not None
    assert entry.title == "无标题"
    assert entry.id == "无标题"
    assert entry.category == kb.ROOT_CATEGORY == "未分类"


def test_front_matter_title_beats_h1_and_later_h1_is_content(tmp_path: Path) -> None:
    text = "---\ntitle: 甲\n---\n# 乙\n## 话术\n# 丙\n您好\n"
    entry, _ = parse(tmp_path, "x.md", text)
    assert entry is not None
    assert entry.title == "甲"
    assert entry.blocks[0].text == "# 丙\n您好"


def test_gbk_with_crlf(tmp_path: Path) -> None:
    text = "---\r\nid: gbk-entry\r\ntags: [售后]\r\n---\r\n# 卡密未到账\r\n\r\n## 话术\r\n亲，您好！\r\n请稍等。\r\n"
    entry, problems = parse(tmp_path, "a.md", text.encode("gbk"))
    assert problems == []
    assert entry is not None
    assert entry.id == "gbk-entry"
    assert entry.title == "卡密未到账"
    assert entry.tags == ("售后",)
    script = entry.blocks[0]
    assert script.text == "亲，您好！\n请稍等。"
    assert "\r" not in script.text
    assert script.line == 7


def test_utf8_bom(tmp_path: Path) -> None:
    text = "---\nid: bom\n---\n# 标题\n## 话术\n内容\n"
    entry, problems = parse(tmp_path, "a.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert problems == []
    assert entry is not None and entry.id == "bom" and entry.title == "标题"


def test_lone_cr_line_ends(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "# 标题\r\r## 话术\r第一行\r第二行\r")
    assert problems == []
    assert entry is not None
    assert entry.blocks[0].line == 3
    assert entry.blocks[0].text == "第一行\n第二行"


def test_english_headings(tmp_path: Path) -> None:
    text = "# T\n## Problem\np\n## Script\ns1\n## script: Follow-up\ns2\n## Steps\n1. a\n## Notes\nn\n"
    entry, problems = parse(tmp_path, "a.md", text)
    assert problems == []
    assert entry is not None
    assert [(b.kind, b.name) for b in entry.blocks] == [
        (BlockKind.PROBLEM, "Problem"),
        (BlockKind.SCRIPT, "Script"),
        (BlockKind.SCRIPT, "script: Follow-up"),
        (BlockKind.STEPS, "Steps"),
        (BlockKind.NOTE, "Notes"),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("话术", BlockKind.SCRIPT),
        ("话术：补发后回访", BlockKind.SCRIPT),
        ("话术:xx", BlockKind.SCRIPT),
        ("话术 - xx", BlockKind.SCRIPT),
        ("Script - Refund", BlockKind.SCRIPT),
        ("问题", BlockKind.PROBLEM),
        ("解决步骤", BlockKind.STEPS),
        ("STEPS", BlockKind.STEPS),
        ("Scripture", BlockKind.NOTE),
        ("注意事项", BlockKind.NOTE),
        ("常见问题", BlockKind.NOTE),
    ],
)
def test_block_kind(heading: str, kind: BlockKind) -> None:
    assert kb.block_kind(heading) is kind


def test_multiple_named_scripts_keep_file_order(tmp_path: Path) -> None:
    text = "# T\n## 话术:甲\na\n## 解决步骤\ns\n## 话术 - 乙\nb\n## 话术：丙 ##\nc\n"
    entry, _ = parse(tmp_path, "a.md", text)
    assert entry is not None
    assert [b.name for b in entry.pasteable_blocks] == ["话术:甲", "话术 - 乙", "话术：丙", "解决步骤"]


def test_headings_inside_code_fences_do_not_split(tmp_path: Path) -> None:
    text = (
        "```\n# 不是标题\n```\n"
        "## 话术\n前\n```markdown\n## 话术\n# H1\n```\n后\n"
        "## 解决步骤\n~~~~\n## 不是段落\n~~~\n仍在代码中\n~~~~\n完\n"
    )
    entry, problems = parse(tmp_path, "stem.md", text)
    assert problems == []
    assert entry is not None
    assert entry.title == "stem"  # the H1 was inside a fence
    assert [b.name for b in entry.blocks] == ["说明", "话术", "解决步骤"]
    assert entry.blocks[1].text == "前\n```markdown\n## 话术\n# H1\n```\n后"
    assert entry.blocks[2].text.endswith("仍在代码中\n~~~~\n完")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("## 话术 ##", "话术"),
        ("## 话术 C#", "话术 C#"),
        ("##话术##", "话术##"),
        ("##   话术\t", "话术"),
        ("   ## 话术", "话术"),
    ],
)
def test_h2_heading_text(tmp_path: Path, line: str, name: str) -> None:
    entry, _ = parse(tmp_path, "a.md", f"# T\n{line}\nx\n")
    assert entry is not None and [b.name for b in entry.blocks] == [name]


def test_indented_code_is_not_a_heading(tmp_path: Path) -> None:
    entry, _ = parse(tmp_path, "a.md", "## 话术\n    ## 不是标题\nx\n")
    assert entry is not None and [b.name for b in entry.blocks] == ["话术"]


def test_long_heading_lines_parse_quickly(tmp_path: Path) -> None:
    # A backtracking heading pattern took minutes on this line; it must simply parse.
    line = "## a" + " \t" * 200_000 + "#b"
    entry, _ = parse(tmp_path, "a.md", f"# T\n{line}\n内容\n## 话术\nx\n")
    assert entry is not None and entry.blocks[0].name.endswith("#b")


def test_intro_without_h1_becomes_note(tmp_path: Path) -> None:
    entry, _ = parse(tmp_path, "a.md", "\n\n导语第一行\n导语第二行\n\n## 话术\nx\n")
    assert entry is not None
    intro = entry.blocks[0]
    assert (intro.kind, intro.name, intro.text, intro.line) == (BlockKind.NOTE, "说明", "导语第一行\n导语第二行", 3)


def test_empty_front_matter_is_fine(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\n---\n# T\n## 话术\nx\n")
    assert problems == []
    assert entry is not None and entry.title == "T"


def test_load_kb_nested_folders_in_path_order(kb_dir: Any) -> None:
    root = kb_dir(
        {
            "b/z.md": "# Z\n## 话术\nz\n",
            "a/deep/er/y.md": "# Y\n## 话术\ny\n",
            "a.md": "# A\n## 话术\na\n",
            "notes.txt": "ignored",
            "a/readme.MD": "# R\n## 话术\nr\n",
        }
    )
    result = load_kb(root)
    assert result.problems == []
    assert [e.rel_path for e in result.entries] == ["a.md", "a/deep/er/y.md", "a/readme.MD", "b/z.md"]
    assert [e.id for e in result.entries] == ["a", "a/deep/er/y", "a/readme", "b/z"]
    assert [e.category for e in result.entries] == ["未分类", "er", "a", "b"]
    assert result.root == root
    assert scan_files(root) == [root / "a.md", root / "a/deep/er/y.md", root / "a/readme.MD", root / "b/z.md"]


def test_bundled_sample_kb_loads_cleanly() -> None:
    root = Path(__file__).resolve().parents[2] / "kb"
    if not root.is_dir():
        pytest.skip("no bundled kb folder")
    result = load_kb(root)
    assert result.errors == []
    assert result.entries
    assert all(e.pasteable_blocks for e in result.entries)


def test_blank_lines_before_front_matter_are_tolerated(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "\n\n---\nid: x\nfoo: 1\n---\n## 话术\nok\n")
    assert entry is not None and entry.id == "x"
    assert only(problems, "unknown-key").line == 5
    assert entry.blocks[0].line == 7


def test_headings_without_space_after_hashes(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "#标题\n##话术\n您好\n###小节\n内容\n")
    assert problems == []
    assert entry is not None
    assert entry.title == "标题"
    assert [(b.kind, b.name, b.text) for b in entry.blocks] == [(BlockKind.SCRIPT, "话术", "您好\n###小节\n内容")]


def test_long_gbk_text_is_not_mistaken_for_damaged_utf8(tmp_path: Path) -> None:
    body = "您好，非常抱歉给您带来不便，我们会尽快为您处理退款。" * 20
    entry, problems = parse(tmp_path, "a.md", f"# 标题\n## 话术\n{body}\n".encode("gbk"))
    assert problems == []
    assert entry is not None and entry.blocks[0].text == body


# --- front matter problems ------------------------------------------------------------------------------------


def test_yaml_syntax_error_line_is_translated_to_file_line(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: x\ntitle: a: b\n---\n# 标题\n## 话术\nx\n")
    problem = only(problems, "yaml-syntax")
    assert problem.severity is Severity.ERROR
    assert problem.line == 3
    assert problem.path == tmp_path / "a.md"
    assert_well_formed(problem)
    # The entry is still usable, with defaults.
    assert entry is not None and entry.id == "a" and entry.title == "标题"


def test_yaml_unclosed_quote_points_at_its_opening_line(tmp_path: Path) -> None:
    _, problems = parse(tmp_path, "a.md", "---\nid: x\ntitle: \"open\ntags: [a]\n---\n## 话术\nx\n")
    assert only(problems, "yaml-syntax").line == 3


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_yaml_error_lines_with_either_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML without {loader}")
    monkeypatch.setattr(kb, "_YamlLoader", getattr(yaml, loader))
    cases = {
        "---\nid: x\ntitle: a: b\n---\n": 3,
        "---\nid: x\ntitle: \"open\ntags: [a]\n---\n": 3,
        "---\nid: x\naliases: [a, b\ntags: c\n---\n": 3,
        "---\nid: x\nkey: \x07\n---\n": None,
    }
    for text, line in cases.items():
        entry, problems = parse(tmp_path, "a.md", text + "## 话术\nx\n")
        problem = only(problems, "yaml-syntax")
        assert (problem.severity, problem.line) == (Severity.ERROR, line), text
        assert entry is not None


def test_yaml_impossible_date_is_a_yaml_error(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\ntitle: 2024-13-45\n---\n## 话术\nx\n")
    assert only(problems, "yaml-syntax").severity is Severity.ERROR
    assert entry is not None


def test_front_matter_not_a_mapping(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\n- a\n- b\n---\n# T\n## 话术\nx\n")
    problem = only(problems, "front-matter-not-mapping")
    assert (problem.severity, problem.line, problem.path) == (Severity.ERROR, 2, tmp_path / "a.md")
    assert entry is not None and entry.title == "T"


def test_unterminated_front_matter(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: x\ntitle: y\n# 标题\n## 话术\n您好\n")
    problem = only(problems, "front-matter-unterminated")
    assert (problem.severity, problem.line) == (Severity.ERROR, 1)
    assert entry is not None
    assert entry.id == "a"
    assert entry.title == "标题"
    assert [b.text for b in entry.blocks] == ["您好"]


def test_list_field_given_as_string_is_split(tmp_path: Path) -> None:
    text = "---\naliases: 没到账, 付款了没卡密\ntags: 售后、卡密，紧急\n---\n## 话术\nx\n"
    entry, problems = parse(tmp_path, "a.md", text)
    assert entry is not None
    assert entry.aliases == ("没到账", "付款了没卡密")
    assert entry.tags == ("售后", "卡密", "紧急")
    wrong = [p for p in problems if p.code == "wrong-type"]
    assert [(p.severity, p.line) for p in wrong] == [(Severity.WARNING, 2), (Severity.WARNING, 3)]


def test_single_string_alias_becomes_one_item(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\naliases: 没到账\n---\n## 话术\nx\n")
    assert entry is not None and entry.aliases == ("没到账",)
    assert only(problems, "wrong-type").severity is Severity.WARNING


def test_numbers_as_title_and_id_are_coerced_with_warning(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: 42\ntitle: 3.5\n---\n## 话术\nx\n")
    assert entry is not None
    assert (entry.id, entry.title) == ("42", "3.5")
    wrong = [p for p in problems if p.code == "wrong-type"]
    assert [(p.severity, p.line) for p in wrong] == [(Severity.WARNING, 2), (Severity.WARNING, 3)]
    assert all(p.path == tmp_path / "a.md" for p in wrong)


def test_mapping_where_string_expected_is_an_error_and_default_is_used(tmp_path: Path) -> None:
    text = "---\nid: ok\ntitle: {a: 1}\ncategory: [x]\n---\n# H1 标题\n## 话术\nx\n"
    entry, problems = parse(tmp_path, "cat/a.md", text)
    assert entry is not None
    assert entry.title == "H1 标题"
    assert entry.category == "cat"
    wrong = [p for p in problems if p.code == "wrong-type"]
    assert [(p.severity, p.line) for p in wrong] == [(Severity.ERROR, 3), (Severity.ERROR, 4)]
    assert "title" in wrong[0].message


def test_mapping_and_odd_items_in_list_fields(tmp_path: Path) -> None:
    text = "---\naliases: {a: 1}\ntags: [售后, 7, [x], null, 售后]\n---\n## 话术\nx\n"
    entry, problems = parse(tmp_path, "a.md", text)
    assert entry is not None
    assert entry.aliases == ()
    assert entry.tags == ("售后", "7")
    alias_problem = next(p for p in problems if p.line == 2)
    assert (alias_problem.code, alias_problem.severity) == ("wrong-type", Severity.ERROR)
    tag_problems = [p for p in problems if p.line == 3]
    assert {p.code for p in tag_problems} == {"wrong-type"}
    assert all(p.severity is Severity.WARNING for p in tag_problems)
    assert len(tag_problems) == 2


def test_unprintable_huge_numbers_are_wrong_type_not_a_crash(tmp_path: Path) -> None:
    huge = "0x" + "f" * 5000  # a valid YAML int that Python refuses to turn into decimal text
    entry, problems = parse(tmp_path, "a.md", f"---\ntitle: {huge}\ntags: [{huge}, 好]\n---\n# 标题\n## 话术\nx\n")
    assert entry is not None
    assert entry.title == "标题" and entry.tags == ("好",)
    assert [(p.code, p.severity, p.line) for p in problems] == [
        ("wrong-type", Severity.ERROR, 2),
        ("wrong-type", Severity.WARNING, 3),
    ]


def test_unknown_key_is_a_warning_with_its_line(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: a\nauthor: 张三\n---\n## 话术\nx\n")
    problem = only(problems, "unknown-key")
    assert (problem.severity, problem.line) == (Severity.WARNING, 3)
    assert "author" in problem.message
    assert entry is not None


def test_duplicate_key_is_a_warning(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: a\nid: b\n---\n## 话术\nx\n")
    problem = only(problems, "duplicate-key")
    assert (problem.severity, problem.line) == (Severity.WARNING, 3)
    assert entry is not None and entry.id == "b"


def test_unknown_tier_defaults_to_first_line(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\ntier: 三线\n---\n## 话术\nx\n")
    problem = only(problems, "unknown-tier")
    assert (problem.severity, problem.line) == (Severity.WARNING, 2)
    assert entry is not None and entry.tier == "一线"


def test_empty_optional_fields_mean_defaults_without_problems(tmp_path: Path) -> None:
    text = "---\ntitle: ''\ntier:\ncategory: ' '\ntrigger:\naliases:\n---\n# H\n## 话术\nx\n"
    entry, problems = parse(tmp_path, "c/a.md", text)
    assert problems == []
    assert entry is not None
    assert (entry.title, entry.tier, entry.category, entry.trigger, entry.aliases) == ("H", "一线", "c", "", ())


def test_empty_id_falls_back_to_path(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a/b.md", "---\nid: '  '\n---\n## 话术\nx\n")
    problem = only(problems, "empty-id")
    assert (problem.severity, problem.line) == (Severity.WARNING, 2)
    assert entry is not None and entry.id == "a/b"


def test_id_with_whitespace_is_warned(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "---\nid: card not received\n---\n## 话术\nx\n")
    problem = only(problems, "id-whitespace")
    assert (problem.severity, problem.line) == (Severity.WARNING, 2)
    assert entry is not None and entry.id == "card not received"


# --- body problems --------------------------------------------------------------------------------------------


def test_no_script_is_a_warning_but_entry_loads(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "# 仅说明\n## 解决步骤\n1. x\n")
    problem = only(problems, "no-script")
    assert (problem.severity, problem.line, problem.path) == (Severity.WARNING, None, tmp_path / "a.md")
    assert entry is not None and entry.pasteable_blocks[0].kind is BlockKind.STEPS


def test_empty_script_section_is_warned_and_dropped(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "# T\n## 话术\n\n## 话术：二\n内容\n")
    problem = only(problems, "empty-section")
    assert (problem.severity, problem.line) == (Severity.WARNING, 2)
    assert entry is not None and [b.name for b in entry.blocks] == ["话术：二"]


def test_unbalanced_braces_in_script_are_reported_with_file_line(tmp_path: Path) -> None:
    text = "---\nid: x\n---\n# T\n## 话术\n\n您好 {客户\n订单 {订单 号} 已发\n多余 }\n正常 {订单号} 与 {{字面}}\n"
    _, problems = parse(tmp_path, "a.md", text)
    braces = [p for p in problems if p.code == "unbalanced-brace"]
    assert [(p.severity, p.line) for p in braces] == [
        (Severity.WARNING, 7),
        (Severity.WARNING, 8),
        (Severity.WARNING, 9),
    ]
    assert all(p.path == tmp_path / "a.md" for p in braces)


def test_braces_in_notes_are_not_checked(tmp_path: Path) -> None:
    _, problems = parse(tmp_path, "a.md", "# T\n## 话术\nok\n## 备注\nJSON: {\"a\": 1\n")
    assert problems == []


def test_unclosed_fence_is_warned_at_its_opening_line(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "# T\n## 话术\n您好\n```\ncode\n## 话术：二\nx\n")
    problem = only(problems, "unclosed-fence")
    assert (problem.severity, problem.line) == (Severity.WARNING, 4)
    assert entry is not None and [b.name for b in entry.blocks] == ["话术"]


def test_gb18030_bom_is_dropped(tmp_path: Path) -> None:
    text = "---\nid: gb\n---\n# 标题\n## 话术\n您好\n"
    entry, problems = parse(tmp_path, "a.md", "\ufeff".encode("gb18030") + text.encode("gb18030"))
    assert problems == []
    assert entry is not None and entry.id == "gb"


def test_empty_file_is_a_warning_without_entry(tmp_path: Path) -> None:
    for content in (b"", b"  \n\r\n\t", b"\xef\xbb\xbf\n"):
        entry, problems = parse(tmp_path, "a.md", content)
        assert entry is None
        problem = only(problems, "empty-file")
        assert (problem.severity, problem.path) == (Severity.WARNING, tmp_path / "a.md")


def test_undecodable_bytes_are_an_error_with_line(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", b"# title\nok\n\xff\xfe\xff bad\n")
    assert entry is None
    problem = only(problems, "undecodable")
    assert (problem.severity, problem.line) == (Severity.ERROR, 3)
    assert "无法解码 (undecodable)" in problem.message


def test_damaged_utf8_is_kept_as_utf8_with_a_warning(tmp_path: Path) -> None:
    good = "# 卡密未到账\n## 话术\n" + "您好，卡密已经补发，请查收。\n" * 5
    data = good.encode("utf-8") + b"\xff" + "后续文字\n".encode("utf-8")
    entry, problems = parse(tmp_path, "a.md", data)
    problem = only(problems, "invalid-utf8")
    assert (problem.severity, problem.line) == (Severity.WARNING, 8)
    assert entry is not None and entry.title == "卡密未到账"
    assert entry.blocks[0].text.endswith("\ufffd后续文字")


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert entry is None
    problem = only(problems, "binary-file")
    assert problem.severity is Severity.ERROR


def test_binary_file_with_many_control_bytes(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", bytes(range(1, 32)) * 10)
    assert entry is None
    assert only(problems, "binary-file").severity is Severity.ERROR


def test_utf16_is_reported_as_unsupported(tmp_path: Path) -> None:
    entry, problems = parse(tmp_path, "a.md", "# 标题\n".encode("utf-16"))
    assert entry is None
    assert only(problems, "unsupported-encoding").severity is Severity.ERROR


# --- cross-file problems --------------------------------------------------------------------------------------


def test_duplicate_ids_keep_first_by_path_and_name_both(kb_dir: Any) -> None:
    root = kb_dir(
        {
            "b/second.md": "---\nid: same\n---\n# 二\n## 话术\n2\n",
            "a/first.md": "---\nid: same\n---\n# 一\n## 话术\n1\n",
        }
    )
    result = load_kb(root)
    assert [e.rel_path for e in result.entries] == ["a/first.md"]
    problem = only(result.problems, "duplicate-id")
    assert (problem.severity, problem.path) == (Severity.ERROR, root / "b/second.md")
    assert "a/first.md" in problem.message and "b/second.md" in problem.message
    assert_well_formed(problem)


def test_duplicate_triggers_warn_naming_both(kb_dir: Any) -> None:
    root = kb_dir(
        {
            "x.md": "---\ntrigger: kmwd\n---\n## 话术\n1\n",
            "y.md": "---\ntrigger: KMWD\n---\n## 话术\n2\n",
            "z.md": "---\ntrigger: other\n---\n## 话术\n3\n",
        }
    )
    result = load_kb(root)
    assert len(result.entries) == 3
    problem = only(result.problems, "duplicate-trigger")
    assert (problem.severity, problem.path) == (Severity.WARNING, root / "y.md")
    assert "x.md" in problem.message and "y.md" in problem.message


def test_check_duplicates_is_order_independent(tmp_path: Path) -> None:
    first, _ = parse(tmp_path, "a.md", "---\nid: d\n---\n## 话术\n1\n")
    second, _ = parse(tmp_path, "b.md", "---\nid: d\n---\n## 话术\n2\n")
    assert first is not None and second is not None
    problems = check_duplicates([second, first])
    assert codes(problems) == ["duplicate-id"]
    assert problems[0].path == second.path
    kept, _ = resolve_duplicates([second, first])
    assert kept == [first]


# --- files and folders ----------------------------------------------------------------------------------------


def test_file_too_large_is_skipped_without_reading_it(kb_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kb_dir({"big.md": "# 大\n## 话术\n" + "字" * 2000, "small.md": "# 小\n## 话术\nx\n"})
    reads: list[int] = []
    real_open = open

    class Spy:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Spy:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            return bytes(self.handle.read(size))

    monkeypatch.setattr(kb, "open", lambda *a, **k: Spy(real_open(*a, **k)), raising=False)
    result = load_kb(root, max_bytes=1000)
    assert [e.rel_path for e in result.entries] == ["small.md"]
    problem = only(result.problems, "file-too-large")
    assert (problem.severity, problem.path) == (Severity.WARNING, root / "big.md")
    assert reads and all(0 < size <= 1001 for size in reads)


def test_hidden_files_and_folders_are_ignored_silently(kb_dir: Any) -> None:
    root = kb_dir(
        {
            ".hidden.md": "---\nbroken: [\n---\n",
            ".git/x.md": "\x00\x00",
            "sub/.trash/y.md": "",
            "ok.md": "# ok\n## 话术\nx\n",
        }
    )
    result = load_kb(root)
    assert result.problems == []
    assert [e.rel_path for e in result.entries] == ["ok.md"]


def test_symlinks_are_followed_and_loops_reported(kb_dir: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shared.md").write_text("# 共享\n## 话术\nx\n", encoding="utf-8")
    root = kb_dir({"sub/a.md": "# A\n## 话术\na\n"})
    try:
        (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
        (root / "linked").symlink_to(outside, target_is_directory=True)
        (root / "dangling.md").symlink_to(tmp_path / "missing.md")
    except OSError:
        pytest.skip("symlinks not available")
    result = load_kb(root)
    assert [e.rel_path for e in result.entries] == ["linked/shared.md", "sub/a.md"]
    loop = only(result.problems, "symlink-loop")
    assert (loop.severity, loop.path) == (Severity.WARNING, root / "sub" / "loop")
    broken = only(result.problems, "broken-link")
    assert (broken.severity, broken.path) == (Severity.WARNING, root / "dangling.md")


def test_scan_files_reports_into_the_given_list(kb_dir: Any) -> None:
    root = kb_dir({"a/x.md": "# x\n"})
    try:
        (root / "a" / "up").symlink_to(root / "a", target_is_directory=True)
    except OSError:
        pytest.skip("symlinks not available")
    problems: list[Problem] = []
    assert scan_files(root, problems) == [root / "a/x.md"]
    assert codes(problems) == ["symlink-loop"]
    assert scan_files(root) == [root / "a/x.md"]  # without a list, problems are simply dropped


def test_second_link_to_same_folder_is_read_once(kb_dir: Any) -> None:
    root = kb_dir({"real/a.md": "# A\n## 话术\na\n"})
    try:
        (root / "zlink").symlink_to(root / "real", target_is_directory=True)
    except OSError:
        pytest.skip("symlinks not available")
    result = load_kb(root)
    assert [e.rel_path for e in result.entries] == ["real/a.md"]
    assert only(result.problems, "symlink-duplicate").path == root / "zlink"


def test_unreadable_file_names_the_os_error(kb_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kb_dir({"a.md": "# A\n## 话术\na\n", "b.md": "# B\n## 话术\nb\n"})
    real_open = open

    def failing_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == "a.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(kb, "open", failing_open, raising=False)
    result = load_kb(root)
    assert [e.rel_path for e in result.entries] == ["b.md"]
    problem = only(result.problems, "unreadable-file")
    assert (problem.severity, problem.path) == (Severity.ERROR, root / "a.md")
    assert "Permission denied" in problem.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions as non-root")
def test_unreadable_file_by_permissions(kb_dir: Any) -> None:
    root = kb_dir({"a.md": "# A\n"})
    (root / "a.md").chmod(0)
    try:
        data, problems = read_file(root / "a.md")
    finally:
        (root / "a.md").chmod(0o644)
    assert data is None and codes(problems) == ["unreadable-file"]


def test_unreadable_subfolder_is_an_error(kb_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kb_dir({"locked/a.md": "# A\n", "ok.md": "# ok\n## 话术\nx\n"})
    real_list = kb._list_folder

    def failing_list(folder: str) -> Any:
        if Path(folder).name == "locked":
            raise PermissionError(13, "Permission denied", folder)
        return real_list(folder)

    monkeypatch.setattr(kb, "_list_folder", failing_list)
    result = load_kb(root)
    assert [e.rel_path for e in result.entries] == ["ok.md"]
    problem = only(result.problems, "unreadable-folder")
    assert (problem.severity, problem.path) == (Severity.ERROR, root / "locked")


def test_kb_error_for_missing_root(tmp_path: Path) -> None:
    with pytest.raises(KbError) as caught:
        load_kb(tmp_path / "nope")
    message = str(caught.value)
    assert "不存在" in message and "does not exist" in message and "nope" in message


def test_kb_error_for_file_root(tmp_path: Path) -> None:
    file_root = tmp_path / "file.md"
    file_root.write_text("x", encoding="utf-8")
    with pytest.raises(KbError, match="not a folder"):
        load_kb(file_root)


def test_kb_error_for_unreadable_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_list(folder: str) -> Any:
        raise PermissionError(13, "Permission denied", folder)

    monkeypatch.setattr(kb, "_list_folder", failing_list)
    with pytest.raises(KbError, match="cannot be read") as caught:
        load_kb(tmp_path)
    assert "无法读取" in str(caught.value)


def test_problems_are_sorted_and_well_formed(kb_dir: Any) -> None:
    root = kb_dir(
        {
            "z.md": "---\ntier: 9\nfoo: 1\n---\n# z\n",
            "a.md": b"\x00",
            "m.md": "",
        }
    )
    result = load_kb(root)
    assert [p.path.name for p in result.problems if p.path] == sorted(
        p.path.name for p in result.problems if p.path
    )
    for problem in result.problems:
        assert_well_formed(problem)
    assert result.entries and result.entries[0].rel_path == "z.md"
    formatted = result.problems[0].format(root)
    assert formatted.startswith("a.md: error: ")


# --- property-based: no exception escapes ----------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_front_matter = st.dictionaries(
    st.one_of(st.sampled_from(kb.KNOWN_KEYS), st.text(max_size=10)), _values, max_size=8
)
_body = st.lists(
    st.one_of(
        st.sampled_from(["## 话术", "## 问题", "## 解决步骤", "# 标题", "```", "~~~", "---", "{x}", "{", "}}", ""]),
        st.text(max_size=40),
    ),
    max_size=12,
).map("\n".join)
_yamlish = st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"#&*!|>%@`,? \n\t\u3000中")), max_size=80)


def _check(path: Path, entry: Entry | None, problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.message
        assert_well_formed(problem)
        assert problem.path == path
    if entry is not None:
        assert isinstance(entry.id, str) and entry.id
        assert isinstance(entry.title, str)
        assert all(isinstance(a, str) for a in entry.aliases + entry.tags)
        assert entry.tier in ("一线", "二线")
    assert not any(p.code == "internal-error" for p in problems)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    root = Path("/kb")
    entry, problems = parse_file(root / "r.md", root, data)
    _check(root / "r.md", entry, problems)


@settings(max_examples=300, deadline=None)
@given(meta=_front_matter, body=_body, crlf=st.booleans(), gbk=st.booleans())
def test_random_front_matter_never_raises(meta: dict[Any, Any], body: str, crlf: bool, gbk: bool) -> None:
    try:
        dumped = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    text = f"---\n{dumped}---\n{body}\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        data = text.encode("gb18030") if gbk else text.encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "replace")
    root = Path("/kb")
    entry, problems = parse_file(root / "f/r.md", root, data)
    _check(root / "f/r.md", entry, problems)


@settings(max_examples=300, deadline=None)
@given(front=_yamlish, body=_body)
def test_random_yamlish_text_never_raises(front: str, body: str) -> None:
    root = Path("/kb")
    data = f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")
    entry, problems = parse_file(root / "r.md", root, data)
    _check(root / "r.md", entry, problems)


_file_bytes = st.one_of(
    st.binary(max_size=200),
    st.builds(
        lambda front, body: f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"),
        st.sampled_from(["id: same", "id: other", "trigger: t", "tier: 二线", "aliases: x"]) | _yamlish,
        _body,
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.dictionaries(st.sampled_from(["a.md", "b/c.md", "b/d.md", "e/f/g.md"]), _file_bytes, max_size=4))
def test_load_kb_on_random_files_never_raises(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        result = load_kb(root)
        for problem in result.problems:
            assert_well_formed(problem)
        assert len({e.id for e in result.entries}) == len(result.entries)


def test_tests_run_in_portable_mode(kbassist_home: Path) -> None:
    assert os.environ["KBASSIST_HOME"] == str(kbassist_home)


def test_scan_gives_relative_paths_and_stats(kb_dir: Any) -> None:
    root = kb_dir({"b/z.md": "# Z\n", "a.md": "# A\n", "a-b/x.md": "# X\n", "a/deep/y.md": "# Yy\n", ".h/q.md": "#"})
    found = kb.scan(root)
    assert [f.rel for f in found] == ["a-b/x.md", "a.md", "a/deep/y.md", "b/z.md"]
    assert [Path(f.path) for f in found] == scan_files(root)
    for f in found:
        assert Path(f.path) == root / f.rel
        assert f.stat is not None and f.stat.st_size == (root / f.rel).stat().st_size
        assert f.stat.st_mtime_ns == (root / f.rel).stat().st_mtime_ns


@pytest.mark.parametrize("by_fd", [True, False])
def test_scan_signatures_match_scan(kb_dir: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    by_fd: bool) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shared.md").write_text("# 共享\n", encoding="utf-8")
    root = kb_dir({"a/x.md": "# x\n", "a/b/深.md": "# 深\n", "top.MD": "# t\n", "notes.txt": "n",
                   ".hidden/h.md": "# h\n", "a/.h.md": "# h\n"})
    try:
        (root / "a" / "up").symlink_to(root / "a", target_is_directory=True)
        (root / "linked").symlink_to(outside, target_is_directory=True)
        (root / "dangling.md").symlink_to(tmp_path / "missing.md")
    except OSError:
        pytest.skip("symlinks not available")
    if not by_fd:
        monkeypatch.setattr(kb, "_SCAN_BY_FD", False)  # how Windows lists folders
    scan_problems: list[Problem] = []
    signature_problems: list[Problem] = []
    found = scan(root, scan_problems)
    signatures = scan_signatures(root, signature_problems)
    assert [f.rel for f in found] == ["a/b/深.md", "a/x.md", "linked/shared.md", "top.MD"]
    assert signatures == {f.rel: signature(f.stat.st_mtime_ns, f.stat.st_size) for f in found if f.stat is not None}
    assert scan_problems == signature_problems
    assert sorted(codes(signature_problems)) == ["broken-link", "symlink-loop"]


def test_scan_signature_is_none_when_stat_fails(kb_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kb_dir({"a.md": "# a\n", "b.md": "# b\n"})
    real_stat = os.stat

    def failing_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path).endswith("b.md"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(kb.os, "stat", failing_stat)
    signatures = scan_signatures(root)
    assert signatures["b.md"] is None and signatures["a.md"] is not None


def test_signature_tells_apart_any_change_of_mtime_or_size() -> None:
    base = signature(1_700_000_000_123_456_789, 4096)
    assert base == signature(1_700_000_000_123_456_789, 4096)
    others = [signature(1_700_000_000_123_456_790, 4096), signature(1_700_000_000_123_456_789, 4097),
              signature(1_700_000_000_123_456_788, 4096 + (1 << 64) - 1), signature(0, -1), signature(-1, 0)]
    assert base not in others and len(set(others)) == len(others)
