"""tidings: news in, political events out (PLOVER-coded, dated, with evidence)."""

from __future__ import annotations

from .api import IngestSummary, code, ingest
from .config import Options, resolve_options
from .records import Actor, Article, EventMention, Failure, RawDocument
from .store import Store

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Article",
    "EventMention",
    "Failure",
    "IngestSummary",
    "Options",
    "RawDocument",
    "Store",
    "code",
    "ingest",
    "resolve_options",
    "__version__",
]
