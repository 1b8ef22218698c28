"""Tests for placeholders, fill, and the chat-text / HTML rendering of blocks."""

from __future__ import annotations

from datetime import datetime
from html import escape

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbassist.core.render import (
    BUILTIN_NAMES,
    brace_problems,
    builtin_values,
    chat_text,
    fill,
    html,
    placeholders,
    render_block,
)

# --- placeholders -------------------------------------------------------------------------------------------------


def test_placeholders_in_order_of_first_appearance_without_duplicates() -> None:
    text = "{用户昵称}您好，订单 {订单号} 已发，{用户昵称} 请查收 {order_id} {x1}"
    assert placeholders(text) == ["用户昵称", "订单号", "order_id", "x1"]


def test_placeholder_name_rules() -> None:
    assert placeholders("{a b} {} {a-b} {" + "字" * 21 + "}") == []
    assert placeholders("{" + "字" * 20 + "}") == ["字" * 20]
    assert placeholders("{_}{9}") == ["_", "9"]


def test_double_braces_are_literal_not_placeholders() -> None:
    assert placeholders("{{名字}} 和 {{ 与 }}") == []
    # As in str.format: "{{" then the placeholder "{名字}" then "}}".
    assert placeholders("{{{名字}}}") == ["名字"]
    assert fill("{{{名字}}}", {"名字": "X"}) == "{X}"


def test_fill_substitutes_and_leaves_unknown() -> None:
    assert fill("{a}-{b}-{a}", {"a": "1"}) == "1-{b}-1"


def test_fill_turns_double_braces_into_literal_braces() -> None:
    assert fill("{{a}} {a} }} {{", {"a": "X"}) == "{a} X } {"


def test_fill_does_not_rescan_values() -> None:
    assert fill("{a}", {"a": "{b}", "b": "no"}) == "{b}"
    assert fill("{a}", {"a": "{{"}) == "{{"


# --- brace_problems -----------------------------------------------------------------------------------------------


def test_brace_problems_lines_and_messages() -> None:
    text = "正常 {订单号} {{字面}}\n少了右括号 {订单号\n多了 }\n{订单 号}\n"
    problems = brace_problems(text)
    assert [line for line, _ in problems] == [2, 3, 4]
    assert all(message for _, message in problems)
    assert "订单 号" in problems[2][1]


def test_balanced_text_has_no_brace_problems() -> None:
    assert brace_problems("{a}{{b}}c}}{{\n{中文}") == []


# --- builtin values -----------------------------------------------------------------------------------------------


def test_builtin_values() -> None:
    values = builtin_values(datetime(2026, 3, 4, 5, 6, 7), "小王", "ORD-1")
    assert values == {"日期": "2026-03-04", "时间": "05:06", "客服名": "小王", "剪贴板": "ORD-1"}
    assert tuple(values) == BUILTIN_NAMES
    assert fill("{客服名} {日期} {时间}", values) == "小王 2026-03-04 05:06"


# --- chat_text ----------------------------------------------------------------------------------------------------


def test_chat_text_removes_emphasis_and_code() -> None:
    assert chat_text("您好 **重要** 和 *强调* 与 __粗__ 以及 `代码`") == "您好 重要 和 强调 与 粗 以及 代码"


def test_chat_text_keeps_line_breaks_and_separates_paragraphs() -> None:
    source = "第一行\n第二行\n\n\n\n第二段  \n"
    assert chat_text(source) == "第一行\n第二行\n\n第二段"


def test_chat_text_numbered_and_bullet_lists() -> None:
    source = "步骤：\n\n1. 打开\n2. 兑换\n\n- 甲\n- 乙\n    - 丙\n\n完成"
    assert chat_text(source) == "步骤：\n\n1. 打开\n2. 兑换\n\n• 甲\n• 乙\n  • 丙\n\n完成"


def test_chat_text_ordered_list_keeps_its_start_number() -> None:
    assert chat_text("3. 第三\n4. 第四") == "3. 第三\n4. 第四"


def test_chat_text_loose_list_has_no_blank_lines_inside_items() -> None:
    assert chat_text("1. 第一\n\n    继续\n\n2. 第二") == "1. 第一\n继续\n2. 第二"


def test_chat_text_list_right_after_text_keeps_lines() -> None:
    assert chat_text("请按以下步骤：\n1. 打开\n2. 兑换") == "请按以下步骤：\n1. 打开\n2. 兑换"


def test_chat_text_links() -> None:
    assert chat_text("见 [官网](https://x.com/a_b?c=1&d=2)") == "见 官网 (https://x.com/a_b?c=1&d=2)"
    assert chat_text("见 <https://e.com>") == "见 https://e.com"
    assert chat_text("见 [https://e.com](https://e.com)") == "见 https://e.com"


def test_chat_text_headings_quotes_images_rules() -> None:
    source = "# 标题\n\n> 引用一\n> 引用二\n\n![图片](a.png)文字\n\n---\n\n尾"
    assert chat_text(source) == "标题\n\n引用一\n引用二\n\n文字\n\n尾"


def test_chat_text_code_block_kept_verbatim() -> None:
    assert chat_text("看：\n\n```\n  a  b\n*x*\n```\n") == "看：\n\n  a  b\n*x*"


def test_chat_text_html_is_not_interpreted() -> None:
    assert chat_text("请输入<ID>和 a < b & c > d &amp;") == "请输入<ID>和 a < b & c > d &"


def test_chat_text_table_rows() -> None:
    assert chat_text("| a | b |\n|---|---|\n| 1 | 2 |") == "a | b\n1 | 2"


def test_chat_text_has_no_trailing_whitespace_or_newline() -> None:
    for source in ("a\n\n", "- a\n- b\n\n", "```\nx\n```\n\n", "  \n# h\n\n"):
        out = chat_text(source)
        assert out == out.strip()
        assert all(line == line.rstrip() for line in out.split("\n"))


def test_chat_text_leaves_placeholders_and_double_braces_alone() -> None:
    source = "{order_no_1} 与 *{客户_名}* 和 {{字面}} 以及 `{a_b}`"
    assert chat_text(source) == "{order_no_1} 与 {客户_名} 和 {{字面}} 以及 {a_b}"


def test_chat_text_empty() -> None:
    assert chat_text("") == ""
    assert chat_text("   \n\n") == ""


# --- html and render_block ----------------------------------------------------------------------------------------


def test_html_renders_markdown_shows_placeholders_and_literal_braces() -> None:
    out = html("**粗** {a_b_c} {{x}}\n\n- 一")
    assert "<strong>粗</strong>" in out
    assert "{a_b_c} {x}" in out
    assert "<li>一</li>" in out


def test_html_escapes_raw_html() -> None:
    assert "<script>" not in html("<script>alert(1)</script>")


@pytest.mark.parametrize(
    "value",
    ["A_1*2*_3", "**x**", "`rm -rf`", "[a](b)", "<b>&amp;", "{{", "}}", "{x}", "# 不是标题", "1. 不是列表", "\\_"],
)
def test_render_block_values_survive_verbatim(value: str) -> None:
    plain, rendered = render_block("您的订单号：{订单号}，{{请核对}}", {"订单号": value})
    assert plain == f"您的订单号：{value}，{{请核对}}"
    assert f"<p>您的订单号：{escape(value)}，{{请核对}}</p>" == rendered


def test_render_block_placeholder_in_link_target() -> None:
    plain, rendered = render_block("点此 [查看订单]({链接})", {"链接": "https://x.com/?a=1&b=2_3"})
    assert plain == "点此 查看订单 (https://x.com/?a=1&b=2_3)"
    assert '<a href="https://x.com/?a=1&amp;b=2_3">查看订单</a>' in rendered


def test_render_block_multiline_value() -> None:
    plain, rendered = render_block("**说明**：\n{内容}", {"内容": "甲\n乙"})
    assert plain == "说明：\n甲\n乙"
    assert "甲<br>\n乙" in rendered


def test_render_block_unknown_placeholder_stays_visible() -> None:
    plain, _ = render_block("{客户}您好", {})
    assert plain == "{客户}您好"


def test_markdown_failure_falls_back_to_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, text: str) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(markdown.Markdown, "convert", broken)
    assert chat_text("**a** <b>\n{x}") == "**a** <b>\n{x}"
    assert html("a<b>") == "<p>a&lt;b&gt;</p>"


@settings(max_examples=200, deadline=None)
@given(source=st.text(max_size=200))
def test_chat_text_never_raises_and_is_trimmed(source: str) -> None:
    out = chat_text(source)
    assert out == out.strip("\n")
    assert not out.endswith((" ", "\t"))
    html(source)


@settings(max_examples=200, deadline=None)
@given(value=st.text(max_size=40))
def test_any_value_survives_render_block(value: str) -> None:
    plain, _ = render_block("前 {v} 后", {"v": value})
    assert plain == f"前 {value} 后"


_markdown_pieces = st.lists(
    st.sampled_from(
        ["*", "_", "`", "[", "]", "(", ")", "#", ">", "-", "1. ", "- ", "**", "```", "    ", "\n", " ", "<", "&",
         "|", "中文", "ab", "{订单号}", "{a_b}", "{{", "}}", "{x}", "\\"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(source=_markdown_pieces)
def test_chat_text_never_loses_a_placeholder(source: str) -> None:
    # Whatever the markup around them (images excepted, which are dropped), placeholders reach the chat text.
    assert set(placeholders(chat_text(source))) == set(placeholders(source))


@settings(max_examples=200, deadline=None)
@given(source=_markdown_pieces, value=st.text(max_size=10))
def test_render_block_plain_equals_fill_after_chat_text(source: str, value: str) -> None:
    plain, _ = render_block(source, {"订单号": value, "x": value})
    assert plain == fill(chat_text(source), {"订单号": value, "x": value})
