"""Commands that read events: `events`, `dyad`, `show` and `export`."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Unpack

import typer
from rich.text import Text

from ..config import DEFAULT_DB
from ..errors import TidingsError
from ..store import EventFilters, Store
from .app import DbOption, app, err, fail, out, parse_day
from .output import emit, marked_evidence, print_timeline_entry, reporting


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Name, acronym or code of an actor.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actors: A B.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
) -> None:
    """List stored events, oldest first."""
    records = query(db, actor=actor, dyad=dyad, type=type, since=parse_day(since), until=parse_day(until))
    emit(records, format)


@app.command()
def dyad(
    a: str,
    b: str,
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
    background: Annotated[
        bool, typer.Option(help="Include history the articles mention in passing.")
    ] = False,
) -> None:
    """The timeline of events between two actors (names, acronyms or codes), oldest first. A
    meeting counts once: what was said at it is shown under it."""
    try:
        timeline = Store(db).dyad(a, b, background=background)
    except TidingsError as e:
        fail(e)
    records = timeline["events"]
    if format != "table":
        emit([x for r in records for x in (r, *r.get("statements", ()))], format)
        return
    out.print(f"[bold]{a} \u2194 {b}[/bold]: {len(records)} event(s)")
    for r in records:
        print_timeline_entry(r)
        for said in r.get("statements", ()):
            print_timeline_entry(said, indent="      said there: ")


@app.command()
def show(event_id: str, db: DbOption = DEFAULT_DB) -> None:
    """One event, each of its reports, and the evidence with trigger and actors marked."""
    try:
        r = Store(db).event(event_id)
    except TidingsError as e:
        fail(e)
    mode = " / " + r["mode"] if r["mode"] else ""
    out.print(f"[bold]{r['type']}[/bold]{mode}  (CAMEO {r['cameo']})  id {r['id']}")
    out.print(
        f"date      {r['date'] or 'unknown'}  precision {r['date_precision']}  basis {r['date_basis'] or '-'}"
    )
    out.print(f"location  {r['location'] or '-'}     confidence {r['confidence']:.2f}")
    if r.get("background"):
        out.print("history   the articles mention it in passing (background), not as their news")
    if r.get("within"):
        out.print(f"said at   the meeting {r['within']} (`tidings show {r['within'][:10]}`)")
    for label, group in (("source", r["sources"]), ("target", r["targets"])):
        for a in group:
            out.print(
                f"{label:<9} {a['name']}  [dim](id {a['id']}; org {a['org'] or '-'}; "
                f"role {a['role'] or '-'}; country {a['country'] or '-'}; sector {a['sector'] or '-'})[/dim]"
            )
    out.print(f"reported  {reporting(r)}")
    for i, rep in enumerate(r["reports"], 1):
        copy = f"; a copy of document {rep['copy_of']}" if rep.get("copy_of") else ""
        out.print(
            f"\n[bold]report {i}[/bold]: {rep['outlet'] or 'unknown outlet'} "
            f"\u00b7 {rep['published'] or 'undated'} \u00b7 {rep['title'] or ''}\n"
            f"  {rep['url'] or ''} (doc {rep['doc_id']}{copy})"
        )
        for said in rep["mentions"]:
            out.print(Text("  ") + marked_evidence(said["evidence"], said["spans"]))
            if said.get("why"):
                out.print(Text(f"  joined: {said['why']}", style="dim"))
    out.print(
        "\n[dim]marks: [reverse] trigger, [bold green]source[/bold green], "
        "[bold blue]target[/bold blue][/dim]"
    )


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or plover")] = "jsonl",
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="File to write; - or none for stdout (parquet needs a file)."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
) -> None:
    """Export events, streaming: JSONL records, CSV, typed Parquet, or PLOVER-style JSONL."""
    from ..export import FORMATS, export  # noqa: PLC0415
    from ..ontology import EVENT_TYPES  # noqa: PLC0415

    if format not in FORMATS:
        fail(TidingsError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}"))
    if type and type.upper() not in EVENT_TYPES:
        fail(TidingsError(f"{type!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}"))
    if format == "parquet" and out in (None, "-"):
        fail(TidingsError("parquet is binary: give a file with --out events.parquet"))
    try:
        store = Store(db)
        if out in (None, "-"):
            n = export(store, format, sys.stdout, since=parse_day(since), until=parse_day(until), type=type)
        else:
            with open(
                out,
                "wb" if format == "parquet" else "w",
                encoding=None if format == "parquet" else "utf-8",
                newline="" if format == "csv" else None,
            ) as fh:
                n = export(store, format, fh, since=parse_day(since), until=parse_day(until), type=type)
    except (TidingsError, OSError) as e:
        fail(e)
    err.print(f"{n} event(s) exported" + (f" to {out}" if out not in (None, "-") else ""))


def query(db: str, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
    try:
        return Store(db).query_events(**filters)
    except TidingsError as e:
        fail(e)
