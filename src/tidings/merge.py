"""Cross-source merging: reports of one real-world occurrence become one event.

A new mention joins a stored event when
- the PLOVER type is the same;
- the actors agree on each side: every actor of the side that names fewer is one of the
  other side's, where a person agrees with the organisation they act for and a state actor
  with its country ("Kenyan Foreign Minister Amina Wekesa" ~ "Kenya"); an empty side agrees
  with anything. Meetings (CONSULT) are mutual: "A met B" and "B received A" agree;
- the dates agree: within ``DAY_TOLERANCE`` when both are known; otherwise the publication
  dates (or a date and a publication date) are within ``UNDATED_TOLERANCE``;
- the locations agree: unknown, or not two places of different countries or cities.

Blocking keeps this near-linear: an event is found only through keys of its type and the
identities of its actors (actor id, organisation, country) within a window of days.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .kb import KnowledgeBase, norm
from .records import Actor

DAY_TOLERANCE = 1
UNDATED_TOLERANCE = 2
WINDOW = timedelta(days=DAY_TOLERANCE + UNDATED_TOLERANCE)
MUTUAL_TYPES = {"CONSULT"}
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"}


@dataclass(frozen=True)
class Who(Actor):
    """A resolved (canonical) actor as merging sees it: an Actor and what kind it is. The role
    is the capacity a report gives; it is not used to match."""

    kind: str = "org"  # person, org, country, group

    def identities(self) -> set[str]:
        out = {self.id}
        if self.org:
            out.add(self.org)
        if self.country and len(self.country) == 3:
            out.add(self.country)
        return out


def same_actor(a: Who, b: Who) -> bool:
    """One actor, or a person and the body they act for, or a state actor and its country, or
    one person named in full by one outlet and by surname by another ("Barack Obama",
    "President Obama"), of no different countries."""
    if a.id == b.id:
        return True
    if a.kind == b.kind == "person" and _surname(a.name) == _surname(b.name) and \
            (a.country is None or b.country is None or a.country == b.country):
        return True
    for x, y in ((a, b), (b, a)):
        if x.kind == "person" and x.org and x.org == y.id:
            return True
        if y.kind == "country" and x.kind != "country" and x.country == y.id and x.sector in STATE_SECTORS:
            return True
    return False


def _surname(name: str) -> str:
    words = norm(name).split()
    return words[-1] if words else ""


@dataclass
class Occurrence:
    """What merging knows of a stored event (or of a new mention)."""

    id: str
    type: str
    date: date | None
    published: date | None  # the earliest publication date of its reports
    location: str | None
    sources: list[Who]
    targets: list[Who]
    docs: set[str] = field(default_factory=set)

    @property
    def day(self) -> date | None:
        return self.date or self.published

    def keys(self) -> set[str]:
        return {f"{self.type}|{i}" for w in (*self.sources, *self.targets) for i in w.identities()}

    def absorb(self, other: Occurrence) -> None:
        """Add what a joining mention adds: actors not yet named, a date, a place."""
        for mine, theirs in ((self.sources, other.sources), (self.targets, other.targets)):
            for w in theirs:
                if not any(same_actor(w, v) for v in (*self.sources, *self.targets)):
                    mine.append(w)
        self.date = self.date or other.date
        self.location = self.location or other.location
        if other.published and (self.published is None or other.published < self.published):
            self.published = other.published
        self.docs |= other.docs


def _subset_match(mine: list[Who], theirs: list[Who]) -> list[tuple[Who, Who]] | None:
    """Pairs (mine, theirs) when every actor of the smaller list is one of the other's."""
    if len(mine) <= len(theirs):
        pairs = [(w, next((v for v in theirs if same_actor(w, v)), None)) for w in mine]
    else:
        pairs = [(next((w for w in mine if same_actor(w, v)), None), v) for v in theirs]
    return None if any(x is None or y is None for x, y in pairs) else pairs  # type: ignore[misc]


def _places_differ(a: str | None, b: str | None, kb: KnowledgeBase) -> bool:
    """Two named places in different countries (a venue the knowledge base does not know,
    such as "State House", never conflicts)."""
    if not a or not b:
        return False
    na, nb = norm(a), norm(b)
    if na == nb or na in nb or nb in na:
        return False
    ca, cb = kb.country(a), kb.country(b)
    return ca is not None and cb is not None and ca != cb


def agreement(m: Occurrence, e: Occurrence, kb: KnowledgeBase) -> tuple[float, str] | None:
    """How well a mention fits an event (higher is better) and why, or None if it does not."""
    if m.type != e.type:
        return None
    if m.date and e.date:
        gap = abs((m.date - e.date).days)
        if gap > DAY_TOLERANCE:
            return None
        when = f"dates {m.date} and {e.date}"
    else:
        if m.day is None or e.day is None:
            return None
        gap = abs((m.day - e.day).days)
        if gap > UNDATED_TOLERANCE:
            return None
        when = f"{'date' if m.date else 'published'} {m.day} and {'date' if e.date else 'published'} {e.day}"
    if _places_differ(m.location, e.location, kb):
        return None
    if m.docs & e.docs and m.location and e.location and norm(m.location) != norm(e.location):
        return None  # one text naming two places tells of two occurrences
    pairs = _subset_match(m.sources + m.targets, e.sources + e.targets)
    if not pairs:
        return None
    if m.type not in MUTUAL_TYPES and m.targets and e.targets:
        if any((a in m.sources) != (b in e.sources) for a, b in pairs):
            return None  # "A accused B" and "B accused A" are two events
    who = "; ".join(a.name if a.id == b.id else f"{a.name} ~ {b.name}" for a, b in pairs)
    where = f"; place {e.location}" if m.location and e.location else ""
    score = len(pairs) + (m.date is not None and m.date == e.date) + bool(where) - gap * 0.1
    return score, f"same type {m.type}; actors {who}; {when}{where}"


class Merger:
    """Events near in time, indexed by blocking key and day; assigns each mention to an event."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.events: dict[str, Occurrence] = {}
        self.by_key: dict[tuple[str, date], set[str]] = {}

    def add(self, occurrences: Iterable[Occurrence]) -> None:
        for o in occurrences:
            self.events[o.id] = o
            if o.day is None:
                continue  # with neither a date nor a publication date nothing can join it
            for k in o.keys():
                self.by_key.setdefault((k, o.day), set()).add(o.id)

    def _near(self, m: Occurrence) -> set[str]:
        """Events sharing a blocking key with the mention within ``WINDOW`` of its day."""
        if m.day is None:
            return set()
        days = [m.day + timedelta(days=d) for d in range(-WINDOW.days, WINDOW.days + 1)]
        return {i for k in m.keys() for day in days for i in self.by_key.get((k, day), ())}

    def place(self, m: Occurrence) -> tuple[Occurrence, str | None]:
        """The event a mention belongs to (a new one when none fits) and why it joined."""
        best: tuple[float, str, Occurrence] | None = None
        for event_id in sorted(self._near(m)):
            e = self.events[event_id]
            found = agreement(m, e, self.kb)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], found[1], e)
        if best is None:
            self.add([m])
            return m, None
        event = best[2]
        event.absorb(m)
        self.add([event])  # under its (possibly new) day; an entry under the old day is harmless
        return event, best[1]


__all__ = ["DAY_TOLERANCE", "Merger", "Occurrence", "UNDATED_TOLERANCE", "WINDOW", "Who", "agreement",
           "same_actor"]
