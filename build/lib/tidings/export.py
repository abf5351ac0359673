"""Exports that stream: events are read a page at a time (keyset pagination), so memory does
not grow with the number of events.

jsonl    tidings' own event records, one a line
csv      one row per event, the columns of :data:`FLAT`
parquet  the same columns, typed (dates as dates, counts as integers, actors as lists),
         one row group per page; readable by DuckDB, pandas, Spark
plover   PLOVER-style JSON records (``id, date, actor, recipient, event, mode, quad_code,
         event_text, event_loc, text``, with CAMEO code and tidings' provenance)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from .ontology import event_types
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover")
QUAD_CODES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
FLAT = (
    "id",
    "date",
    "date_precision",
    "type",
    "mode",
    "cameo",
    "quad_code",
    "source_ids",
    "source_names",
    "source_countries",
    "source_sectors",
    "target_ids",
    "target_names",
    "target_countries",
    "target_sectors",
    "location",
    "confidence",
    "reports",
    "independent_sources",
    "outlets",
    "first_published",
    "evidence",
    "background",
    "within",
)


def flat(r: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (lists for the actors of a side)."""
    et = event_types().get(r["type"])
    published = [rep["published"] for rep in r["reports"] if rep["published"]]
    row: dict[str, Any] = {
        "id": r["id"],
        "date": r["date"],
        "date_precision": r["date_precision"],
        "type": r["type"],
        "mode": r["mode"],
        "cameo": r["cameo"],
        "quad_code": QUAD_CODES.get(et.quad) if et else None,
    }
    for side, actors in (("source", r["sources"]), ("target", r["targets"])):
        row[f"{side}_ids"] = [a["id"] for a in actors]
        row[f"{side}_names"] = [a["name"] for a in actors]
        row[f"{side}_countries"] = [a["country"] or "" for a in actors]
        row[f"{side}_sectors"] = [a["sector"] or "" for a in actors]
    row.update(
        location=r["location"],
        confidence=r["confidence"],
        reports=len(r["reports"]),
        independent_sources=r["independent_sources"],
        outlets=sorted({rep["outlet"] for rep in r["reports"] if rep["outlet"]}),
        first_published=min(published) if published else None,
        evidence=(r.get("evidence") or {}).get("evidence"),
        background=bool(r.get("background")),
        within=r.get("within"),
    )
    return row


def csv_row(r: dict[str, Any]) -> dict[str, Any]:
    """One event as a CSV row: :func:`flat`, lists joined by "; "."""
    return {k: "; ".join(v) if isinstance(v, list) else v for k, v in flat(r).items()}


def plover(r: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style record (see PLOVER section 1: actor/recipient lists with code and sector)."""
    et = event_types().get(r["type"])
    best = r.get("evidence") or {}

    def entity(a: dict[str, Any]) -> dict[str, Any]:
        return {"code": a["country"], "sector": a["sector"], "text": a["name"], "id": a["id"]}

    return {
        "id": r["id"],
        "date": r["date"],
        "date_precision": r["date_precision"],
        "actor": [entity(a) for a in r["sources"]],
        "recipient": [entity(a) for a in r["targets"]],
        "event": [r["type"]],
        "mode": r["mode"],
        "quad_code": QUAD_CODES.get(et.quad) if et else None,
        "cameo": r["cameo"],
        "event_text": best.get("trigger"),
        "event_loc": r["location"],
        "text": best.get("evidence"),
        "reports": len(r["reports"]),
        "background": bool(r.get("background")),
        "within": r.get("within"),
        "independent_sources": r["independent_sources"],
        "sources": [
            {"outlet": rep["outlet"], "url": rep["url"], "published": rep["published"]}
            for rep in r["reports"]
        ],
    }


def export(
    store: Store,
    fmt: str,
    out: IO[Any],
    *,
    since: date | None = None,
    until: date | None = None,
    type: str | None = None,
    page: int = 1000,
) -> int:
    """Write the events to `out` (binary for parquet, text otherwise); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    pages = store.iter_event_pages(since=since, until=until, type=type, page=page)
    if fmt == "parquet":
        return _parquet(pages, out)
    n = 0
    writer = csv.DictWriter(out, fieldnames=FLAT) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for records in pages:
        for r in records:
            if writer:
                writer.writerow(csv_row(r))
            else:
                out.write(json.dumps(plover(r) if fmt == "plover" else r, ensure_ascii=False) + "\n")
            n += 1
    return n


def _parquet(pages: Iterator[list[dict[str, Any]]], out: IO[bytes]) -> int:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    strings = pa.list_(pa.string())
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("date", pa.date32()),
            ("date_precision", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("cameo", pa.string()),
            ("quad_code", pa.int8()),
            ("source_ids", strings),
            ("source_names", strings),
            ("source_countries", strings),
            ("source_sectors", strings),
            ("target_ids", strings),
            ("target_names", strings),
            ("target_countries", strings),
            ("target_sectors", strings),
            ("location", pa.string()),
            ("confidence", pa.float64()),
            ("reports", pa.int32()),
            ("independent_sources", pa.int32()),
            ("outlets", strings),
            ("first_published", pa.date32()),
            ("evidence", pa.string()),
            ("background", pa.bool_()),
            ("within", pa.string()),
        ]
    )
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for records in pages:
            rows = [flat(r) for r in records]
            for row in rows:
                for key in ("date", "first_published"):
                    row[key] = date.fromisoformat(row[key]) if row[key] else None
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


__all__ = ["FLAT", "FORMATS", "csv_row", "export", "flat", "plover"]
