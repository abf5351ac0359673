"""Actors as readers see them: the busiest, those whose names contain a text, and one actor's
profile (aliases, roles over time, events by type, main counterparts)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection, Engine

from ...errors import NotFound
from ...kb import KnowledgeBase, norm
from ..schema import actor_aliases, actors, doc_actors, documents, event_actors, events
from .names import actor_ids


class ActorQueries:
    """The canonical actors of one store."""

    def __init__(self, engine: Engine, kb: KnowledgeBase) -> None:
        self.engine, self.kb = engine, kb

    def find(self, search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors by number of events, optionally those with a name containing the text."""
        n_events = func.count(func.distinct(event_actors.c.event_id)).label("events")
        q = (
            select(
                actors.c.actor_id,
                actors.c.kind,
                actors.c.name,
                actors.c.country,
                actors.c.org,
                actors.c.sector,
                n_events,
            )
            .join(event_actors, event_actors.c.actor_id == actors.c.actor_id, isouter=True)
            .group_by(actors.c.actor_id)
            .order_by(n_events.desc(), actors.c.name)
            .limit(limit)
        )
        if search:
            pattern = f"%{norm(search)}%"
            q = q.where(
                actors.c.actor_id.in_(
                    select(actor_aliases.c.actor_id).where(
                        or_(
                            actor_aliases.c.key.like(pattern),
                            func.lower(actor_aliases.c.alias).like(f"%{search.lower()}%"),
                        )
                    )
                )
            )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def actor(self, name: str) -> dict[str, Any]:
        """One actor: aliases, roles over time, events by type, main counterparts."""
        with self.engine.connect() as conn:
            ids = [
                i
                for i in actor_ids(conn, name, self.kb)
                if conn.execute(select(actors.c.actor_id).where(actors.c.actor_id == i)).first()
            ]
            if not ids:
                raise NotFound(f"no actor called {name!r}; search with `tidings actors --search TEXT`")
            if len(ids) > 1:
                names = ", ".join(
                    f"{r.name} ({r.actor_id})"
                    for r in conn.execute(select(actors).where(actors.c.actor_id.in_(ids)))
                )
                raise NotFound(f"{name!r} may be any of: {names}; ask for one by its id")
            return self._record(conn, ids[0])

    def _record(self, conn: Connection, actor_id: str) -> dict[str, Any]:
        a = conn.execute(select(actors).where(actors.c.actor_id == actor_id)).one()._mapping
        aliases = sorted(
            {
                r[0]
                for r in conn.execute(
                    select(actor_aliases.c.alias).where(actor_aliases.c.actor_id == actor_id)
                )
            }
            - {a["name"]}
        )
        roles: dict[tuple[str, str | None], dict[str, Any]] = {}
        for r in conn.execute(
            select(doc_actors.c.role, doc_actors.c.org, documents.c.published)
            .join(documents, documents.c.doc_id == doc_actors.c.doc_id)
            .where(doc_actors.c.actor_id == actor_id, doc_actors.c.role.is_not(None))
        ):
            for role in r.role.split("; "):
                seen = roles.setdefault(
                    (role, r.org),
                    {"role": role, "org": r.org, "first_seen": None, "last_seen": None, "documents": 0},
                )
                seen["documents"] += 1
                if r.published:
                    day = r.published.isoformat()
                    seen["first_seen"] = min(filter(None, (seen["first_seen"], day)))
                    seen["last_seen"] = max(filter(None, (seen["last_seen"], day)))
        own = select(event_actors.c.event_id).where(event_actors.c.actor_id == actor_id)
        by_type = Counter(
            {
                r[0]: r[1]
                for r in conn.execute(
                    select(events.c.type, func.count())
                    .where(events.c.event_id.in_(own))
                    .group_by(events.c.type)
                )
            }
        )
        counterparts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for r in conn.execute(
            select(event_actors.c.event_id, event_actors.c.actor_id, event_actors.c.name).where(
                event_actors.c.event_id.in_(own), event_actors.c.actor_id != actor_id
            )
        ):
            counterparts[r.actor_id] += 1
            names[r.actor_id] = r.name
        return {
            "id": actor_id,
            "name": a["name"],
            "kind": a["kind"],
            "country": a["country"],
            "org": a["org"],
            "sector": a["sector"],
            "aliases": aliases,
            "roles": sorted(roles.values(), key=lambda r: (r["first_seen"] or "", r["role"])),
            "events": sum(by_type.values()),
            "events_by_type": dict(by_type.most_common()),
            "counterparts": [
                {"id": i, "name": names[i], "events": n} for i, n in counterparts.most_common(10)
            ],
        }


__all__ = ["ActorQueries"]
