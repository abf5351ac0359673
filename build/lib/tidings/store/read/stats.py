"""Figures over a whole store: counts of what it holds, the failures it recorded, and the
workbench's summaries for charts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import String, func, select
from sqlalchemy.engine import Engine

from ..schema import actors, documents, event_actors, events, failures, mentions
from ..sql import iso
from .records import event_record


class StoreFigures:
    """Counts, failures and summaries of one store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {
                name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in (
                    ("documents", documents),
                    ("events", events),
                    ("mentions", mentions),
                    ("actors", actors),
                    ("failures", failures),
                )
            }
            out["wire_copies"] = conn.execute(
                select(func.count()).select_from(documents).where(documents.c.copy_of.is_not(None))
            ).scalar_one()
            return out

    def list_failures(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(failures).order_by(failures.c.recorded_at, failures.c.origin))
            return [dict(r._mapping) for r in rows]

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Figures for charts: documents, outlets, events by type and month, date range,
        busiest dyads, latest events."""
        with self.engine.connect() as conn:
            by_type = {
                t: n
                for t, n in conn.execute(
                    select(events.c.type, func.count()).group_by(events.c.type).order_by(func.count().desc())
                )
            }
            first, last = conn.execute(
                select(func.min(events.c.sort_date), func.max(events.c.sort_date))
            ).one()
            month = func.substr(func.cast(events.c.sort_date, String), 1, 7)
            by_month = {
                m: n
                for m, n in conn.execute(
                    select(month, func.count())
                    .where(events.c.sort_date.is_not(None))
                    .group_by(month)
                    .order_by(month)
                )
            }
            outlets = {
                o: n
                for o, n in conn.execute(
                    select(documents.c.outlet, func.count())
                    .where(documents.c.outlet.is_not(None))
                    .group_by(documents.c.outlet)
                    .order_by(func.count().desc())
                )
            }
            src, tgt = event_actors.alias("s"), event_actors.alias("t")
            pairs: Counter[tuple[str, str]] = Counter()
            names: dict[str, str] = {}
            for _event, a, an, b, bn in conn.execute(
                select(src.c.event_id, src.c.actor_id, src.c.name, tgt.c.actor_id, tgt.c.name)
                .join(tgt, (tgt.c.event_id == src.c.event_id) & (tgt.c.side == "target"))
                .where(src.c.side == "source", src.c.actor_id != tgt.c.actor_id)
                .distinct()
            ):
                key = (a, b) if a <= b else (b, a)
                pairs[key] += 1
                names[a], names[b] = an, bn
            latest = [
                r[0]
                for r in conn.execute(
                    select(events.c.event_id)
                    .where(events.c.sort_date.is_not(None))
                    .order_by(events.c.sort_date.desc(), events.c.event_id)
                    .limit(top)
                )
            ]
            counts = self.counts()
            return {
                "documents": counts["documents"],
                "events": counts["events"],
                "mentions": counts["mentions"],
                "actors": counts["actors"],
                "failures": counts["failures"],
                "wire_copies": counts["wire_copies"],
                "outlets": outlets,
                "events_by_type": by_type,
                "events_by_month": by_month,
                "first_date": iso(first),
                "last_date": iso(last),
                "busiest_dyads": [
                    {"a": {"id": a, "name": names[a]}, "b": {"id": b, "name": names[b]}, "events": n}
                    for (a, b), n in pairs.most_common(top)
                ],
                "latest": [event_record(conn, i) for i in latest],
            }


__all__ = ["StoreFigures"]
