"""The event store: SQLAlchemy Core over SQLite (WAL) by default; the schema uses only
portable types so the same tables run on PostgreSQL.

documents  one row per article (id = hash of its clean text)
failures   documents that could not be processed, with stage and reason
events     one row per event; reports link events to the documents that report them
event_actors  the sources and targets of each event, in the capacity they acted in
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (Column, Date, DateTime, Float, ForeignKey, Integer, MetaData, String,
                        Table, Text, create_engine, event, func, or_, select)
from sqlalchemy.engine import Engine

from .errors import NotFound, StoreError
from .kb import load_kb
from .records import Article, DocumentResult, EventMention, Failure

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("source_id", String(256)), Column("origin", Text, nullable=False),
    Column("url", Text), Column("outlet", String(256)), Column("published", Date),
    Column("title", Text), Column("author", String(256)), Column("language", String(8)),
    Column("text", Text, nullable=False), Column("meta", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
failures = Table(
    "failures", metadata,
    Column("failure_id", String(32), primary_key=True),
    Column("origin", Text, nullable=False), Column("source_id", String(256)),
    Column("stage", String(32), nullable=False), Column("reason", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)
events = Table(
    "events", metadata,
    Column("event_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True), Column("mode", String(32)),
    Column("cameo", String(8)), Column("date", Date, index=True),
    Column("date_precision", String(8), nullable=False), Column("date_basis", String(16)),
    Column("location", String(256)), Column("confidence", Float, nullable=False),
    Column("sort_date", Date, index=True),  # date, else the first report's publication date
)
reports = Table(
    "reports", metadata,
    Column("report_id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), nullable=False, index=True),
    Column("evidence", Text, nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("trigger", String(128)),
    Column("spans", Text),
)
event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(32), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("side", String(8), nullable=False), Column("position", Integer, nullable=False),
    Column("actor_id", String(256), nullable=False, index=True), Column("name", String(256)),
    Column("org", String(256), index=True), Column("role", String(256)),
    Column("country", String(8), index=True), Column("sector", String(8)),
)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine_for(db: str) -> Engine:
    """An engine for a path (SQLite) or a full SQLAlchemy URL."""
    url = db if "://" in db else f"sqlite:///{Path(db).expanduser()}"
    try:
        engine = create_engine(url)
    except Exception as e:  # bad URL or missing driver
        raise StoreError(f"cannot open store {db!r}: {e}") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """Reads and writes events; every method is one transaction."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.engine = engine_for(db)
        metadata.create_all(self.engine)

    # writing -------------------------------------------------------------
    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.doc_id).where(documents.c.doc_id.in_(ids)))
            return {r[0] for r in rows}

    def add_results(self, results: Iterable[DocumentResult]) -> None:
        """Store a batch of results in one transaction (documents, events, failures)."""
        now = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            for result in results:
                if result.failure is not None:
                    self._add_failure(conn, result.failure, now)
                if result.article is not None and result.failure is None:
                    self._add_article(conn, result.article, result.events, now)

    def add_failures(self, items: Iterable[Failure]) -> None:
        now = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            for f in items:
                self._add_failure(conn, f, now)

    def _add_failure(self, conn: Any, f: Failure, now: datetime) -> None:
        exists = conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == f.key)).first()
        if exists is None:
            conn.execute(failures.insert().values(failure_id=f.key, origin=f.origin, source_id=f.source_id,
                                                  stage=f.stage, reason=f.reason, recorded_at=now))

    def _add_article(self, conn: Any, a: Article, mentions: tuple[EventMention, ...], now: datetime) -> None:
        if conn.execute(select(documents.c.doc_id).where(documents.c.doc_id == a.doc_id)).first():
            return
        conn.execute(documents.insert().values(
            doc_id=a.doc_id, source_id=a.source_id, origin=a.origin, url=a.url, outlet=a.outlet,
            published=a.published, title=a.title, author=a.author, language=a.language,
            text=a.text, meta=json.dumps(a.meta, default=str), ingested_at=now))
        for m in mentions:
            event_id = m.id
            if conn.execute(select(events.c.event_id).where(events.c.event_id == event_id)).first():
                continue
            conn.execute(events.insert().values(
                event_id=event_id, type=m.type, mode=m.mode, cameo=m.as_dict()["cameo"], date=m.date,
                date_precision=m.date_precision, date_basis=m.date_basis, location=m.location,
                confidence=m.confidence, sort_date=m.date or a.published))
            conn.execute(reports.insert().values(
                event_id=event_id, doc_id=a.doc_id, evidence=m.evidence, start=m.start, end=m.end,
                trigger=m.trigger, spans=json.dumps(m.as_dict()["spans"])))
            rows = [dict(event_id=event_id, side=side, position=i, **actor.as_dict())
                    for side, group in (("source", m.sources), ("target", m.targets))
                    for i, actor in enumerate(group)]
            for row in rows:
                row["actor_id"] = row.pop("id")
            if rows:
                conn.execute(event_actors.insert(), rows)

    # reading -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for name, t in (("documents", documents), ("events", events),
                                    ("reports", reports), ("failures", failures))}

    def list_failures(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(failures).order_by(failures.c.recorded_at, failures.c.origin))
            return [dict(r._mapping) for r in rows]

    def query_events(self, actor: str | None = None, dyad: tuple[str, str] | None = None,
                     type: str | None = None, since: date | None = None,
                     until: date | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Events as output records, oldest first, filtered by actor, dyad, type and dates."""
        q = select(events.c.event_id)
        if actor:
            q = q.where(events.c.event_id.in_(self._events_with(actor)))
        if dyad:
            a, b = dyad
            q = q.where(events.c.event_id.in_(self._events_with(a)), events.c.event_id.in_(self._events_with(b)))
        if type:
            q = q.where(events.c.type == type.upper())
        if since:
            q = q.where(events.c.sort_date >= since)
        if until:
            q = q.where(events.c.sort_date <= until)
        q = q.order_by(events.c.sort_date.is_(None), events.c.sort_date, events.c.event_id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(q)]
            return [self._record(conn, i) for i in ids]

    def _events_with(self, name: str) -> Any:
        keys = actor_keys(name)
        cond = or_(event_actors.c.actor_id.in_(keys), event_actors.c.org.in_(keys),
                   event_actors.c.country.in_(keys), func.lower(event_actors.c.name) == name.lower())
        return select(event_actors.c.event_id).where(cond)

    def event(self, event_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            found = conn.execute(select(events.c.event_id).where(events.c.event_id.like(f"{event_id}%"))).all()
            if len(found) != 1:
                raise NotFound(f"no event with id {event_id!r}; list ids with `tidings events`"
                               if not found else f"{len(found)} events start with {event_id!r}; give more characters")
            return self._record(conn, found[0][0])

    def _record(self, conn: Any, event_id: str) -> dict[str, Any]:
        e = conn.execute(select(events).where(events.c.event_id == event_id)).one()._mapping
        actors = conn.execute(select(event_actors).where(event_actors.c.event_id == event_id)
                              .order_by(event_actors.c.side, event_actors.c.position)).all()
        reps = conn.execute(select(reports, documents.c.source_id, documents.c.url, documents.c.outlet,
                                   documents.c.published, documents.c.title)
                            .join(documents, documents.c.doc_id == reports.c.doc_id)
                            .where(reports.c.event_id == event_id).order_by(documents.c.published)).all()

        def actor(row: Any) -> dict[str, Any]:
            m = row._mapping
            return {"id": m["actor_id"], "name": m["name"], "org": m["org"], "role": m["role"],
                    "country": m["country"], "sector": m["sector"]}

        return {
            "id": e["event_id"], "type": e["type"], "mode": e["mode"], "cameo": e["cameo"],
            "date": _iso(e["date"]), "date_precision": e["date_precision"], "date_basis": e["date_basis"],
            "sources": [actor(r) for r in actors if r._mapping["side"] == "source"],
            "targets": [actor(r) for r in actors if r._mapping["side"] == "target"],
            "location": e["location"], "confidence": e["confidence"],
            "reports": [{"doc_id": r._mapping["doc_id"], "source_id": r._mapping["source_id"],
                         "url": r._mapping["url"], "outlet": r._mapping["outlet"],
                         "published": _iso(r._mapping["published"]), "title": r._mapping["title"],
                         "evidence": r._mapping["evidence"], "start": r._mapping["start"],
                         "end": r._mapping["end"], "trigger": r._mapping["trigger"],
                         "spans": json.loads(r._mapping["spans"] or "[]")} for r in reps],
        }

    def iter_all(self) -> Iterator[dict[str, Any]]:
        yield from self.query_events()


def actor_keys(name: str) -> list[str]:
    """What a user may mean by a name: an organisation id, a country code, a person id."""
    from .actors import person_id  # noqa: PLC0415

    kb = load_kb()
    keys = {name, name.upper(), person_id(name)}
    org = kb.org(name)
    if org is not None:
        keys.add(org.id)
    country = kb.country(name)
    if country:
        keys.add(country)
    return sorted(keys)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["Store", "actor_keys"]
