"""Events as output records: filtered (actor, dyad, type, dates, outlet, words), counted, paged
for exports, looked up by id, and the timeline of two actors."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any, TypedDict, Unpack

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection, Engine

from ...errors import NotFound
from ...kb import KnowledgeBase
from ..schema import actors, documents, events, mentions
from .names import actor_ids, events_with
from .records import event_day, event_record


class EventFilters(TypedDict, total=False):
    """The filters of `query_events` and `count_events`, for callers that build them once
    and pass them to both (`store.count_events(**filters)`)."""

    actor: str | None
    dyad: tuple[str, str] | None
    type: str | None
    since: date | None
    until: date | None
    outlet: str | None
    text: str | None
    background: bool
    statements: bool


class EventQueries:
    """The events of one store, as the CLI, the API, the web pages and the exports read them."""

    def __init__(self, engine: Engine, kb: KnowledgeBase) -> None:
        self.engine, self.kb = engine, kb

    def query(
        self, limit: int | None = None, offset: int = 0, **filters: Unpack[EventFilters]
    ) -> list[dict[str, Any]]:
        """Events as output records, oldest first, filtered by actor, dyad, type, dates,
        outlet and words of their evidence; without `background` history the articles mention
        in passing, without `statements` those made at a meeting (they are in its record)."""
        with self.engine.connect() as conn:
            q = self.filtered(conn, **filters)
            q = q.order_by(events.c.sort_date.is_(None), events.c.sort_date, events.c.event_id).offset(offset)
            if limit:
                q = q.limit(limit)
            ids = [r[0] for r in conn.execute(q)]
            return [event_record(conn, i) for i in ids]

    def count(self, **filters: Unpack[EventFilters]) -> int:
        with self.engine.connect() as conn:
            q = self.filtered(conn, **filters)
            return int(conn.execute(select(func.count()).select_from(q.subquery())).scalar_one())

    def filtered(self, conn: Connection, **filters: Unpack[EventFilters]) -> Any:
        """The query of the ids of the events that pass the filters (none given: all events)."""
        actor, dyad, type = filters.get("actor"), filters.get("dyad"), filters.get("type")
        since, until = filters.get("since"), filters.get("until")
        outlet, text = filters.get("outlet"), filters.get("text")
        background, statements = filters.get("background", True), filters.get("statements", True)
        q = select(events.c.event_id)
        if not background:
            q = q.where(events.c.background.is_(False))
        if not statements:
            q = q.where(events.c.within.is_(None))
        if actor:
            q = q.where(events.c.event_id.in_(events_with(conn, actor, self.kb)))
        if dyad:
            a, b = dyad
            q = q.where(
                events.c.event_id.in_(events_with(conn, a, self.kb)),
                events.c.event_id.in_(events_with(conn, b, self.kb)),
            )
        if type:
            q = q.where(events.c.type == type.upper())
        if since:
            q = q.where(events.c.sort_date >= since)
        if until:
            q = q.where(events.c.sort_date <= until)
        if outlet:
            q = q.where(
                events.c.event_id.in_(
                    select(mentions.c.event_id)
                    .join(documents, documents.c.doc_id == mentions.c.doc_id)
                    .where(func.lower(documents.c.outlet) == outlet.lower())
                )
            )
        if text:
            q = q.where(
                events.c.event_id.in_(
                    select(mentions.c.event_id).where(
                        func.lower(mentions.c.evidence).contains(text.lower(), autoescape=True)
                    )
                )
            )
        return q

    def pages(
        self, since: date | None = None, until: date | None = None, type: str | None = None, page: int = 1000
    ) -> Iterator[list[dict[str, Any]]]:
        """Events a page at a time, oldest first (undated last), by keyset pagination: memory
        stays constant however many events there are."""
        order = func.coalesce(events.c.sort_date, date.max)
        after: tuple[Any, str] | None = None
        while True:
            with self.engine.connect() as conn:
                q = self.filtered(conn, type=type, since=since, until=until).add_columns(order.label("k"))
                if after is not None:
                    q = q.where(or_(order > after[0], (order == after[0]) & (events.c.event_id > after[1])))
                rows = conn.execute(q.order_by(order, events.c.event_id).limit(page)).all()
                if not rows:
                    return
                records = [event_record(conn, r.event_id) for r in rows]
            after = (rows[-1].k, rows[-1].event_id)
            yield records

    def event(self, event_id: str) -> dict[str, Any]:
        """An event by its id, an id prefix, or the id of any of its mentions (ids of events
        that were merged into others redirect)."""
        with self.engine.connect() as conn:
            found = (
                conn.execute(select(events.c.event_id).where(events.c.event_id == event_id)).all()
                or conn.execute(
                    select(mentions.c.event_id).where(
                        mentions.c.mention_id == event_id, mentions.c.event_id.is_not(None)
                    )
                ).all()
            )
            if not found and len(event_id) >= 4:  # a prefix, as `tidings events` prints them
                found = (
                    conn.execute(
                        select(events.c.event_id)
                        .where(events.c.event_id.startswith(event_id, autoescape=True))
                        .limit(5)
                    ).all()
                    or conn.execute(
                        select(mentions.c.event_id)
                        .distinct()
                        .where(
                            mentions.c.mention_id.startswith(event_id, autoescape=True),
                            mentions.c.event_id.is_not(None),
                        )
                        .limit(5)
                    ).all()
                )
            if len(found) != 1:
                raise NotFound(
                    f"no event with id {event_id!r}; list ids with `tidings events`"
                    if not found
                    else f"{len(found)} events start with {event_id!r}; give more characters"
                )
            return event_record(conn, found[0][0])

    def dyad(self, a: str, b: str, background: bool = False) -> dict[str, Any]:
        """The timeline of two actors: their events and counts per month and type. A meeting
        counts once: what was said at it is listed under it (`statements`); history the
        articles mention in passing is left out unless `background`."""
        with self.engine.connect() as conn:
            for name in (a, b):
                if (
                    conn.execute(events_with(conn, name, self.kb).limit(1)).first() is None
                    and conn.execute(
                        select(actors.c.actor_id)
                        .where(actors.c.actor_id.in_(actor_ids(conn, name, self.kb)))
                        .limit(1)
                    ).first()
                    is None
                ):
                    raise NotFound(f"no actor called {name!r}; search with /api/actors?q=")
        everything = self.query(dyad=(a, b), background=background)
        records = [r for r in everything if not r["within"]]
        said_at: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in everything:
            if r["within"]:
                said_at[r["within"]].append(r)
        for r in records:
            r["statements"] = said_at.pop(r["id"], [])
        records += [r for rs in said_at.values() for r in rs]  # their meeting is not in this dyad
        per_month: dict[str, Counter[str]] = defaultdict(Counter)
        for r in records:
            day = event_day(r)
            if day:
                per_month[day[:7]][r["type"]] += 1
        return {
            "a": a,
            "b": b,
            "events": records,
            "total": len(records),
            "by_type": dict(Counter(r["type"] for r in records).most_common()),
            "by_month": {m: dict(c) for m, c in sorted(per_month.items())},
        }


__all__ = ["EventFilters", "EventQueries"]
