"""The tables of the store. SQLAlchemy Core; the schema uses only portable types so the same
tables run on SQLite and PostgreSQL.

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

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Engine

from ..errors import StoreError
from .connection import unwritable

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # ingestion order
    Column("source_id", String(256)),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("outlet", String(256)),
    Column("published", Date),
    Column("title", Text),
    Column("author", String(256)),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("meta", Text),
    Column("copy_of", String(32), index=True),
    Column("copy_share", Float),
    Column("input_key", String(32), index=True),  # hash of the raw input: resuming skips it unread
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("band", String(32), nullable=False, index=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), nullable=False),
)
failures = Table(
    "failures",
    metadata,
    Column("failure_id", String(32), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("source_id", String(256)),
    Column("stage", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)
doc_actors = Table(
    "doc_actors",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), primary_key=True),
    Column("local_id", String(256), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(256), nullable=False),
    Column("names", Text),
    Column("org", String(256)),
    Column("role", String(256)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("actor_id", String(256), index=True),
)
mentions = Table(
    "mentions",
    metadata,
    Column("mention_id", String(32), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.doc_id"), nullable=False, index=True),
    Column("event_id", String(32), index=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("date", Date),
    Column("date_precision", String(8), nullable=False),
    Column("date_basis", String(16)),
    Column("location", String(256)),
    Column("confidence", Float, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", String(128)),
    Column("spans", Text),
    Column("sources", Text, nullable=False),
    Column("targets", Text, nullable=False),
    Column("merge_note", Text),
    Column("background", Boolean, nullable=False, default=False),
    Column("within", String(32)),  # mention id of the meeting (same document) this statement was made at
)
events = Table(
    "events",
    metadata,
    Column("event_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("date", Date, index=True),
    Column("date_precision", String(8), nullable=False),
    Column("date_basis", String(16)),
    Column("location", String(256)),
    Column("confidence", Float, nullable=False),
    Column("sort_date", Date, index=True),  # date, else the first report's publication date
    Column("reports", Integer, nullable=False, default=1),
    Column("independent_sources", Integer, nullable=False, default=1),
    Column("background", Boolean, nullable=False, default=False),  # every report tells it as history
    Column("within", String(32), index=True),  # event id of the meeting it was said at
)
event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(32), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("side", String(8), nullable=False),
    Column("position", Integer, nullable=False),
    Column("actor_id", String(256), nullable=False, index=True),
    Column("name", String(256)),
    Column("org", String(256), index=True),
    Column("role", String(256)),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
)
event_keys = Table(
    "event_keys",
    metadata,
    Column("key", String(300), nullable=False),
    Column("day", Date, nullable=False),
    Column("event_id", String(32), nullable=False, index=True),
    Index("ix_event_keys_key_day", "key", "day"),
)
actors = Table(
    "actors",
    metadata,
    Column("actor_id", String(256), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(256), nullable=False),
    Column("country", String(8)),
    Column("org", String(256)),
    Column("sector", String(8)),
)
actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("actor_id", String(256), primary_key=True),
    Column("alias", String(256), nullable=False),
    Index("ix_actor_aliases_actor", "actor_id"),
)
decisions = Table(
    "decisions",
    metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("payload", Text, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
)
DERIVED = (event_keys, event_actors, events, actor_aliases, actors)  # rebuilt from mentions by `rebuild`


def create(engine: Engine, db: str) -> None:
    """Create the tables that are missing and add the columns added since a store was made."""
    try:
        metadata.create_all(engine)
    except Exception as e:
        if (problem := unwritable(db, e)) is not None:
            raise problem from e
        raise StoreError(
            f"cannot create the tables of {db!r}: {e}. A store written by an older "
            f"tidings needs re-ingesting into a new file."
        ) from e
    have = {c["name"] for c in inspect(engine).get_columns("documents")}
    if "seq" not in have:
        raise StoreError(
            f"{db!r} was written by an older tidings (no actor resolution or merging); "
            f"ingest the corpus again into a new store"
        )
    for table in (mentions, events):  # columns added since: background and within
        cols = {c["name"] for c in inspect(engine).get_columns(table.name)}
        with engine.begin() as conn:
            if "background" not in cols:
                conn.execute(
                    text(f"ALTER TABLE {table.name} ADD COLUMN background BOOLEAN NOT NULL DEFAULT FALSE")
                )
            if "within" not in cols:
                conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN within VARCHAR(32)"))


__all__ = [
    "DERIVED",
    "actor_aliases",
    "actors",
    "create",
    "decisions",
    "doc_actors",
    "doc_bands",
    "documents",
    "event_actors",
    "event_keys",
    "events",
    "failures",
    "mentions",
    "metadata",
]
