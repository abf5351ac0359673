"""Shared fixtures. Tests that load the spaCy model are marked `model`; they run in CI."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def pipeline():
    from tidings.config import Options
    from tidings.pipeline import Pipeline

    return Pipeline(Options())


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}: place the shared folder beside the project")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, pipeline, seeds_dir) -> str:
    import tidings

    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    summary = tidings.ingest([str(seeds_dir)], options=tidings.resolve_options(db=db), pipeline=pipeline)
    assert not summary.failed, summary.failed
    return db


@pytest.fixture
def code_text(pipeline):
    """Code one text (with an optional publication date) and return the event dicts."""
    from tidings.dates import parse_published

    def run(text: str, published: str | None = "2024-10-08") -> list[dict]:
        [events] = pipeline.code_texts([(text, parse_published(published))])
        return [e.as_dict() for e in events]

    return run
