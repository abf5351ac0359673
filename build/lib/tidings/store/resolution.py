"""Actor resolution on the write path: the actors each document names, resolved to canonical
actors through the actor index (loaded once per store, with the analysts' decisions), and the
canonical actors and aliases the index made or changed written back."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from ..kb import KnowledgeBase
from ..names import two_offices
from ..records import DocActor
from ..resolve import ActorEntry, ActorIndex, Decisions
from .schema import actor_aliases, actors, decisions, doc_actors
from .sql import chunks

Resolved = dict[tuple[str, str], ActorEntry]  # (doc id, local actor id) -> canonical actor
Local = dict[str, dict[str, DocActor]]  # doc id -> local actor id -> the actor as the document gives it


class Resolution:
    """The actor index of one store, kept between batches; `forget` it when a transaction that
    changed it is rolled back, or before resolving everything again."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._index: ActorIndex | None = None

    def forget(self) -> None:
        self._index = None

    def index(self, conn: Connection) -> ActorIndex:
        if self._index is None:
            rows = conn.execute(
                select(decisions.c.action, decisions.c.payload).order_by(decisions.c.decision_id)
            )
            index = ActorIndex(self.kb, Decisions.from_rows(rows))
            index.load(
                (
                    ActorEntry(r.actor_id, r.kind, r.name, r.country, r.org, r.sector)
                    for r in conn.execute(select(actors))
                ),
                (
                    (r.key, r.actor_id)
                    for r in conn.execute(select(actor_aliases.c.key, actor_aliases.c.actor_id))
                ),
            )
            self._index = index
        return self._index

    def resolve_documents(
        self, conn: Connection, index: ActorIndex, doc_ids: Sequence[str]
    ) -> tuple[Local, Resolved]:
        """The documents' actors, each resolved to a canonical actor (recorded in `doc_actors`)."""
        local: Local = defaultdict(dict)
        for chunk in chunks(list(doc_ids)):
            for r in conn.execute(select(doc_actors).where(doc_actors.c.doc_id.in_(chunk))):
                local[r.doc_id][r.local_id] = DocActor(
                    r.local_id,
                    r.kind,
                    r.name,
                    tuple(json.loads(r.names or "[]")),
                    r.org,
                    r.role,
                    r.country,
                    r.sector,
                )
        resolved = {}
        for doc in doc_ids:
            # one document's people are as many people as it tells apart ("President Aoun ...
            # and Commander Joseph Aoun"): the fullest names first, none taken twice
            people: list[tuple[str, str | None]] = []  # (canonical id, the role this text gives)
            for lid, d in sorted(local[doc].items(), key=lambda kv: -len(kv[1].name.split())):
                apart = frozenset(i for i, role in people if two_offices(role, d.role))
                entry = index.resolve(d, apart if d.kind == "person" else frozenset())
                resolved[(doc, lid)] = entry
                if d.kind == "person":
                    people.append((entry.id, d.role))
        if resolved:
            conn.execute(
                update(doc_actors)
                .where(doc_actors.c.doc_id == bindparam("d"), doc_actors.c.local_id == bindparam("l"))
                .values(actor_id=bindparam("a")),
                [{"d": d, "l": lid, "a": e.id} for (d, lid), e in resolved.items()],
            )
        return local, resolved

    def write_actors(self, conn: Connection, index: ActorIndex) -> None:
        """The canonical actors and aliases the index made or changed since it was last drained."""
        entries, aliases = index.drain()
        rows: list[dict[str, Any]] = [
            dict(actor_id=e.id, kind=e.kind, name=e.name, country=e.country, org=e.org, sector=e.sector)
            for e in entries
        ]
        new = [r for r in rows if r["actor_id"] not in index.persisted]
        old = [{**r, "id_": r["actor_id"]} for r in rows if r["actor_id"] in index.persisted]
        if new:
            conn.execute(insert(actors), new)
        if old:
            conn.execute(
                update(actors)
                .where(actors.c.actor_id == bindparam("id_"))
                .values(
                    kind=bindparam("kind"),
                    name=bindparam("name"),
                    country=bindparam("country"),
                    org=bindparam("org"),
                    sector=bindparam("sector"),
                ),
                old,
            )
        index.persisted |= {r["actor_id"] for r in new}
        if aliases:
            conn.execute(
                insert(actor_aliases), [{"key": k, "actor_id": i, "alias": a[:256]} for k, i, a in aliases]
            )


__all__ = ["Local", "Resolution", "Resolved"]
