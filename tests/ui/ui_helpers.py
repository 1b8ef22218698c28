"""Hand-made search hits for overlay tests that need no engine."""

from __future__ import annotations

from pathlib import Path

from kbassist.core.model import Block, BlockKind, Entry, Hit


def make_hit(
    entry_id: str = "e1",
    title: str = "卡密未到账",
    blocks: tuple[tuple[BlockKind, str, str], ...] = ((BlockKind.SCRIPT, "话术", "您好，马上为您查询。"),),
    tier: str = "一线",
    path: Path = Path("/kb/e1.md"),
) -> Hit:
    """A hit built by hand, for overlay tests that need no engine."""
    blks = tuple(Block(kind, name, text, i + 1) for i, (kind, name, text) in enumerate(blocks))
    entry = Entry(
        id=entry_id,
        title=title,
        path=path,
        rel_path=path.name,
        category="到账发货",
        tier=tier,
        trigger="kmwd",
        blocks=blks,
    )
    return Hit(entry=entry, score=1.0, blocks=entry.pasteable_blocks, snippet=f"«{title[:2]}»{title[2:]}")
