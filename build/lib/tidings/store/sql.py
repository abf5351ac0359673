"""Small query helpers every part of the store uses: long IN (...) lists in chunks, dates as ISO text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

CHUNK = 400  # ids per IN (...) query


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def rows_in(
    conn: Connection, table: Any, column: Any, values: Sequence[Any], columns: Sequence[Any] | None = None
) -> list[Any]:
    """Rows whose column is one of the values, queried in chunks."""
    out: list[Any] = []
    for chunk in chunks(list(values)):
        q = select(*columns).select_from(table) if columns else select(table)
        out += conn.execute(q.where(column.in_(chunk))).all()
    return out


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["CHUNK", "chunks", "iso", "rows_in"]
