"""Importing reply libraries: real GBK/UTF-8 CSV, XLSX written with openpyxl, espanso YAML, into loadable KB files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from kbassist.core.importer import (
    ImportFailed,
    escape_braces,
    import_file,
    read_records,
    safe_name,
    slug,
)
from kbassist.core.kb import load_kb
from kbassist.core.model import BlockKind, Entry

CSV_ROWS = [
    ["分类", "标题", "话术", "快捷键", "关键词"],
    ["售后", "卡密未到账", "{用户昵称}您好，您的订单 {订单号} 卡密已补发，请查收。", "kmwd", "没到账，付款了没卡密"],
    ["售后", "退款进度", "退款已提交，预计 1-3 个工作日原路退回。", "tkjd", "退款多久到"],
    ["活动", "优惠券怎么用", "下单时在“优惠券”一栏选择即可，满 {{50}} 可用。", "", ""],
    ["", "", "", "", ""],
    ["活动", "空内容", "", "kong", ""],
    ["售后", "卡密未到账", "{用户昵称}您好，您的订单 {订单号} 卡密已补发，请查收。", "kmwd2", ""],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str, delimiter: str = ",") -> Path:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def entries_by_title(root: Path) -> dict[str, Entry]:
    result = load_kb(root)
    assert result.errors == [], [p.format(root) for p in result.errors]
    return {e.title: e for e in result.entries}


def script_of(entry: Entry) -> str:
    return next(b.text for b in entry.blocks if b.kind is BlockKind.SCRIPT)


def test_gbk_csv_round_trip(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "话术库.csv", CSV_ROWS, encoding="gbk")
    out = tmp_path / "kb"
    result = import_file(source, out)
    assert len(result.created) == 3
    reasons = {s.where: s.reason for s in result.skipped}
    assert "内容为空" in reasons["第 6 行"]
    assert "重复" in reasons["第 7 行"] and "第 2 行" in reasons["第 7 行"]
    entries = entries_by_title(out)
    card = entries["卡密未到账"]
    assert card.category == "售后" and card.rel_path == "售后/卡密未到账.md"
    assert card.trigger == "kmwd" and card.aliases == ("没到账", "付款了没卡密")
    assert card.id == "ka-mi-wei-dao-zhang"
    assert script_of(card) == "{用户昵称}您好，您的订单 {订单号} 卡密已补发，请查收。"
    assert [b.kind for b in card.blocks] == [BlockKind.PROBLEM, BlockKind.SCRIPT]
    assert script_of(entries["优惠券怎么用"]).endswith("满 {{50}} 可用。")
    assert entries["优惠券怎么用"].category == "活动"
    assert not load_kb(out).problems


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ";"), ("utf-8", "\t"), ("gb18030", "\t"), ("utf-8", ",")]
)
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    rows = [["category", "title", "content"], ["账号", "密码找回", "请点击“忘记密码”，用绑定手机号重置；密码至少 8 位。"]]
    source = write_csv(tmp_path / "lib.csv", rows, encoding=encoding, delimiter=delimiter)
    records = read_records(source)
    assert [(r.category, r.title, r.content) for r in records] == [tuple(rows[1])]


def test_xlsx_round_trip_with_sheet_and_mapping(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.title = "说明"
    first.append(["这一页不是数据"])
    sheet = book.create_sheet("快捷回复")
    sheet.append(["分组", "回复内容", "编码", "备注"])
    sheet.append(["发货", "您好，卡密类商品付款后自动发货，请在“我的卡密”查看。", 1001, "x"])
    sheet.append(["发货", "话费充值一般 10 分钟内到账，高峰期可能延迟到 2 小时。", None, None])
    sheet.append([None, "通用问候：您好，很高兴为您服务！", "hi", None])
    path = tmp_path / "replies.xlsx"
    book.save(path)

    with pytest.raises(ImportFailed, match="内容列"):
        import_file(path, tmp_path / "kb")  # the first sheet has no content column

    result = import_file(path, tmp_path / "kb", sheet="快捷回复", mapping="备注=aliases")
    assert len(result.created) == 3 and not result.skipped
    entries = entries_by_title(tmp_path / "kb")
    first_entry = entries["您好，卡密类商品付款后自动发货，请在“我的卡密…"]  # title from the reply's start
    assert first_entry.trigger == "1001" and first_entry.aliases == ("x",)
    assert first_entry.category == "发货"
    greeting = next(e for e in entries.values() if e.trigger == "hi")
    assert greeting.category == "未分类"


def test_xlsx_merged_category_cells_cover_their_rows(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["分类", "标题", "话术"])
    ws.append(["退款", "退款多久到", "1-3 个工作日原路退回。"])
    ws.append([None, "退款失败", "请核对收款账户后重新提交。"])
    ws.append(["账号", "改密码", "在“安全中心”修改。"])
    ws.merge_cells("A2:A3")
    book.save(tmp_path / "m.xlsx")
    import_file(tmp_path / "m.xlsx", tmp_path / "kb")
    assert {e.title: e.category for e in load_kb(tmp_path / "kb").entries} == {
        "退款多久到": "退款",
        "退款失败": "退款",
        "改密码": "账号",
    }


def test_map_names_columns_the_headers_do_not(tmp_path: Path) -> None:
    rows = [["Q", "A", "K"], ["怎么开发票", "订单完成后在“我的订单”中申请电子发票。", "fp"]]
    source = write_csv(tmp_path / "qa.csv", rows, encoding="utf-8")
    with pytest.raises(ImportFailed, match="--map"):
        import_file(source, tmp_path / "kb")
    result = import_file(source, tmp_path / "kb", mapping="Q=title, A=content,trigger=K")
    assert [c.title for c in result.created] == ["怎么开发票"]
    assert entries_by_title(tmp_path / "kb")["怎么开发票"].trigger == "fp"
    with pytest.raises(ImportFailed, match="字段"):
        import_file(source, tmp_path / "kb", mapping="Q=问题")


ESPANSO = r"""
matches:
  - trigger: ":kmwd"
    replace: "您好，卡密已发送至“我的卡密”，请查收$|$。"
  - triggers: [":tk", ":退款"]
    label: 退款说明
    replace: |
      您好 {{name}}，退款将在 {{today}} 起 1-3 个工作日内原路退回。
      JSON 示例：{"a": 1}
    vars:
      - name: today
        type: date
        params: {format: "%Y-%m-%d"}
      - name: name
        type: echo
        params: {echo: 客户}
  - trigger: ":ip"
    replace: "{{output}}"
    vars:
      - name: output
        type: shell
        params: {cmd: "curl ifconfig.me"}
  - trigger: ":form"
    form: "Hi [[name]]"
  - regex: ":d(?P<n>\\d+)"
    replace: "x"
  - trigger: ":img"
    image_path: "/tmp/a.png"
  - trigger: ":clip"
    replace: "您复制的是：{{clipboard}}"
    vars:
      - name: clipboard
        type: clipboard
"""


def test_espanso_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "base.yml"
    source.write_text(ESPANSO, encoding="utf-8")
    result = import_file(source, tmp_path / "kb")
    assert len(result.created) == 3
    reasons = {s.where: s.reason for s in result.skipped}
    assert "shell" in reasons["matches[2] :ip"]
    assert "form" in reasons["matches[3] :form"]
    assert "regex" in reasons["matches[4]"]
    assert "image_path" in reasons["matches[5] :img"]
    entries = {e.trigger: e for e in load_kb(tmp_path / "kb").entries}
    assert not load_kb(tmp_path / "kb").errors
    assert script_of(entries["kmwd"]) == "您好，卡密已发送至“我的卡密”，请查收。"
    refund = entries["tk"]
    assert refund.title == "退款说明" and refund.aliases == ("退款",)
    text = script_of(refund)
    assert "您好 {name}，退款将在 {日期} 起" in text
    assert 'JSON 示例：{{"a": 1}}' in text
    assert script_of(entries["clip"]) == "您复制的是：{剪贴板}"


def test_not_an_espanso_file(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("foo: [1, 2\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="x.yaml:"):
        import_file(source, tmp_path / "kb")
    source.write_text("foo: 1\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="matches"):
        import_file(source, tmp_path / "kb")


def test_unsupported_or_missing_source(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="找不到"):
        import_file(tmp_path / "none.csv", tmp_path / "kb")
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFailed, match=".xlsx"):
        import_file(tmp_path / "a.xls", tmp_path / "kb")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ImportFailed, match="xlsx"):
        import_file(tmp_path / "bad.xlsx", tmp_path / "kb")


def test_unsafe_titles_become_safe_file_names(tmp_path: Path) -> None:
    rows = [["分类", "标题", "内容"]]
    titles = ["CON", "a/b:c*?\"<>|d", "...隐藏", "结尾. ", "长" * 200, "aux.txt"]
    rows += [["分/类:", t, f"内容 {i}"] for i, t in enumerate(titles)]
    source = write_csv(tmp_path / "x.csv", rows, encoding="utf-8")
    result = import_file(source, tmp_path / "kb")
    assert len(result.created) == len(titles)
    names = [c.path.name for c in result.created]
    assert names[0] == "CON_.md" and names[1] == "a_b_c_d.md" and names[2] == "隐藏.md" and names[3] == "结尾.md"
    assert len(names[4]) <= 63 and names[5] == "aux.txt_.md"
    assert all(c.path.parent.name == "分_类_" for c in result.created)
    entries = load_kb(tmp_path / "kb").entries
    assert len(entries) == len(titles) and {e.category for e in entries} == {"分/类:"}
    assert len({e.id for e in entries}) == len(titles)


def test_existing_files_are_never_overwritten_and_ids_stay_unique(tmp_path: Path) -> None:
    rows = [["分类", "标题", "内容", "快捷键"], ["售后", "卡密未到账", "新的话术", "kmwd"]]
    source = write_csv(tmp_path / "x.csv", rows, encoding="utf-8")
    out = tmp_path / "kb"
    (out / "售后").mkdir(parents=True)
    original = "---\nid: ka-mi-wei-dao-zhang\ntitle: 卡密未到账\ntrigger: kmwd\n---\n## 话术\n旧的话术\n"
    (out / "售后" / "卡密未到账.md").write_text(original, encoding="utf-8")
    result = import_file(source, out)
    created = result.created[0]
    assert created.path.name == "卡密未到账-2.md" and created.entry_id == "ka-mi-wei-dao-zhang-2"
    assert (out / "售后" / "卡密未到账.md").read_text(encoding="utf-8") == original
    assert any("kmwd" in n for n in result.notes)  # the trigger was taken: dropped, said so
    loaded = load_kb(out)
    assert not loaded.problems


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "x.csv", CSV_ROWS, encoding="utf-8")
    one = [c.entry_id for c in import_file(source, tmp_path / "a").created]
    two = [c.entry_id for c in import_file(source, tmp_path / "b").created]
    assert one == two == ["ka-mi-wei-dao-zhang", "tui-kuan-jin-du", "you-hui-quan-zen-me-yong"]


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "x.csv", CSV_ROWS, encoding="gbk")
    result = import_file(source, tmp_path / "kb", dry_run=True)
    assert len(result.created) == 3 and not (tmp_path / "kb").exists()
    assert "将创建 3 条" in result.summary(tmp_path / "kb")


def test_content_cannot_break_the_entry(tmp_path: Path) -> None:
    rows = [["标题", "内容"], ["花括号", "# 不是标题\n## 话术\n格式 {a b} 和 {x}\n---\n结束"]]
    source = write_csv(tmp_path / "x.csv", rows, encoding="utf-8")
    import_file(source, tmp_path / "kb")
    loaded = load_kb(tmp_path / "kb")
    assert not loaded.problems
    entry = loaded.entries[0]
    assert [b.name for b in entry.blocks] == ["问题", "话术"]
    assert "{{a b}}" in script_of(entry) and "{x}" in script_of(entry)


def test_a_row_with_extra_cells_is_skipped_with_a_reason(tmp_path: Path) -> None:
    source = tmp_path / "x.csv"
    source.write_text("标题,内容\n好的,正常内容\n坏的,内容,多出来,的列\n", encoding="utf-8")
    result = import_file(source, tmp_path / "kb")
    assert [c.title for c in result.created] == ["好的"]
    assert "列数" in result.skipped[0].reason and result.skipped[0].where == "第 3 行"


def test_helpers() -> None:
    assert slug("卡密未到账") == "ka-mi-wei-dao-zhang"
    assert slug("VIP 会员 (月卡)") == "vip-hui-yuan-yue-ka"
    assert slug("！！！") == "entry"
    assert len(slug("长" * 100)) <= 48
    assert safe_name("nul") == "nul_" and safe_name("  ") == "未命名"
    assert escape_braces("{a} {b c} {{ }}") == "{a} {{b c}} {{ }}"


def test_search_finds_imported_rows_first(tmp_path: Path) -> None:
    engine_mod = pytest.importorskip("kbassist.core.engine")
    if not hasattr(engine_mod, "Engine"):
        pytest.skip("the search engine is not available in this tree")
    out = tmp_path / "kb"
    import_file(write_csv(tmp_path / "x.csv", CSV_ROWS, encoding="gbk"), out)
    book = Workbook()
    book.active.append(["标题", "回复内容", "关键词"])
    book.active.append(["话费充值延迟", "话费充值一般 10 分钟内到账，高峰期可能延迟到 2 小时。", "话费没到，充话费慢"])
    book.save(tmp_path / "r.xlsx")
    import_file(tmp_path / "r.xlsx", out)
    (tmp_path / "e.yml").write_text(ESPANSO, encoding="utf-8")
    import_file(tmp_path / "e.yml", out)
    assert not load_kb(out).errors
    engine = engine_mod.Engine(out, tmp_path / "index", jieba_cache=tmp_path / "jieba.cache")
    try:
        engine.update()
        cases = [
            ("退款进度", "tui-kuan-jin-du"),
            ("kmwd", "ka-mi-wei-dao-zhang"),
            ("优惠券", "you-hui-quan-zen-me-yong"),
            ("话费充值延迟", "hua-fei-chong-zhi-yan-chi"),
            ("充话费慢", "hua-fei-chong-zhi-yan-chi"),
            ("退款说明", "tui-kuan-shuo-ming"),
        ]
        for query, expected in cases:
            hits = engine.search(query)
            assert hits and hits[0].entry.id == expected, (query, [h.entry.id for h in hits])
    finally:
        engine.close()
