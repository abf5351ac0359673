"""`ingest` reads, codes and stores articles; `failures` lists what could not be processed."""

from __future__ import annotations

import json
import os
from typing import Annotated, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import api
from ..config import DEFAULT_DB, resolve_options
from ..errors import IngestStopped, TidingsError
from ..store import Store
from .app import DbOption, app, err, fail, out


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs, URLs, or - for stdin: HTML, text, JSONL, RSS/Atom, sitemaps, "
            "URL lists, WARC(.gz)."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(help="Skip (and record) larger inputs.")] = 5_000_000,
    workers: Annotated[
        int,
        typer.Option(
            help="Worker processes for NLP and coding, each loading the "
            "models once (default: the machine's cores)."
        ),
    ] = os.cpu_count() or 1,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (one commit each).")] = 64,
    engine: Annotated[str, typer.Option(help="local (worker processes) or ray (Ray Data actors).")] = "local",
    address: Annotated[
        str | None, typer.Option(help="ray: address of an existing cluster (default: start a local Ray).")
    ] = None,
    timeout: Annotated[float, typer.Option(help="URLs: seconds per request.")] = 10.0,
    retries: Annotated[int, typer.Option(help="URLs: retries after a timeout or 5xx, with backoff.")] = 2,
    host_interval: Annotated[float, typer.Option(help="URLs: seconds between requests to one host.")] = 1.0,
) -> None:
    """Read articles, code their events and store them. Each batch is committed as it is done:
    a run that is stopped and started again skips the documents already stored."""
    if workers < 1 or batch_size < 1:
        fail(TidingsError("--workers and --batch-size must be 1 or more"))
    try:
        options = resolve_options(
            db=db,
            max_bytes=max_bytes,
            batch_size=batch_size,
            fetch_timeout=timeout,
            fetch_retries=retries,
            host_interval=host_interval,
        )
        with Progress(
            TextColumn("[bold]coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("documents"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=None)
            pool = None
            if engine == "ray":
                from ..engine_ray import RayWorkers  # noqa: PLC0415

                pool = RayWorkers(options, workers, address)
            elif engine != "local":
                raise TidingsError(f"unknown engine {engine!r}; use local or ray")
            try:
                summary = api.ingest(
                    sources,
                    options=options,
                    progress=lambda n: bar.advance(task, n),
                    workers=workers,
                    pool=pool,
                )
            finally:
                if pool is not None:
                    pool.close()
    except IngestStopped as e:  # the store took no more writes: say what went in and what did not
        stopped(e)
    except TidingsError as e:
        fail(e)
    out.print(summary.line())
    if summary.duplicates:
        out.print(
            f"{summary.duplicates} document(s) were already in {db} (done by an earlier run, or repeated): "
            f"nothing added for them."
        )
    if summary.failed:
        out.print(
            f"[yellow]{len(summary.failed)} document(s) could not be processed; "
            f"list them with: tidings failures --db {db}[/yellow]"
        )
        raise typer.Exit(1)


def stopped(e: IngestStopped) -> NoReturn:
    out.print(e.summary.line())
    for origin in e.summary.not_stored[:20]:
        out.print(f"  not stored: {origin}", highlight=False, soft_wrap=True)  # paths whole, to copy
    if len(e.summary.not_stored) > 20:
        out.print(f"  ... and {len(e.summary.not_stored) - 20} more")
    fail(e)


@app.command()
def failures(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
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
