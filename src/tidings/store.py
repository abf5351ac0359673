"""The event store: SQLAlchemy Core over SQLite (WAL) by default; the schema uses only
portable types so the same tables run on PostgreSQL.

documents     one row per article (id = hash of its clean text); `copy_of` names the first
              document of its wire-copy group
doc_bands     MinHash bands of each document's text, to find wire copies
failures      documents that could not be processed, with stage and reason
doc_actors    each document's actors as the text gives them, and the canonical actor each
              resolves to
mentions      one row per coded sentence: what one report says, and the event it belongs to
events        one row per real-world occurrence, merged from its mentions
event_actors  the canonical sources and targets of each event
event_keys    blocking keys (type and actor identity by day) to find events to merge into
actors, actor_aliases   canonical actors and the names that lead to them
decisions     analysts' corrections to actor resolution (merge, split, rename)
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, bindparam, create_engine, delete, event, func, insert, or_, select,
                        text, update)
from sqlalchemy.engine import Connection, Engine

from . import copies, dates
from .errors import NotFound, StoreError, StoreWriteError
from .kb import KnowledgeBase, load_kb, norm
from .merge import UNDATED, WINDOW, Merger, Occurrence, Who
from .names import org_key, person_key
from .records import Actor, DocActor, DocumentResult, Failure, content_hash
from .resolve import ActorEntry, ActorIndex, Decisions

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # ingestion order
    Column("source_id", String(256)), Column("origin", Text, nullable=False),
    Column("url", Text), Column("outlet", String(256)), Column("published", Date),
    Column("title", Text), Column("author", String(256)), Column("language", String(8)),
    Column("text", Text, nullable=False), Column("meta", Text),
    Column("copy_of", String(32), index=True), Column("copy_share", Float),
    Column("input_key", String(32), index=True),  # hash of the raw input: resuming skips it unread
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
doc_bands = Table(
    "doc_bands", metadata,
    Column("band", String(32), nullable=False, index=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), nullable=False),
)
failures = Table(
    "failures", metadata,
    Column("failure_id", String(32), primary_key=True),
    Column("origin", Text, nullable=False), Column("source_id", String(256)),
    Column("stage", String(32), nullable=False), Column("reason", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)
doc_actors = Table(
    "doc_actors", metadata,
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), primary_key=True),
    Column("local_id", String(256), primary_key=True),
    Column("kind", String(16), nullable=False), Column("name", String(256), nullable=False),
    Column("names", Text), Column("org", String(256)), Column("role", String(256)),
    Column("country", String(8)), Column("sector", String(8)),
    Column("actor_id", String(256), index=True),
)
mentions = Table(
    "mentions", metadata,
    Column("mention_id", String(32), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), nullable=False, index=True),
    Column("event_id", String(32), index=True),
    Column("type", String(16), nullable=False), Column("mode", String(32)), Column("cameo", String(8)),
    Column("date", Date), Column("date_precision", String(8), nullable=False),
    Column("date_basis", String(16)), Column("location", String(256)),
    Column("confidence", Float, nullable=False),
    Column("evidence", Text, nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("trigger", String(128)), Column("spans", Text),
    Column("sources", Text, nullable=False), Column("targets", Text, nullable=False),
    Column("merge_note", Text),
    Column("background", Boolean, nullable=False, default=False),
    Column("within", String(32)),  # mention id of the meeting (same document) this statement was made at
)
events = Table(
    "events", metadata,
    Column("event_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True), Column("mode", String(32)),
    Column("cameo", String(8)), Column("date", Date, index=True),
    Column("date_precision", String(8), nullable=False), Column("date_basis", String(16)),
    Column("location", String(256)), Column("confidence", Float, nullable=False),
    Column("sort_date", Date, index=True),  # date, else the first report's publication date
    Column("reports", Integer, nullable=False, default=1),
    Column("independent_sources", Integer, nullable=False, default=1),
    Column("background", Boolean, nullable=False, default=False),  # every report tells it as history
    Column("within", String(32), index=True),  # event id of the meeting it was said at
)
event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(32), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("side", String(8), nullable=False), Column("position", Integer, nullable=False),
    Column("actor_id", String(256), nullable=False, index=True), Column("name", String(256)),
    Column("org", String(256), index=True), Column("role", String(256)),
    Column("country", String(8), index=True), Column("sector", String(8)),
)
event_keys = Table(
    "event_keys", metadata,
    Column("key", String(300), nullable=False), Column("day", Date, nullable=False),
    Column("event_id", String(32), nullable=False, index=True),
    Index("ix_event_keys_key_day", "key", "day"),
)
actors = Table(
    "actors", metadata,
    Column("actor_id", String(256), primary_key=True),
    Column("kind", String(16), nullable=False), Column("name", String(256), nullable=False),
    Column("country", String(8)), Column("org", String(256)), Column("sector", String(8)),
)
actor_aliases = Table(
    "actor_aliases", metadata,
    Column("key", String(300), primary_key=True), Column("actor_id", String(256), primary_key=True),
    Column("alias", String(256), nullable=False),
    Index("ix_actor_aliases_actor", "actor_id"),
)
decisions = Table(
    "decisions", metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False), Column("payload", Text, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
)
DERIVED = (event_keys, event_actors, events, actor_aliases, actors)  # rebuilt from mentions by `rebuild`
CHUNK = 400  # ids per IN (...) query
# an event's date: the report that says it best (a date in the text before a dispatch's own)
BASIS_RANK = {"explicit": 0, "relative": 1, "inherited": 2, "dispatch": 3}


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache: indexes of a large store stay in memory
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine_for(db: str) -> Engine:
    """An engine for a path (SQLite) or a full SQLAlchemy URL."""
    url = db if "://" in db else f"sqlite:///{Path(db).expanduser()}"
    if url.startswith(("postgresql://", "postgres://")):  # psycopg 3 is the driver tidings installs
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        engine = create_engine(url)
    except Exception as e:  # bad URL or missing driver
        raise StoreError(f"cannot open store {db!r}: {e}") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine



class Store:
    """Reads and writes documents, events and actors; every public method is one transaction."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.engine = engine_for(db)
        self.kb = load_kb()
        self._index: ActorIndex | None = None
        try:
            metadata.create_all(self.engine)
        except Exception as e:
            if (problem := unwritable(db, e)) is not None:
                raise problem from e
            raise StoreError(f"cannot create the tables of {db!r}: {e}. A store written by an older "
                             f"tidings needs re-ingesting into a new file.") from e
        self._check_schema()
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite":
                conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
                                  "kind UNINDEXED, ref UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"))
            elif self.engine.dialect.name == "postgresql":  # PostgreSQL's own text search, indexed
                conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents "
                                  "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"))
                conn.execute(text("CREATE INDEX IF NOT EXISTS ix_mentions_fts ON mentions "
                                  "USING gin (to_tsvector('simple', evidence))"))

    def _check_schema(self) -> None:
        from sqlalchemy import inspect  # noqa: PLC0415

        have = {c["name"] for c in inspect(self.engine).get_columns("documents")}
        if "seq" not in have:
            raise StoreError(f"{self.db!r} was written by an older tidings (no actor resolution or merging); "
                             f"ingest the corpus again into a new store")
        for table in (mentions, events):  # columns added since: background and within
            cols = {c["name"] for c in inspect(self.engine).get_columns(table.name)}
            with self.engine.begin() as conn:
                if "background" not in cols:
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN background BOOLEAN NOT NULL DEFAULT FALSE"))
                if "within" not in cols:
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN within VARCHAR(32)"))

    # writing -------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One write transaction; a full disk, a read-only or a busy store raise StoreWriteError
        (the transaction is rolled back: the store keeps what was committed before)."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except Exception as e:
            if (problem := unwritable(self.db, e)) is not None:
                raise problem from e
            raise

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                found |= {r[0] for r in conn.execute(select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk)))}
        return found

    def known_inputs(self, keys: Iterable[str]) -> set[str]:
        """The raw-input hashes (RawDocument.key) already stored."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(keys)):
                found |= {r[0] for r in conn.execute(select(documents.c.input_key)
                                                     .where(documents.c.input_key.in_(chunk)))}
        return found

    def add_results(self, results: Iterable[DocumentResult]) -> set[str]:
        """Store a batch in one transaction: documents, failures, mentions; then resolve the
        batch's actors and merge its mentions into events. Returns the ids of the documents
        added (a document whose clean text is stored already is not added again)."""
        now = datetime.now(timezone.utc)
        try:
            with self._writing() as conn:
                rows = _BatchRows()
                results = list(results)
                self._stored_bands(conn, results, rows)
                for result in results:
                    if result.failure is not None:
                        self._add_failure(conn, result.failure, now)
                    elif result.article is not None:
                        self._add_article(conn, result, now, rows)
                for table, values in ((documents, rows.documents), (doc_bands, rows.bands),
                                      (doc_actors, rows.actors), (mentions, rows.mentions)):
                    if values:
                        conn.execute(insert(table), values)
                self._index_text(conn, rows)
                self._resolve_and_merge(conn, [d["doc_id"] for d in rows.documents])
            return set(rows.added)
        except Exception:
            self._index = None  # the in-memory index may hold what was rolled back
            raise

    def add_failures(self, items: Iterable[Failure]) -> None:
        now = datetime.now(timezone.utc)
        with self._writing() as conn:
            for f in items:
                self._add_failure(conn, f, now)

    def _add_failure(self, conn: Connection, f: Failure, now: datetime) -> None:
        exists = conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == f.key)).first()
        if exists is None:
            conn.execute(failures.insert().values(failure_id=f.key, origin=f.origin, source_id=f.source_id,
                                                  stage=f.stage, reason=f.reason, recorded_at=now))

    def _add_article(self, conn: Connection, result: DocumentResult, now: datetime, rows: _BatchRows) -> None:
        a = result.article
        assert a is not None
        if a.doc_id in rows.added or conn.execute(select(documents.c.doc_id).where(documents.c.doc_id == a.doc_id)).first():
            return
        if rows.seq is None:
            rows.seq = conn.execute(select(func.max(documents.c.seq))).scalar() or 0
        rows.seq += 1
        band_keys = rows.grams.get(a.doc_id, [])
        match = self._find_copy(conn, a.text, band_keys, rows)
        rows.documents.append(dict(
            doc_id=a.doc_id, seq=rows.seq, source_id=a.source_id, origin=a.origin, url=a.url, outlet=a.outlet,
            published=a.published, title=a.title, author=a.author, language=a.language,
            text=a.text, meta=json.dumps(a.meta, default=str), ingested_at=now, input_key=a.input_key,
            copy_of=match.root if match else None, copy_share=round(match.containment, 3) if match else None))
        rows.texts[a.doc_id] = (match.root if match else None, a.text)
        rows.added.add(a.doc_id)
        for b in band_keys:
            rows.bands.append({"band": b, "doc_id": a.doc_id})
            rows.by_band.setdefault(b, []).append(a.doc_id)
        used = {actor.id for m in result.events for actor in (*m.sources, *m.targets)}
        used |= {actor.org for m in result.events for actor in (*m.sources, *m.targets) if actor.org}
        rows.actors += [dict(doc_id=a.doc_id, local_id=d.id, kind=d.kind, name=d.name, names=json.dumps(d.names),
                             org=d.org, role=d.role, country=d.country, sector=d.sector)
                        for d in result.actors if d.id in used]
        seen: set[str] = set()
        for m in result.events:
            mention_id = content_hash(f"{a.doc_id}\x00{m.id}")  # a wire copy repeats the sentence, not the id
            within = content_hash(f"{a.doc_id}\x00{m.within}") if m.within else None
            if mention_id in seen:
                continue
            seen.add(mention_id)
            d = m.as_dict()
            rows.mentions.append(dict(
                mention_id=mention_id, doc_id=a.doc_id, event_id=None, type=m.type, mode=m.mode, cameo=d["cameo"],
                date=m.date, date_precision=m.date_precision, date_basis=m.date_basis, location=m.location,
                confidence=m.confidence, evidence=m.evidence, start=m.start, end=m.end, trigger=m.trigger,
                spans=json.dumps(d["spans"]), sources=json.dumps(d["sources"]), targets=json.dumps(d["targets"]),
                merge_note=None, background=m.background, within=within))

    def _index_text(self, conn: Connection, rows: _BatchRows) -> None:
        """Articles and evidence sentences into the full-text index (SQLite FTS5)."""
        if self.engine.dialect.name != "sqlite":
            return
        entries = [{"k": "article", "r": d["doc_id"], "t": d["title"] or "", "b": d["text"]} for d in rows.documents]
        entries += [{"k": "mention", "r": m["mention_id"], "t": "", "b": m["evidence"]} for m in rows.mentions]
        if entries:
            conn.execute(text("INSERT INTO search_index (kind, ref, title, body) VALUES (:k, :r, :t, :b)"), entries)

    def _stored_bands(self, conn: Connection, results: list[DocumentResult], rows: _BatchRows) -> None:
        """The stored documents that share a MinHash band with any document of the batch."""
        for r in results:
            if r.article is not None and r.failure is None:
                rows.grams[r.article.doc_id] = (list(r.bands) if r.bands is not None
                                                else copies.bands(copies.shingles(r.article.text)))
        keys = sorted({b for bands in rows.grams.values() for b in bands})
        for chunk in _chunks(keys):
            for band, doc_id in conn.execute(select(doc_bands.c.band, doc_bands.c.doc_id)
                                             .where(doc_bands.c.band.in_(chunk))):
                rows.by_band.setdefault(band, []).append(doc_id)

    def _find_copy(self, conn: Connection, text: str, band_keys: list[str],
                   rows: _BatchRows) -> copies.CopyMatch | None:
        shared = Counter(d for b in band_keys for d in rows.by_band.get(b, ()))
        ids = [d for d, n in shared.most_common(20) if n >= copies.MIN_BANDS]
        missing = [d for d in ids if d not in rows.texts]
        if missing:
            for r in conn.execute(select(documents.c.doc_id, documents.c.copy_of, documents.c.text)
                                  .where(documents.c.doc_id.in_(missing))):
                rows.texts[r.doc_id] = (r.copy_of, r.text)
        found = [(d, *rows.texts[d]) for d in ids]
        return copies.best_copy(text, found) if found else None

    # actor resolution and merging -----------------------------------------
    def _actor_index(self, conn: Connection) -> ActorIndex:
        if self._index is None:
            rows = conn.execute(select(decisions.c.action, decisions.c.payload).order_by(decisions.c.decision_id))
            index = ActorIndex(self.kb, Decisions.from_rows(rows))
            index.load((ActorEntry(r.actor_id, r.kind, r.name, r.country, r.org, r.sector)
                        for r in conn.execute(select(actors))),
                       ((r.key, r.actor_id) for r in conn.execute(select(actor_aliases.c.key, actor_aliases.c.actor_id))))
            self._index = index
        return self._index

    def _resolve_and_merge(self, conn: Connection, doc_ids: Sequence[str]) -> None:
        """Resolve the actors of these documents and merge their mentions into events."""
        if not doc_ids:
            return
        index = self._actor_index(conn)
        local: dict[str, dict[str, DocActor]] = defaultdict(dict)
        for chunk in _chunks(list(doc_ids)):
            for r in conn.execute(select(doc_actors).where(doc_actors.c.doc_id.in_(chunk))):
                local[r.doc_id][r.local_id] = DocActor(r.local_id, r.kind, r.name, tuple(json.loads(r.names or "[]")),
                                                       r.org, r.role, r.country, r.sector)
        resolved = {(doc, lid): index.resolve(d) for doc in doc_ids for lid, d in local[doc].items()}
        if resolved:
            conn.execute(update(doc_actors).where(doc_actors.c.doc_id == bindparam("d"),
                                                  doc_actors.c.local_id == bindparam("l"))
                         .values(actor_id=bindparam("a")),
                         [{"d": d, "l": lid, "a": e.id} for (d, lid), e in resolved.items()])

        docs = _rows_in(conn, documents, documents.c.doc_id, doc_ids,
                        columns=(documents.c.doc_id, documents.c.seq, documents.c.published))
        order = sorted(docs, key=lambda r: r.seq)
        found = _rows_in(conn, mentions, mentions.c.doc_id, doc_ids)
        by_doc: dict[str, list[Any]] = defaultdict(list)
        for r in found:
            by_doc[r.doc_id].append(r)
        pending: list[tuple[Any, Occurrence]] = []
        for d in order:
            for r in sorted(by_doc[d.doc_id], key=lambda r: (r.start, r.mention_id)):
                sides = []
                for side in (r.sources, r.targets):
                    whos: list[Who] = []
                    for raw in json.loads(side):
                        actor = Actor(**raw)
                        entry = resolved.get((r.doc_id, actor.id)) or index.resolve_event_actor(actor, local[r.doc_id])
                        if not any(w.id == entry.id for w in whos):
                            whos.append(Who(id=entry.id, name=entry.name, kind=entry.kind, org=entry.org or actor.org,
                                            country=entry.country or actor.country,
                                            sector=actor.sector or entry.sector, role=actor.role))
                    sides.append(whos)
                occ = Occurrence(r.mention_id, r.type, r.date, d.published, r.location, sides[0], sides[1],
                                 {r.doc_id}, _weekday(r.date or d.published, r.evidence))
                pending.append((r, occ))
        self._write_actors(conn, index)
        if not pending:
            return

        merger = Merger(self.kb)
        merger.add(self._candidates(conn, [o for _, o in pending]))
        touched: dict[str, Occurrence] = {}
        placed = []
        for r, occ in pending:
            event, note = merger.place(occ)
            touched[event.id] = event
            placed.append({"m": r.mention_id, "e": event.id, "n": note})
        conn.execute(update(mentions).where(mentions.c.mention_id == bindparam("m"))
                     .values(event_id=bindparam("e"), merge_note=bindparam("n")), placed)
        self._write_events(conn, touched)

    def _write_actors(self, conn: Connection, index: ActorIndex) -> None:
        entries, aliases = index.drain()
        rows = [dict(actor_id=e.id, kind=e.kind, name=e.name, country=e.country, org=e.org, sector=e.sector)
                for e in entries]
        new = [r for r in rows if r["actor_id"] not in index.persisted]
        old = [{**r, "id_": r["actor_id"]} for r in rows if r["actor_id"] in index.persisted]
        if new:
            conn.execute(insert(actors), new)
        if old:
            conn.execute(update(actors).where(actors.c.actor_id == bindparam("id_"))
                         .values(kind=bindparam("kind"), name=bindparam("name"), country=bindparam("country"),
                                 org=bindparam("org"), sector=bindparam("sector")), old)
        index.persisted |= {r["actor_id"] for r in new}
        if aliases:
            conn.execute(insert(actor_aliases), [{"key": k, "actor_id": i, "alias": a[:256]} for k, i, a in aliases])

    def _candidates(self, conn: Connection, pending: list[Occurrence]) -> list[Occurrence]:
        """Stored events that share a blocking key with a pending mention, near in time."""
        keys = sorted({k for o in pending if o.day is not None for k in o.keys()})
        days = [o.day for o in pending if o.day is not None]
        ids: set[str] = set()
        if keys and days:  # dated: near in time, or with no day at all
            lo, hi = min(days) - WINDOW, max(days) + WINDOW
            for chunk in _chunks(keys):
                ids |= {r[0] for r in conn.execute(select(event_keys.c.event_id).where(
                    event_keys.c.key.in_(chunk), event_keys.c.day.between(lo, hi) | (event_keys.c.day == UNDATED)))}
        people = sorted({k for o in pending if o.day is None for k in o.person_keys()})
        for chunk in _chunks(people):  # undated: the same people on any day
            ids |= {r[0] for r in conn.execute(select(event_keys.c.event_id).where(event_keys.c.key.in_(chunk)))}
        return self._occurrences(conn, sorted(ids))

    def _occurrences(self, conn: Connection, ids: list[str]) -> list[Occurrence]:
        if not ids:
            return []
        rows = _rows_in(conn, events, events.c.event_id, ids)
        who: dict[str, dict[str, list[Who]]] = defaultdict(lambda: {"source": [], "target": []})
        for r in sorted(_rows_in(conn, event_actors, event_actors.c.event_id, ids), key=lambda r: r.position):
            who[r.event_id][r.side].append(Who(id=r.actor_id, name=r.name or r.actor_id, org=r.org, role=r.role,
                                               country=r.country, sector=r.sector))
        actor_ids = sorted({w.id for sides in who.values() for ws in sides.values() for w in ws})
        found = {r.actor_id: r.kind for r in _rows_in(conn, actors, actors.c.actor_id, actor_ids,
                                                       columns=(actors.c.actor_id, actors.c.kind))}
        docs: dict[str, set[str]] = defaultdict(set)
        published: dict[str, date] = {}
        weekdays: dict[str, int] = {}
        for r in _rows_in(conn, mentions.join(documents, documents.c.doc_id == mentions.c.doc_id), mentions.c.event_id,
                          ids, columns=(mentions.c.event_id, mentions.c.doc_id, documents.c.published,
                                        mentions.c.date, mentions.c.evidence)):
            docs[r.event_id].add(r.doc_id)
            weekday = _weekday(r.date or r.published, r.evidence)
            if weekday is not None:
                weekdays.setdefault(r.event_id, weekday)
            if r.published and (r.event_id not in published or r.published < published[r.event_id]):
                published[r.event_id] = r.published
        out = []
        for r in rows:
            sides = {side: [replace(w, kind=found.get(w.id, "org")) for w in ws]
                     for side, ws in who[r.event_id].items()}
            out.append(Occurrence(r.event_id, r.type, r.date, published.get(r.event_id), r.location,
                                  sides["source"], sides["target"], docs[r.event_id], weekdays.get(r.event_id)))
        return out

    def _write_events(self, conn: Connection, touched: dict[str, Occurrence]) -> None:
        """(Re)write the touched events from all their mentions: date, place, counts, actors, keys."""
        ids = sorted(touched)
        ms: dict[str, list[Any]] = defaultdict(list)
        for r in _rows_in(conn, mentions.join(documents, documents.c.doc_id == mentions.c.doc_id), mentions.c.event_id,
                          ids, columns=(*mentions.c, documents.c.published, documents.c.outlet,
                                        documents.c.copy_of, documents.c.seq)):
            ms[r.event_id].append(r)
        existing = {r[0] for chunk in _chunks(ids)
                    for r in conn.execute(select(events.c.event_id).where(events.c.event_id.in_(chunk)))}
        for chunk in _chunks(ids):
            conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(chunk)))
            conn.execute(delete(event_keys).where(event_keys.c.event_id.in_(chunk)))
        actor_rows, key_rows, inserts, updates = [], [], [], []
        for event_id in ids:
            occ, rows = touched[event_id], sorted(ms[event_id], key=lambda r: (r.seq, r.start))
            first = next((r for r in rows if r.mention_id == event_id), rows[0])
            dated = sorted((r for r in rows if r.date), key=lambda r: ({"day": 0, "month": 1, "year": 2}.get(
                r.date_precision, 3), BASIS_RANK.get(r.date_basis, 4), r.seq))
            best = dated[0] if dated else first
            pubs = [r.published for r in rows if r.published]
            values = dict(type=first.type, mode=first.mode, cameo=first.cameo, date=best.date,
                          date_precision=best.date_precision, date_basis=best.date_basis,
                          location=next((r.location for r in rows if r.location), None),
                          confidence=max(r.confidence for r in rows),
                          sort_date=best.date or (min(pubs) if pubs else None),
                          reports=len({r.doc_id for r in rows}), independent_sources=_independent(rows),
                          background=all(r.background for r in rows),
                          within=_meeting_of(conn, rows, event_id))
            (updates if event_id in existing else inserts).append({"event_id": event_id, **values})
            for side, whos in (("source", occ.sources), ("target", occ.targets)):
                for i, w in enumerate(whos):
                    actor_rows.append(dict(event_id=event_id, side=side, position=i, actor_id=w.id, name=w.name,
                                           org=w.org, role=w.role, country=w.country, sector=w.sector))
            day = values["sort_date"] or UNDATED
            key_rows += [{"key": k, "day": day, "event_id": event_id} for k in occ.keys() | occ.person_keys()]
        if inserts:
            conn.execute(insert(events), inserts)
        if updates:
            fields = [c.name for c in events.c if c.name != "event_id"]
            conn.execute(update(events).where(events.c.event_id == bindparam("id_"))
                         .values({f: bindparam(f) for f in fields}),
                         [{**u, "id_": u.pop("event_id")} for u in updates])
        if actor_rows:
            conn.execute(insert(event_actors), actor_rows)
        if key_rows:
            conn.execute(insert(event_keys), key_rows)

    # corrections and rebuilding ----------------------------------------------
    def decide(self, action: str, payload: dict[str, Any]) -> None:
        """Record an analyst's decision and re-resolve the store so it takes effect."""
        Decisions().add(action, payload)  # validates
        with self.engine.begin() as conn:
            if action == "merge" and "entry" not in payload:  # so the target exists on any re-run
                row = conn.execute(select(actors).where(actors.c.actor_id == payload["into"])).first()
                if row is None:
                    raise NotFound(f"no actor with id {payload['into']!r}")
                payload = {**payload, "entry": {k: row._mapping[k] for k in ("kind", "name", "country", "org", "sector")}}
            conn.execute(decisions.insert().values(action=action, payload=json.dumps(payload),
                                                   made_at=datetime.now(timezone.utc)))
        self.rebuild()

    def list_decisions(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [{"id": r.decision_id, "action": r.action, **json.loads(r.payload), "made_at": r.made_at.isoformat()}
                    for r in conn.execute(select(decisions).order_by(decisions.c.decision_id))]

    def rebuild(self, batch: int = 200) -> dict[str, int]:
        """Resolve every actor and merge every mention again, in ingestion order, applying
        every decision. Event ids are those of each event's first mention, so they survive."""
        self._index = None
        try:
            with self.engine.begin() as conn:
                for table in DERIVED:
                    conn.execute(delete(table))
                conn.execute(update(mentions).values(event_id=None, merge_note=None))
                conn.execute(update(doc_actors).values(actor_id=None))
                ids = [r[0] for r in conn.execute(select(documents.c.doc_id).order_by(documents.c.seq))]
                for i in range(0, len(ids), batch):
                    self._resolve_and_merge(conn, ids[i:i + batch])
        except Exception:
            self._index = None
            raise
        return self.counts()

    # reading -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                   for name, t in (("documents", documents), ("events", events), ("mentions", mentions),
                                   ("actors", actors), ("failures", failures))}
            out["wire_copies"] = conn.execute(select(func.count()).select_from(documents)
                                              .where(documents.c.copy_of.is_not(None))).scalar_one()
            return out

    def list_failures(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(failures).order_by(failures.c.recorded_at, failures.c.origin))
            return [dict(r._mapping) for r in rows]

    def query_events(self, actor: str | None = None, dyad: tuple[str, str] | None = None,
                     type: str | None = None, since: date | None = None,
                     until: date | None = None, limit: int | None = None, offset: int = 0,
                     outlet: str | None = None, text: str | None = None, background: bool = True,
                     statements: bool = True) -> list[dict[str, Any]]:
        """Events as output records, oldest first, filtered by actor, dyad, type, dates,
        outlet and words of their evidence; without `background` history the articles mention
        in passing, without `statements` those made at a meeting (they are in its record)."""
        with self.engine.connect() as conn:
            q = self._filtered(conn, actor, dyad, type, since, until, outlet, text, background, statements)
            q = q.order_by(events.c.sort_date.is_(None), events.c.sort_date, events.c.event_id).offset(offset)
            if limit:
                q = q.limit(limit)
            ids = [r[0] for r in conn.execute(q)]
            return [self._record(conn, i) for i in ids]

    def count_events(self, actor: str | None = None, dyad: tuple[str, str] | None = None,
                     type: str | None = None, since: date | None = None, until: date | None = None,
                     outlet: str | None = None, text: str | None = None, background: bool = True,
                     statements: bool = True) -> int:
        with self.engine.connect() as conn:
            q = self._filtered(conn, actor, dyad, type, since, until, outlet, text, background, statements)
            return conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()

    def _filtered(self, conn: Connection, actor: str | None, dyad: tuple[str, str] | None, type: str | None,
                  since: date | None, until: date | None, outlet: str | None, text: str | None,
                  background: bool = True, statements: bool = True) -> Any:
        q = select(events.c.event_id)
        if not background:
            q = q.where(events.c.background.is_(False))
        if not statements:
            q = q.where(events.c.within.is_(None))
        if actor:
            q = q.where(events.c.event_id.in_(self._events_with(conn, actor)))
        if dyad:
            a, b = dyad
            q = q.where(events.c.event_id.in_(self._events_with(conn, a)),
                        events.c.event_id.in_(self._events_with(conn, b)))
        if type:
            q = q.where(events.c.type == type.upper())
        if since:
            q = q.where(events.c.sort_date >= since)
        if until:
            q = q.where(events.c.sort_date <= until)
        if outlet:
            q = q.where(events.c.event_id.in_(
                select(mentions.c.event_id).join(documents, documents.c.doc_id == mentions.c.doc_id)
                .where(func.lower(documents.c.outlet) == outlet.lower())))
        if text:
            q = q.where(events.c.event_id.in_(select(mentions.c.event_id).where(
                func.lower(mentions.c.evidence).contains(text.lower(), autoescape=True))))
        return q

    # the workbench's summaries ---------------------------------------------
    def stats(self, top: int = 10) -> dict[str, Any]:
        """Figures for charts: documents, outlets, events by type and month, date range,
        busiest dyads, latest events."""
        with self.engine.connect() as conn:
            by_type = {t: n for t, n in conn.execute(select(events.c.type, func.count()).group_by(events.c.type)
                                                      .order_by(func.count().desc()))}
            first, last = conn.execute(select(func.min(events.c.sort_date), func.max(events.c.sort_date))).one()
            month = func.substr(func.cast(events.c.sort_date, String), 1, 7)
            by_month = {m: n for m, n in conn.execute(select(month, func.count()).where(events.c.sort_date.is_not(None))
                                                       .group_by(month).order_by(month))}
            outlets = {o: n for o, n in conn.execute(select(documents.c.outlet, func.count())
                                                      .where(documents.c.outlet.is_not(None))
                                                      .group_by(documents.c.outlet).order_by(func.count().desc()))}
            src, tgt = event_actors.alias("s"), event_actors.alias("t")
            pairs = Counter()
            names: dict[str, str] = {}
            for e, a, an, b, bn in conn.execute(select(src.c.event_id, src.c.actor_id, src.c.name, tgt.c.actor_id,
                                                       tgt.c.name)
                                                .join(tgt, (tgt.c.event_id == src.c.event_id) & (tgt.c.side == "target"))
                                                .where(src.c.side == "source", src.c.actor_id != tgt.c.actor_id)
                                                .distinct()):
                key = tuple(sorted((a, b)))
                pairs[key] += 1
                names[a], names[b] = an, bn
            latest = [r[0] for r in conn.execute(select(events.c.event_id).where(events.c.sort_date.is_not(None))
                                                 .order_by(events.c.sort_date.desc(), events.c.event_id).limit(top))]
            counts = self.counts()
            return {"documents": counts["documents"], "events": counts["events"], "mentions": counts["mentions"],
                    "actors": counts["actors"], "failures": counts["failures"], "wire_copies": counts["wire_copies"],
                    "outlets": outlets, "events_by_type": by_type, "events_by_month": by_month,
                    "first_date": _iso(first), "last_date": _iso(last),
                    "busiest_dyads": [{"a": {"id": a, "name": names[a]}, "b": {"id": b, "name": names[b]}, "events": n}
                                      for (a, b), n in pairs.most_common(top)],
                    "latest": [self._record(conn, i) for i in latest]}

    def dyad(self, a: str, b: str, background: bool = False) -> dict[str, Any]:
        """The timeline of two actors: their events and counts per month and type. A meeting
        counts once: what was said at it is listed under it (`statements`); history the
        articles mention in passing is left out unless `background`."""
        with self.engine.connect() as conn:
            for name in (a, b):
                if conn.execute(self._events_with(conn, name).limit(1)).first() is None and \
                        conn.execute(select(actors.c.actor_id).where(
                            actors.c.actor_id.in_(self._actor_ids(conn, name))).limit(1)).first() is None:
                    raise NotFound(f"no actor called {name!r}; search with /api/actors?q=")
        everything = self.query_events(dyad=(a, b), background=background)
        records = [r for r in everything if not r["within"]]
        said_at: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in everything:
            if r["within"]:
                said_at[r["within"]].append(r)
        for r in records:
            r["statements"] = said_at.pop(r["id"], [])
        records += [r for rs in said_at.values() for r in rs]  # their meeting is not in this dyad
        per_month: dict[str, Counter] = defaultdict(Counter)
        for r in records:
            day = event_day(r)
            if day:
                per_month[day[:7]][r["type"]] += 1
        return {"a": a, "b": b, "events": records, "total": len(records),
                "by_type": dict(Counter(r["type"] for r in records).most_common()),
                "by_month": {m: dict(c) for m, c in sorted(per_month.items())}}

    def search(self, q: str, limit: int = 20, offset: int = 0,
               marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Full-text search over evidence sentences and article texts (SQLite FTS5, ranked by
        BM25); each hit says which document and, for evidence, which event."""
        q = q.replace("\x00", " ")  # FTS5 reads a NUL as the end of the query ("unterminated string")
        terms = " ".join('"' + t.replace('"', '""') + '"' for t in q.split())
        if not terms:
            return []
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "postgresql":
                return self._search_pg(conn, q, limit, offset, marks)
            if self.engine.dialect.name != "sqlite":
                raise StoreError(f"full-text search is not available on {self.engine.dialect.name}")
            rows = conn.execute(text(
                "SELECT kind, ref, snippet(search_index, 3, :open, :close, ' … ', 14) AS snip "
                "FROM search_index WHERE search_index MATCH :terms ORDER BY bm25(search_index) "
                "LIMIT :limit OFFSET :offset"),
                {"terms": terms, "limit": limit, "offset": offset, "open": marks[0], "close": marks[1]}).all()
            hits = []
            for kind, ref, snip in rows:
                if kind == "mention":
                    m = conn.execute(select(mentions.c.event_id, mentions.c.doc_id, mentions.c.evidence)
                                     .where(mentions.c.mention_id == ref)).first()
                    if m is None:
                        continue
                    doc_id, event_id = m.doc_id, m.event_id
                else:
                    doc_id, event_id = ref, None
                d = conn.execute(select(documents.c.title, documents.c.outlet, documents.c.published, documents.c.url)
                                 .where(documents.c.doc_id == doc_id)).first()
                hits.append({"kind": "evidence" if kind == "mention" else "article", "event_id": event_id,
                             "doc_id": doc_id, "snippet": snip, "title": d.title if d else None,
                             "outlet": d.outlet if d else None, "published": _iso(d.published) if d else None,
                             "url": d.url if d else None})
            return hits

    def _events_with(self, conn: Connection, name: str) -> Any:
        ids = self._actor_ids(conn, name)
        cond = or_(event_actors.c.actor_id.in_(ids), event_actors.c.org.in_(ids), event_actors.c.country.in_(ids))
        return select(event_actors.c.event_id).where(cond)

    def _actor_ids(self, conn: Connection, name: str) -> list[str]:
        """Every canonical actor a user may mean by a name, acronym, code or id."""
        keys = actor_keys(name, self.kb)
        ids: set[str] = set()
        for chunk in _chunks(sorted(keys)):
            ids |= {r[0] for r in conn.execute(select(actor_aliases.c.actor_id).where(actor_aliases.c.key.in_(chunk)))}
            ids |= {r[0] for r in conn.execute(select(actors.c.actor_id).where(actors.c.actor_id.in_(chunk)))}
        if not ids:  # an id that a merge retired leads to the actor it was merged into
            ids = {self._actor_index(conn).decisions.follow(k) for k in keys}
        return sorted(ids | {k for k in keys if ":" not in k})

    def event(self, event_id: str) -> dict[str, Any]:
        """An event by its id, an id prefix, or the id of any of its mentions (ids of events
        that were merged into others redirect)."""
        with self.engine.connect() as conn:
            found = conn.execute(select(events.c.event_id).where(events.c.event_id == event_id)).all() or \
                conn.execute(select(mentions.c.event_id).where(mentions.c.mention_id == event_id,
                                                               mentions.c.event_id.is_not(None))).all()
            if not found and len(event_id) >= 4:  # a prefix, as `tidings events` prints them
                found = conn.execute(select(events.c.event_id).where(
                    events.c.event_id.startswith(event_id, autoescape=True)).limit(5)).all() or \
                    conn.execute(select(mentions.c.event_id).distinct().where(
                        mentions.c.mention_id.startswith(event_id, autoescape=True),
                        mentions.c.event_id.is_not(None)).limit(5)).all()
            if len(found) != 1:
                raise NotFound(f"no event with id {event_id!r}; list ids with `tidings events`"
                               if not found else f"{len(found)} events start with {event_id!r}; give more characters")
            return self._record(conn, found[0][0])

    def _record(self, conn: Connection, event_id: str) -> dict[str, Any]:
        e = conn.execute(select(events).where(events.c.event_id == event_id)).one()._mapping
        rows = conn.execute(select(event_actors).where(event_actors.c.event_id == event_id)
                            .order_by(event_actors.c.side, event_actors.c.position)).all()
        ms = conn.execute(select(mentions, documents.c.source_id, documents.c.url, documents.c.outlet,
                                 documents.c.published, documents.c.title, documents.c.copy_of, documents.c.seq)
                          .join(documents, documents.c.doc_id == mentions.c.doc_id)
                          .where(mentions.c.event_id == event_id)
                          .order_by(documents.c.published, documents.c.seq, mentions.c.start)).all()

        def actor(row: Any) -> dict[str, Any]:
            m = row._mapping
            return {"id": m["actor_id"], "name": m["name"], "org": m["org"], "role": m["role"],
                    "country": m["country"], "sector": m["sector"]}

        reports: dict[str, dict[str, Any]] = {}
        for r in ms:
            m = r._mapping
            said = {"mention_id": m["mention_id"], "evidence": m["evidence"], "start": m["start"], "end": m["end"],
                    "trigger": m["trigger"], "spans": json.loads(m["spans"] or "[]"), "why": m["merge_note"]}
            if m["doc_id"] not in reports:
                reports[m["doc_id"]] = {"doc_id": m["doc_id"], "source_id": m["source_id"], "url": m["url"],
                                        "outlet": m["outlet"], "published": _iso(m["published"]),
                                        "title": m["title"], "copy_of": m["copy_of"], **said, "mentions": []}
            reports[m["doc_id"]]["mentions"].append(said)
        return {
            "id": e["event_id"], "type": e["type"], "mode": e["mode"], "cameo": e["cameo"],
            "date": _iso(e["date"]), "date_precision": e["date_precision"], "date_basis": e["date_basis"],
            "sources": [actor(r) for r in rows if r._mapping["side"] == "source"],
            "targets": [actor(r) for r in rows if r._mapping["side"] == "target"],
            "location": e["location"], "confidence": e["confidence"],
            "independent_sources": e["independent_sources"],
            "background": bool(e["background"]), "within": e["within"],
            "evidence": _best_evidence(reports.values()),
            "reports": list(reports.values()),
        }

    def _search_pg(self, conn: Connection, q: str, limit: int, offset: int,
                   marks: tuple[str, str]) -> list[dict[str, Any]]:
        """The same search on PostgreSQL: to_tsvector/websearch_to_tsquery, ranked by ts_rank."""
        query = func.websearch_to_tsquery("simple", q)
        options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=28, MinWords=12"
        m_vec = func.to_tsvector("simple", mentions.c.evidence)
        d_body = func.coalesce(documents.c.title, "") + " " + documents.c.text
        d_vec = func.to_tsvector("simple", d_body)
        hits = conn.execute(
            select(mentions.c.event_id, mentions.c.doc_id, func.ts_headline("simple", mentions.c.evidence, query,
                                                                          options).label("snip"),
                   func.ts_rank(m_vec, query).label("rank"))
            .where(m_vec.op("@@")(query)).order_by(func.ts_rank(m_vec, query).desc()).limit(limit + offset)).all()
        hits += conn.execute(
            select(func.cast(None, String).label("event_id"), documents.c.doc_id,
                   func.ts_headline("simple", d_body, query, options).label("snip"),
                   func.ts_rank(d_vec, query).label("rank"))
            .where(d_vec.op("@@")(query)).order_by(func.ts_rank(d_vec, query).desc()).limit(limit + offset)).all()
        hits = sorted(hits, key=lambda h: -h.rank)[offset:offset + limit]
        out = []
        for h in hits:
            d = conn.execute(select(documents.c.title, documents.c.outlet, documents.c.published, documents.c.url)
                             .where(documents.c.doc_id == h.doc_id)).one()
            out.append({"kind": "evidence" if h.event_id else "article", "event_id": h.event_id, "doc_id": h.doc_id,
                        "snippet": h.snip, "title": d.title, "outlet": d.outlet, "published": _iso(d.published),
                        "url": d.url})
        return out

    def iter_all(self) -> Iterator[dict[str, Any]]:
        for records in self.iter_event_pages():
            yield from records

    def iter_event_pages(self, since: date | None = None, until: date | None = None, type: str | None = None,
                         page: int = 1000) -> Iterator[list[dict[str, Any]]]:
        """Events a page at a time, oldest first (undated last), by keyset pagination: memory
        stays constant however many events there are."""
        order = func.coalesce(events.c.sort_date, date.max)
        after: tuple[Any, str] | None = None
        while True:
            with self.engine.connect() as conn:
                q = self._filtered(conn, None, None, type, since, until, None, None).add_columns(order.label("k"))
                if after is not None:
                    q = q.where(or_(order > after[0], (order == after[0]) & (events.c.event_id > after[1])))
                rows = conn.execute(q.order_by(order, events.c.event_id).limit(page)).all()
                if not rows:
                    return
                records = [self._record(conn, r.event_id) for r in rows]
            after = (rows[-1].k, rows[-1].event_id)
            yield records

    # actors -------------------------------------------------------------
    def find_actors(self, search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors by number of events, optionally those with a name containing the text."""
        n_events = func.count(func.distinct(event_actors.c.event_id)).label("events")
        q = (select(actors.c.actor_id, actors.c.kind, actors.c.name, actors.c.country, actors.c.org,
                    actors.c.sector, n_events)
             .join(event_actors, event_actors.c.actor_id == actors.c.actor_id, isouter=True)
             .group_by(actors.c.actor_id).order_by(n_events.desc(), actors.c.name).limit(limit))
        if search:
            pattern = f"%{norm(search)}%"
            q = q.where(actors.c.actor_id.in_(select(actor_aliases.c.actor_id).where(
                or_(actor_aliases.c.key.like(pattern), func.lower(actor_aliases.c.alias).like(f"%{search.lower()}%")))))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def actor(self, name: str) -> dict[str, Any]:
        """One actor: aliases, roles over time, events by type, main counterparts."""
        with self.engine.connect() as conn:
            ids = [i for i in self._actor_ids(conn, name)
                   if conn.execute(select(actors.c.actor_id).where(actors.c.actor_id == i)).first()]
            if not ids:
                raise NotFound(f"no actor called {name!r}; search with `tidings actors --search TEXT`")
            if len(ids) > 1:
                names = ", ".join(f"{r.name} ({r.actor_id})" for r in conn.execute(
                    select(actors).where(actors.c.actor_id.in_(ids))))
                raise NotFound(f"{name!r} may be any of: {names}; ask for one by its id")
            return self._actor_record(conn, ids[0])

    def _actor_record(self, conn: Connection, actor_id: str) -> dict[str, Any]:
        a = conn.execute(select(actors).where(actors.c.actor_id == actor_id)).one()._mapping
        aliases = sorted({r[0] for r in conn.execute(select(actor_aliases.c.alias)
                                                     .where(actor_aliases.c.actor_id == actor_id))} - {a["name"]})
        roles: dict[tuple[str, str | None], dict[str, Any]] = {}
        for r in conn.execute(select(doc_actors.c.role, doc_actors.c.org, documents.c.published)
                              .join(documents, documents.c.doc_id == doc_actors.c.doc_id)
                              .where(doc_actors.c.actor_id == actor_id, doc_actors.c.role.is_not(None))):
            for role in r.role.split("; "):
                seen = roles.setdefault((role, r.org), {"role": role, "org": r.org, "first_seen": None,
                                                        "last_seen": None, "documents": 0})
                seen["documents"] += 1
                if r.published:
                    day = r.published.isoformat()
                    seen["first_seen"] = min(filter(None, (seen["first_seen"], day)))
                    seen["last_seen"] = max(filter(None, (seen["last_seen"], day)))
        own = select(event_actors.c.event_id).where(event_actors.c.actor_id == actor_id)
        by_type = Counter({r[0]: r[1] for r in conn.execute(
            select(events.c.type, func.count()).where(events.c.event_id.in_(own)).group_by(events.c.type))})
        counterparts = Counter()
        names = {}
        for r in conn.execute(select(event_actors.c.event_id, event_actors.c.actor_id, event_actors.c.name)
                              .where(event_actors.c.event_id.in_(own), event_actors.c.actor_id != actor_id)):
            counterparts[r.actor_id] += 1
            names[r.actor_id] = r.name
        return {"id": actor_id, "name": a["name"], "kind": a["kind"], "country": a["country"], "org": a["org"],
                "sector": a["sector"], "aliases": aliases,
                "roles": sorted(roles.values(), key=lambda r: (r["first_seen"] or "", r["role"])),
                "events": sum(by_type.values()), "events_by_type": dict(by_type.most_common()),
                "counterparts": [{"id": i, "name": names[i], "events": n} for i, n in counterparts.most_common(10)]}


class _BatchRows:
    """Rows of one batch, inserted together."""

    def __init__(self) -> None:
        self.seq: int | None = None
        self.documents: list[dict[str, Any]] = []
        self.bands: list[dict[str, Any]] = []
        self.actors: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.texts: dict[str, tuple[str | None, str]] = {}  # doc id -> (copy root, text) of candidates
        self.by_band: dict[str, list[str]] = {}  # band -> documents (stored or of this batch)
        self.grams: dict[str, list[str]] = {}  # doc id -> its bands
        self.added: set[str] = set()


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


def unwritable(db: str, e: BaseException) -> StoreWriteError | None:
    """A clear error when `e` says the store takes no writes (SQLite or PostgreSQL), else None."""
    orig = getattr(e, "orig", None) or e
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None) or ""
    said = str(orig).lower()
    if code.startswith(("SQLITE_FULL", "53100")) or "disk is full" in said or "no space left" in said:
        return StoreWriteError(f"the store {db!r} is full: no space is left on its disk (or it reached its "
                               "size limit). What was stored before is kept and readable; free some space and "
                               f"run the same command again: what was stored is skipped. ({orig})")
    if code.startswith(("SQLITE_READONLY", "25006", "42501")) or "readonly database" in said \
            or "read-only" in said:
        return StoreWriteError(f"the store {db!r} is read-only: tidings cannot write to it (the file's or "
                               "its folder's permissions, a read-only disk or database role). What is in it "
                               f"stays readable; ingest into a store you can write. ({orig})")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in said:
        return StoreWriteError(f"the store {db!r} is busy: another program is writing to it. Run the same "
                               f"command again when it is done: what was stored is skipped. ({orig})")
    return None


def event_day(record: dict[str, Any]) -> str | None:
    """Where an event record sits on a timeline: its date, else its first report's publication date."""
    reports = record.get("reports") or []
    return record.get("date") or (reports[0]["published"] if reports else None)


def _best_evidence(reports: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The sentence that tells most of an event: one with a date in it, with actors on both
    sides, the most confident, then the first."""
    said = [(r, m) for r in reports for m in r["mentions"]]
    if not said:
        return None

    def rank(item: tuple[dict[str, Any], dict[str, Any]]) -> tuple:
        labels = {s["label"] for s in item[1]["spans"]}
        return ("source" in labels and "target" in labels, len(item[1]["evidence"]) > 60, -said.index(item))

    report, mention = max(said, key=rank)
    return {"doc_id": report["doc_id"], "outlet": report["outlet"], "mention_id": mention["mention_id"],
            "evidence": mention["evidence"], "spans": mention["spans"], "trigger": mention["trigger"]}


def _independent(rows: Sequence[Any]) -> int:
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


def _weekday(day: date | None, evidence: str) -> int | None:
    """An undated report's weekday, from its sentence ("the two leaders spoke Monday")."""
    return None if day is not None else dates.weekday_named(evidence)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _rows_in(conn: Connection, table: Any, column: Any, values: Sequence[Any],
             columns: Sequence[Any] | None = None) -> list[Any]:
    """Rows whose column is one of the values, queried in chunks."""
    out: list[Any] = []
    for chunk in _chunks(list(values)):
        q = select(*columns).select_from(table) if columns else select(table)
        out += conn.execute(q.where(column.in_(chunk))).all()
    return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["Store", "actor_keys", "event_day"]


def _meeting_of(conn: Connection, rows: Sequence[Any], event_id: str) -> str | None:
    """The event a statement was made at, when every report of it says so."""
    meetings = {r.within for r in rows}
    if None in meetings or not meetings:
        return None
    found = conn.execute(select(mentions.c.event_id).where(mentions.c.mention_id.in_(sorted(meetings)),
                                                           mentions.c.event_id.is_not(None))).all()
    ids = {r[0] for r in found} - {event_id}
    return ids.pop() if len(ids) == 1 else None
