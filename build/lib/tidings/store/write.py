"""The write path: a batch of coded documents in, one transaction out.

In order, in the batch's transaction: the failures; each new document (its wire-copy group
found by MinHash bands, :mod:`tidings.copies`), its actors and its mentions; the search index;
then the documents' actors resolved (:mod:`.resolution`) and their mentions merged into events
(:mod:`.merging`). :func:`derive` is that last step alone, which `rebuild` runs on everything.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection, Engine

from .. import copies
from ..kb import KnowledgeBase
from ..records import DocumentResult, Failure, content_hash
from . import merging
from .connection import writing
from .resolution import Resolution
from .schema import doc_actors, doc_bands, documents, failures, mentions
from .search import Search
from .sql import chunks, rows_in


def derive(conn: Connection, resolution: Resolution, kb: KnowledgeBase, doc_ids: Sequence[str]) -> None:
    """Resolve the actors of these documents and merge their mentions into events."""
    if not doc_ids:
        return
    index = resolution.index(conn)
    local, resolved = resolution.resolve_documents(conn, index, doc_ids)
    found = merging.pending(conn, index, local, resolved, doc_ids)
    resolution.write_actors(conn, index)
    merging.merge(conn, kb, found)


class BatchRows:
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
        self.stored: set[str] = set()  # documents of the batch the store holds already


class Writer:
    """Adds batches of results and failures to a store; each call is one transaction."""

    def __init__(
        self, engine: Engine, db: str, kb: KnowledgeBase, search: Search, resolution: Resolution
    ) -> None:
        self.engine, self.db, self.kb = engine, db, kb
        self.search = search
        self.resolution = resolution

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                found |= {
                    r[0]
                    for r in conn.execute(select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk)))
                }
        return found

    def known_inputs(self, keys: Iterable[str]) -> set[str]:
        """The raw-input hashes (RawDocument.key) already stored."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(list(keys)):
                found |= {
                    r[0]
                    for r in conn.execute(
                        select(documents.c.input_key).where(documents.c.input_key.in_(chunk))
                    )
                }
        return found

    def add_results(self, results: Iterable[DocumentResult]) -> set[str]:
        """Store a batch in one transaction: documents, failures, mentions; then resolve the
        batch's actors and merge its mentions into events. Returns the ids of the documents
        added (a document whose clean text is stored already is not added again)."""
        now = datetime.now(UTC)
        try:
            with writing(self.engine, self.db) as conn:
                rows = BatchRows()
                results = list(results)
                ids = [r.article.doc_id for r in results if r.failure is None and r.article is not None]
                rows.stored = {
                    r[0] for r in rows_in(conn, documents, documents.c.doc_id, ids, [documents.c.doc_id])
                }
                self._stored_bands(conn, results, rows)
                for result in results:
                    if result.failure is not None:
                        self._add_failure(conn, result.failure, now)
                    elif result.article is not None:
                        self._add_article(conn, result, now, rows)
                for table, values in (
                    (documents, rows.documents),
                    (doc_bands, rows.bands),
                    (doc_actors, rows.actors),
                    (mentions, rows.mentions),
                ):
                    if values:
                        conn.execute(insert(table), values)
                self.search.index(conn, rows.documents, rows.mentions)
                derive(conn, self.resolution, self.kb, [d["doc_id"] for d in rows.documents])
            return set(rows.added)
        except Exception:
            self.resolution.forget()  # the in-memory index may hold what was rolled back
            raise

    def add_failures(self, items: Iterable[Failure]) -> None:
        now = datetime.now(UTC)
        with writing(self.engine, self.db) as conn:
            for f in items:
                self._add_failure(conn, f, now)

    def _add_failure(self, conn: Connection, f: Failure, now: datetime) -> None:
        exists = conn.execute(select(failures.c.failure_id).where(failures.c.failure_id == f.key)).first()
        if exists is None:
            conn.execute(
                failures.insert().values(
                    failure_id=f.key,
                    origin=f.origin,
                    source_id=f.source_id,
                    stage=f.stage,
                    reason=f.reason,
                    recorded_at=now,
                )
            )

    def _add_article(self, conn: Connection, result: DocumentResult, now: datetime, rows: BatchRows) -> None:
        a = result.article
        assert a is not None
        if a.doc_id in rows.added or a.doc_id in rows.stored:
            return
        if rows.seq is None:
            rows.seq = conn.execute(select(func.max(documents.c.seq))).scalar() or 0
        rows.seq += 1
        band_keys = rows.grams.get(a.doc_id, [])
        match = self._find_copy(conn, a.text, band_keys, rows)
        rows.documents.append(
            dict(
                doc_id=a.doc_id,
                seq=rows.seq,
                source_id=a.source_id,
                origin=a.origin,
                url=a.url,
                outlet=a.outlet,
                published=a.published,
                title=a.title,
                author=a.author,
                language=a.language,
                text=a.text,
                meta=json.dumps(a.meta, default=str),
                ingested_at=now,
                input_key=a.input_key,
                copy_of=match.root if match else None,
                copy_share=round(match.containment, 3) if match else None,
            )
        )
        rows.texts[a.doc_id] = (match.root if match else None, a.text)
        rows.added.add(a.doc_id)
        for b in band_keys:
            rows.bands.append({"band": b, "doc_id": a.doc_id})
            rows.by_band.setdefault(b, []).append(a.doc_id)
        used = {actor.id for m in result.events for actor in (*m.sources, *m.targets)}
        used |= {actor.org for m in result.events for actor in (*m.sources, *m.targets) if actor.org}
        rows.actors += [
            dict(
                doc_id=a.doc_id,
                local_id=d.id,
                kind=d.kind,
                name=d.name,
                names=json.dumps(d.names),
                org=d.org,
                role=d.role,
                country=d.country,
                sector=d.sector,
            )
            for d in result.actors
            if d.id in used
        ]
        seen: set[str] = set()
        for m in result.events:
            mention_id = content_hash(f"{a.doc_id}\x00{m.id}")  # a wire copy repeats the sentence, not the id
            within = content_hash(f"{a.doc_id}\x00{m.within}") if m.within else None
            if mention_id in seen:
                continue
            seen.add(mention_id)
            d = m.as_dict()
            rows.mentions.append(
                dict(
                    mention_id=mention_id,
                    doc_id=a.doc_id,
                    event_id=None,
                    type=m.type,
                    mode=m.mode,
                    cameo=d["cameo"],
                    date=m.date,
                    date_precision=m.date_precision,
                    date_basis=m.date_basis,
                    location=m.location,
                    confidence=m.confidence,
                    evidence=m.evidence,
                    start=m.start,
                    end=m.end,
                    trigger=m.trigger,
                    spans=json.dumps(d["spans"]),
                    sources=json.dumps(d["sources"]),
                    targets=json.dumps(d["targets"]),
                    merge_note=None,
                    background=m.background,
                    within=within,
                )
            )

    def _stored_bands(self, conn: Connection, results: list[DocumentResult], rows: BatchRows) -> None:
        """The stored documents that share a MinHash band with any document of the batch."""
        for r in results:
            if r.article is not None and r.failure is None:
                rows.grams[r.article.doc_id] = (
                    list(r.bands) if r.bands is not None else copies.bands(copies.shingles_of(r.article.text))
                )
        keys = sorted({b for bands in rows.grams.values() for b in bands})
        for chunk in chunks(keys):
            for band, doc_id in conn.execute(
                select(doc_bands.c.band, doc_bands.c.doc_id).where(doc_bands.c.band.in_(chunk))
            ):
                rows.by_band.setdefault(band, []).append(doc_id)

    def _find_copy(
        self, conn: Connection, text: str, band_keys: list[str], rows: BatchRows
    ) -> copies.CopyMatch | None:
        shared = Counter(d for b in band_keys for d in rows.by_band.get(b, ()))
        ids = [d for d, n in shared.most_common(20) if n >= copies.MIN_BANDS]
        missing = [d for d in ids if d not in rows.texts]
        if missing:
            for r in conn.execute(
                select(documents.c.doc_id, documents.c.copy_of, documents.c.text).where(
                    documents.c.doc_id.in_(missing)
                )
            ):
                rows.texts[r.doc_id] = (r.copy_of, r.text)
        found = [(d, *rows.texts[d]) for d in ids]
        return copies.best_copy(text, found) if found else None


__all__ = ["BatchRows", "Writer", "derive"]
