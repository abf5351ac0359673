"""Opening a store: the engine for a path or URL (SQLite with its pragmas, or PostgreSQL through
psycopg 3), one write transaction, and the clear error a store that takes no writes gives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError, StoreWriteError


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


@contextmanager
def writing(engine: Engine, db: str) -> Iterator[Connection]:
    """One write transaction; a full disk, a read-only or a busy store raise StoreWriteError
    (the transaction is rolled back: the store keeps what was committed before)."""
    try:
        with engine.begin() as conn:
            yield conn
    except Exception as e:
        if (problem := unwritable(db, e)) is not None:
            raise problem from e
        raise


def unwritable(db: str, e: BaseException) -> StoreWriteError | None:
    """A clear error when `e` says the store takes no writes (SQLite or PostgreSQL), else None."""
    orig = getattr(e, "orig", None) or e
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None) or ""
    said = str(orig).lower()
    if code.startswith(("SQLITE_FULL", "53100")) or "disk is full" in said or "no space left" in said:
        return StoreWriteError(
            f"the store {db!r} is full: no space is left on its disk (or it reached its "
            "size limit). What was stored before is kept and readable; free some space and "
            f"run the same command again: what was stored is skipped. ({orig})"
        )
    if (
        code.startswith(("SQLITE_READONLY", "25006", "42501"))
        or "readonly database" in said
        or "read-only" in said
    ):
        return StoreWriteError(
            f"the store {db!r} is read-only: tidings cannot write to it (the file's or "
            "its folder's permissions, a read-only disk or database role). What is in it "
            f"stays readable; ingest into a store you can write. ({orig})"
        )
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in said:
        return StoreWriteError(
            f"the store {db!r} is busy: another program is writing to it. Run the same "
            f"command again when it is done: what was stored is skipped. ({orig})"
        )
    return None


__all__ = ["engine_for", "unwritable", "writing"]
