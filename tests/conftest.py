"""Shared fixtures. Tests that load the spaCy model are marked `model`; they run in CI."""

from __future__ import annotations

import os
from pathlib import Path
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "examples" / "corpus"

# Property-based tests: `ci` (the default) is bounded so that `make test` stays quick; run the
# fuzzers longer with `pytest --hypothesis-profile=long` (or HYPOTHESIS_PROFILE=long).
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


# The store tests run on both backends: SQLite (a file) and PostgreSQL (a fresh database on
# the server `make test` installs and starts; TIDINGS_TEST_PG names another).
PG_ADMIN = os.environ.get("TIDINGS_TEST_PG", "postgresql://tidings:tidings@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", "postgresql"]
_created: list[str] = []


def new_store(backend: str, folder: Path) -> str:
    """A fresh, empty store of that backend: a path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(folder / f"store-{uuid4().hex[:8]}.db")
    from sqlalchemy import create_engine, text

    engine = create_engine(
        PG_ADMIN.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as conn:
            name = f"tidings_test_{uuid4().hex[:12]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # the name is made here, not taken from input
    except Exception as e:  # noqa: BLE001
        pytest.skip(
            f"PostgreSQL is not reachable at {PG_ADMIN} ({type(e).__name__}); "
            "`make test` installs and starts it"
        )
    finally:
        engine.dispose()
    _created.append(name)
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    if not _created:
        return
    from sqlalchemy import create_engine, text

    engine = create_engine(
        PG_ADMIN.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as conn:
        for name in _created:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_db(request, tmp_path) -> str:
    """An empty store on each backend in turn."""
    return new_store(request.param, tmp_path)


@pytest.fixture(scope="session", params=BACKENDS)
def seeds_db(request, tmp_path_factory, pipeline, seeds_dir) -> str:
    import tidings

    db = new_store(request.param, tmp_path_factory.mktemp("seeds"))
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
