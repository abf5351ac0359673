"""`tidings export` (issue 6): every format, streaming, Parquet read back by DuckDB."""

from __future__ import annotations

import csv
import io
import json

import pytest

import tidings
from tests.conftest import BACKENDS, CORPUS, new_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_db(request, tmp_path_factory, pipeline) -> str:
    db = new_store(request.param, tmp_path_factory.mktemp("export"))
    tidings.ingest([str(CORPUS)], options=tidings.resolve_options(db=db), pipeline=pipeline)
    return db


def test_parquet_round_trips_through_duckdb_with_typed_columns(corpus_db, tmp_path):
    import duckdb

    from tidings.export import export
    from tidings.store import Store

    store = Store(corpus_db)
    out = tmp_path / "events.parquet"
    with open(out, "wb") as fh:
        n = export(store, "parquet", fh, page=7)  # several row groups
    assert n == store.counts()["events"]
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()[0] == n
    types = {
        row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()
    }
    assert types["date"] == "DATE" and types["reports"] == "INTEGER" and types["source_names"] == "VARCHAR[]"
    row = con.execute(
        f"SELECT reports, independent_sources, location FROM read_parquet('{out}') "
        f"WHERE type = 'CONSULT' AND date = DATE '2025-03-03'"
    ).fetchone()
    assert row == (3, 2, "Dodoma")


def test_jsonl_csv_and_plover_with_filters(corpus_db):
    from tidings.export import export
    from tidings.store import Store

    store = Store(corpus_db)
    buf = io.StringIO()
    n = export(store, "jsonl", buf, page=5)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(records) == store.counts()["events"] == len({r["id"] for r in records})
    buf = io.StringIO()
    export(store, "csv", buf, type="CONSULT")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows and all(r["type"] == "CONSULT" and r["cameo"].startswith("04") for r in rows)
    buf = io.StringIO()
    from datetime import date

    export(store, "plover", buf, since=date(2025, 4, 1))
    plover = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert plover and all(p["date"] is None or p["date"] >= "2025-04-01" for p in plover)
    assert all(
        set(p) >= {"id", "date", "actor", "recipient", "event", "quad_code", "cameo", "text"} for p in plover
    )
    assert all("code" in a and "sector" in a for p in plover for a in p["actor"])  # null when unknown


def test_export_cli_refuses_bad_arguments(corpus_db):
    from typer.testing import CliRunner

    from tidings.cli import app

    run = CliRunner().invoke
    assert run(app, ["export", "--db", corpus_db, "--format", "xml"]).exit_code == 2
    assert run(app, ["export", "--db", corpus_db, "--format", "parquet"]).exit_code == 2  # binary needs --out
    assert run(app, ["export", "--db", corpus_db, "--type", "MEETING"]).exit_code == 2
