"""The shapes of the HTTP API's answers, for its OpenAPI schema.

They document what the handlers return (dicts built by the store) and are checked against
live answers by the schemathesis run of the tests; they are not applied to each answer, so
serving costs nothing more. Fields not named here may be present: clients ignore them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ProblemBody(BaseModel):
    status: int = Field(description="the HTTP status, repeated")
    message: str = Field(description="what is wrong and what to do")
    details: list[Any] = Field(description="for 422: one {where, problem} per bad parameter")


class Problem(BaseModel):
    """Every error of the API has this one shape."""

    error: ProblemBody


class ActorRef(BaseModel):
    id: str
    name: str
    org: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None


class SpanOut(BaseModel):
    start: int
    end: int
    label: str


class Mention(BaseModel):
    mention_id: str
    evidence: str
    spans: list[SpanOut] = []
    why: str | None = Field(None, description="on what grounds this report joined the event")


class Report(BaseModel):
    doc_id: str
    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    copy_of: str | None = Field(None, description="the document this one is a wire copy of")
    mentions: list[Mention]


class Event(BaseModel):
    id: str
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    cameo: str | None = None
    date: str | None = Field(description="YYYY-MM-DD; null when the text gives no date")
    date_precision: str
    date_basis: str | None = None
    sources: list[ActorRef]
    targets: list[ActorRef]
    location: str | None = None
    confidence: float
    independent_sources: int | None = None
    evidence: dict[str, Any] | None = Field(None, description="the report that tells most")
    reports: list[Report]
    background: bool = Field(
        False,
        description="history or context the articles mention in passing, "
        "not their news; left out of dyad timelines by default",
    )
    within: str | None = Field(
        None,
        description="id of the meeting this statement was made at "
        "(praise, thanks, briefings): it counts with that meeting",
    )
    statements: list[dict[str, Any]] | None = Field(
        None, description="in a dyad timeline: what was said at this meeting"
    )


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[Event]


class ActorSummary(BaseModel):
    actor_id: str
    kind: str
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    events: int


class ActorList(BaseModel):
    actors: list[ActorSummary]


class Role(BaseModel):
    role: str
    org: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    documents: int


class Counterpart(BaseModel):
    id: str
    name: str
    events: int


class ActorProfile(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    aliases: list[str]
    roles: list[Role]
    events: int
    events_by_type: dict[str, int]
    counterparts: list[Counterpart]


class Dyad(BaseModel):
    a: str
    b: str
    events: list[Event]
    total: int
    by_type: dict[str, int]
    by_month: dict[str, dict[str, int]] = Field(description="YYYY-MM -> type -> events")


class SearchHit(BaseModel):
    kind: Literal["evidence", "article"]
    event_id: str | None = None
    doc_id: str
    snippet: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


class SearchResults(BaseModel):
    q: str
    hits: list[SearchHit]


class Named(BaseModel):
    id: str
    name: str


class BusyDyad(BaseModel):
    a: Named
    b: Named
    events: int


class Stats(BaseModel):
    documents: int
    events: int
    mentions: int
    actors: int
    failures: int
    wire_copies: int
    outlets: dict[str, int]
    events_by_type: dict[str, int]
    events_by_month: dict[str, int]
    first_date: str | None = None
    last_date: str | None = None
    busiest_dyads: list[BusyDyad]
    latest: list[Event]


class FailureOut(BaseModel):
    origin: str
    stage: str
    reason: str
    source_id: str | None = None
    recorded_at: str


class FailureList(BaseModel):
    failures: list[FailureOut]
