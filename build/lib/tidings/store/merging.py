"""Merging on the write path: each new mention, with its actors resolved, placed in an event. The
candidates are the stored events that share a blocking key (type and actor identity) with it
within `merge.WINDOW` days; :class:`tidings.merge.Merger` decides and explains. Every event a
batch touches is then written again from all its mentions: date, place, counts, actors, keys."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..dates import weekday_named
from ..kb import KnowledgeBase
from ..merge import UNDATED, WINDOW, Merger, Occurrence, Who
from ..records import Actor
from ..resolve import ActorIndex
from .resolution import Local, Resolved
from .schema import actors, documents, event_actors, event_keys, events, mentions
from .sql import chunks, rows_in

# an event's date: the report that says it best (a date in the text before a dispatch's own)
BASIS_RANK = {"explicit": 0, "relative": 1, "inherited": 2, "dispatch": 3}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}

Pending = list[tuple[Any, Occurrence]]  # (mention row, what it says happened)


def pending(
    conn: Connection, index: ActorIndex, local: Local, resolved: Resolved, doc_ids: Sequence[str]
) -> Pending:
    """The documents' mentions as occurrences with canonical actors, in ingestion order."""
    docs = rows_in(
        conn,
        documents,
        documents.c.doc_id,
        doc_ids,
        columns=(documents.c.doc_id, documents.c.seq, documents.c.published),
    )
    order = sorted(docs, key=lambda r: r.seq)
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for r in rows_in(conn, mentions, mentions.c.doc_id, doc_ids):
        by_doc[r.doc_id].append(r)
    out: Pending = []
    for d in order:
        for r in sorted(by_doc[d.doc_id], key=lambda r: (r.start, r.mention_id)):
            sides = []
            for side in (r.sources, r.targets):
                whos: list[Who] = []
                for raw in json.loads(side):
                    actor = Actor(**raw)
                    entry = resolved.get((r.doc_id, actor.id)) or index.resolve_event_actor(
                        actor, local[r.doc_id]
                    )
                    if not any(w.id == entry.id for w in whos):
                        whos.append(
                            Who(
                                id=entry.id,
                                name=entry.name,
                                kind=entry.kind,
                                org=entry.org or actor.org,
                                country=entry.country or actor.country,
                                sector=actor.sector or entry.sector,
                                role=actor.role,
                            )
                        )
                sides.append(whos)
            occ = Occurrence(
                r.mention_id,
                r.type,
                r.date,
                d.published,
                r.location,
                sides[0],
                sides[1],
                {r.doc_id},
                weekday_of(r.date or d.published, r.evidence),
            )
            out.append((r, occ))
    return out


def weekday_of(day: date | None, evidence: str) -> int | None:
    """An undated report's weekday, from its sentence ("the two leaders spoke Monday")."""
    return None if day is not None else weekday_named(evidence)


def merge(conn: Connection, kb: KnowledgeBase, found: Pending) -> None:
    """Place each mention in an event (a stored one, one of this batch, or its own) and write
    the events touched."""
    if not found:
        return
    merger = Merger(kb)
    merger.add(candidates(conn, [o for _, o in found]))
    touched: dict[str, Occurrence] = {}
    placed = []
    for r, occ in found:
        event, note = merger.place(occ)
        touched[event.id] = event
        placed.append({"m": r.mention_id, "e": event.id, "n": note})
    conn.execute(
        update(mentions)
        .where(mentions.c.mention_id == bindparam("m"))
        .values(event_id=bindparam("e"), merge_note=bindparam("n")),
        placed,
    )
    write_events(conn, touched)


def candidates(conn: Connection, found: list[Occurrence]) -> list[Occurrence]:
    """Stored events that share a blocking key with a pending mention, near in time (or with
    no day at all); for an undated mention, those naming its people on any day."""
    keys = sorted({k for o in found if o.day is not None for k in o.blocking_keys()})
    days = [o.day for o in found if o.day is not None]
    ids: set[str] = set()
    if keys and days:
        lo, hi = min(days) - WINDOW, max(days) + WINDOW
        for chunk in chunks(keys):
            ids |= {
                r[0]
                for r in conn.execute(
                    select(event_keys.c.event_id).where(
                        event_keys.c.key.in_(chunk),
                        event_keys.c.day.between(lo, hi) | (event_keys.c.day == UNDATED),
                    )
                )
            }
    people = sorted({k for o in found if o.day is None for k in o.person_keys()})
    for chunk in chunks(people):
        ids |= {r[0] for r in conn.execute(select(event_keys.c.event_id).where(event_keys.c.key.in_(chunk)))}
    return occurrences(conn, sorted(ids))


def occurrences(conn: Connection, ids: list[str]) -> list[Occurrence]:
    """Stored events as the merger sees them."""
    if not ids:
        return []
    rows = rows_in(conn, events, events.c.event_id, ids)
    who: dict[str, dict[str, list[Who]]] = defaultdict(lambda: {"source": [], "target": []})
    for r in sorted(rows_in(conn, event_actors, event_actors.c.event_id, ids), key=lambda r: r.position):
        who[r.event_id][r.side].append(
            Who(
                id=r.actor_id,
                name=r.name or r.actor_id,
                org=r.org,
                role=r.role,
                country=r.country,
                sector=r.sector,
            )
        )
    actor_ids = sorted({w.id for sides in who.values() for ws in sides.values() for w in ws})
    found = {
        r.actor_id: r.kind
        for r in rows_in(
            conn, actors, actors.c.actor_id, actor_ids, columns=(actors.c.actor_id, actors.c.kind)
        )
    }
    docs: dict[str, set[str]] = defaultdict(set)
    published: dict[str, date] = {}
    weekdays: dict[str, int] = {}
    for r in _reports_of(
        conn,
        ids,
        mentions.c.event_id,
        mentions.c.doc_id,
        documents.c.published,
        mentions.c.date,
        mentions.c.evidence,
    ):
        docs[r.event_id].add(r.doc_id)
        weekday = weekday_of(r.date or r.published, r.evidence)
        if weekday is not None:
            weekdays.setdefault(r.event_id, weekday)
        if r.published and (r.event_id not in published or r.published < published[r.event_id]):
            published[r.event_id] = r.published
    out = []
    for r in rows:
        sides = {
            side: [replace(w, kind=found.get(w.id, "org")) for w in ws]
            for side, ws in who[r.event_id].items()
        }
        out.append(
            Occurrence(
                r.event_id,
                r.type,
                r.date,
                published.get(r.event_id),
                r.location,
                sides["source"],
                sides["target"],
                docs[r.event_id],
                weekdays.get(r.event_id),
            )
        )
    return out


def _reports_of(conn: Connection, ids: Sequence[str], *columns: Any) -> list[Any]:
    """The mentions of these events with the columns asked for, their documents' included."""
    joined = mentions.join(documents, documents.c.doc_id == mentions.c.doc_id)
    return rows_in(conn, joined, mentions.c.event_id, ids, columns=columns)


def write_events(conn: Connection, touched: dict[str, Occurrence]) -> None:
    """(Re)write the touched events from all their mentions: date, place, counts, actors, keys."""
    ids = sorted(touched)
    ms: dict[str, list[Any]] = defaultdict(list)
    for r in _reports_of(
        conn,
        ids,
        *mentions.c,
        documents.c.published,
        documents.c.outlet,
        documents.c.copy_of,
        documents.c.seq,
    ):
        ms[r.event_id].append(r)
    existing = {
        r[0]
        for chunk in chunks(ids)
        for r in conn.execute(select(events.c.event_id).where(events.c.event_id.in_(chunk)))
    }
    placed = events_of_mentions(conn, sorted({r.within for rs in ms.values() for r in rs if r.within}))
    for chunk in chunks(ids):
        conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(chunk)))
        conn.execute(delete(event_keys).where(event_keys.c.event_id.in_(chunk)))
    actor_rows: list[dict[str, Any]] = []
    key_rows: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for event_id in ids:
        occ, rows = touched[event_id], sorted(ms[event_id], key=lambda r: (r.seq, r.start))
        first = next((r for r in rows if r.mention_id == event_id), rows[0])
        dated = sorted(
            (r for r in rows if r.date),
            key=lambda r: (PRECISION_RANK.get(r.date_precision, 3), BASIS_RANK.get(r.date_basis, 4), r.seq),
        )
        best = dated[0] if dated else first
        pubs = [r.published for r in rows if r.published]
        values = dict(
            type=first.type,
            mode=first.mode,
            cameo=first.cameo,
            date=best.date,
            date_precision=best.date_precision,
            date_basis=best.date_basis,
            location=next((r.location for r in rows if r.location), None),
            confidence=max(r.confidence for r in rows),
            sort_date=best.date or (min(pubs) if pubs else None),
            reports=len({r.doc_id for r in rows}),
            independent_sources=independent(rows),
            background=all(r.background for r in rows),
            within=meeting_of(rows, event_id, placed),
        )
        (updates if event_id in existing else inserts).append({"event_id": event_id, **values})
        for side, whos in (("source", occ.sources), ("target", occ.targets)):
            for i, w in enumerate(whos):
                actor_rows.append(
                    dict(
                        event_id=event_id,
                        side=side,
                        position=i,
                        actor_id=w.id,
                        name=w.name,
                        org=w.org,
                        role=w.role,
                        country=w.country,
                        sector=w.sector,
                    )
                )
        day = values["sort_date"] or UNDATED
        key_rows += [
            {"key": k, "day": day, "event_id": event_id} for k in occ.blocking_keys() | occ.person_keys()
        ]
    if inserts:
        conn.execute(insert(events), inserts)
    if updates:
        fields = [c.name for c in events.c if c.name != "event_id"]
        conn.execute(
            update(events)
            .where(events.c.event_id == bindparam("id_"))
            .values({f: bindparam(f) for f in fields}),
            [{**u, "id_": u.pop("event_id")} for u in updates],
        )
    if actor_rows:
        conn.execute(insert(event_actors), actor_rows)
    if key_rows:
        conn.execute(insert(event_keys), key_rows)


def independent(rows: Sequence[Any]) -> int:
    """Independent sources among an event's reports: wire copies of one text are one source,
    and so are the reports of one outlet."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for r in rows:
        group = find(f"doc:{r.copy_of or r.doc_id}")
        if r.outlet:
            parent[find(f"outlet:{r.outlet.lower()}")] = group
        parent[find(f"doc:{r.doc_id}")] = group
    return len({find(f"doc:{r.doc_id}") for r in rows})


def events_of_mentions(conn: Connection, mention_ids: Sequence[str]) -> dict[str, str]:
    """The event each of these mentions is placed in (those placed), in one query a chunk."""
    columns = (mentions.c.mention_id, mentions.c.event_id)
    found = rows_in(conn, mentions, mentions.c.mention_id, mention_ids, columns=columns)
    return {r.mention_id: r.event_id for r in found if r.event_id is not None}


def meeting_of(rows: Sequence[Any], event_id: str, placed: dict[str, str]) -> str | None:
    """The event a statement was made at, when every report of it says so (`placed`: the
    event of each meeting's mention)."""
    meetings = {r.within for r in rows}
    if None in meetings or not meetings:
        return None
    ids = {placed[m] for m in meetings if m in placed} - {event_id}
    return ids.pop() if len(ids) == 1 else None


__all__ = [
    "BASIS_RANK",
    "Pending",
    "candidates",
    "independent",
    "events_of_mentions",
    "meeting_of",
    "merge",
    "occurrences",
    "pending",
    "write_events",
]
