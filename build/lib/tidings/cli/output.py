"""How the commands print records: event tables and timelines, one event's evidence with its
trigger and actors marked, an actor's profile; JSONL and CSV for other programs."""

from __future__ import annotations

import csv
import json
import sys

from rich.table import Table
from rich.text import Text

from ..errors import TidingsError
from ..export import FLAT, csv_row
from .app import fail, out


def print_timeline_entry(r: dict, indent: str = "") -> None:
    rep = r["reports"][0] if r["reports"] else {}
    when = r["date"] or f"undated (reported {rep.get('published') or '?'})"
    flag = " [dim](background)[/dim]" if r.get("background") else ""
    out.print(
        f"{indent}[bold]{when}[/bold]  {r['type']:<9} {side_names(r['sources'])} \u2192 "
        f"{side_names(r['targets']) or '(mutual)'}" + (f"  @ {r['location']}" if r["location"] else "") + flag
    )
    pad = " " * (len(indent) + 4)
    best = r.get("evidence") or rep
    out.print(Text(f"{pad}\u201c{best.get('evidence', '')}\u201d", style="dim"))
    outlets = ", ".join(
        dict.fromkeys(x.get("outlet") or x.get("title") or "unknown outlet" for x in r["reports"])
    )
    out.print(Text(f"{pad}{reporting(r)}: {outlets} \u00b7 {r['id']}", style="dim"))


def reporting(r: dict) -> str:
    n, k = len(r["reports"]), r.get("independent_sources") or len(r["reports"])
    return f"{n} report{'s' if n != 1 else ''}, {k} independent source{'s' if k != 1 else ''}"


def marked_evidence(sentence: str, spans: list[dict]) -> Text:
    styles = {"trigger": "reverse", "source": "bold green", "target": "bold blue"}
    text = Text(sentence)
    for s in spans:
        text.stylize(styles.get(s["label"], "bold"), s["start"], s["end"])
    return text


def print_actor(r: dict) -> None:  # noqa: ANN001
    out.print(
        f"[bold]{r['name']}[/bold]  ({r['kind']}; id {r['id']}; country {r['country'] or '-'}; "
        f"org {r['org'] or '-'}; sector {r['sector'] or '-'})"
    )
    out.print(f"also called: {', '.join(r['aliases']) or '-'}")
    if r["roles"]:
        out.print("roles:")
        for role in r["roles"]:
            span = (
                role["first_seen"]
                if role["first_seen"] == role["last_seen"]
                else f"{role['first_seen']} to {role['last_seen']}"
            )
            out.print(
                f"  {role['role']}{' (' + role['org'] + ')' if role['org'] else ''}  seen {span or 'undated'}"
                f" in {role['documents']} document(s)"
            )
    out.print(f"events: {r['events']}  " + ", ".join(f"{t} {n}" for t, n in r["events_by_type"].items()))
    if r["counterparts"]:
        out.print(
            "main counterparts: " + ", ".join(f"{c['name']} ({c['events']})" for c in r["counterparts"])
        )


def side_names(actors: list[dict]) -> str:
    return ", ".join(
        a["name"] + (f" ({a['role']})" if a.get("role") and len(a["role"]) < 30 else "") for a in actors
    )


def emit(records: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":  # the columns of `tidings export --format csv`
        w = csv.DictWriter(sys.stdout, fieldnames=FLAT)
        w.writeheader()
        for r in records:
            w.writerow(csv_row(r))
    elif fmt == "table":
        table = Table(
            "date", "type", "source", "target", "location", "reports", "id", title=f"{len(records)} event(s)"
        )
        for r in records:
            rep = r["reports"][0] if r["reports"] else {}
            kind = (
                r["type"]
                + (" [dim](background)[/dim]" if r.get("background") else "")
                + (" [dim](at a meeting)[/dim]" if r.get("within") else "")
            )
            table.add_row(
                r["date"] or f"[dim]~{rep.get('published') or '?'}[/dim]",
                kind,
                side_names(r["sources"]),
                side_names(r["targets"]),
                r["location"] or "",
                f"{len(r['reports'])} ({r.get('independent_sources') or 1})",
                r["id"][:10],
            )
        out.print(table)
    else:
        fail(TidingsError(f"unknown format {fmt!r}; use table, jsonl or csv"))
