"""Resumable, idempotent ingest (issue 6): a run killed with SIGKILL and started again codes
every document exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
COUNTRIES = ["Kenya", "Uganda", "Ghana", "Peru", "Chile", "Japan", "Poland", "Turkey", "India", "Brazil"]


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        if a == b:
            b = COUNTRIES[(i + 5) % 10]
        (folder / f"doc{i:03d}.txt").write_text(
            f"Report number {i} from the regional desk\n\n"
            f"{a} and {b} signed an agreement on fishing rights and port fees on Monday, officials said "
            f"after talks that lasted {i + 2} hours. The ministers of {a} praised {b} for its help during "
            f"the floods "
            f"of last year and said the two governments would meet again in the spring.\n",
            encoding="utf-8",
        )


def _query(db: str, sql: str) -> list[tuple]:
    from sqlalchemy import text

    from tidings.store.connection import engine_for

    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]  # fixed queries of this test
    except Exception:  # noqa: BLE001  (no tables yet)
        return []
    finally:
        engine.dispose()


def _count(db: str, table: str) -> int:
    rows = _query(db, f"SELECT count(*) FROM {table}")  # table names are ours
    return rows[0][0] if rows else 0


def test_killed_ingest_resumes_and_codes_each_document_once(tmp_path, store_db):
    corpus, db = tmp_path / "corpus", store_db
    _corpus(corpus, 200)
    tidings = [sys.executable, "-m", "tidings.cli"]
    cmd = [*tidings, "ingest", str(corpus), "--db", db, "--workers", "1", "--batch-size", "20"]
    run = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while _count(db, "documents") < 40 and time.time() < deadline and run.poll() is None:
        time.sleep(0.1)
    assert run.poll() is None, "the first run finished before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    done = _count(db, "documents")
    assert 0 < done < 200
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{200 - done} ingested" in again.stdout and f"{done} document(s) were already in" in again.stdout
    assert _query(db, "SELECT count(*), count(DISTINCT origin) FROM documents") == [(200, 200)]
    per_doc = _query(db, "SELECT doc_id, count(*) FROM mentions GROUP BY doc_id")
    assert len(per_doc) == 200  # every document coded
    assert _query(db, "SELECT count(*) FROM mentions WHERE event_id IS NULL") == [(0,)]  # and merged
    third = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert "0 ingested" in third.stdout and _count(db, "mentions") == sum(n for _, n in per_doc)


def test_ray_engine_codes_like_local_workers(tmp_path):
    pytest.importorskip("ray", reason="the ray engine needs ray[data] (installed by the test extra)")
    from tests.conftest import CORPUS

    cli = [sys.executable, "-m", "tidings.cli", "ingest", str(CORPUS)]
    local, on_ray = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    assert (
        subprocess.run([*cli, "--db", local, "--workers", "2"], capture_output=True, timeout=300).returncode
        == 0
    )
    ray_run = subprocess.run(
        [*cli, "--db", on_ray, "--workers", "2", "--engine", "ray"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ray_run.returncode == 0, ray_run.stderr[-2000:]
    sql = "SELECT type, date, location FROM events ORDER BY event_id"
    assert _query(on_ray, sql) == _query(local, sql) and len(_query(local, sql)) > 20
