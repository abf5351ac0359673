"""Exceptions of tidings. Each says what went wrong and what to do about it.

The library raises; the CLI turns these into messages and exit codes. Per-document problems
are not raised out of a batch: they become :class:`tidings.records.Failure` records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import IngestSummary


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""


class InputError(TidingsError):
    """A source given by the user cannot be read at all (missing path, bad glob)."""


class DocumentError(TidingsError):
    """One document cannot be processed; the batch goes on and records it as a failure."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"[{stage}] {reason}")
        self.stage = stage
        self.reason = reason


class ModelError(TidingsError):
    """The spaCy model is missing or broken."""


class StoreError(TidingsError):
    """The event store cannot be opened or queried."""


class StoreWriteError(StoreError):
    """The store takes no more writes: its disk is full, it is read-only, or another program
    holds it. What was committed before stays in it, readable."""


class IngestStopped(TidingsError):
    """A run stopped before its end because the store took no more writes; `summary` says
    what was stored and what was not."""

    def __init__(self, message: str, summary: IngestSummary) -> None:
        super().__init__(message)
        self.summary = summary


class NotFound(TidingsError):
    """An id or name asked for is not in the store."""
