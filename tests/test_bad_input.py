"""Bad input never stops a batch; every bad document is listed with its reason (issue 2)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app

pytestmark = pytest.mark.model

GOOD = (
    "Kenyan Foreign Minister Amina Wekesa met Tanzanian President Halima Mrisho in Dodoma on "
    "Monday. The two leaders agreed to reopen the border post within thirty days."
)


def test_bad_inputs_are_recorded_and_good_ones_coded(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text("Border talks\n\n" + GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00data" * 20)
    (d / "latin1.txt").write_bytes(("Caf\xe9 talks " * 30).encode("latin-1"))
    (d / "huge.txt").write_text("word " * 400_000, encoding="utf-8")
    (d / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (d / "french.txt").write_text(
        "Le ministre des affaires étrangères a rencontré le président à Dodoma lundi pour discuter "
        "de la réouverture de la frontière entre les deux pays voisins, selon un communiqué officiel.",
        encoding="utf-8",
    )
    good_rec = {
        "id": "w-1",
        "outlet": "Wire",
        "published": "2025-03-04",
        "text": GOOD.replace("Monday", "Tuesday"),
    }
    (d / "dump.jsonl").write_text(
        json.dumps(good_rec) + "\n{not json\n" + json.dumps({"id": "w-2"}) + "\n", encoding="utf-8"
    )
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(app, ["ingest", str(d), "--db", db, "--max-bytes", "1000000"])
    assert result.exit_code == 1, result.output
    assert "2 ingested, 0 duplicates, 8 failed" in result.output
    assert "tidings failures" in result.output

    listed = CliRunner().invoke(app, ["failures", "--db", db, "--format", "jsonl"])
    rows = [json.loads(x) for x in listed.output.splitlines()]
    reasons = {r["origin"].split("/")[-1]: r["reason"] for r in rows}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "over the limit" in reasons["huge.txt"]
    assert "no article text" in reasons["nav.html"]
    assert "language 'fr'" in reasons["french.txt"]
    assert "not valid JSON" in reasons["dump.jsonl:2"]
    assert "no 'text'" in reasons["dump.jsonl:3"]

    events = CliRunner().invoke(app, ["events", "--db", db, "--format", "jsonl"])
    coded = [json.loads(x) for x in events.output.splitlines()]
    assert {r["reports"][0]["source_id"] for r in coded} >= {"w-1", None}


def test_missing_path_is_a_failure_not_a_crash(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "1 failed" in result.output
