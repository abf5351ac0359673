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

A report from a page with no date at all (no date in the text that resolves, no publication
date) is not lost to merging, but it needs stronger evidence: every actor on both sides a
person named by both reports, and one candidate only. Its weekday ("spoke by telephone
Monday") must be the weekday of a dated event; two undated reports of the same people from
different pages merge only when they name the same place, and their weekdays, if any, agree.

Blocking keeps this near-linear: an event is found only through keys of its type and the
identities of its actors (actor id, organisation, country) within a window of days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .kb import KnowledgeBase, norm
from .names import two_offices
from .records import Actor

Day = date  # the type, by a name the field `Occurrence.date` does not shadow
DAY_TOLERANCE = 1
UNDATED_TOLERANCE = 2
WINDOW = timedelta(days=DAY_TOLERANCE + UNDATED_TOLERANCE)
UNDATED = date(1, 1, 1)  # the blocking day of an event with no day at all
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MUTUAL_TYPES = {"CONSULT"}
# verbal acts: two of one kind in one text are two statements (its headline and lead are
# one already, `occasions.headline_as_lead`); a meeting or an attack is often told twice
STATEMENTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "SANCTION"}
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


def same_actor(a: Who, b: Who, one_text: bool = False) -> bool:
    """One actor, or a person and the body they act for, or a state actor and its country, or
    one person named in full by one outlet and in part by another ("Barack Obama", "President
    Obama"), of no different countries."""
    if a.id == b.id:
        return True
    if a.kind == b.kind == "person" and one_text and two_offices(a.role, b.role):
        return False  # one text's two people ("President Aoun ... Commander Joseph Aoun") are two
    if (
        a.kind == b.kind == "person"
        and _one_name(a.name, b.name)
        and (a.country is None or b.country is None or a.country == b.country)
    ):
        return True
    for x, y in ((a, b), (b, a)):
        if x.kind == "person" and x.org and x.org == y.id:
            return True
        if (
            y.kind == "country"
            and x.kind != "country"
            and x.country == y.id
            and x.sector in STATE_SECTORS
            and not _other_office(x, y)
        ):
            return True
    return False


def _other_office(x: Who, y: Who) -> bool:
    """A country named by one of its offices ("the President of Russia", told without a
    name) is not a person who holds another ("Foreign Minister Lavrov")."""
    return x.kind == "person" and y.role != "implied recipient" and two_offices(x.role, y.role)


def _one_name(a: str, b: str) -> bool:
    """The same surname, or one name's words all in the other's ("John" in a report that
    left out the surname, "John Kerry" in another)."""
    x, y = norm(a).split(), norm(b).split()
    if not x or not y:
        return False
    return x[-1] == y[-1] or set(x) <= set(y) or set(y) <= set(x)


@dataclass
class Occurrence:
    """What merging knows of a stored event (or of a new mention)."""

    id: str
    type: str
    date: Day | None
    published: Day | None  # the earliest publication date of its reports
    location: str | None
    sources: list[Who]
    targets: list[Who]
    docs: set[str] = field(default_factory=set)
    weekday: int | None = None  # an undated report's weekday ("on Friday"), 0 for Monday

    @property
    def day(self) -> Day | None:
        return self.date or self.published

    def blocking_keys(self) -> set[str]:
        return {f"{self.type}|{i}" for w in (*self.sources, *self.targets) for i in w.identities()}

    def person_keys(self) -> set[str]:
        """The keys an undated report is found by: the people it names, also by surname (an
        outlet's "President Obama" may not yet be known as "Barack Obama")."""
        people = [w for w in (*self.sources, *self.targets) if w.kind == "person"]
        return {f"{self.type}|{w.id}" for w in people} | {
            f"{self.type}|surname:{norm(w.name).split()[-1]}" for w in people if norm(w.name).split()
        }

    @property
    def all_people(self) -> bool:
        return bool(self.sources or self.targets) and all(
            w.kind == "person" for w in (*self.sources, *self.targets)
        )

    def absorb(self, other: Occurrence) -> None:
        """Add what a joining mention adds: actors not yet named, a date, a place."""
        for mine, theirs in ((self.sources, other.sources), (self.targets, other.targets)):
            for w in theirs:
                if not any(same_actor(w, v) for v in (*self.sources, *self.targets)):
                    mine.append(w)
        self.date = self.date or other.date
        self.weekday = self.weekday if self.weekday is not None else other.weekday
        self.location = self.location or other.location
        if other.published and (self.published is None or other.published < self.published):
            self.published = other.published
        self.docs |= other.docs


def _subset_match(mine: list[Who], theirs: list[Who], one_text: bool = False) -> list[tuple[Who, Who]] | None:
    """Pairs (mine, theirs) when every actor of the smaller list is one of the other's."""
    pairs: list[tuple[Who, Who]] = []
    if len(mine) <= len(theirs):
        for w in mine:
            v = next((v for v in theirs if same_actor(w, v, one_text)), None)
            if v is None:
                return None
            pairs.append((w, v))
    else:
        for v in theirs:
            found = next((w for w in mine if same_actor(w, v, one_text)), None)
            if found is None:
                return None
            pairs.append((found, v))
    return pairs


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
    elif m.day is None or e.day is None:
        found = _undated_agreement(m, e)
        if found is None:
            return None
        gap, when = 0, found
    else:
        gap = abs((m.day - e.day).days)
        if gap > UNDATED_TOLERANCE:
            return None
        when = f"{'date' if m.date else 'published'} {m.day} and {'date' if e.date else 'published'} {e.day}"
    if _places_differ(m.location, e.location, kb):
        return None
    if m.docs & e.docs and m.location and e.location and norm(m.location) != norm(e.location):
        return None  # one text naming two places tells of two occurrences
    if m.docs & e.docs and m.type in STATEMENTS:
        return None  # one text telling two statements of one kind: the coder has told them apart
    pairs = _subset_match(m.sources + m.targets, e.sources + e.targets, bool(m.docs & e.docs))
    if not pairs:
        return None
    directed = m.type not in MUTUAL_TYPES and m.targets and e.targets
    if directed and any((a in m.sources) != (b in e.sources) for a, b in pairs):
        return None  # "A accused B" and "B accused A" are two events
    who = "; ".join(a.name if a.id == b.id else f"{a.name} ~ {b.name}" for a, b in pairs)
    where = f"; place {e.location}" if m.location and e.location else ""
    score = len(pairs) + (m.date is not None and m.date == e.date) + bool(where) - gap * 0.1
    return score, f"same type {m.type}; actors {who}; {when}{where}"


def _undated_agreement(m: Occurrence, e: Occurrence) -> str | None:
    """Whether a report with no day at all may be one with another (which may have one):
    the same people only, and the weekday each names, if any, agreeing. Says why."""
    if not (m.all_people and e.all_people) or len(m.sources) + len(m.targets) < 2:
        return None
    if m.docs & e.docs:
        return "one undated report"  # as a dated page's mentions share its day
    dated = m if m.day is not None else e if e.day is not None else None
    undated = e if dated is m else m
    if dated is not None and dated.day is not None:
        if undated.weekday is None or dated.day.weekday() != undated.weekday:
            return None
        return f"an undated report of a {WEEKDAY_NAMES[undated.weekday]} and {dated.day}"
    if m.weekday is not None and e.weekday is not None and m.weekday != e.weekday:
        return None
    if not (m.location and e.location and norm(m.location) == norm(e.location)):
        return None  # the same people met more than once: only the place can tell it is one occasion
    return f"two undated reports of the same people in {e.location}"


class Merger:
    """Events near in time, indexed by blocking key and day; assigns each mention to an event."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.events: dict[str, Occurrence] = {}
        self.by_key: dict[tuple[str, date], set[str]] = {}
        self.by_person: dict[str, set[str]] = {}  # all events by the people they name, on any day

    def add(self, occurrences: Iterable[Occurrence]) -> None:
        for o in occurrences:
            self.events[o.id] = o
            for k in o.blocking_keys():
                self.by_key.setdefault((k, o.day or UNDATED), set()).add(o.id)
            for k in o.person_keys():
                self.by_person.setdefault(k, set()).add(o.id)

    def _near(self, m: Occurrence) -> set[str]:
        """Events sharing a blocking key with the mention within ``WINDOW`` of its day; for
        an undated mention, those naming its people on any day, and undated ones for any."""
        if m.day is None:
            return {i for k in m.person_keys() for i in self.by_person.get(k, ())}
        days = [m.day + timedelta(days=d) for d in range(-WINDOW.days, WINDOW.days + 1)] + [UNDATED]
        return {i for k in m.blocking_keys() for day in days for i in self.by_key.get((k, day), ())}

    def place(self, m: Occurrence) -> tuple[Occurrence, str | None]:
        """The event a mention belongs to (a new one when none fits) and why it joined. A
        mention or an event with no day joins only the one event that fits."""
        best: tuple[float, str, Occurrence] | None = None
        undated_fits = 0
        for event_id in sorted(self._near(m)):
            e = self.events[event_id]
            found = agreement(m, e, self.kb)
            if found is not None and (m.day is None or e.day is None):
                undated_fits += 1
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], found[1], e)
        if best is not None and undated_fits > 1 and (m.day is None or best[2].day is None):
            best = None  # which of several it reports cannot be told without a day
        if best is None:
            self.add([m])
            return m, None
        event = best[2]
        event.absorb(m)
        self.add([event])  # under its (possibly new) day; an entry under the old day is harmless
        return event, best[1]


__all__ = [
    "DAY_TOLERANCE",
    "UNDATED",
    "Merger",
    "Occurrence",
    "UNDATED_TOLERANCE",
    "WINDOW",
    "Who",
    "agreement",
    "same_actor",
]
