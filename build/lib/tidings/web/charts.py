"""Charts drawn on the server as SVG: no JavaScript library, nothing fetched at run time.

Colours follow PLOVER's quad classes: cooperation in greens and blues, conflict in oranges
and reds, so a timeline shows at a glance whether a relationship warms or cools.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

from ..ontology import event_types
from ..store.read.records import event_day

QUAD_COLOURS = {
    "verbal cooperation": "#4c9f70",
    "material cooperation": "#2b6cb0",
    "verbal conflict": "#dd8a2b",
    "material conflict": "#c53030",
}


def type_colour(event_type: str) -> str:
    et = event_types().get(event_type)
    return QUAD_COLOURS.get(et.quad if et else "", "#718096")


def legend() -> list[tuple[str, str]]:
    return list(QUAD_COLOURS.items())


def bars(counts: dict[str, int], width: int = 460, colour_by_type: bool = True) -> str:
    """Horizontal bars, one per key."""
    if not counts:
        return ""
    row, label_w = 22, 110
    top = max(counts.values())
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {row * len(counts) + 4}" '
        f'width="100%" aria-label="counts">'
    ]
    for i, (key, n) in enumerate(counts.items()):
        w = max(2, (width - label_w - 50) * n / top)
        fill = type_colour(key) if colour_by_type else "#4a5568"
        y = i * row + 2
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(key)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{fill}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline(events: list[dict], width: int = 900, height: int = 170) -> str:
    """Events of a dyad along time: one dot per event, coloured by type; undated events at
    their report's publication date, hollow."""
    points = []
    for e in events:
        day = event_day(e)
        if day:
            points.append((date.fromisoformat(day), e))
    if not points:
        return '<p class="muted">No dated events to draw.</p>'
    lo, hi = min(p[0] for p in points), max(p[0] for p in points)
    span = max(1, (hi - lo).days)
    pad, axis_y = 40, height - 30
    parts = [
        f'<svg class="chart timeline" role="img" aria-label="timeline of events" '
        f'viewBox="0 0 {width} {height}" width="100%">',
        f'<line x1="{pad}" y1="{axis_y}" x2="{width - pad}" y2="{axis_y}" stroke="#a0aec0"/>',
    ]
    stacks: dict[int, int] = {}
    for when, e in sorted(points, key=lambda p: p[0]):
        x = pad + (width - 2 * pad) * (when - lo).days / span
        slot = round(x / 10)
        level = stacks.get(slot, 0)
        stacks[slot] = level + 1
        y = axis_y - 14 - level * 14
        colour = type_colour(e["type"])
        fill = colour if e.get("date") else "white"
        title = escape(f"{when} {e['type']}: {_side(e['sources'])} -> {_side(e['targets'])}")
        parts.append(
            f'<a href="/event/{escape(e["id"])}"><circle cx="{x:.1f}" cy="{y}" r="6" fill="{fill}" '
            f'stroke="{colour}" stroke-width="2"><title>{title}</title></circle></a>'
        )
    for tick in _ticks(lo, hi):
        x = pad + (width - 2 * pad) * (tick - lo).days / span
        parts.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#a0aec0"/>'
            f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle">{tick:%Y-%m}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(lo: date, hi: date, most: int = 8) -> list[date]:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = max(1, math.ceil((months + 1) / most))
    out: list[date] = []
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        d = date(y, m, 1)
        if d >= lo or not out:
            out.append(max(d, lo))
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return out


def network(centre: dict, counterparts: list[dict], size: int = 420) -> str:
    """An actor and its counterparts around it; edge width grows with the number of events."""
    if not counterparts:
        return '<p class="muted">No counterparts yet.</p>'
    c = size / 2
    r = size / 2 - 70
    top = max(x["events"] for x in counterparts)
    edges, nodes = [], []
    for i, other in enumerate(counterparts):
        angle = 2 * math.pi * i / len(counterparts) - math.pi / 2
        x, y = c + r * math.cos(angle), c + r * math.sin(angle)
        w = 1 + 5 * other["events"] / top
        edges.append(
            f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="#a0aec0" stroke-width="{w:.1f}">'
            f"<title>{other['events']} event(s)</title></line>"
        )
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dy = 18 if math.sin(angle) > 0.2 else -10 if math.sin(angle) < -0.2 else 4
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        nodes.append(
            f'<a href="/actor/{escape(other["id"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#2b6cb0"/>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{escape(other["name"])} '
            f"({other['events']})</text></a>"
        )
    return (
        f'<svg class="chart network" role="img" aria-label="counterparts" viewBox="0 0 {size} {size}" '
        f'width="100%">{"".join(edges)}{"".join(nodes)}<circle cx="{c}" cy="{c}" r="10" fill="#1a202c"/>'
        f'<text x="{c}" y="{c - 16}" text-anchor="middle" font-weight="bold">'
        f"{escape(centre['name'])}</text></svg>"
    )


def _side(actors: list[dict]) -> str:
    return ", ".join(a["name"] for a in actors) or "-"


__all__ = ["bars", "legend", "network", "timeline", "type_colour"]
