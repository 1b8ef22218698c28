"""Usage reports for team leads: figures from usage sessions, gap grouping, text/JSON/HTML renderers, team files."""

from __future__ import annotations

import html
import json
import logging
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kbassist.core.usage import DISMISSED, NO_RESULT, OUTCOMES, USED_OUTCOMES, UsageLog, UsageSession, format_ts

log = logging.getLogger("kbassist.report")

TOP_N = 10
GAP_SIMILARITY = 0.5

# Punctuation, symbols, digits and the mask character go; letters of every script stay.
_NOISE = re.compile(r"[\W\d_#]+", re.UNICODE)


def normalize_gap(query: str) -> str:
    """lowercase, full-width to half-width, no punctuation, digits or spaces: how gap queries are compared."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", query).lower())


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams; a single character stands for itself."""
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class GapGroup:
    """Queries that found nothing usable, grouped by similar wording."""

    representative: str  # the most frequent wording of the group
    count: int
    no_result: int
    dismissed: int
    variants: list[str] = field(default_factory=list)  # other wordings, most frequent first


@dataclass
class Report:
    """Everything a team lead reads about the usage of one period."""

    since: datetime | None
    until: datetime | None
    sessions: int
    outcomes: dict[str, int]
    agents: list[str]  # "machine/user" that contributed
    top_entries: list[tuple[str, str, int]]  # (entry id, title, uses)
    top_blocks: list[tuple[str, str, str, int]]  # (entry id, title, block, uses)
    top_queries: list[tuple[str, int]]
    gaps: list[GapGroup]
    unused_entries: list[tuple[str, str]] | None  # (id, title); None when the KB was not known
    median_ms: float | None
    p95_ms: float | None
    daily: list[tuple[str, int]]  # (YYYY-MM-DD, sessions), every day of the period
    first_choice_rate: float | None  # share of pastes that took the first result

    @property
    def used(self) -> int:
        return sum(self.outcomes.get(o, 0) for o in USED_OUTCOMES)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"] = format_ts(self.since) if self.since else None
        data["until"] = format_ts(self.until) if self.until else None
        data["top_entries"] = [{"id": i, "title": t, "uses": n} for i, t, n in self.top_entries]
        data["top_blocks"] = [{"id": i, "title": t, "block": b, "uses": n} for i, t, b, n in self.top_blocks]
        data["top_queries"] = [{"query": q, "count": n} for q, n in self.top_queries]
        data["unused_entries"] = (
            None if self.unused_entries is None else [{"id": i, "title": t} for i, t in self.unused_entries]
        )
        data["daily"] = [{"date": d, "sessions": n} for d, n in self.daily]
        return data


def percentile(values: Sequence[float], share: float) -> float | None:
    """Linear-interpolated percentile (share in 0..1); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * share
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def group_gaps(queries: Iterable[tuple[str, str]], threshold: float = GAP_SIMILARITY) -> list[GapGroup]:
    """Group (query, outcome) pairs by bigram Jaccard similarity of their normalised wording.

    Greedy, most frequent wording first: a wording joins the first group whose representative is similar
    enough, else it starts a group. Deterministic for the same input.
    """
    counts: Counter[str] = Counter()
    by_outcome: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for query, outcome in queries:
        norm = normalize_gap(query)
        if not norm:
            continue
        counts[norm] += 1
        by_outcome[norm][outcome] += 1
        shown[norm][query.strip()] += 1
    groups: list[tuple[frozenset[str], list[str]]] = []
    for norm, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        grams = bigrams(norm)
        for rep_grams, members in groups:
            if jaccard(grams, rep_grams) >= threshold:
                members.append(norm)
                break
        else:
            groups.append((grams, [norm]))
    out: list[GapGroup] = []
    for _, members in groups:
        wordings = [shown[m].most_common(1)[0][0] for m in members]
        out.append(
            GapGroup(
                representative=wordings[0],
                count=sum(counts[m] for m in members),
                no_result=sum(by_outcome[m][NO_RESULT] for m in members),
                dismissed=sum(by_outcome[m][DISMISSED] for m in members),
                variants=wordings[1:],
            )
        )
    out.sort(key=lambda g: (-g.count, g.representative))
    return out


def build_report(
    rows: Iterable[UsageSession],
    since: datetime | None,
    kb_entry_ids: Iterable[str] | None,
    *,
    titles: Mapping[str, str] | None = None,
    until: datetime | None = None,
    top: int = TOP_N,
) -> Report:
    """Figures over the sessions at or after `since` (all when None). `kb_entry_ids` None: no unused list."""
    titles = dict(titles or {})
    selected = [r for r in rows if (since is None or r.ts >= since) and (until is None or r.ts <= until)]
    selected.sort(key=lambda r: r.ts)
    outcomes = Counter(r.outcome for r in selected)
    used = [r for r in selected if r.outcome in USED_OUTCOMES and r.entry_id]
    entry_uses = Counter(r.entry_id for r in used)
    block_uses = Counter((r.entry_id, r.block) for r in used)
    query_counts = Counter(q for q in (r.query.strip() for r in selected) if q)
    gaps = group_gaps(
(r.query, r.outcome) for r in selected if r.outcome in (NO_RESULT, DISMISSED))
    unused: list[tuple[str, str]] | None = None
    if kb_entry_ids is not None:
        unused = [(i, titles.get(i, i)) for i in sorted(set(kb_entry_ids)) if i not in entry_uses]
    latencies = [float(r.ms) for r in used if r.ms is not None and r.ms >= 0]
    firsts = [r for r in used if r.rank > 0]
    daily: list[tuple[str, int]] = []
    if selected:
        per_day = Counter(r.ts.astimezone(timezone.utc).date().isoformat() for r in selected)
        start: date = (since or selected[0].ts).astimezone(timezone.utc).date()
        end: date = (until or selected[-1].ts).astimezone(timezone.utc).date()
        end = max(end, selected[-1].ts.astimezone(timezone.utc).date())
        day = start
        while day <= end and len(daily) < 3660:
            daily.append((day.isoformat(), per_day.get(day.isoformat(), 0)))
            day += timedelta(days=1)
    return Report(
        since=since,
        until=until or (selected[-1].ts if selected else None),
        sessions=len(selected),
        outcomes={o: outcomes.get(o, 0) for o in OUTCOMES},
        agents=sorted({f"{r.machine}/{r.user}" for r in selected if r.machine or r.user}),
        top_entries=[(i, titles.get(i, i), n) for i, n in _top(entry_uses, top)],
        top_blocks=[(i, titles.get(i, i), b, n) for (i, b), n in _top(block_uses, top)],
        top_queries=_top(query_counts, top),
        gaps=gaps[:top],
        unused_entries=unused,
        median_ms=percentile(latencies, 0.5),
        p95_ms=percentile(latencies, 0.95),
        daily=daily,
        first_choice_rate=(sum(1 for r in firsts if r.rank == 1) / len(firsts)) if firsts else None,
    )


def _top(counter: Counter[Any], n: int) -> list[Any]:
    # ties broken by key so reports are stable
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


# --- text ------------------------------------------------------------------------------------------------------


_OUTCOME_NAMES = {"pasted": "已粘贴", "copied": "已复制", "dismissed": "关闭未用", "no_result": "无结果"}


def _period(report: Report) -> str:
    start = report.since.astimezone(timezone.utc).date().isoformat() if report.since else "最早"
    end = report.until.astimezone(timezone.utc).date().isoformat() if report.until else "现在"
    return f"{start} ~ {end}"


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def render_text(report: Report) -> str:
    """A plain report for the terminal."""
    lines = [f"使用报告 (usage report)  {_period(report)}"]
    if report.agents:
        lines.append(f"客服 (agents): {len(report.agents)}  " + ", ".join(report.agents[:8]))
    total = report.sessions
    lines.append(
        f"会话 {total}  |  "
        + "  ".join(f"{_OUTCOME_NAMES[o]} {n} ({_pct(n, total)})" for o, n in report.outcomes.items())
    )
    first = "-" if report.first_choice_rate is None else f"{100 * report.first_choice_rate:.0f}%"
    lines.append(
        f"唤起到粘贴 (hotkey→paste): 中位 {_ms(report.median_ms)}, P95 {_ms(report.p95_ms)}; 选第一条 {first}"
    )

    def section(title: str, rows: list[str]) -> None:
        lines.append("")
        lines.append(title)
        lines.extend(rows if rows else ["  (无)"])

    section(
        "最常用条目 (top entries)",
        [f"  {n:>5}  {t}  [{i}]" for i, t, n in report.top_entries],
    )
    section(
        "最常用话术 (top blocks)",
        [f"  {n:>5}  {t} › {b or '-'}" for _, t, b, n in report.top_blocks],
    )
    section("最常见搜索 (top queries)", [f"  {n:>5}  {q}" for q, n in report.top_queries])
    section(
        "知识缺口 (gaps: 无结果或关闭未用)",
        [
            f"  {g.count:>5}  {g.representative}"
            + (f"  (无结果 {g.no_result}, 未用 {g.dismissed})")
            + (f"  ~ {', '.join(g.variants[:3])}" if g.variants else "")
            for g in report.gaps
        ],
    )
    if report.unused_entries is not None:
        shown = [f"  {t}  [{i}]" for i, t in report.unused_entries[:20]]
        if len(report.unused_entries) > 20:
            shown.append(f"  … 另有 {len(report.unused_entries) - 20} 条")
        section(f"未使用的条目 (never used): {len(report.unused_entries)}", shown)
    if report.daily:
        peak = max(n for _, n in report.daily) or 1
        section(
            "每日会话 (daily volume)",
            [f"  {d}  {n:>5}  {'█' * max(1 if n else 0, round(30 * n / peak))}" for d, n in report.daily[-31:]],
        )
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------------------------

_CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#f5f7fa; --accent:#2f6fde; --warn:#d9822b; --ok:#2e9e6b; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","Hiragino Sans GB",sans-serif;
  font-size:14px; line-height:1.5; }
main { max-width:1080px; margin:0 auto; padding:28px 24px 48px; }
header h1 { margin:0 0 4px; font-size:24px; font-weight:600; }
header p { margin:0; color:var(--muted); }
.cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(150px,1fr)); gap:12px; margin:20px 0; }
.card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
.card .label { color:var(--muted); font-size:12px; }
.card .value { font-size:24px; font-weight:600; margin-top:2px; }
.card .value small { font-size:13px; color:var(--muted); font-weight:400; }
section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:16px 18px; margin:14px 0; }
section h2 { font-size:16px; margin:0 0 10px; font-weight:600; }
section h2 span { color:var(--muted); font-weight:400; font-size:12px; margin-left:6px; }
.grid2 { display:grid; grid-template-columns:1fr 1fr; gap:14px; margin:14px 0; }
.grid2 section { margin:0; }
table { width:100%; border-collapse:collapse; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:500; font-size:12px; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.muted { color:var(--muted); }
.tag { display:inline-block; padding:0 6px; border-radius:4px; background:#fdf0e2; color:var(--warn); font-size:12px; }
.empty { color:var(--muted); padding:8px 0; }
svg text { font-family:inherit; }
footer { color:var(--muted); font-size:12px; margin-top:24px; text-align:center; }
@media (max-width:760px) { .grid2 { grid-template-columns:1fr; } }
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _bars_svg(items: Sequence[tuple[str, int]], colour: str, width: int = 500) -> str:
    """Horizontal bar chart: label on the left, bar, count at its end."""
    if not items:
        return '<div class="empty">暂无数据</div>'
    row, label_w = 28, 170
    height = row * len(items) + 8
    peak = max(n for _, n in items) or 1
    bar_space = width - label_w - 50
    parts = [
        f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (label, count) in enumerate(items):
        y = 4 + index * row
        w = max(2.0, bar_space * count / peak)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="13" fill="#1f2933">'
            f"<title>{_esc(label)}</title>{_esc(_clip(label, 12))}</text>"
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row - 10}" rx="4" fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 18}" font-size="12" fill="#616e7c">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _daily_svg(daily: Sequence[tuple[str, int]], width: int = 1000, height: int = 220) -> str:
    """Column chart of sessions per day with a light grid and date labels."""
    if not daily:
        return '<div class="empty">暂无数据</div>'
    left, bottom, top = 40, 28, 12
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(n for _, n in daily) or 1
    step = _nice_step(peak)
    ceiling = step * math.ceil(peak / step)
    slot = plot_w / len(daily)
    bar = max(2.0, slot * 0.7)
    parts = [
        f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
    ]
    value = 0
    while value <= ceiling:
        y = top + plot_h - plot_h * value / ceiling
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e7eb"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#616e7c">{value}</text>'
        )
        value += step
    label_every = max(1, math.ceil(len(daily) / 12))
    for index, (day, count) in enumerate(daily):
        h = plot_h * count / ceiling
        x = left + index * slot + (slot - bar) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="2" '
            f'fill="#2f6fde"><title>{_esc(day)}: {count}</title></rect>'
        )
        if index % label_every == 0 or index == len(daily) - 1:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="11" '
                f'fill="#616e7c">{_esc(day[5:])}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(peak: int) -> int:
    raw = max(1.0, peak / 4)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    if not rows:
        return '<div class="empty">暂无数据</div>'
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{_esc(h)}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{cell}</td>' for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(report: Report, *, title: str = "知识库使用报告") -> str:
    """One self-contained HTML page: inline CSS and SVG, no scripts, no external resources."""
    total = report.sessions
    used = report.used
    gaps_total = report.outcomes.get(NO_RESULT, 0) + report.outcomes.get(DISMISSED, 0)
    first = "-" if report.first_choice_rate is None else f"{100 * report.first_choice_rate:.0f}%"
    cards = [
        ("会话总数", f"{total}", ""),
        ("粘贴/复制", f"{used}", _pct(used, total)),
        ("无结果或未用", f"{gaps_total}", _pct(gaps_total, total)),
        ("唤起→粘贴 中位", _ms(report.median_ms), ""),
        ("唤起→粘贴 P95", _ms(report.p95_ms), ""),
        ("首条命中", first, ""),
    ]
    cards_html = "".join(
        f'<div class="card"><div class="label">{_esc(label)}</div>'
        f'<div class="value">{_esc(value)} <small>{_esc(extra)}</small></div></div>'
        for label, value, extra in cards
    )
    agents = f" · {len(report.agents)} 位客服" if len(report.agents) > 1 else ""
    gap_rows = [
        (
            _esc(g.representative)
            + (f'<div class="muted">{_esc("、".join(g.variants[:4]))}</div>' if g.variants else ""),
            str(g.count),
            str(g.no_result),
            str(g.dismissed),
        )
        for g in report.gaps
    ]
    unused_html = '<div class="empty">未提供知识库，无法列出</div>'
    if report.unused_entries is not None:
        unused_html = _table(
            ["条目", "ID"],
            [(_esc(t), f'<span class="muted">{_esc(i)}</span>') for i, t in report.unused_entries[:40]],
        )
        if len(report.unused_entries) > 40:
            unused_html += f'<div class="muted">… 另有 {len(report.unused_entries) - 40} 条</div>'
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<header>
<h1>{_esc(title)}</h1>
<p>统计区间 {_esc(_period(report))}{_esc(agents)}</p>
</header>
<div class="cards">{cards_html}</div>
<section><h2>每日会话量<span>每天唤起搜索框的次数</span></h2>{_daily_svg(report.daily)}</section>
<div class="grid2">
<section><h2>最常用条目<span>粘贴或复制次数</span></h2>
{_bars_svg([(t, n) for _, t, n in report.top_entries], "#2f6fde")}</section>
<section><h2>知识缺口<span>无结果或关闭未用，按相近说法合并</span></h2>
{_bars_svg([(g.representative, g.count) for g in report.gaps], "#d9822b")}</section>
</div>
<div class="grid2">
<section><h2>最常用话术</h2>
{_table(["条目", "话术", "次数"], [(_esc(t), _esc(b or "-"), str(n)) for _, t, b, n in report.top_blocks], [2])}
</section>
<section><h2>最常见搜索</h2>
{_table(["搜索词", "次数"], [(_esc(q), str(n)) for q, n in report.top_queries], [1])}
</section>
</div>
<section><h2>知识缺口明细<span>建议补充条目或别名</span></h2>
{_table(["说法（及相近说法）", "合计", "无结果", "关闭未用"], gap_rows, [1, 2, 3])}
</section>
<section><h2>从未使用的条目<span>{
        "" if report.unused_entries is None else f"共 {len(report.unused_entries)} 条"
    }</span></h2>{unused_html}</section>
<footer>kbassist · 生成于 {_esc(generated)} · 搜索词中 6 位以上的数字已隐去</footer>
</main>
</body>
</html>
"""


# --- team files -------------------------------------------------------------------------------------------------


def _safe_part(text: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "unknown"
    return cleaned[:64]


def export_file_name(machine: str, user: str) -> str:
    return f"{_safe_part(machine)}__{_safe_part(user)}.jsonl"


def _last_ts(path: Path) -> tuple[str | None, int]:
    """(largest ts in the file, byte length of its complete lines) — a torn last line is not counted."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, 0
    end = data.rfind(b"\n") + 1
    latest: str | None = None
    for line in data[:end].splitlines():
        try:
            ts = json.loads(line)["ts"]
        except (ValueError, KeyError, TypeError):
            continue
        if isinstance(ts, str) and (latest is None or ts > latest):
            latest = ts
    return latest, end


def export_usage(usage: UsageLog, folder: Path) -> tuple[Path, int]:
    """Append this agent's sessions newer than the file's last one to `folder/<machine>__<user>.jsonl`.

    One writer per file (the file name carries machine and user). A torn last line left by an interrupted
    export is cut off first, so the file stays one JSON object per line.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / export_file_name(usage.machine, usage.user)
    latest, complete = _last_ts(path)
    rows = usage.sessions(after_ts=latest)
    if not usage.available:
        raise OSError(f"用量数据库不可用 (usage database unavailable): {usage.last_error}")
    if path.exists() and path.stat().st_size != complete:
        with open(path, "r+b") as handle:
            handle.truncate(complete)
    if not rows:
        return path, 0
    payload = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    with open(path, "ab") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return path, len(rows)


def read_merged(folder: Path) -> tuple[list[UsageSession], list[str]]:
    """All sessions from the `.jsonl` files in `folder`, and a warning per unreadable file or bad line."""
    rows: list[UsageSession] = []
    warnings: list[str] = []
    if not folder.is_dir():
        raise NotADirectoryError(f"不是文件夹 (not a folder): {folder}")
    files = sorted(p for p in folder.glob("*.jsonl") if p.is_file())
    if not files:
        warnings.append(f"{folder}: 没有 .jsonl 用量文件 (no usage files)")
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            warnings.append(f"{path}: 无法读取 (unreadable): {exc.strerror or exc}")
            continue
        bad = 0
        first_bad = 0
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(UsageSession.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError, AttributeError):
                bad += 1
                first_bad = first_bad or number
        if bad:
            warnings.append(f"{path}:{first_bad}: 跳过 {bad} 行无法解析的记录 (skipped {bad} bad lines)")
    for w in warnings:
        log.warning("%s", w)
    rows.sort(key=lambda r: r.ts)
    return rows, warnings
