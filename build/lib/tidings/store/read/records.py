"""An event as the output record every reader gives (the CLI, the API, the web pages, the
exports): its type, date, place and actors, each report with the sentences that tell it, and the
evidence that tells most of it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..schema import documents, event_actors, events, mentions
from ..sql import iso


def event_record(conn: Connection, event_id: str) -> dict[str, Any]:
    """An event as an output record: its actors, its reports (one per document, with the
    mentions of it), and the evidence that tells most of it."""
    e = conn.execute(select(events).where(events.c.event_id == event_id)).one()._mapping
    rows = conn.execute(
        select(event_actors)
        .where(event_actors.c.event_id == event_id)
        .order_by(event_actors.c.side, event_actors.c.position)
    ).all()
    ms = conn.execute(
        select(
            mentions,
            documents.c.source_id,
            documents.c.url,
            documents.c.outlet,
            documents.c.published,
            documents.c.title,
            documents.c.copy_of,
            documents.c.seq,
        )
        .join(documents, documents.c.doc_id == mentions.c.doc_id)
        .where(mentions.c.event_id == event_id)
        .order_by(documents.c.published, documents.c.seq, mentions.c.start)
    ).all()

    def actor(row: Any) -> dict[str, Any]:
        m = row._mapping
        return {
            "id": m["actor_id"],
            "name": m["name"],
            "org": m["org"],
            "role": m["role"],
            "country": m["country"],
            "sector": m["sector"],
        }

    reports: dict[str, dict[str, Any]] = {}
    for r in ms:
        m = r._mapping
        said = {
            "mention_id": m["mention_id"],
            "evidence": m["evidence"],
            "start": m["start"],
            "end": m["end"],
            "trigger": m["trigger"],
            "spans": json.loads(m["spans"] or "[]"),
            "why": m["merge_note"],
        }
        if m["doc_id"] not in reports:
            reports[m["doc_id"]] = {
                "doc_id": m["doc_id"],
                "source_id": m["source_id"],
                "url": m["url"],
                "outlet": m["outlet"],
                "published": iso(m["published"]),
                "title": m["title"],
                "copy_of": m["copy_of"],
                **said,
                "mentions": [],
            }
        reports[m["doc_id"]]["mentions"].append(said)
    return {
        "id": e["event_id"],
        "type": e["type"],
        "mode": e["mode"],
        "cameo": e["cameo"],
        "date": iso(e["date"]),
        "date_precision": e["date_precision"],
        "date_basis": e["date_basis"],
        "sources": [actor(r) for r in rows if r._mapping["side"] == "source"],
        "targets": [actor(r) for r in rows if r._mapping["side"] == "target"],
        "location": e["location"],
        "confidence": e["confidence"],
        "independent_sources": e["independent_sources"],
        "background": bool(e["background"]),
        "within": e["within"],
        "evidence": best_evidence(reports.values()),
        "reports": list(reports.values()),
    }


def event_day(record: dict[str, Any]) -> str | None:
    """Where an event record sits on a timeline: its date, else its first report's publication date."""
    reports = record.get("reports") or []
    return record.get("date") or (reports[0]["published"] if reports else None)


def best_evidence(reports: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The sentence that tells most of an event: one with a date in it, with actors on both
    sides, the most confident, then the first."""
    said = [(r, m) for r in reports for m in r["mentions"]]
    if not said:
        return None

    def rank(item: tuple[dict[str, Any], dict[str, Any]]) -> tuple:
        labels = {s["label"] for s in item[1]["spans"]}
        return ("source" in labels and "target" in labels, len(item[1]["evidence"]) > 60, -said.index(item))

    report, mention = max(said, key=rank)
    return {
        "doc_id": report["doc_id"],
        "outlet": report["outlet"],
        "mention_id": mention["mention_id"],
        "evidence": mention["evidence"],
        "spans": mention["spans"],
        "trigger": mention["trigger"],
    }


__all__ = ["best_evidence", "event_day", "event_record"]
