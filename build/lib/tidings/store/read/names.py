"""Which canonical actors a user may mean by a name, an acronym, a country code or an id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from ...kb import KnowledgeBase, load_kb
from ...names import org_key, person_key
from ...resolve import Decisions
from ..schema import actor_aliases, actors, decisions, event_actors
from ..sql import chunks


def actor_keys(name: str, kb: KnowledgeBase | None = None) -> set[str]:
    """The ids and alias keys a user may mean by a name: an organisation id, a country code,
    a person's name or short name, an organisation's name."""
    kb = kb or load_kb()
    keys = {name, name.upper(), f"name:{name.lower()}"}
    org = kb.org(name)
    if org is not None:
        keys.add(org.id)
    country = kb.country(name)
    if country:
        keys.add(country)
    pkey = person_key(name, kb)
    if pkey:
        keys |= {f"person:{pkey}", "person:" + pkey.replace(" ", "-")}
        if len(pkey.split()) == 1:
            keys.add(f"short:{pkey}")
    okey = org_key(name, kb)
    if okey:
        keys.add(f"org:{okey}")
    return keys


def actor_ids(conn: Connection, name: str, kb: KnowledgeBase) -> list[str]:
    """Every canonical actor a user may mean by a name, acronym, code or id."""
    keys = actor_keys(name, kb)
    ids: set[str] = set()
    for chunk in chunks(sorted(keys)):
        ids |= {
            r[0] for r in conn.execute(select(actor_aliases.c.actor_id).where(actor_aliases.c.key.in_(chunk)))
        }
        ids |= {r[0] for r in conn.execute(select(actors.c.actor_id).where(actors.c.actor_id.in_(chunk)))}
    if not ids:  # an id that a merge retired leads to the actor it was merged into
        made = Decisions.from_rows(
            (r.action, r.payload)
            for r in conn.execute(
                select(decisions.c.action, decisions.c.payload).order_by(decisions.c.decision_id)
            )
        )
        ids = {made.follow(k) for k in keys}
    return sorted(ids | {k for k in keys if ":" not in k})


def events_with(conn: Connection, name: str, kb: KnowledgeBase) -> Any:
    """A query of the ids of the events an actor a name may mean takes part in (as an actor, its
    organisation or its country)."""
    ids = actor_ids(conn, name, kb)
    cond = or_(event_actors.c.actor_id.in_(ids), event_actors.c.org.in_(ids), event_actors.c.country.in_(ids))
    return select(event_actors.c.event_id).where(cond)


__all__ = ["actor_ids", "actor_keys", "events_with"]
