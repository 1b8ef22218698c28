"""The knowledge-base data model shared by the loader, the index, the search and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class BlockKind(str, Enum):
    """What a section of an entry is for; only SCRIPT and STEPS blocks are offered for pasting."""

    PROBLEM = "problem"  # 问题 / Problem: what the customer reports
    SCRIPT = "script"  # 话术 / Script (any heading starting with 话术, or Script / Script: NAME)
    STEPS = "steps"  # 解决步骤 / Steps
    NOTE = "note"  # any other section: searchable and shown, never pasted


TIERS = ("一线", "二线")


@dataclass(frozen=True)
class Block:
    """One section of an entry, as Markdown source."""

    kind: BlockKind
    name: str  # the heading as written, e.g. "话术", "话术：补发后回访", "解决步骤"
    text: str  # Markdown body without the heading, stripped
    line: int = 0  # 1-based line of the heading in the file

    @property
    def pasteable(self) -> bool:
        return self.kind in (BlockKind.SCRIPT, BlockKind.STEPS)


@dataclass(frozen=True)
class Entry:
    """One SOP entry: one Markdown file."""

    id: str
    title: str
    path: Path  # absolute
    rel_path: str  # relative to the KB root, with forward slashes
    category: str
    tier: str = "一线"
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    trigger: str = ""
    blocks: tuple[Block, ...] = ()

    @property
    def pasteable_blocks(self) -> tuple[Block, ...]:
        """Scripts first in file order, then steps: what Tab cycles through in the overlay."""
        scripts = tuple(b for b in self.blocks if b.kind is BlockKind.SCRIPT)
        steps = tuple(b for b in self.blocks if b.kind is BlockKind.STEPS)
        return scripts + steps

    @property
    def problem_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind is BlockKind.PROBLEM)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with a knowledge-base file, in words an editor understands."""

    path: Path | None
    line: int | None
    severity: Severity
    code: str  # stable English key, e.g. "yaml-syntax", "duplicate-id"
    message: str  # Chinese message with the English key, e.g. "front matter 不是有效的 YAML (yaml-syntax): ..."

    def format(self, root: Path | None = None) -> str:
        """`path:line: severity: message`, the path relative to root where possible."""
        where = "<kb>"
        if self.path is not None:
            where = str(self.path)
            if root is not None:
                try:
                    where = self.path.relative_to(root).as_posix()
                except ValueError:
                    pass
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass
class LoadResult:
    """Everything read from a KB folder: entries plus the problems found on the way."""

    root: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


@dataclass(frozen=True)
class Hit:
    """One search result."""

    entry: Entry
    score: float
    blocks: tuple[Block, ...]  # the entry's pasteable blocks, the one best matching the query first
    snippet: str  # short plain-text excerpt; matched terms wrapped in «» for the UI to highlight
