"""The article's entity table, as data: which mention each token belongs to, and for each
person the best-known actor (all that the article's mentions of them tell). It knows nothing
of parsing; the readers (`named`, `groups`, `floor`, `anaphora`) fill it and the linking steps
(`table`) join its mentions into one entity per actor. `link_short_names` is the name rule it
uses, on plain keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..names import short_form
from ..records import Actor
from .mentions import Mention, _merge


@dataclass(frozen=True)
class Entity:
    """One actor of the article with every mention the table gives it."""

    key: str  # a person's key ("joe sims"), else the actor's id
    kind: str  # person, org, country, group
    actor: Actor  # the best-known actor: a person's full name, role, country
    mentions: tuple[Mention, ...]


@dataclass
class Entities:
    """Token -> mention, and person key -> best-known actor."""

    by_token: dict[int, Mention] = field(default_factory=dict)
    people: dict[str, Actor] = field(default_factory=dict)

    def at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def claim(self, m: Mention) -> bool:
        """Give a mention its tokens when none is taken (the first, longest reading wins)."""
        if any(i in self.by_token for i in range(m.start, m.end)):
            return False
        self.put(m)
        return True

    def put(self, m: Mention, start: int | None = None, end: int | None = None) -> None:
        """Give tokens `start`..`end` (the mention's own span by default) to a mention,
        whatever held them: an anaphor ("He", "the Kenyan leader") taking its referent."""
        start = m.start if start is None else start
        end = m.end if end is None else end
        linked = m if (start, end) == (m.start, m.end) else replace(m, start=start, end=end)
        for i in range(start, end):
            self.by_token[i] = linked

    def rekey(self, m: Mention, key: str) -> None:
        """Make a mention one of the person `key` ("Sims" of "Joe Sims")."""
        if key != m.key:
            self.put(replace(m, key=key))

    def learn(self, key: str, actor: Actor) -> None:
        """Add what a mention tells of a person to what is known of them."""
        known = self.people.get(key)
        self.people[key] = _merge(known, actor) if known else actor

    def fill(self, key: str, **fields: str | None) -> None:
        """Set a person's fields the article had left open (a later "the Kenyan leader")."""
        person = self.people[key]
        missing = {k: v for k, v in fields.items() if v is not None and getattr(person, k) is None}
        if missing:
            self.people[key] = replace(person, **missing)

    def mentions(self) -> list[Mention]:
        """Every mention once, in text order."""
        seen: set[int] = set()
        out: list[Mention] = []
        for i in sorted(self.by_token):
            m = self.by_token[i]
            if id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def actor_of(self, m: Mention) -> Actor:
        """The article-level view of a mention's actor: a person's full name, with the role
        this mention gives, if any."""
        if m.kind == "person" and m.key in self.people:
            person = self.people[m.key]
            return replace(person, role=m.actor.role or person.role)
        return m.actor

    def entities(self) -> Iterator[Entity]:
        """The table by entity: each person (by key) and each other actor (by id) once,
        with its mentions in text order."""
        grouped: dict[tuple[str, str], list[Mention]] = {}
        for m in self.mentions():
            key = m.key if m.kind == "person" else m.actor.id
            grouped.setdefault((m.kind, key), []).append(m)
        for (kind, key), found in grouped.items():
            actor = self.people.get(key, found[0].actor) if kind == "person" else found[0].actor
            yield Entity(key, kind, actor, tuple(found))


def link_short_names(keys: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Which full name each short name of the article stands for: given person keys with
    their countries, "sims" -> "joe sims", "lam" -> "to lam" (Vietnamese names are called by
    the last word), "xi" -> "xi jinping" (Chinese by the first). A short name that two full
    names share ("kim" of two Kims) stays unlinked; a word of one full name only links to it;
    a shorter full name within one longer one ("tayyip erdogan") is that one."""
    keys = list(keys)
    full, links = _full_names(keys)
    by_short = _by_short_form(full)
    for key, _ in keys:
        if key in full or key in links:
            continue
        matches = by_short.get(key) or {k for k in full if key in k.split()}
        if len(matches) == 1:
            links[key] = next(iter(matches))
    return links


def unique_short_names(keys: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """The short forms that name one full name of the article ("okello" -> "james okello")."""
    by_short = _by_short_form(_full_names(list(keys))[0])
    return {short: next(iter(found)) for short, found in by_short.items() if len(found) == 1}


def _full_names(keys: list[tuple[str, str | None]]) -> tuple[dict[str, str | None], dict[str, str]]:
    """The article's full names (several words) with their countries, and the links of those
    that lie within one longer full name ("tayyip erdogan" -> "recep tayyip erdogan"), which
    are then no full names of their own."""
    full = {key: country for key, country in keys if len(key.split()) > 1}
    links: dict[str, str] = {}
    for key in full:
        longer = [k for k in full if len(k.split()) > len(key.split()) and _within(key.split(), k.split())]
        if len(longer) == 1:
            links[key] = longer[0]
    return {k: c for k, c in full.items() if k not in links}, links


def _by_short_form(full: dict[str, str | None]) -> dict[str, set[str]]:
    by_short: dict[str, set[str]] = {}
    for key, country in full.items():
        by_short.setdefault(short_form(key, country), set()).add(key)
    return by_short


def _within(words: list[str], longer: list[str]) -> bool:
    """Whether the words come in the longer name, in order ("tayyip erdogan" in "recep
    tayyip erdogan"), ending with its last word (the family name)."""
    rest = iter(longer)
    return words[-1] == longer[-1] and all(w in rest for w in words)


__all__ = ["Entities", "Entity", "link_short_names", "unique_short_names"]
