"""Commands about actors: `actors` lists them, `actor` shows one or corrects resolution, and
`resolve` resolves and merges the whole store again."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from ..config import DEFAULT_DB
from ..errors import TidingsError
from ..store import Store
from .app import DbOption, app, fail, out
from .output import print_actor


@app.command("actors")
def actors_cmd(
    db: DbOption = DEFAULT_DB,
    search: Annotated[str | None, typer.Option(help="Only actors with a name containing this.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
    """Canonical actors, busiest first."""
    try:
        rows = Store(db).find_actors(search, limit)
    except TidingsError as e:
        fail(e)
    if format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("name", "kind", "country", "org", "sector", "events", "id", title=f"{len(rows)} actor(s)")
    for r in rows:
        table.add_row(
            r["name"],
            r["kind"],
            r["country"] or "",
            r["org"] or "",
            r["sector"] or "",
            str(r["events"]),
            r["actor_id"],
        )
    out.print(table)


@app.command("actor")
def actor_cmd(
    words: Annotated[
        list[str],
        typer.Argument(
            help="NAME to show an actor; or merge KEEP OTHER...; split ACTOR --alias NAME; "
            "rename ACTOR NEW_NAME; or decisions."
        ),
    ],
    db: DbOption = DEFAULT_DB,
    alias: Annotated[str | None, typer.Option(help="split: the name whose mentions leave.")] = None,
    name: Annotated[str | None, typer.Option(help="split: the new actor's name.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
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
        fail(e)
    if as_json:
        print(json.dumps(record, ensure_ascii=False, indent=1))
        return
    print_actor(record)


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
            raise TidingsError(
                "split needs an actor and a name: tidings actor split ACTOR --alias NAME [--name NEW]"
            )
        from ..names import person_key  # noqa: PLC0415

        actor = store.actor(rest[0])
        key = (
            f"person:{person_key(alias, store.kb)}" if actor["kind"] == "person" else f"name:{alias.lower()}"
        )
        new_id = f"{actor['id']}~{key.split(':', 1)[1].replace(' ', '-')}"
        store.decide("split", {"actor": actor["id"], "key": key, "new_id": new_id, "name": name or alias})
        out.print(f"mentions of {actor['id']} named {alias!r} are now {new_id} ({name or alias})")
    else:
        if len(rest) < 2:
            raise TidingsError("rename needs an actor and a name: tidings actor rename ACTOR NEW NAME")
        actor = store.actor(rest[0])
        store.decide("rename", {"actor": actor["id"], "name": " ".join(rest[1:])})
        out.print(f"{actor['id']} is now called {' '.join(rest[1:])!r}")


@app.command()
def resolve(db: DbOption = DEFAULT_DB) -> None:
    """Resolve every actor and merge every report again, applying every stored decision."""
    try:
        counts = Store(db).rebuild()
    except TidingsError as e:
        fail(e)
    out.print(
        f"{counts['mentions']} mentions from {counts['documents']} documents: {counts['events']} events, "
        f"{counts['actors']} actors"
    )
