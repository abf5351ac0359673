"""Full-text search over evidence sentences and article texts: one interface, :class:`Search`, and
an implementation per database. On SQLite an FTS5 table (`search_index`) is filled in the same
transaction as the documents and mentions it indexes, and ranked by BM25; on PostgreSQL the
database's own text search (tsvector with GIN indexes on the tables, ranked by ts_rank).

Each hit says which document and, for evidence, which event:
`{kind: "evidence" | "article", event_id, doc_id, snippet, title, outlet, published, url}`.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import String, cast, func, null, select, text
from sqlalchemy.engine import Connection

from ..errors import StoreError
from .schema import documents, mentions
from .sql import iso


class Search(Protocol):
    """What the store asks of a full-text index."""

    def create(self, conn: Connection) -> None:
        """Make the index (or nothing, when it is there already)."""

    def index(self, conn: Connection, docs: list[dict[str, Any]], said: list[dict[str, Any]]) -> None:
        """Add a batch's document rows and mention rows, in the batch's transaction."""

    def find(
        self, conn: Connection, q: str, limit: int, offset: int, marks: tuple[str, str]
    ) -> list[dict[str, Any]]:
        """The best hits for the words of `q`, the matches in each snippet between `marks`."""


def search_for(dialect: str) -> Search:
    """The search of a database dialect."""
    if dialect == "sqlite":
        return SqliteSearch()
    if dialect == "postgresql":
        return PostgresSearch()
    return NoSearch(dialect)


def words(q: str) -> list[str]:
    """The words of a query; FTS5 reads a NUL as the end of the query ("unterminated string")."""
    return q.replace("\x00", " ").split()


class SqliteSearch:
    """SQLite's FTS5, ranked by BM25; the words of a query are matched as phrases, all of them."""

    def create(self, conn: Connection) -> None:
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
                "kind UNINDEXED, ref UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
            )
        )

    def index(self, conn: Connection, docs: list[dict[str, Any]], said: list[dict[str, Any]]) -> None:
        entries = [{"k": "article", "r": d["doc_id"], "t": d["title"] or "", "b": d["text"]} for d in docs]
        entries += [{"k": "mention", "r": m["mention_id"], "t": "", "b": m["evidence"]} for m in said]
        if entries:
            conn.execute(
                text("INSERT INTO search_index (kind, ref, title, body) VALUES (:k, :r, :t, :b)"), entries
            )

    def find(
        self, conn: Connection, q: str, limit: int, offset: int, marks: tuple[str, str]
    ) -> list[dict[str, Any]]:
        terms = " ".join('"' + t.replace('"', '""') + '"' for t in words(q))
        if not terms:
            return []
        rows = conn.execute(
            text(
                "SELECT kind, ref, snippet(search_index, 3, :open, :close, ' … ', 14) AS snip "
                "FROM search_index WHERE search_index MATCH :terms ORDER BY bm25(search_index) "
                "LIMIT :limit OFFSET :offset"
            ),
            {"terms": terms, "limit": limit, "offset": offset, "open": marks[0], "close": marks[1]},
        ).all()
        hits = []
        for kind, ref, snip in rows:
            if kind == "mention":
                m = conn.execute(
                    select(mentions.c.event_id, mentions.c.doc_id, mentions.c.evidence).where(
                        mentions.c.mention_id == ref
                    )
                ).first()
                if m is None:
                    continue
                doc_id, event_id = m.doc_id, m.event_id
            else:
                doc_id, event_id = ref, None
            d = conn.execute(
                select(documents.c.title, documents.c.outlet, documents.c.published, documents.c.url).where(
                    documents.c.doc_id == doc_id
                )
            ).first()
            hits.append(
                {
                    "kind": "evidence" if kind == "mention" else "article",
                    "event_id": event_id,
                    "doc_id": doc_id,
                    "snippet": snip,
                    "title": d.title if d else None,
                    "outlet": d.outlet if d else None,
                    "published": iso(d.published) if d else None,
                    "url": d.url if d else None,
                }
            )
        return hits


class PostgresSearch:
    """PostgreSQL's text search: to_tsvector/websearch_to_tsquery over GIN indexes, ranked by ts_rank."""

    def create(self, conn: Connection) -> None:
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents "
                "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"
            )
        )
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_mentions_fts ON mentions "
                "USING gin (to_tsvector('simple', evidence))"
            )
        )

    def index(self, conn: Connection, docs: list[dict[str, Any]], said: list[dict[str, Any]]) -> None:
        """Nothing to do: the indexes are on the tables themselves."""

    def find(
        self, conn: Connection, q: str, limit: int, offset: int, marks: tuple[str, str]
    ) -> list[dict[str, Any]]:
        if not words(q):
            return []
        query = func.websearch_to_tsquery("simple", q.replace("\x00", " "))
        options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=28, MinWords=12"
        m_vec = func.to_tsvector("simple", mentions.c.evidence)
        d_body = func.coalesce(documents.c.title, "") + " " + documents.c.text
        d_vec = func.to_tsvector("simple", d_body)
        hits = list(
            conn.execute(
                select(
                    mentions.c.event_id,
                    mentions.c.doc_id,
                    func.ts_headline("simple", mentions.c.evidence, query, options).label("snip"),
                    func.ts_rank(m_vec, query).label("rank"),
                )
                .where(m_vec.op("@@")(query))
                .order_by(func.ts_rank(m_vec, query).desc())
                .limit(limit + offset)
            ).all()
        )
        hits += conn.execute(
            select(
                cast(null(), String).label("event_id"),
                documents.c.doc_id,
                func.ts_headline("simple", d_body, query, options).label("snip"),
                func.ts_rank(d_vec, query).label("rank"),
            )
            .where(d_vec.op("@@")(query))
            .order_by(func.ts_rank(d_vec, query).desc())
            .limit(limit + offset)
        ).all()
        hits = sorted(hits, key=lambda h: -h.rank)[offset : offset + limit]
        out = []
        for h in hits:
            d = conn.execute(
                select(documents.c.title, documents.c.outlet, documents.c.published, documents.c.url).where(
                    documents.c.doc_id == h.doc_id
                )
            ).one()
            out.append(
                {
                    "kind": "evidence" if h.event_id else "article",
                    "event_id": h.event_id,
                    "doc_id": h.doc_id,
                    "snippet": h.snip,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": iso(d.published),
                    "url": d.url,
                }
            )
        return out


class NoSearch:
    """Another database: it stores and reads events, but has no full-text search."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def create(self, conn: Connection) -> None:
        """Nothing to create."""

    def index(self, conn: Connection, docs: list[dict[str, Any]], said: list[dict[str, Any]]) -> None:
        """Nothing to index."""

    def find(
        self, conn: Connection, q: str, limit: int, offset: int, marks: tuple[str, str]
    ) -> list[dict[str, Any]]:
        if not words(q):
            return []
        raise StoreError(f"full-text search is not available on {self.dialect}")


__all__ = ["NoSearch", "PostgresSearch", "Search", "SqliteSearch", "search_for", "words"]
