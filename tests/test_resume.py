"""Resumable, idempotent ingest (issue 6): a run killed with SIGKILL and started again codes
every document exactly once."""
from __future__ import annotations

import os
import signal
import sqlite3
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
            f"{a} and {b} signed an agreement on fishing rights and port fees on Monday, officials said after "
            f"talks that lasted {i + 2} hours. The ministers of {a} praised {b} for its help during the floods "
            f"of last year and said the two governments would meet again in the spring.\n", encoding="utf-8")


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # table names are ours
        except sqlite3.OperationalError:
            return 0


def test_killed_ingest_resumes_and_codes_each_document_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "resume.db"
    _corpus(corpus, 200)
    tidings = [sys.executable, "-m", "tidings.cli"]
    cmd = [*tidings, "ingest", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", "20"]
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
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT origin) FROM documents").fetchone() == (200, 200)
        per_doc = conn.execute("SELECT doc_id, count(*) FROM mentions GROUP BY doc_id").fetchall()
        assert len(per_doc) == 200  # every document coded
        unplaced = conn.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL").fetchone()[0]
        assert unplaced == 0  # and every mention merged into an event
    third = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert "0 ingested" in third.stdout and _count(db, "mentions") == sum(n for _, n in per_doc)
