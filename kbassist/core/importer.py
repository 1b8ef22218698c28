"""Importing existing reply libraries (CSV, XLSX, espanso YAML) into knowledge-base Markdown files."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kbassist.core import pinyin
from kbassist.core.kb import ROOT_CATEGORY, KbError, load_kb
from kbassist.core.render import TOKEN_RE  # the placeholder grammar the program reads back

FIELDS = ("category", "title", "content", "trigger", "aliases")

# Header spellings seen in reply libraries exported by chat tools and kept in spreadsheets.
HEADERS: dict[str, tuple[str, ...]] = {
    "category": ("分类", "分组", "类别", "类目", "分类名称", "分组名称", "category", "group", "folder"),
    "title": ("标题", "问题", "名称", "主题", "问题描述", "常见问题", "title", "question", "name", "label", "subject"),
    "content": (
        "内容", "话术", "回复", "回复内容", "话术内容", "答案", "快捷短语", "短语", "content", "reply", "answer",
        "text", "replace", "response", "body",
    ),
    "trigger": ("快捷键", "编码", "快捷编码", "快捷码", "触发词", "缩写", "trigger", "shortcut", "code", "abbr"),
    "aliases": ("关键词", "关键字", "别名", "同义词", "aliases", "alias", "keywords", "keyword", "tags"),
}

TITLE_FROM_CONTENT_CHARS = 24
MAX_NAME_CHARS = 60
MAX_ID_CHARS = 48
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)}


class ImportFailed(Exception):
    """The source cannot be imported at all (unreadable, unknown format, no content column)."""


@dataclass
class Record:
    """One row of the source, already mapped onto our fields."""

    where: str  # "第 3 行" / "matches[2]" — how the summary names the row
    category: str = ""
    title: str = ""
    content: str = ""
    trigger: str = ""
    aliases: list[str] = field(default_factory=list)
    problem: str = ""  # set when the row cannot be imported


@dataclass
class Created:
    where: str
    path: Path
    entry_id: str
    title: str


@dataclass
class Skipped:
    where: str
    reason: str


@dataclass
class ImportResult:
    created: list[Created] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # changes made to imported rows (a dropped duplicate trigger)
    dry_run: bool = False

    def summary(self, root: Path | None = None) -> str:
        verb = "将创建" if self.dry_run else "已创建"
        lines = [f"{verb} {len(self.created)} 条，跳过 {len(self.skipped)} 条 (created {len(self.created)}, skipped {len(self.skipped)})"]
        for c in self.created:
            shown = c.path
            if root is not None:
                try:
                    shown = c.path.relative_to(root)
                except ValueError:
                    pass
            lines.append(f"  + {c.where}: {shown.as_posix()}  [{c.entry_id}]")
        for s in self.skipped:
            lines.append(f"  - {s.where}: 跳过，{s.reason}")
        for note in self.notes:
            lines.append(f"  ! {note}")
        return "\n".join(lines) + "\n"


# --- names -------------------------------------------------------------------------------------------------------


def safe_name(text: str, fallback: str = "未命名") -> str:
    """A file or folder name valid on Windows, macOS and Linux, readable, at most MAX_NAME_CHARS characters."""
    name = unicodedata.normalize("NFC", text)
    name = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', "_", name)
    name = re.sub(r"\s+", " ", name).strip()
    name = name.lstrip(".")  # a leading dot hides the file from the KB loader
    name = name[:MAX_NAME_CHARS].rstrip(" .")  # Windows drops trailing dots and spaces
    if not name or set(name) <= {"_", " "}:
        name = fallback
    if name.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        name = f"{name}_"
    return name


def slug(title: str) -> str:
    """A stable id from a title: full pinyin of Chinese, lowercase latin and digits, joined by "-"."""
    text = unicodedata.normalize("NFKC", title).lower()
    words: list[str] = []
    for piece in pinyin.syllables(text, keep_unreadable=True):
        piece = re.sub(r"[^a-z0-9]+", "-", piece.replace("ü", "v")).strip("-")
        if piece:
            words.append(piece)
    out = "-".join(words)
    out = re.sub(r"-{2,}", "-", out).strip("-")
    if len(out) > MAX_ID_CHARS:
        cut = out[:MAX_ID_CHARS]
        out = cut[: cut.rfind("-")] if "-" in cut else cut
    return out or "entry"


def unique(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 … whichever is not taken; the result is added to taken."""
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


# --- Markdown output ---------------------------------------------------------------------------------------------

_YAML_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")
_YAML_SPECIAL = {"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value: str) -> str:
    """A YAML flow scalar: plain when unambiguous, else a double-quoted (JSON-compatible) string."""
    plain = _YAML_PLAIN.match(value) and value == value.strip() and value.lower() not in _YAML_SPECIAL
    if plain:
        try:
            float(value)
        except ValueError:
            return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def escape_braces(text: str) -> str:
    """Keep valid `{name}` placeholders and `{{`/`}}`; double every other brace so it stays literal."""
    out: list[str] = []
    pos = 0
    for match in TOKEN_RE.finditer(text):
        out.append(text[pos : match.start()].replace("{", "{{").replace("}", "}}"))
        out.append(match.group(0))
        pos = match.end()
    out.append(text[pos:].replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def escape_body(text: str) -> str:
    """Body text that cannot open a new section: a line starting with `#` would become a heading."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(re.sub(r"^(\s{0,3})#", r"\1\\#", line) for line in lines).strip()


def entry_markdown(
    *,
    entry_id: str,
    title: str,
    category: str | None,
    content: str,
    trigger: str = "",
    aliases: Sequence[str] = (),
    tags: Sequence[str] = (),
    problem: str = "",
    steps: str = "",
    tier: str = "一线",
    empty_keys: bool = False,
) -> str:
    """One entry in the KB format: front matter, H1, 问题, 话术 and 解决步骤 sections.

    empty_keys: also write empty aliases/tags/trigger keys, as a template for the editor to fill in.
    """
    fm = [f"id: {yaml_scalar(entry_id)}", f"title: {yaml_scalar(title)}"]
    if aliases or empty_keys:
        fm.append("aliases: [" + ", ".join(yaml_scalar(a) for a in aliases) + "]")
    if tags or empty_keys:
        fm.append("tags: [" + ", ".join(yaml_scalar(t) for t in tags) + "]")
    if category:
        fm.append(f"category: {yaml_scalar(category)}")
    if trigger:
        fm.append(f"trigger: {yaml_scalar(trigger)}")
    elif empty_keys:
        fm.append('trigger: ""')
    fm.append(f"tier: {tier}")
    heading = re.sub(r"\s+", " ", title).strip()
    parts = ["---", *fm, "---", f"# {heading}", ""]
    # An empty section would draw an "empty-section" warning from the loader: leave it out.
    for name, body in (("问题", problem), ("话术", content), ("解决步骤", steps)):
        if body.strip():
            parts += [f"## {name}", body.strip(), ""]
    return "\n".join(parts)


# --- reading tables ----------------------------------------------------------------------------------------------


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-（）()【】\[\]:：*]+", "", unicodedata.normalize("NFKC", str(text)).lower())


def parse_mapping(spec: str | None) -> dict[str, str]:
    """`内容=content,标题=title` → {normalised header: field}. Either side may name the field."""
    out: dict[str, str] = {}
    if not spec:
        return out
    for part in re.split(r"[,，]", spec):
        if not part.strip():
            continue
        if "=" not in part:
            raise ImportFailed(f"--map 的写法应为 列名=字段，例如 内容=content (bad --map item: {part!r})")
        left, right = (s.strip() for s in part.split("=", 1))
        if right.lower() in FIELDS:
            header, target = left, right.lower()
        elif left.lower() in FIELDS:
            header, target = right, left.lower()
        else:
            raise ImportFailed(f"--map 中的 {part!r} 没有指明字段，字段为 {', '.join(FIELDS)}")
        out[_norm_header(header)] = target
    return out


def map_headers(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """field → column index, from --map first, then the known header spellings (first match wins)."""
    mapping = mapping or {}
    normalised = [_norm_header(h) for h in headers]
    columns: dict[str, int] = {}
    for index, header in enumerate(normalised):
        target = mapping.get(header)
        if target and target not in columns:
            columns[target] = index
    known = {_norm_header(spelling): name for name, spellings in HEADERS.items() for spelling in spellings}
    for index, header in enumerate(normalised):
        name = known.get(header)
        if name and name not in columns and index not in columns.values():
            columns[name] = index
    return columns


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"无法识别文件编码，请另存为 UTF-8 或 GBK (unknown encoding): {exc}") from exc


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        return max((",", "\t", ";"), key=first.count)


def read_csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"无法读取 {path}: {exc.strerror or exc}") from exc
    text = decode_text(data)
    if not text.strip():
        raise ImportFailed(f"{path}: 文件为空 (empty file)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        return [row for row in reader]
    except csv.Error as exc:
        raise ImportFailed(f"{path}:{reader.line_num}: CSV 格式错误 (bad CSV): {exc}") from exc


def read_xlsx_rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Cell text of one sheet (the first by default); merged cells repeat their value in every cell they cover."""
    import zipfile

    from openpyxl import load_workbook

    try:
        # Not read_only: merged ranges (a category cell spanning its rows, common in reply sheets) need the full model.
        book = load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailed(f"{path}: 不是有效的 xlsx 文件 (not a valid xlsx): {exc}") from exc
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise ImportFailed(f"{path}: 没有名为 “{sheet}” 的工作表；已有：{', '.join(book.sheetnames)}")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = [[_cell(v) for v in values] for values in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:
            value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = value
        return rows
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _split_aliases(text: str) -> list[str]:
    return [a.strip() for a in re.split(r"[,，、;；|/\n]+", text) if a.strip()]


def records_from_rows(rows: list[list[str]], mapping: Mapping[str, str] | None, source: Path) -> list[Record]:
    """Map a header row plus data rows onto records; rows are named by their line in the source."""
    header_index = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise ImportFailed(f"{source}: 没有数据 (no rows)")
    headers = rows[header_index]
    columns = map_headers(headers, mapping)
    if "content" not in columns:
        shown = ", ".join(h for h in headers if h.strip()) or "(空)"
        raise ImportFailed(
            f"{source}: 找不到内容列（内容/话术/回复/content），表头为：{shown}；可用 --map 列名=content 指定"
        )
    out: list[Record] = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(c.strip() for c in row):
            continue
        record = Record(where=f"第 {offset} 行")

        def get(name: str) -> str:
            index = columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        if len(row) > len(headers) and any(c.strip() for c in row[len(headers) :]):
            record.problem = f"列数多于表头（{len(row)} > {len(headers)}），可能是分隔符或引号有误"
        record.category = get("category")
        record.title = get("title")
        record.content = (row[columns["content"]] if columns["content"] < len(row) else "").strip()
        record.trigger = get("trigger")
        record.aliases = _split_aliases(get("aliases"))
        out.append(record)
    return out


# --- espanso -------------------------------------------------------------------------------------------------------

_ESPANSO_VAR = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
_UNSAFE_VAR_TYPES = {"shell", "script"}


def _espanso_text(text: str, var_types: Mapping[str, str]) -> str:
    """espanso `{{var}}` → our `{var}`; every other brace literal; `$|$` cursor marks removed."""
    text = text.replace("$|$", "")
    out: list[str] = []
    pos = 0
    for match in _ESPANSO_VAR.finditer(text):
        out.append(escape_braces_literal(text[pos : match.start()]))
        name = match.group(1)
        kind = var_types.get(name, "")
        if kind == "date":
            out.append("{日期}")
        elif kind == "clipboard":
            out.append("{剪贴板}")
        elif re.fullmatch(r"\w{1,20}", name):
            out.append("{" + name + "}")
        else:
            out.append(escape_braces_literal(match.group(0)))
        pos = match.end()
    out.append(escape_braces_literal(text[pos:]))
    return "".join(out)


def escape_braces_literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def records_from_espanso(path: Path) -> list[Record]:
    try:
        data = yaml.safe_load(decode_text(path.read_bytes()))
    except OSError as exc:
        raise ImportFailed(f"无法读取 {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ImportFailed(f"{where}: YAML 格式错误 (invalid YAML): {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ImportFailed(f"{path}: 不是 espanso 匹配文件（缺少 matches: 列表）")
    out: list[Record] = []
    for index, match in enumerate(data["matches"]):
        record = Record(where=f"matches[{index}]")
        out.append(record)
        if not isinstance(match, dict):
            record.problem = "不是键值对 (not a mapping)"
            continue
        triggers = match.get("triggers") if match.get("triggers") is not None else match.get("trigger")
        if isinstance(triggers, str):
            triggers = [triggers]
        if match.get("regex") is not None:
            record.problem = "正则触发 (regex) 无法转换"
            continue
        if not isinstance(triggers, list) or not all(isinstance(t, str) for t in triggers) or not triggers:
            record.problem = "没有 trigger/triggers"
            continue
        record.where = f"matches[{index}] {triggers[0]}"
        if "form" in match:
            record.problem = "含表单 (form)，无法转换为话术"
            continue
        var_types: dict[str, str] = {}
        for var in match.get("vars") or []:
            if isinstance(var, dict):
                var_types[str(var.get("name", ""))] = str(var.get("type", ""))
        unsafe = sorted({t for t in var_types.values() if t in _UNSAFE_VAR_TYPES})
        if unsafe:
            record.problem = f"含 {'/'.join(unsafe)} 变量（运行命令），不导入"
            continue
        if "form" in var_types.values():
            record.problem = "含表单 (form)，无法转换为话术"
            continue
        body = match.get("replace", match.get("markdown", match.get("html")))
        if body is None:
            kind = "图片 (image_path)" if "image_path" in match else "没有 replace 文本"
            record.problem = kind
            continue
        clean = [t.strip() for t in triggers]
        record.trigger = re.sub(r"^[^\w]+", "", clean[0])
        record.aliases = [t for t in (re.sub(r"^[^\w]+", "", t) for t in clean[1:]) if t]
        record.content = _espanso_text(str(body), var_types)
        label = match.get("label")
        record.title = str(label).strip() if isinstance(label, str) and label.strip() else ""
    return out


# --- the import itself ----------------------------------------------------------------------------------------------


def read_records(path: Path, *, mapping: str | None = None, sheet: str | None = None) -> list[Record]:
    """Records from a .csv/.tsv/.txt, .xlsx/.xlsm or espanso .yml/.yaml file."""
    if not path.is_file():
        raise ImportFailed(f"找不到文件 (file not found): {path}")
    suffix = path.suffix.lower()
    parsed = parse_mapping(mapping)
    if suffix in (".csv", ".tsv", ".txt"):
        return records_from_rows(read_csv_rows(path), parsed, path)
    if suffix in (".xlsx", ".xlsm"):
        return records_from_rows(read_xlsx_rows(path, sheet), parsed, path)
    if suffix in (".yml", ".yaml"):
        return records_from_espanso(path)
    if suffix == ".xls":
        raise ImportFailed(f"{path}: 不支持旧版 .xls，请在 Excel/WPS 中另存为 .xlsx 或 CSV")
    raise ImportFailed(f"{path}: 不支持的文件类型 {suffix or '(无扩展名)'}，支持 .csv .xlsx .yml")


def _title_from_content(content: str) -> str:
    first = next((line.strip() for line in content.splitlines() if line.strip()), "")
    first = re.sub(r"[{}]", "", first)
    return first if len(first) <= TITLE_FROM_CONTENT_CHARS else first[: TITLE_FROM_CONTENT_CHARS - 1] + "…"


def _existing(out_dir: Path) -> tuple[set[str], set[str]]:
    """(ids, triggers) of entries already in the output folder, lowercased."""
    if not out_dir.is_dir():
        return set(), set()
    try:
        loaded = load_kb(out_dir)
    except KbError:
        return set(), set()
    return {e.id.lower() for e in loaded.entries}, {e.trigger.lower() for e in loaded.entries if e.trigger}


def write_records(
    records: Iterable[Record],
    out_dir: Path,
    *,
    dry_run: bool = False,
    default_category: str = ROOT_CATEGORY,
) -> ImportResult:
    """One Markdown file per usable record under out_dir/<category>/; never overwrites a file."""
    result = ImportResult(dry_run=dry_run)
    taken_ids, taken_triggers = _existing(out_dir)
    planned: set[Path] = set()
    seen: dict[tuple[str, str], str] = {}
    for record in records:
        if record.problem and not record.content:
            result.skipped.append(Skipped(record.where, record.problem))
            continue
        if record.problem:
            result.skipped.append(Skipped(record.where, f"行格式有误：{record.problem}"))
            continue
        if not record.content.strip():
            result.skipped.append(Skipped(record.where, "内容为空 (empty content)"))
            continue
        title = re.sub(r"\s+", " ", record.title).strip() or _title_from_content(record.content)
        key = (title, re.sub(r"\s+", "", record.content))
        if key in seen:
            result.skipped.append(Skipped(record.where, f"与 {seen[key]} 重复 (duplicate)"))
            continue
        seen[key] = record.where
        category = re.sub(r"\s+", " ", record.category).strip() or default_category
        entry_id = unique(slug(title), taken_ids)
        trigger = record.trigger.strip()
        if trigger and re.search(r"\s", trigger):
            result.notes.append(f"{record.where}: 快捷键 “{trigger}” 含空白，已去掉空白")
            trigger = re.sub(r"\s+", "", trigger)
        if trigger and trigger.lower() in taken_triggers:
            result.notes.append(f"{record.where}: 快捷键 “{trigger}” 已被使用，本条未设快捷键")
            trigger = ""
        if trigger:
            taken_triggers.add(trigger.lower())
        aliases = [a for a in dict.fromkeys(record.aliases) if a != title]
        # The folder carries the category, so front matter repeats it only when the folder name had to change.
        folder_name = safe_name(category, ROOT_CATEGORY)
        text = entry_markdown(
            entry_id=entry_id,
            title=title,
            category=category if folder_name != category else None,
            content=escape_body(escape_braces(record.content)),
            trigger=trigger,
            aliases=aliases,
            problem=escape_body(escape_braces(record.title.strip() or title)),
        )
        folder = out_dir / folder_name
        path = _free_path(folder, safe_name(title), planned)
        if not dry_run:
            path = write_new_file(folder, safe_name(title), text)
        planned.add(path)
        result.created.append(Created(record.where, path, entry_id, title))
    return result


def _free_path(folder: Path, stem: str, planned: set[Path]) -> Path:
    n = 1
    while True:
        name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
        candidate = folder / name
        if candidate not in planned and not candidate.exists():
            return candidate
        n += 1


def write_new_file(folder: Path, stem: str, text: str) -> Path:
    """Create `stem.md` (or stem-2.md …) exclusively: an existing file is never touched, even in a race."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        candidate = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        try:
            with open(candidate, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            return candidate
        except FileExistsError:
            n += 1


def import_file(
    source: Path,
    out_dir: Path,
    *,
    mapping: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Read a reply library and write it as KB entries. Raises ImportFailed when the source is unusable."""
    records = read_records(source, mapping=mapping, sheet=sheet)
    if out_dir.exists() and not out_dir.is_dir():
        raise ImportFailed(f"输出路径不是文件夹 (not a folder): {out_dir}")
    return write_records(records, out_dir, dry_run=dry_run)
