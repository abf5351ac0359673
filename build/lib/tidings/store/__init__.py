"""The event store: documents, mentions, events and actors in SQLite (WAL) by default, or in
PostgreSQL; one :class:`Store` over these parts.

schema.py       the tables (what each row is) and their creation
connection.py   the engine for a path or URL; one write transaction; the error of a store that takes no writes
write.py        the write path: a batch of coded documents in, one transaction out
resolution.py   on the write path: documents' actors resolved to canonical actors
merging.py      on the write path: mentions merged into events, events written from their mentions
corrections.py  analysts' decisions, and rebuilding everything derived from the mentions
read/           the read side the CLI, API, web pages and exports share (events, dyads, actors, stats)
search.py       full-text search: one interface, an SQLite FTS5 and a PostgreSQL implementation
sql.py          query helpers (chunked IN lists, ISO dates)

Callers that need only a part may import it; `Store` is the one object most need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Unpack

from ..kb import load_kb
from ..records import DocumentResult, Failure
from . import schema
from .connection import engine_for, unwritable
from .corrections import Corrections
from .read.actors import ActorQueries
from .read.events import EventFilters, EventQueries
from .read.names import actor_keys
from .read.records import event_day
from .read.stats import StoreFigures
from .resolution import Resolution
from .schema import (
    actor_aliases,
    actors,
    decisions,
    doc_actors,
    doc_bands,
    documents,
    event_actors,
    event_keys,
    events,
    failures,
    mentions,
    metadata,
)
from .search import search_for
from .write import Writer


class Store:
    """Reads and writes documents, events and actors; every public method is one transaction.

    A facade: each method is one of the parts' (`writer`, `corrections`, `event_queries`, `actor_queries`,
    `figures`, `text_search`), which callers may also use directly.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self.engine = engine_for(db)
        self.kb = load_kb()
        schema.create(self.engine, db)
        self.text_search = search_for(self.engine.dialect.name)
        with self.engine.begin() as conn:
            self.text_search.create(conn)
        self.resolution = Resolution(self.kb)
        self.writer = Writer(self.engine, db, self.kb, self.text_search, self.resolution)
        self.corrections = Corrections(self.engine, self.kb, self.resolution)
        self.event_queries = EventQueries(self.engine, self.kb)
        self.actor_queries = ActorQueries(self.engine, self.kb)
        self.figures = StoreFigures(self.engine)

    # writing -------------------------------------------------------------
    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        return self.writer.known_documents(doc_ids)

    def known_inputs(self, keys: Iterable[str]) -> set[str]:
        """The raw-input hashes (RawDocument.key) already stored."""
        return self.writer.known_inputs(keys)

    def add_results(self, results: Iterable[DocumentResult]) -> set[str]:
        """Store a batch in one transaction (see :mod:`.write`); the ids of the documents added."""
        return self.writer.add_results(results)

    def add_failures(self, items: Iterable[Failure]) -> None:
        self.writer.add_failures(items)

    # corrections and rebuilding ------------------------------------------
    def decide(self, action: str, payload: dict[str, Any]) -> None:
        """Record an analyst's decision and re-resolve the store so it takes effect."""
        self.corrections.decide(action, payload)

    def list_decisions(self) -> list[dict[str, Any]]:
        return self.corrections.list_decisions()

    def rebuild(self, batch: int = 200) -> dict[str, int]:
        """Resolve every actor and merge every mention again, applying every decision; the counts."""
        self.corrections.rebuild(batch)
        return self.counts()

    # reading -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return self.figures.counts()

    def list_failures(self) -> list[dict[str, Any]]:
        return self.figures.list_failures()

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Figures for charts (see :meth:`StoreFigures.stats`)."""
        return self.figures.stats(top)

    def query_events(
        self, limit: int | None = None, offset: int = 0, **filters: Unpack[EventFilters]
    ) -> list[dict[str, Any]]:
        """Events as output records, oldest first (see :meth:`EventQueries.query`)."""
        return self.event_queries.query(limit, offset, **filters)

    def count_events(self, **filters: Unpack[EventFilters]) -> int:
        return self.event_queries.count(**filters)

    def event(self, event_id: str) -> dict[str, Any]:
        """An event by its id, an id prefix, or the id of any of its mentions."""
        return self.event_queries.event(event_id)

    def dyad(self, a: str, b: str, background: bool = False) -> dict[str, Any]:
        """The timeline of two actors (see :meth:`EventQueries.dyad`)."""
        return self.event_queries.dyad(a, b, background)

    def iter_all(self) -> Iterator[dict[str, Any]]:
        for records in self.iter_event_pages():
            yield from records

    def iter_event_pages(
        self, since: date | None = None, until: date | None = None, type: str | None = None, page: int = 1000
    ) -> Iterator[list[dict[str, Any]]]:
        """Events a page at a time, oldest first (undated last), in constant memory."""
        return self.event_queries.pages(since, until, type, page)

    def find_actors(self, search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors by number of events, optionally those with a name containing the text."""
        return self.actor_queries.find(search, limit)

    def actor(self, name: str) -> dict[str, Any]:
        """One actor: aliases, roles over time, events by type, main counterparts."""
        return self.actor_queries.actor(name)

    def search(
        self, q: str, limit: int = 20, offset: int = 0, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text search over evidence sentences and article texts (see :mod:`.search`)."""
        with self.engine.connect() as conn:
            return self.text_search.find(conn, q, limit, offset, marks)


__all__ = [
    "EventFilters",
    "Store",
    "actor_aliases",
    "actor_keys",
    "actors",
    "decisions",
    "doc_actors",
    "doc_bands",
    "documents",
    "engine_for",
    "event_actors",
    "event_day",
    "event_keys",
    "events",
    "failures",
    "mentions",
    "metadata",
    "unwritable",
]
