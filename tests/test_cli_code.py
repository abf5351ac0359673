"""`tidings code`: records in, events out, no store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app

pytestmark = pytest.mark.model


def test_code_writes_one_line_per_record(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {"id": "a", "text": "Japan donated ambulances to Ghana on Thursday.", "date": "2024-10-08"}
        )
        + "\n"
        + json.dumps({"id": "b", "text": "Ghana praised Togo."})
        + "\n"
        + json.dumps({"id": "c"})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["code", str(src)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]
    assert lines[0]["events"][0]["type"] == "AID" and lines[0]["events"][0]["date"] == "2024-10-03"
    assert lines[0]["events"][0]["evidence"].startswith("Japan donated")
    assert "error" in lines[2]
