"""Analysts' corrections and rebuilding: a decision (merge, split, rename) is recorded and the
store resolved again so it takes effect; `rebuild` resolves every actor and merges every mention
again from the stored mentions, in ingestion order."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from ..errors import NotFound
from ..kb import KnowledgeBase
from ..resolve import Decisions
from .resolution import Resolution
from .schema import DERIVED, actors, decisions, doc_actors, documents, mentions
from .write import derive


class Corrections:
    """Decisions and rebuilding over one store."""

    def __init__(self, engine: Engine, kb: KnowledgeBase, resolution: Resolution) -> None:
        self.engine, self.kb, self.resolution = engine, kb, resolution

    def decide(self, action: str, payload: dict[str, Any]) -> None:
        """Record an analyst's decision and re-resolve the store so it takes effect."""
        Decisions().add(action, payload)  # validates
        with self.engine.begin() as conn:
            if action == "merge" and "entry" not in payload:  # so the target exists on any re-run
                row = conn.execute(select(actors).where(actors.c.actor_id == payload["into"])).first()
                if row is None:
                    raise NotFound(f"no actor with id {payload['into']!r}")
                payload = {
                    **payload,
                    "entry": {k: row._mapping[k] for k in ("kind", "name", "country", "org", "sector")},
                }
            conn.execute(
                decisions.insert().values(
                    action=action, payload=json.dumps(payload), made_at=datetime.now(UTC)
                )
            )
        self.rebuild()

    def list_decisions(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [
                {
                    "id": r.decision_id,
                    "action": r.action,
                    **json.loads(r.payload),
                    "made_at": r.made_at.isoformat(),
                }
                for r in conn.execute(select(decisions).order_by(decisions.c.decision_id))
            ]

    def rebuild(self, batch: int = 200) -> None:
        """Resolve every actor and merge every mention again, in ingestion order, applying
        every decision. Event ids are those of each event's first mention, so they survive."""
        self.resolution.forget()
        try:
            with self.engine.begin() as conn:
                for table in DERIVED:
                    conn.execute(delete(table))
                conn.execute(update(mentions).values(event_id=None, merge_note=None))
                conn.execute(update(doc_actors).values(actor_id=None))
                ids = [r[0] for r in conn.execute(select(documents.c.doc_id).order_by(documents.c.seq))]
                for i in range(0, len(ids), batch):
                    derive(conn, self.resolution, self.kb, ids[i : i + batch])
        except Exception:
            self.resolution.forget()
            raise


__all__ = ["Corrections"]
