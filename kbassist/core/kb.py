"""Reading a knowledge-base folder: Markdown files with YAML front matter into entries plus problems."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from kbassist.core.model import TIERS, Block, BlockKind, Entry, LoadResult, Problem, Severity
from kbassist.core.render import brace_problems

DEFAULT_MAX_BYTES = 1_000_000
ROOT_CATEGORY = "未分类"
INTRO_BLOCK_NAME = "说明"
KNOWN_KEYS = ("id", "title", "aliases", "tags", "category", "trigger", "tier")

_BINARY_SAMPLE = 8192
_CONTROL_RATIO = 0.10  # more than this share of control bytes means "not a text file"
_TEXT_CONTROLS = b"\t\n\r\f\x1b"  # control bytes that do occur in real text files
# bytes.translate deletes these, leaving only the suspicious control bytes to count.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 0x20 or b == 0x7F) or b in _TEXT_CONTROLS)
# Valid non-ASCII characters per invalid byte above which a file is damaged UTF-8 rather than GBK;
# GBK text read as UTF-8 yields far more invalid bytes than valid characters.
_UTF8_MAJORITY = 20


class KbError(Exception):
    """The knowledge-base folder cannot be used at all (missing, not a folder, unreadable)."""


# --- scanning --------------------------------------------------------------------------------------------------


_HAS_FILE_ATTRIBUTES = hasattr(os.stat_result, "st_file_attributes")


def _is_hidden(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith("."):
        return True
    if not _HAS_FILE_ATTRIBUTES:
        return False
    try:
        # Windows "hidden" attribute; the attribute is absent elsewhere.
        attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 2))


def _problem(path: Path | None, line: int | None, severity: Severity, code: str, text: str) -> Problem:
    """A Problem whose message carries the stable code in parentheses right after the Chinese summary."""
    head, _, detail = text.partition("\n")
    message = f"{head} ({code})" + (f": {detail}" if detail else "")
    return Problem(path=path, line=line, severity=severity, code=code, message=message)


def _rel_posix(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return Path(os.path.relpath(path, root)).as_posix()
        except ValueError:  # different drives on Windows
            return path.name


class ScannedFile(NamedTuple):
    """One .md file found by `scan`: its relative and absolute path and its stat (None when stat failed)."""

    rel: str  # POSIX path relative to the KB root
    path: str  # absolute path
    stat: os.stat_result | None  # symlinks followed; reused for mtime and size so no file is stat-ed twice


# A file's mtime in ns and size as one int (see `signature`); None when its stat failed.
Signature = int | None


def signature(mtime_ns: int, size: int) -> int:
    """mtime and size in one int: equal exactly when both are (size is below 2**64). An int, not a tuple: ints are
    not tracked by the garbage collector, so 20k of them kept per scan trigger no collections."""
    return mtime_ns * _SIZE_SPAN + size


_SIZE_SPAN = 1 << 64

# Listing a folder through an open descriptor lets each file's stat resolve one name instead of the whole path:
# about a third less time on a 20k-file KB. Windows lists folders only by path (and its listing carries the stat).
_SCAN_BY_FD = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def scan_files(root: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The .md files under root that load_kb would read, ordered by relative path.

    Hidden files and folders are skipped. Symlinks are followed; a folder reached again through a
    symlink (a loop, or a second link to the same folder) is reported in `problems` and not re-entered.
    Raises KbError when root itself cannot be listed.
    """
    return [Path(found.path) for found in scan(root, problems)]


def scan(root: Path, problems: list[Problem] | None = None) -> list[ScannedFile]:
    """What scan_files finds, as strings plus stat results (symlinks followed)."""
    found: list[ScannedFile] = []
    join = os.path.join
    for folder, prefix, files, fd in _md_files(root, problems):
        for child in files:
            name = child.name
            try:
                file_stat: os.stat_result | None = os.stat(name, dir_fd=fd) if fd is not None else child.stat()
            except OSError:
                file_stat = None  # reading the file reports the cause
            found.append(ScannedFile(prefix + name, join(folder, name), file_stat))
    found.sort(key=lambda item: item.rel)
    return found


def scan_signatures(root: Path, problems: list[Problem] | None = None) -> dict[str, Signature]:
    """What scan finds, as relative path → signature(mtime_ns, size), unordered: a 20k-file KB is re-scanned on
    every save, and one int per file is all the change check needs (no ScannedFile, no absolute path, no sort)."""
    out: dict[str, Signature] = {}
    stat_of = os.stat
    for _folder, prefix, files, fd in _md_files(root, problems):
        for child in files:
            name = child.name
            try:
                # By descriptor where supported; else the listing's own stat (free on Windows, one call elsewhere).
                st = stat_of(name, dir_fd=fd) if fd is not None else child.stat()
                out[prefix + name] = st.st_mtime_ns * _SIZE_SPAN + st.st_size  # signature(), inlined
            except OSError:
                out[prefix + name] = None  # reading the file reports the cause
    return out


def _md_files(
    root: Path, problems: list[Problem] | None
) -> Iterator[tuple[str, str, list[os.DirEntry[str]], int | None]]:
    """(absolute folder, its relative prefix "" or "a/b/", its .md files, an open descriptor of the folder or None)
    for each folder, depth-first in name order; the descriptor is valid until the next item is asked for."""
    root_text = os.path.abspath(root)
    root_path = Path(root_text)
    sink: list[Problem] = problems if problems is not None else []
    try:
        root_stat = os.stat(root_text)
    except OSError as exc:
        raise KbError(_root_message(root_path, exc)) from exc
    visited: dict[tuple[int, int], str] = {}
    join = os.path.join
    # Depth-first with an explicit stack: folder depth is bounded by the file system, not by Python's
    # recursion limit. Folders are identified by (device, inode), which sees through symlinks.
    # Items: absolute folder path, its relative prefix ("" or "a/b/"), its stat, the keys of its ancestors.
    stack: list[tuple[str, str, os.stat_result, frozenset[tuple[int, int]]]] = [
        (root_text, "", root_stat, frozenset())
    ]
    while stack:
        folder, prefix, folder_stat, ancestors = stack.pop()
        key = (folder_stat.st_dev, folder_stat.st_ino)
        if key in ancestors:
            sink.append(
                _problem(
                    Path(folder),
                    None,
                    Severity.WARNING,
                    "symlink-loop",
                    f"符号链接形成循环，已跳过\n{prefix.rstrip('/')} 指回了上级文件夹",
                )
            )
            continue
        if key in visited:
            sink.append(
                _problem(
                    Path(folder),
                    None,
                    Severity.WARNING,
                    "symlink-duplicate",
                    f"该文件夹已通过 {visited[key] or '.'} 读取过，已跳过\n"
                    f"{prefix.rstrip('/')} is a second link to the same folder",
                )
            )
            continue
        visited[key] = prefix.rstrip("/")
        ancestors = ancestors | {key}
        try:
            children, fd = _list_folder(folder)
        except OSError as exc:
            if not prefix:
                raise KbError(_root_message(root_path, exc)) from exc
            sink.append(_unreadable_folder(Path(folder), exc))
            continue
        try:
            files: list[os.DirEntry[str]] = []
            subfolders: list[tuple[str, str, os.stat_result, frozenset[tuple[int, int]]]] = []
            for child in children:
                name = child.name
                if name[0] == "." or (_HAS_FILE_ATTRIBUTES and _is_hidden(child)):
                    continue
                try:
                    is_dir = child.is_dir(follow_symlinks=True)
                except OSError:
                    is_dir = False
                if not is_dir and not name.lower().endswith(".md"):
                    continue  # most of a folder: checked with no system call and no name check
                if not (name.isascii() or _name_ok(name)):
                    sink.append(
                        _problem(
                            Path(join(folder, name)),
                            None,
                            Severity.ERROR,
                            "bad-file-name",
                            "文件名含有无法识别的字符，已跳过\nrename the file using valid UTF-8 characters",
                        )
                    )
                    continue
                if is_dir:
                    path = join(folder, name)
                    try:
                        subfolders.append((path, prefix + name + "/", os.stat(path), ancestors))
                    except OSError as exc:
                        sink.append(_unreadable_folder(Path(path), exc))
                    continue
                try:
                    is_file = child.is_file(follow_symlinks=True)
                except OSError:
                    is_file = False
                if is_file:
                    files.append(child)
                elif child.is_symlink():
                    sink.append(
                        _problem(
                            Path(join(folder, name)),
                            None,
                            Severity.WARNING,
                            "broken-link",
                            "符号链接指向的文件不存在，已跳过\nbroken symlink",
                        )
                    )
            yield folder, prefix, files, fd
        finally:
            if fd is not None:
                os.close(fd)
        # By path, which within one folder is by name; reversed: the stack then pops them in name order.
        subfolders.sort(key=lambda item: item[0], reverse=True)
        stack.extend(subfolders)


def _list_folder(folder: str) -> tuple[list[os.DirEntry[str]], int | None]:
    """The entries of a folder (unsorted: callers sort what needs an order) and, where supported, an open descriptor
    of it that the caller closes."""
    if not _SCAN_BY_FD:
        with os.scandir(folder) as iterator:
            return list(iterator), None
    fd = os.open(folder, _DIR_FLAGS)
    try:
        with os.scandir(fd) as iterator:
            return list(iterator), fd
    except BaseException:
        os.close(fd)
        raise


def _unreadable_folder(folder: Path, exc: OSError) -> Problem:
    return _problem(folder, None, Severity.ERROR, "unreadable-folder", f"无法读取文件夹\n{exc.strerror or exc}")


def _name_ok(name: str) -> bool:
    # Undecodable bytes in POSIX file names arrive as lone surrogates; they cannot be indexed or shown.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _root_message(root: Path, exc: OSError | None = None) -> str:
    if exc is not None and isinstance(exc, FileNotFoundError):
        return f"知识库文件夹不存在：{root} (The knowledge-base folder does not exist: {root})"
    if exc is not None and isinstance(exc, NotADirectoryError):
        return f"知识库路径不是文件夹：{root} (The knowledge-base path is not a folder: {root})"
    reason = (exc.strerror or str(exc)) if exc is not None else ""
    return f"无法读取知识库文件夹：{root}（{reason}） (The knowledge-base folder cannot be read: {root}: {reason})"


# --- decoding --------------------------------------------------------------------------------------------------


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            _problem(
                path,
                None,
                Severity.ERROR,
                "unsupported-encoding",
                "文件是 UTF-16 编码，请另存为 UTF-8\nsave the file as UTF-8",
            )
        ]
    sample = data[:_BINARY_SAMPLE]
    nul = sample.find(b"\x00")
    controls = len(sample.translate(None, _NOT_CONTROL))
    if nul != -1 or (sample and controls / len(sample) > _CONTROL_RATIO):
        return None, [
            _problem(
                path,
                None,
                Severity.ERROR,
                "binary-file",
                "这是二进制文件，不是 Markdown 文本，已跳过\nthe file contains NUL or control bytes",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            return None, [_undecodable(path, data, exc.start + 3)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    # A UTF-8 file with a few damaged bytes would often still "decode" as GB18030, into mojibake.
    # If nearly all non-ASCII text is valid UTF-8, keep it as UTF-8 and point at the damage instead.
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    good = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad
    if good >= _UTF8_MAJORITY * bad:
        return replaced, [
            _problem(
                path,
                _line_of_offset(data, first_bad),
                Severity.WARNING,
                "invalid-utf8",
                f"文件中有 {bad} 处无效的 UTF-8 字节，已替换为 “\ufffd”\nfirst bad byte at offset {first_bad}",
            )
        ]
    try:
        return data.decode("gb18030"), []
    except UnicodeDecodeError:
        return None, [_undecodable(path, data, first_bad)]


def _undecodable(path: Path, data: bytes, offset: int) -> Problem:
    return _problem(
        path,
        _line_of_offset(data, offset),
        Severity.ERROR,
        "undecodable",
        f"无法解码\n既不是 UTF-8 也不是 GBK/GB18030，已跳过 (first bad byte at offset {offset})",
    )


# --- front matter ----------------------------------------------------------------------------------------------


@dataclass
class _Meta:
    values: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)


# libyaml when PyYAML was built with it: the pure-Python parser is most of the load time.
_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FENCE_LINE = re.compile(r"^---\s*$")
_FM_END_LINE = re.compile(r"^(---|\.\.\.)\s*$")


def _split_front_matter(
    path: Path, lines: list[str]
) -> tuple[int | None, list[str], int, list[Problem]]:
    """(index of the opening "---" or None, front matter lines, index of the first body line, problems)."""
    # Blank lines before the opening "---" are tolerated: editors and copy-paste add them easily.
    opening = next((i for i, line in enumerate(lines) if line.strip()), None)
    if opening is None or not _FENCE_LINE.match(lines[opening]):
        return None, [], 0, []
    for index in range(opening + 1, len(lines)):
        if _FM_END_LINE.match(lines[index]):
            return opening, lines[opening + 1 : index], index + 1, []
    # No closing line: guess that the body starts at the first heading, so scripts stay usable.
    body_start = next((i for i in range(opening + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    problem = _problem(
        path,
        opening + 1,
        Severity.ERROR,
        "front-matter-unterminated",
        f"front matter 没有结束行 “---”\nthe block opened on line {opening + 1} is never closed; its fields are ignored",
    )
    return None, [], body_start, [problem]


def _yaml_error_place(exc: yaml.MarkedYAMLError, first_line: int, line_count: int) -> tuple[int | None, str]:
    """(file line, English detail) of a YAML error."""
    mark = exc.problem_mark or exc.context_mark
    context = str(exc.context or "")
    if exc.context_mark is not None and (
        mark is None or mark.line >= line_count or context.startswith("while scanning") or "flow" in context
    ):
        # An unclosed quote or bracket is noticed lines later (often at the end); where it opened is the fix.
        mark = exc.context_mark
    line = None
    if mark is not None:
        line = min(first_line + mark.line, first_line + max(line_count - 1, 0))
    parts = [part for part in (exc.context, exc.problem) if part]
    if exc.context_mark is not None and exc.problem_mark is not None and exc.context_mark.line != exc.problem_mark.line:
        problem_line = first_line + min(exc.problem_mark.line, max(line_count - 1, 0))
        parts[-1] = f"{parts[-1]} (line {problem_line})"
    return line, " ".join(str(part) for part in parts) or str(exc)


def _parse_yaml(path: Path, fm_lines: list[str], first_line: int) -> tuple[_Meta, list[Problem]]:
    """Parse the front matter whose first line is file line `first_line`."""
    text = "\n".join(fm_lines) + "\n"
    meta = _Meta()
    try:
        # One parse: the node tree gives each key's line, constructing it gives the values.
        loader = _YamlLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line, detail = _yaml_error_place(exc, first_line, len(fm_lines))
        return meta, [_problem(path, line, Severity.ERROR, "yaml-syntax", f"front matter 不是有效的 YAML\n{detail}")]
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # Constructors can fail on values such as an impossible date ("2024-13-45").
        return meta, [_problem(path, None, Severity.ERROR, "yaml-syntax", f"front matter 不是有效的 YAML\n{exc}")]
    if data is None:
        return meta, []
    if not isinstance(data, dict):
        return meta, [
            _problem(
                path,
                first_line,
                Severity.ERROR,
                "front-matter-not-mapping",
                f"front matter 必须是 “键: 值” 形式\ngot a {type(data).__name__}, expected a mapping",
            )
        ]
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, _value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = str(key_node.value)
                line = first_line + key_node.start_mark.line
                if key in seen:
                    problems.append(
                        _problem(path, line, Severity.WARNING, "duplicate-key", f"字段 “{key}” 重复，以最后一个为准")
                    )
                seen.add(key)
                meta.key_lines[key] = line
    meta.values = {str(key): value for key, value in data.items()}
    for key in meta.values:
        if key not in KNOWN_KEYS:
            problems.append(
                _problem(
                    path,
                    meta.key_lines.get(key, first_line),
                    Severity.WARNING,
                    "unknown-key",
                    f"未知字段 “{key}”，已忽略\nknown keys: {', '.join(KNOWN_KEYS)}",
                )
            )
    return meta, problems


def _type_name(value: Any) -> str:
    return {dict: "映射 (mapping)", list: "列表 (list)", bool: "布尔值 (bool)"}.get(type(value), type(value).__name__)


def _string_field(path: Path, meta: _Meta, key: str, problems: list[Problem]) -> str | None:
    """The field as a string, or None when it is absent or unusable (the caller applies the default)."""
    if key not in meta.values:
        return None
    value = meta.values[key]
    line = meta.key_lines.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    text = _scalar_text(value)
    if text is None:
        problems.append(
            _problem(
                path,
                line,
                Severity.ERROR,
                "wrong-type",
                f"字段 “{key}” 应为文本，却是{_type_name(value)}，已改用默认值",
            )
        )
        return None
    problems.append(
        _problem(
            path,
            line,
            Severity.WARNING,
            "wrong-type",
            f"字段 “{key}” 应为文本，却是{_type_name(value)}，已按 “{text}” 处理\nquote the value to keep it as written",
        )
    )
    return text


def _scalar_text(value: Any) -> str | None:
    """A YAML scalar (number, bool, date) as text; None for containers and unprintable values."""
    if isinstance(value, (dict, list, set, tuple, bytes)):
        return None
    try:
        return str(value).strip()
    except ValueError:  # e.g. an integer too long to print (Python caps int-to-str at 4300 digits)
        return None


_LIST_SPLIT = re.compile(r"[,，、;；]")


def _list_field(path: Path, meta: _Meta, key: str, problems: list[Problem]) -> tuple[str, ...]:
    if key not in meta.values or meta.values[key] is None:
        return ()
    value = meta.values[key]
    line = meta.key_lines.get(key)
    if isinstance(value, str):
        items = [part.strip() for part in _LIST_SPLIT.split(value)]
        problems.append(
            _problem(
                path,
                line,
                Severity.WARNING,
                "wrong-type",
                f"字段 “{key}” 应为列表，例如 [甲, 乙]；已按逗号/顿号拆分为 {len([i for i in items if i])} 项",
            )
        )
        return _dedup(items)
    if isinstance(value, (dict, set, bytes)):
        problems.append(
            _problem(path, line, Severity.ERROR, "wrong-type", f"字段 “{key}” 应为列表，却是{_type_name(value)}，已忽略")
        )
        return ()
    if not isinstance(value, (list, tuple)):
        single = _scalar_text(value)
        if single is None:
            problems.append(
                _problem(path, line, Severity.ERROR, "wrong-type", f"字段 “{key}” 应为列表，却是{_type_name(value)}，已忽略")
            )
            return ()
        problems.append(
            _problem(
                path,
                line,
                Severity.WARNING,
                "wrong-type",
                f"字段 “{key}” 应为列表，却是{_type_name(value)}，已按一项处理",
            )
        )
        return _dedup([single])
    items: list[str] = []
    dropped = coerced = 0
    for item in value:
        if isinstance(item, str):
            items.append(item)
        elif item is None:
            continue
        elif (text := _scalar_text(item)) is None:
            dropped += 1
        else:
            items.append(text)
            coerced += 1
    # One warning per kind and field, however long the list: a generated file must not flood the report.
    if dropped:
        problems.append(
            _problem(path, line, Severity.WARNING, "wrong-type", f"字段 “{key}” 中有 {dropped} 项不是文本（列表、映射等），已忽略")
        )
    if coerced:
        problems.append(
            _problem(path, line, Severity.WARNING, "wrong-type", f"字段 “{key}” 中有 {coerced} 项不是文本，已按文本处理")
        )
    return _dedup(items)


def _dedup(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.strip() for item in items if item and item.strip()))


# --- body ------------------------------------------------------------------------------------------------------

# "##话术" without a space counts too: Python-Markdown (the preview) renders it as a heading, and
# editors in Chinese often leave the space out.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?!#)(.*)$")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_SCRIPT_EN = re.compile(r"^script(?:s)?(?:\s*[:：]|\s+[-–—]|\s|$)", re.IGNORECASE)


def block_kind(heading: str) -> BlockKind:
    """Which kind of block an H2 heading opens."""
    name = heading.strip()
    lower = name.casefold()
    if name.startswith("话术") or _SCRIPT_EN.match(name):
        return BlockKind.SCRIPT
    if name == "问题" or lower in ("problem", "problems"):
        return BlockKind.PROBLEM
    if name == "解决步骤" or lower == "steps":
        return BlockKind.STEPS
    return BlockKind.NOTE


def _heading_text(raw: str) -> str:
    """Heading text without the optional closing "#"s (which need a space before them, as in CommonMark).

    Done with string methods, not a regex: a backtracking pattern is quadratic on long runs of spaces.
    """
    text = raw.strip(" \t")
    unclosed = text.rstrip("#")
    if not unclosed:
        return ""
    if unclosed != text and unclosed[-1] in " \t":
        return unclosed.rstrip(" \t")
    return text


@dataclass
class _Section:
    name: str | None  # None: the text before the first H2
    line: int  # 1-based line of the heading (of the first text line for the intro)
    body: list[tuple[int, str]] = field(default_factory=list)  # (file line, text)


def _split_sections(lines: list[str], first_line: int) -> tuple[str | None, list[_Section], int | None]:
    """(first H1 text, sections, line of a code fence left open) of the body.

    Headings inside fenced code never split sections.
    """
    title: str | None = None
    intro = _Section(name=None, line=first_line)
    sections = [intro]
    fence: tuple[str, int] | None = None
    fence_line = 0
    for offset, line in enumerate(lines):
        number = first_line + offset
        if fence is not None:
            stripped = line.strip()
            char, length = fence
            if stripped and set(stripped) == {char} and len(stripped) >= length and len(line) - len(line.lstrip()) < 4:
                fence = None
            sections[-1].body.append((number, line))
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
            fence = (opened.group(1)[0], len(opened.group(1)))
            fence_line = number
            sections[-1].body.append((number, line))
            continue
        heading = _ATX.match(line)
        if heading:
            level = len(heading.group(1))
            text = _heading_text(heading.group(2))
            if level == 2:
                sections.append(_Section(name=text, line=number))
                continue
            if level == 1 and title is None and len(sections) == 1:
                title = text
                continue
        sections[-1].body.append((number, line))
    return title, sections, (fence_line if fence is not None else None)


def _trim(body: list[tuple[int, str]]) -> tuple[int, str]:
    """(file line of the first non-blank line, text without surrounding blank lines or trailing spaces)."""
    start = 0
    while start < len(body) and not body[start][1].strip():
        start += 1
    end = len(body)
    while end > start and not body[end - 1][1].strip():
        end -= 1
    if start >= end:
        return 0, ""
    return body[start][0], "\n".join(text.rstrip() for _, text in body[start:end])


# --- parse_file ------------------------------------------------------------------------------------------------


def parse_file(path: Path, root: Path, data: bytes) -> tuple[Entry | None, list[Problem]]:
    """One file's bytes into an entry (or None) plus its problems. Pure: no I/O, never raises."""
    try:
        return _parse_file(path, root, data)
    except Exception as exc:  # noqa: BLE001 - a last guard: one odd file must never stop loading the rest
        return None, [
            _problem(path, None, Severity.ERROR, "internal-error", f"读取此文件时出现意外错误，已跳过\n{exc!r}")
        ]


def _parse_file(path: Path, root: Path, data: bytes) -> tuple[Entry | None, list[Problem]]:
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    text, problems = _decode(path, data)
    if text is None:
        return None, problems
    text = text.removeprefix("\ufeff")  # a BOM that survived decoding (GB18030's, or a doubled one)
    if not text.strip():
        return None, [_problem(path, None, Severity.WARNING, "empty-file", "文件是空的，已跳过")]
    # One line-end convention for everything below; "\r\n" and a lone "\r" each end exactly one line.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    opening, fm_lines, body_start, fm_problems = _split_front_matter(path, lines)
    problems.extend(fm_problems)
    meta = _Meta()
    if opening is not None:
        meta, yaml_problems = _parse_yaml(path, fm_lines, opening + 2)
        problems.extend(yaml_problems)

    rel_path = _rel_posix(path, root)
    default_id = re.sub(r"\.md$", "", rel_path, flags=re.IGNORECASE)
    title_h1, sections, open_fence = _split_sections(lines[body_start:], body_start + 1)
    if open_fence is not None:
        problems.append(
            _problem(
                path,
                open_fence,
                Severity.WARNING,
                "unclosed-fence",
                "代码块 “```” 没有结束，其后的标题都被当作代码\nclose the fence so later “##” headings count",
            )
        )

    entry_id = _string_field(path, meta, "id", problems)
    if entry_id is not None and not entry_id:
        problems.append(
            _problem(path, meta.key_lines.get("id"), Severity.WARNING, "empty-id", f"id 为空，已改用 “{default_id}”")
        )
    if not entry_id:
        entry_id = default_id
    elif re.search(r"\s", entry_id):
        problems.append(
            _problem(
                path,
                meta.key_lines.get("id"),
                Severity.WARNING,
                "id-whitespace",
                f"id “{entry_id}” 含有空白字符\nuse letters, digits and “-” only",
            )
        )

    title = _string_field(path, meta, "title", problems) or title_h1 or path.stem
    parent = Path(rel_path).parent
    default_category = parent.name if parent.parts else ROOT_CATEGORY
    category = _string_field(path, meta, "category", problems) or default_category
    trigger = _string_field(path, meta, "trigger", problems) or ""
    tier = _string_field(path, meta, "tier", problems)
    if tier and tier not in TIERS:
        problems.append(
            _problem(
                path,
                meta.key_lines.get("tier"),
                Severity.WARNING,
                "unknown-tier",
                f"tier “{tier}” 无效，只能是 {' 或 '.join(TIERS)}；已按 {TIERS[0]} 处理",
            )
        )
        tier = None
    aliases = _list_field(path, meta, "aliases", problems)
    tags = _list_field(path, meta, "tags", problems)

    blocks: list[Block] = []
    for section in sections:
        first, body = _trim(section.body)
        if section.name is None:
            if body:
                blocks.append(Block(kind=BlockKind.NOTE, name=INTRO_BLOCK_NAME, text=body, line=first))
            continue
        kind = block_kind(section.name)
        if not body:
            if kind in (BlockKind.SCRIPT, BlockKind.STEPS):
                problems.append(
                    _problem(
                        path,
                        section.line,
                        Severity.WARNING,
                        "empty-section",
                        f"“{section.name}” 下面没有内容，已忽略",
                    )
                )
            continue
        block = Block(kind=kind, name=section.name, text=body, line=section.line)
        blocks.append(block)
        if block.pasteable:
            for line_in_text, message in brace_problems(body):
                problems.append(
                    _problem(
                        path,
                        first + line_in_text - 1,
                        Severity.WARNING,
                        "unbalanced-brace",
                        f"“{section.name}” 中花括号不配对\n{message}",
                    )
                )

    if not any(block.kind is BlockKind.SCRIPT for block in blocks):
        problems.append(
            _problem(
                path,
                None,
                Severity.WARNING,
                "no-script",
                "没有 “## 话术” 段落，此条目只能查看，不能粘贴话术",
            )
        )

    entry = Entry(
        id=entry_id,
        title=title,
        path=path,
        rel_path=rel_path,
        category=category,
        tier=tier or TIERS[0],
        aliases=aliases,
        tags=tags,
        trigger=trigger,
        blocks=tuple(blocks),
    )
    return entry, problems


# --- cross-file checks -----------------------------------------------------------------------------------------


def resolve_duplicates(entries: Iterable[Entry]) -> tuple[list[Entry], list[Problem]]:
    """(entries to keep, problems): of entries sharing an id the first by path wins; shared triggers are warned."""
    kept: list[Entry] = []
    problems: list[Problem] = []
    by_id: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.rel_path):
        first = by_id.get(entry.id)
        if first is not None:
            problems.append(
                _problem(
                    entry.path,
                    None,
                    Severity.ERROR,
                    "duplicate-id",
                    f"id “{entry.id}” 重复：{first.rel_path} 与 {entry.rel_path}；保留前者，跳过后者\n"
                    f"give one of the files another id",
                )
            )
            continue
        by_id[entry.id] = entry
        kept.append(entry)
    by_trigger: dict[str, Entry] = {}
    for entry in kept:
        if not entry.trigger:
            continue
        key = entry.trigger.casefold()
        first = by_trigger.get(key)
        if first is not None:
            problems.append(
                _problem(
                    entry.path,
                    None,
                    Severity.WARNING,
                    "duplicate-trigger",
                    f"触发词 “{entry.trigger}” 重复：{first.rel_path} 与 {entry.rel_path}\n"
                    f"the trigger will offer both entries",
                )
            )
        else:
            by_trigger[key] = entry
    return kept, problems


def check_duplicates(entries: Iterable[Entry]) -> list[Problem]:
    """Duplicate ids (error, naming both files) and duplicate triggers (warning, naming both files)."""
    return resolve_duplicates(entries)[1]


# --- load_kb ---------------------------------------------------------------------------------------------------


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None with a problem when it is too large or unreadable (never reads past max_bytes)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return None, [_too_large(path, size, max_bytes)]
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, [
            _problem(
                path,
                None,
                Severity.ERROR,
                "unreadable-file",
                f"无法读取文件\n{exc.strerror or exc} (errno {exc.errno})",
            )
        ]
    if len(data) > max_bytes:  # grew while we looked
        return None, [_too_large(path, len(data), max_bytes)]
    return data, []


def _too_large(path: Path, size: int, max_bytes: int) -> Problem:
    return _problem(
        path,
        None,
        Severity.WARNING,
        "file-too-large",
        f"文件过大（{size} 字节，上限 {max_bytes}），已跳过\nsplit it into smaller entries",
    )


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (str(problem.path or ""), problem.line or 0, problem.code)


def load_kb(root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadResult:
    """Read every .md file under root. Raises KbError only when root itself cannot be used."""
    root = Path(os.path.abspath(root))
    try:
        if not root.exists():
            raise KbError(_root_message(root, FileNotFoundError()))
        if not root.is_dir():
            raise KbError(_root_message(root, NotADirectoryError()))
    except OSError as exc:
        raise KbError(_root_message(root, exc)) from exc
    problems: list[Problem] = []
    paths = scan_files(root, problems)
    entries: list[Entry] = []
    for path in paths:
        data, read_problems = read_file(path, max_bytes)
        problems.extend(read_problems)
        if data is None:
            continue
        entry, file_problems = parse_file(path, root, data)
        problems.extend(file_problems)
        if entry is not None:
            entries.append(entry)
    kept, duplicate_problems = resolve_duplicates(entries)
    problems.extend(duplicate_problems)
    problems.sort(key=_problem_order)
    return LoadResult(root=root, entries=kept, problems=problems)
