"""Typed records that flow between the stages of the pipeline.

RawDocument (ingest) -> Article (extract) -> EventMention (coding) -> stored Event.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any


def country_actor_id(iso3: str, org_ids: Collection[str]) -> str:
    """A country's actor id: its ISO3 code, unless a body the knowledge base knows has that
    id ("CPV", "NAM"); then "country:ISO3", so that Cabo Verde is never that body."""
    return f"country:{iso3}" if iso3 in org_ids else iso3


def is_country_id(actor_id: str) -> bool:
    return actor_id.startswith("country:") or len(actor_id) == 3 and actor_id.isupper()


def content_hash(text: str) -> str:
    """Stable id of a text: whitespace and case folded, so trivial re-encodings collide."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDocument:
    """One input record as read, before boilerplate removal."""

    origin: str  # path, "path:line" or "<stdin>"
    fmt: str  # "html", "text", "record"
    body: str  # html or text
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def key(self) -> str:
        """A hash of the input as read: a later run skips inputs it has stored before extracting them."""
        return content_hash(f"{self.fmt}\x00{self.url or ''}\x00{self.body}")


@dataclass(frozen=True)
class Article:
    """Clean article text with its metadata; `doc_id` is the hash of the text."""

    doc_id: str
    origin: str
    text: str
    source_id: str | None = None
    input_key: str | None = None  # RawDocument.key of the input it came from
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    author: str | None = None
    language: str = "en"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """A document that could not be processed, kept on record with the stage and reason."""

    origin: str
    stage: str
    reason: str
    source_id: str | None = None

    @property
    def key(self) -> str:
        return content_hash(f"{self.origin}\x00{self.stage}\x00{self.reason}")


@dataclass(frozen=True)
class Actor:
    """An actor as it takes part in one event: who, in which capacity, from where."""

    id: str
    name: str
    org: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "org": self.org,
            "role": self.role,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(frozen=True)
class DocActor:
    """An actor as one document knows it, with every name the document gives it
    ("To Lam", "Comrade To Lam", "Lam"); `id` is the document-level id events use."""

    id: str
    kind: str  # person, org, country, group
    name: str
    names: tuple[str, ...] = ()
    org: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Span:
    """A marked stretch of the evidence sentence (offsets relative to the sentence)."""

    start: int
    end: int
    label: str  # "trigger", "source", "target"


@dataclass(frozen=True)
class EventMention:
    """One coded event as one sentence of one document reports it."""

    type: str
    mode: str | None
    cameo: str | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    evidence: str
    start: int  # character offsets of the evidence sentence in the article text
    end: int
    trigger: str
    date: date | None = None
    date_precision: str = "unknown"  # day, month, year, unknown
    date_basis: str | None = None  # explicit, relative, dispatch, inherited, None
    location: str | None = None
    confidence: float = 0.5
    spans: tuple[Span, ...] = ()
    background: bool = False  # history or context the article mentions, not its news
    within: str | None = None  # id of the meeting (of the same document) this statement was made at

    @property
    def id(self) -> str:
        return content_hash(
            f"{self.evidence}\x00{self.start}\x00{self.type}\x00{self.trigger}"
            f"\x00{[a.id for a in self.sources]}\x00{[a.id for a in self.targets]}"
        )

    def as_dict(self) -> dict[str, Any]:
        from .ontology import cameo_code  # noqa: PLC0415  (light, avoids a cycle)

        return {
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo or cameo_code(self.type),
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "sources": [a.as_dict() for a in self.sources],
            "targets": [a.as_dict() for a in self.targets],
            "location": self.location,
            "confidence": round(self.confidence, 2),
            "background": self.background,
            "within": self.within,
            "trigger": self.trigger,
            "evidence": self.evidence,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
        }


@dataclass(frozen=True)
class DocumentResult:
    """What processing one document gives: its article and events, or a failure."""

    article: Article | None
    events: tuple[EventMention, ...] = ()
    failure: Failure | None = None
    actors: tuple[DocActor, ...] = ()
    bands: tuple[str, ...] | None = None  # MinHash band keys of the text (copies.py), computed with it


@dataclass
class IngestSummary:
    """What an ingest run did (:func:`tidings.api.ingest`); `failed` lists this run's failures,
    and `not_stored` the inputs read but not stored when the store stopped taking writes (the
    run stopped there)."""

    ingested: int = 0
    duplicates: int = 0
    events: int = 0  # event mentions coded in this run's documents
    failed: list[Failure] = field(default_factory=list)
    store: dict[str, int] = field(default_factory=dict)  # the store's counts afterwards
    not_stored: list[str] = field(default_factory=list)  # origins

    def line(self) -> str:
        line = (
            f"{self.ingested} ingested, {self.duplicates} duplicates, {len(self.failed)} failed"
            + (f", {len(self.not_stored)} not stored" if self.not_stored else "")
            + f"; {self.events} event mentions coded"
        )
        if self.store:
            line += (
                f"; the store holds {self.store['events']} events from {self.store['mentions']} mentions "
                f"({self.store['wire_copies']} wire copies) and {self.store['actors']} actors"
            )
        return line
