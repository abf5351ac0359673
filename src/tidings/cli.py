"""The `tidings` command: a thin layer over the Python API.

Exit status: 0 all went well; 1 the run finished but some documents failed (see
`tidings failures`); 2 bad usage or a store/model that cannot be opened.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import api
from .config import DEFAULT_DB, resolve_options
from .errors import IngestStopped, TidingsError
from .store import Store

app = typer.Typer(help="News in, political events out: PLOVER-coded, dated, with evidence.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", envvar="TIDINGS_DB", help="SQLite path or SQLAlchemy URL.")]


def _fail(e: Exception) -> None:
    err.print(f"[red]error:[/red] {e}")
    raise typer.Exit(2)


@app.command()
def ingest(sources: Annotated[list[str], typer.Argument(
               help="Files, folders, globs, URLs, or - for stdin: HTML, text, JSONL, RSS/Atom, sitemaps, "
                    "URL lists, WARC(.gz).")],
           db: DbOption = DEFAULT_DB,
           max_bytes: Annotated[int, typer.Option(help="Skip (and record) larger inputs.")] = 5_000_000,
           workers: Annotated[int, typer.Option(help="Worker processes for NLP and coding, each loading the "
                                                      "models once (default: the machine's cores).")] = os.cpu_count() or 1,
           batch_size: Annotated[int, typer.Option(help="Documents per batch (one commit each).")] = 64,
           engine: Annotated[str, typer.Option(help="local (worker processes) or ray (Ray Data actors).")] = "local",
           address: Annotated[Optional[str], typer.Option(help="ray: address of an existing cluster "
                                                               "(default: start a local Ray).")] = None,
           timeout: Annotated[float, typer.Option(help="URLs: seconds per request.")] = 10.0,
           retries: Annotated[int, typer.Option(help="URLs: retries after a timeout or 5xx, with backoff.")] = 2,
           host_interval: Annotated[float, typer.Option(help="URLs: seconds between requests to one host.")] = 1.0,
           ) -> None:
    """Read articles, code their events and store them. Each batch is committed as it is done:
    a run that is stopped and started again skips the documents already stored."""
    if workers < 1 or batch_size < 1:
        _fail(TidingsError("--workers and --batch-size must be 1 or more"))
    try:
        options = resolve_options(db=db, max_bytes=max_bytes, batch_size=batch_size, fetch_timeout=timeout,
                                  fetch_retries=retries, host_interval=host_interval)
        with Progress(TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("documents"), TimeElapsedColumn(), console=err, transient=True) as bar:
            task = bar.add_task("ingest", total=None)
            pool = None
            if engine == "ray":
                from .engine_ray import RayWorkers  # noqa: PLC0415

                pool = RayWorkers(options, workers, address)
            elif engine != "local":
                raise TidingsError(f"unknown engine {engine!r}; use local or ray")
            try:
                summary = api.ingest(sources, options=options, progress=lambda n: bar.advance(task, n),
                                     workers=workers, pool=pool)
            finally:
                if pool is not None:
                    pool.close()
    except IngestStopped as e:  # the store took no more writes: say what went in and what did not
        _stopped(e)
    except TidingsError as e:
        _fail(e)
    out.print(summary.line())
    if summary.duplicates:
        out.print(f"{summary.duplicates} document(s) were already in {db} (done by an earlier run, or repeated): "
                  f"nothing added for them.")
    if summary.failed:
        out.print(f"[yellow]{len(summary.failed)} document(s) could not be processed; "
                  f"list them with: tidings failures --db {db}[/yellow]")
        raise typer.Exit(1)


def _stopped(e: IngestStopped) -> None:
    out.print(e.summary.line())
    for origin in e.summary.not_stored[:20]:
        out.print(f"  not stored: {origin}", highlight=False, soft_wrap=True)  # paths whole, to copy
    if len(e.summary.not_stored) > 20:
        out.print(f"  ... and {len(e.summary.not_stored) - 20} more")
    _fail(e)


@app.command()
def events(db: DbOption = DEFAULT_DB,
           actor: Annotated[Optional[str], typer.Option(help="Name, acronym or code of an actor.")] = None,
           dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two actors: A B.")] = None,
           type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
           since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
           until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
           format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table") -> None:
    """List stored events, oldest first."""
    records = _query(db, actor=actor, dyad=dyad, type=type, since=_day(since), until=_day(until))
    _emit(records, format)


@app.command()
def dyad(a: str, b: str, db: DbOption = DEFAULT_DB,
         format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
         background: Annotated[bool, typer.Option(help="Include history the articles mention in passing.")] = False,
         ) -> None:
    """The timeline of events between two actors (names, acronyms or codes), oldest first. A
    meeting counts once: what was said at it is shown under it."""
    try:
        timeline = Store(db).dyad(a, b, background=background)
    except TidingsError as e:
        _fail(e)
    records = timeline["events"]
    if format != "table":
        _emit([x for r in records for x in (r, *r.get("statements", ()))], format)
        return
    out.print(f"[bold]{a} \u2194 {b}[/bold]: {len(records)} event(s)")
    for r in records:
        _print_timeline_entry(r)
        for said in r.get("statements", ()):
            _print_timeline_entry(said, indent="      said there: ")


def _print_timeline_entry(r: dict, indent: str = "") -> None:
    rep = r["reports"][0] if r["reports"] else {}
    when = r["date"] or f"undated (reported {rep.get('published') or '?'})"
    flag = " [dim](background)[/dim]" if r.get("background") else ""
    out.print(f"{indent}[bold]{when}[/bold]  {r['type']:<9} {_side(r['sources'])} \u2192 "
              f"{_side(r['targets']) or '(mutual)'}" + (f"  @ {r['location']}" if r["location"] else "") + flag)
    pad = " " * (len(indent) + 4)
    best = r.get("evidence") or rep
    out.print(Text(f"{pad}\u201c{best.get('evidence', '')}\u201d", style="dim"))
    outlets = ", ".join(dict.fromkeys(x.get("outlet") or x.get("title") or "unknown outlet" for x in r["reports"]))
    out.print(Text(f"{pad}{_reporting(r)}: {outlets} \u00b7 {r['id']}", style="dim"))


@app.command()
def show(event_id: str, db: DbOption = DEFAULT_DB) -> None:
    """One event, each of its reports, and the evidence with trigger and actors marked."""
    try:
        r = Store(db).event(event_id)
    except TidingsError as e:
        _fail(e)
    out.print(f"[bold]{r['type']}[/bold]{' / ' + r['mode'] if r['mode'] else ''}  (CAMEO {r['cameo']})  id {r['id']}")
    out.print(f"date      {r['date'] or 'unknown'}  precision {r['date_precision']}  basis {r['date_basis'] or '-'}")
    out.print(f"location  {r['location'] or '-'}     confidence {r['confidence']:.2f}")
    if r.get("background"):
        out.print("history   the articles mention it in passing (background), not as their news")
    if r.get("within"):
        out.print(f"said at   the meeting {r['within']} (`tidings show {r['within'][:10]}`)")
    for label, group in (("source", r["sources"]), ("target", r["targets"])):
        for a in group:
            out.print(f"{label:<9} {a['name']}  [dim](id {a['id']}; org {a['org'] or '-'}; role {a['role'] or '-'}; "
                      f"country {a['country'] or '-'}; sector {a['sector'] or '-'})[/dim]")
    out.print(f"reported  {_reporting(r)}")
    for i, rep in enumerate(r["reports"], 1):
        copy = f"; a copy of document {rep['copy_of']}" if rep.get("copy_of") else ""
        out.print(f"\n[bold]report {i}[/bold]: {rep['outlet'] or 'unknown outlet'} \u00b7 {rep['published'] or 'undated'}"
                  f" \u00b7 {rep['title'] or ''}\n  {rep['url'] or ''} (doc {rep['doc_id']}{copy})")
        for said in rep["mentions"]:
            out.print(Text("  ") + marked_evidence(said["evidence"], said["spans"]))
            if said.get("why"):
                out.print(Text(f"  joined: {said['why']}", style="dim"))
    out.print("\n[dim]marks: [reverse] trigger, [bold green]source[/bold green], [bold blue]target[/bold blue][/dim]")


def _reporting(r: dict) -> str:
    n, k = len(r["reports"]), r.get("independent_sources") or len(r["reports"])
    return f"{n} report{'s' if n != 1 else ''}, {k} independent source{'s' if k != 1 else ''}"


def marked_evidence(sentence: str, spans: list[dict]) -> Text:
    styles = {"trigger": "reverse", "source": "bold green", "target": "bold blue"}
    text = Text(sentence)
    for s in spans:
        text.stylize(styles.get(s["label"], "bold"), s["start"], s["end"])
    return text


@app.command()
def failures(db: DbOption = DEFAULT_DB,
             format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table") -> None:
    """Documents that could not be processed, with the stage and the reason."""
    rows = Store(db).list_failures()
    if format == "jsonl":
        for row in rows:
            print(json.dumps(row, default=str))
        return
    table = Table("origin", "stage", "reason", title=f"{len(rows)} failure(s)")
    for row in rows:
        table.add_row(row["origin"], row["stage"], row["reason"])
    out.print(table)


@app.command("actors")
def actors_cmd(db: DbOption = DEFAULT_DB,
               search: Annotated[Optional[str], typer.Option(help="Only actors with a name containing this.")] = None,
               limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
               format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table") -> None:
    """Canonical actors, busiest first."""
    try:
        rows = Store(db).find_actors(search, limit)
    except TidingsError as e:
        _fail(e)
    if format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("name", "kind", "country", "org", "sector", "events", "id", title=f"{len(rows)} actor(s)")
    for r in rows:
        table.add_row(r["name"], r["kind"], r["country"] or "", r["org"] or "", r["sector"] or "",
                      str(r["events"]), r["actor_id"])
    out.print(table)


@app.command("actor")
def actor_cmd(words: Annotated[list[str], typer.Argument(
                  help="NAME to show an actor; or merge KEEP OTHER...; split ACTOR --alias NAME; "
                       "rename ACTOR NEW_NAME; or decisions.")],
              db: DbOption = DEFAULT_DB,
              alias: Annotated[Optional[str], typer.Option(help="split: the name whose mentions leave.")] = None,
              name: Annotated[Optional[str], typer.Option(help="split: the new actor's name.")] = None,
              as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Show an actor (aliases, roles over time, events by type, counterparts) or correct resolution.

    Corrections are stored as decisions: they hold for documents ingested later and when the
    store is resolved again (`tidings resolve`).
    """
    try:
        store = Store(db)
        verb, rest = words[0], words[1:]
        if verb in ("merge", "split", "rename"):
            _decide(store, verb, rest, alias, name)
            return
        if verb == "decisions" and not rest:
            for d in store.list_decisions():
                print(json.dumps(d, ensure_ascii=False))
            return
        record = store.actor(" ".join(words))
    except TidingsError as e:
        _fail(e)
    if as_json:
        print(json.dumps(record, ensure_ascii=False, indent=1))
        return
    _print_actor(record)


def _decide(store: Store, verb: str, rest: list[str], alias: str | None, name: str | None) -> None:
    if verb == "merge":
        if len(rest) < 2:
            raise TidingsError("merge needs two or more actors: tidings actor merge KEEP OTHER [OTHER...]")
        keep, *others = [store.actor(n)["id"] for n in rest]
        if keep in others:
            raise TidingsError(f"{rest[0]!r} and another name are the same actor ({keep}) already")
        store.decide("merge", {"into": keep, "merge": others, "said": rest})
        out.print(f"merged {', '.join(others)} into {keep}")
    elif verb == "split":
        if len(rest) != 1 or not alias:
            raise TidingsError("split needs an actor and a name: tidings actor split ACTOR --alias NAME [--name NEW]")
        from .names import person_key  # noqa: PLC0415

        actor = store.actor(rest[0])
        key = f"person:{person_key(alias, store.kb)}" if actor["kind"] == "person" else f"name:{alias.lower()}"
        new_id = f"{actor['id']}~{key.split(':', 1)[1].replace(' ', '-')}"
        store.decide("split", {"actor": actor["id"], "key": key, "new_id": new_id, "name": name or alias})
        out.print(f"mentions of {actor['id']} named {alias!r} are now {new_id} ({name or alias})")
    else:
        if len(rest) < 2:
            raise TidingsError("rename needs an actor and a name: tidings actor rename ACTOR NEW NAME")
        actor = store.actor(rest[0])
        store.decide("rename", {"actor": actor["id"], "name": " ".join(rest[1:])})
        out.print(f"{actor['id']} is now called {' '.join(rest[1:])!r}")


def _print_actor(r: dict) -> None:  # noqa: ANN001
    out.print(f"[bold]{r['name']}[/bold]  ({r['kind']}; id {r['id']}; country {r['country'] or '-'}; "
              f"org {r['org'] or '-'}; sector {r['sector'] or '-'})")
    out.print(f"also called: {', '.join(r['aliases']) or '-'}")
    if r["roles"]:
        out.print("roles:")
        for role in r["roles"]:
            span = role["first_seen"] if role["first_seen"] == role["last_seen"] else \
                f"{role['first_seen']} to {role['last_seen']}"
            out.print(f"  {role['role']}{' (' + role['org'] + ')' if role['org'] else ''}  seen {span or 'undated'}"
                      f" in {role['documents']} document(s)")
    out.print(f"events: {r['events']}  " + ", ".join(f"{t} {n}" for t, n in r["events_by_type"].items()))
    if r["counterparts"]:
        out.print("main counterparts: " + ", ".join(f"{c['name']} ({c['events']})" for c in r["counterparts"]))


@app.command("export")
def export_cmd(db: DbOption = DEFAULT_DB,
               format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or plover")] = "jsonl",
               out: Annotated[Optional[str], typer.Option("--out", "-o", help="File to write; - or none for stdout "
                                                                      "(parquet needs a file).")] = None,
               since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
               until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
               type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None) -> None:
    """Export events, streaming: JSONL records, CSV, typed Parquet, or PLOVER-style JSONL."""
    from .export import FORMATS, export  # noqa: PLC0415
    from .ontology import EVENT_TYPES  # noqa: PLC0415

    if format not in FORMATS:
        _fail(TidingsError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}"))
    if type and type.upper() not in EVENT_TYPES:
        _fail(TidingsError(f"{type!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}"))
    if format == "parquet" and out in (None, "-"):
        _fail(TidingsError("parquet is binary: give a file with --out events.parquet"))
    try:
        store = Store(db)
        if out in (None, "-"):
            n = export(store, format, sys.stdout, since=_day(since), until=_day(until), type=type)
        else:
            with open(out, "wb" if format == "parquet" else "w", encoding=None if format == "parquet" else "utf-8",
                      newline="" if format == "csv" else None) as fh:
                n = export(store, format, fh, since=_day(since), until=_day(until), type=type)
    except (TidingsError, OSError) as e:
        _fail(e)
    err.print(f"{n} event(s) exported" + (f" to {out}" if out not in (None, "-") else ""))


@app.command()
def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option(help="Address to bind; the default serves this machine only.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000) -> None:
    """Serve the read-only workbench: web pages at / and the HTTP API at /api (docs at /docs)."""
    import uvicorn  # noqa: PLC0415

    from .web import create_app  # noqa: PLC0415
    try:
        web = create_app(db)
    except TidingsError as e:
        _fail(e)
    err.print(f"tidings: serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def resolve(db: DbOption = DEFAULT_DB) -> None:
    """Resolve every actor and merge every report again, applying every stored decision."""
    try:
        counts = Store(db).rebuild()
    except TidingsError as e:
        _fail(e)
    out.print(f"{counts['mentions']} mentions from {counts['documents']} documents: {counts['events']} events, "
              f"{counts['actors']} actors")


@app.command("code")
def code_cmd(path: Annotated[str, typer.Argument(help="JSONL of {id, text, date?}, or - for stdin.")]) -> None:
    """Code records without a store; one output line per input record: {id, events}."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    bad = 0

    def records():
        nonlocal bad
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                bad += 1
                yield {"id": f"line-{lineno}", "error": f"invalid JSON: {e.msg}"}

    for rec in api.code(records()):
        print(json.dumps(rec, ensure_ascii=False))
    if bad:
        err.print(f"[yellow]{bad} line(s) were not valid JSON[/yellow]")
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(gold: Annotated[str, typer.Argument(
                 help="Gold JSONL (PLOVER gold standard or UniversalPetrarch), or a folder of articles "
                      "with article-level gold (articles/NNN.txt, NNN.meta.json, gold/NNN.json).")],
             as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
             floors: Annotated[Optional[str], typer.Option(
                 help="JSON file of minimum figures ({\"accuracy\": 0.85, ...}); exit 1 below any.")] = None,
             examples: Annotated[int, typer.Option(help="Misclassified examples to show.")] = 8,
             ) -> None:
    """Score the coder on gold records: per-type P/R/F1, accuracy, macro-F1, actor accuracy;
    on a folder of articles, recall, precision, dates and merging, lenient and strict."""
    from . import evaluate  # noqa: PLC0415

    if os.path.isdir(gold):
        _eval_articles(gold, as_json, floors, examples)
        return
    try:
        records = evaluate.load_gold(gold)
        pinned = _floors(floors, "sentences")
        report = api.evaluate(records, gold_name=gold, examples=examples)
    except (TidingsError, OSError, json.JSONDecodeError) as e:
        _fail(e)
    if as_json:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        _print_report(report)
    below = report.check(pinned)
    for message in below:
        err.print(f"[red]below floor:[/red] {message}")
    if below:
        raise typer.Exit(1)


def _floors(path: str | None, section: str) -> dict[str, float]:
    """The floors of one gold kind: a floors file has a section per kind ("sentences",
    "articles"); a flat file is the sentence floors."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        pinned = json.load(f)
    if "sentences" in pinned or "articles" in pinned:
        return pinned.get(section, {})
    return pinned if section == "sentences" else {}


def _eval_articles(folder: str, as_json: bool, floors: str | None, examples: int) -> None:
    from . import article_eval  # noqa: PLC0415

    try:
        pinned = _floors(floors, "articles")
        report = api.evaluate_articles(folder, examples=examples, workers=min(2, os.cpu_count() or 1))
    except (TidingsError, OSError, json.JSONDecodeError) as e:
        _fail(e)
    if as_json:
        print(json.dumps(report, indent=1, default=str))
    else:
        _print_article_report(report)
    below = article_eval.check(report, pinned)
    for message in below:
        err.print(f"[red]below floor:[/red] {message}")
    if below:
        raise typer.Exit(1)


def _print_article_report(report: dict) -> None:
    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    out.print(f"{report['gold']}: {report['articles']} articles, {report['predicted_events']} events predicted")
    table = Table("type", "gold", "found", "recall", "predicted", "correct", "precision",
                  title="per type (lenient)")
    for name, row in report["lenient"]["per_type"].items():
        table.add_row(name, str(row["gold"]), str(row["found"]), pct(row["recall"]), str(row["predicted"]),
                      str(row["correct"]), pct(row["precision"]))
    out.print(table)
    for kind in ("lenient", "strict"):
        r = report[kind]
        out.print(f"{kind:8} recall {pct(r['recall'])} ({r['found']}/{r['gold']})   precision "
                  f"{pct(r['precision'])} ({r['correct']}/{r['predicted']})   F1 {pct(r['f1'])}   "
                  f"dates {pct(r['date_acc'])}   merging: recall {pct(r['merge_recall'])} "
                  f"({r['linked_pairs']} linked pairs), precision {pct(r['merge_precision'])} "
                  f"({r['merged_pairs']} merged)")
    for name in ("furniture_events", "bad_actors"):
        if name in report:
            found = report[name]
            out.print(f"{name.replace('_', ' ')}: {found['count']} of {found['of']}"
                      + (f" (e.g. {', '.join(found['examples'][:5])})" if found.get("examples") else ""),
                      highlight=False)
    for ex in report["examples"]:
        out.print(f"[bold]article {ex['article']}[/bold]")
        for g in ex["misses"]:
            who = " / ".join(", ".join(a.get("name") or a.get("org") or "?" for a in g.get(side) or ())
                             for side in ("sources", "targets"))
            out.print(f"  [red]missed[/red] {g['type']} {g.get('date') or ''} {who}: {g['evidence']}",
                      highlight=False)
        for p in ex["false_positives"]:
            who = " / ".join(", ".join(n or "?" for n in p[side]) for side in ("sources", "targets"))
            out.print(f"  [yellow]extra[/yellow] {p['type']} {p.get('date') or ''} {who}: {p['evidence']}",
                      highlight=False)


def _print_report(report) -> None:  # noqa: ANN001
    table = Table("type", "precision", "recall", "F1", "support", "any-event recall",
                  title=f"{report.gold}: {report.event_records} records with events, {report.records} in all")
    for name, row in report.per_type.items():
        if row["support"]:
            table.add_row(name, f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}",
                          str(row["support"]), f"{row['any_recall']:.2f}")
    out.print(table)

    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"
    out.print(f"accuracy {pct(report.accuracy)}   macro-F1 {pct(report.macro_f1)}   "
              f"no-event rate {pct(report.no_event_rate)}   false alarms {pct(report.false_alarm_rate)}")
    out.print(f"actor accuracy: source {pct(report.source_accuracy)}   target {pct(report.target_accuracy)}   "
              f"sector {pct(report.sector_accuracy)}   date {pct(report.date_accuracy)}")
    if report.confusions:
        out.print("worst confusions (gold -> predicted): " + ", ".join(
            f"{c['gold']}->{c['predicted']} {c['count']}" for c in report.confusions[:6]))
    for e in report.errors:
        out.print(f"  [dim]{e['id']}[/dim] gold {e['gold']}, got {e['predicted']} "
                  f"({e['trigger'] or 'no event'}): {e['text']}", highlight=False)


def _query(db: str, **filters) -> list[dict]:
    try:
        return Store(db).query_events(**filters)
    except TidingsError as e:
        _fail(e)
    return []


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(TidingsError(f"date {value!r} is not YYYY-MM-DD"))
    return None


def _side(actors: list[dict]) -> str:
    return ", ".join(a["name"] + (f" ({a['role']})" if a.get("role") and len(a["role"]) < 30 else "")
                     for a in actors)


def _emit(records: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["id", "date", "date_precision", "type", "mode", "cameo", "sources", "targets",
                    "location", "confidence", "reports", "independent_sources", "evidence"])
        for r in records:
            w.writerow([r["id"], r["date"], r["date_precision"], r["type"], r["mode"], r["cameo"],
                        "; ".join(a["name"] for a in r["sources"]), "; ".join(a["name"] for a in r["targets"]),
                        r["location"], r["confidence"], len(r["reports"]), r.get("independent_sources"),
                        r["reports"][0]["evidence"] if r["reports"] else ""])
    elif fmt == "table":
        table = Table("date", "type", "source", "target", "location", "reports", "id", title=f"{len(records)} event(s)")
        for r in records:
            rep = r["reports"][0] if r["reports"] else {}
            kind = r["type"] + (" [dim](background)[/dim]" if r.get("background") else "") + \
                (" [dim](at a meeting)[/dim]" if r.get("within") else "")
            table.add_row(r["date"] or f"[dim]~{rep.get('published') or '?'}[/dim]", kind,
                          _side(r["sources"]), _side(r["targets"]), r["location"] or "",
                          f"{len(r['reports'])} ({r.get('independent_sources') or 1})", r["id"][:10])
        out.print(table)
    else:
        _fail(TidingsError(f"unknown format {fmt!r}; use table, jsonl or csv"))


def main() -> None:
    app()
if __name__ == "__main__":
    main()
