"""A full disk, a read-only store and a document the store refuses (issue 16): a clear error, the
store left readable with what was committed, and a summary that says what was not stored.

SQLite's `max_page_count` pragma stands for a full disk, and a store opened read-only (a
`mode=ro` URI) for a read-only file. These tests need no language model: their batch function
extracts articles and codes no events.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from typer.testing import CliRunner

import tidings
from tidings import store as store_module
from tidings.cli import app
from tidings.errors import IngestStopped, StoreWriteError
from tidings.pipeline import extract_article
from tidings.records import DocumentResult, Failure

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
PLACES = ["Dodoma", "Kampala", "Nairobi", "Kigali", "Addis Ababa", "Asmara", "Mombasa", "Arusha"]


class ExtractOnly:
    """The batch function without the language model: each document's article, no events."""

    def __init__(self, options: object = None) -> None:  # as Pipeline(options)
        self.options = options

    def process(self, raws):  # noqa: ANN001, ANN201
        results = []
        for raw in raws:
            got = extract_article(raw, 80)
            results.append(
                DocumentResult(None, failure=got) if isinstance(got, Failure) else DocumentResult(got)
            )
        return results


def articles(folder: Path, first: int, count: int) -> Path:
    """`count` distinct articles of some 6 KB each (each needs new pages in the store)."""
    folder.mkdir(exist_ok=True)
    for i in range(first, first + count):
        place = PLACES[i % len(PLACES)]
        body = " ".join(
            f"In {place}, delegation {i} met officials on day {d} to discuss the border and trade."
            for d in range(70)
        )
        (folder / f"article-{i:02d}.txt").write_text(f"Talks in {place} ({i})\n\n{body}", encoding="utf-8")
    return folder


def ingest(sources: list[Path], db: str, batch_size: int = 2) -> tidings.IngestSummary:
    options = tidings.resolve_options(db=db, batch_size=batch_size)
    return tidings.ingest([str(s) for s in sources], options=options, pipeline=ExtractOnly())


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, no connection to a SQLite store may grow it by a page."""
    real = store_module.engine_for

    def limited(db: str):  # noqa: ANN202
        engine = real(db)

        @event.listens_for(engine, "connect")
        def no_more_pages(dbapi_conn, _record) -> None:  # noqa: ANN001
            cur = dbapi_conn.cursor()
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count = {int(pages)}")
            cur.close()

        return engine

    monkeypatch.setattr(store_module, "engine_for", limited)


def assert_readable(db: str, documents: int) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert tidings.Store(db).counts()["documents"] == documents
    assert len(tidings.Store(db).search("border", 50)) >= documents


def test_a_full_disk_stops_the_run_says_what_was_not_stored_and_keeps_the_store(tmp_path, monkeypatch):
    db = str(tmp_path / "events.db")
    assert ingest([articles(tmp_path / "first", 0, 2)], db).ingested == 2
    fill_the_disk(monkeypatch)
    later = articles(tmp_path / "later", 2, 6)
    with pytest.raises(IngestStopped, match="full") as stopped:
        ingest([later], db)
    summary = stopped.value.summary
    assert [Path(o).name for o in summary.not_stored] == ["article-02.txt", "article-03.txt"]
    assert "2 not stored" in summary.line() and summary.store["documents"] == 2
    assert "free some space" in str(stopped.value) and "were not read" in str(stopped.value)
    monkeypatch.undo()  # space again
    assert_readable(db, 2)
    again = ingest([later], db)
    assert again.ingested == 6 and not again.failed
    assert_readable(db, 8)


def test_a_read_only_store_is_a_clear_error_and_stays_readable(tmp_path):
    db = str(tmp_path / "events.db")
    assert ingest([articles(tmp_path / "first", 0, 2)], db).ingested == 2
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    with pytest.raises(IngestStopped, match="read-only") as stopped:
        ingest([articles(tmp_path / "later", 2, 2)], read_only)
    assert len(stopped.value.summary.not_stored) == 2
    assert tidings.Store(read_only).counts()["documents"] == 2
    assert_readable(db, 2)


@pytest.mark.skipif(
    AS_ROOT,
    reason="runs as root, and root writes any file whatever its permissions; the "
    "read-only test above opens the store read-only instead",
)
def test_a_store_file_without_write_permission(tmp_path):
    db = tmp_path / "events.db"
    assert ingest([articles(tmp_path / "first", 0, 2)], str(db)).ingested == 2
    db.chmod(0o444)
    try:
        with pytest.raises((IngestStopped, StoreWriteError), match="read-only"):
            ingest([articles(tmp_path / "later", 2, 2)], str(db))
    finally:
        db.chmod(0o644)
    assert_readable(str(db), 2)


def test_the_cli_prints_the_summary_and_what_was_not_stored(tmp_path, monkeypatch):
    db = str(tmp_path / "events.db")
    monkeypatch.setattr("tidings.api.Pipeline", ExtractOnly)  # no language model needed here
    runner = CliRunner()
    first = runner.invoke(
        app, ["ingest", str(articles(tmp_path / "first", 0, 2)), "--db", db, "--workers", "1"]
    )
    assert first.exit_code == 0, first.output
    fill_the_disk(monkeypatch)
    result = runner.invoke(
        app,
        [
            "ingest",
            str(articles(tmp_path / "later", 2, 3)),
            "--db",
            db,
            "--workers",
            "1",
            "--batch-size",
            "2",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "0 ingested, 0 duplicates, 0 failed, 2 not stored" in result.output
    assert "not stored: " in result.output and "article-03.txt" in result.output
    assert "is full" in result.output and "Traceback" not in result.output
    monkeypatch.undo()
    assert_readable(db, 2)


def test_a_document_the_store_refuses_is_a_failure_and_the_batch_goes_in(tmp_path, monkeypatch):
    from tidings.store.write import Writer

    real = Writer._add_article

    def refuse(self, conn, result, now, rows):  # noqa: ANN001, ANN202
        if result.article.origin.endswith("article-01.txt"):
            raise ValueError("this document breaks the store")
        return real(self, conn, result, now, rows)

    monkeypatch.setattr(Writer, "_add_article", refuse)
    db = str(tmp_path / "events.db")
    summary = ingest([articles(tmp_path / "all", 0, 3)], db, batch_size=3)
    assert summary.ingested == 2 and [f.stage for f in summary.failed] == ["store"]
    [row] = tidings.Store(db).list_failures()
    assert row["origin"].endswith("article-01.txt") and "breaks the store" in row["reason"]
    assert_readable(db, 2)
