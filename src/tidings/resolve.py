"""Actor resolution across documents: every document's actors map to canonical actors.

Countries (ISO3) and organisations of the knowledge base are canonical already. People and
other organisations are matched by alias keys (see :mod:`tidings.names`): the same personal
name with a compatible country and organisation is the same person; a lone short name
("Lam") is a known person only when exactly one compatible person is called so. Analysts'
decisions (merge, split, rename) are rules applied after matching, so they hold for
documents ingested later and when everything is resolved again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .kb import KnowledgeBase
from .names import org_key, person_key, short_form
from .records import Actor, DocActor, is_country_id


@dataclass(frozen=True)
class ActorEntry:
    """A canonical actor."""

    id: str
    kind: str  # person, org, country, group
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None


def kind_of(actor_id: str, kb: KnowledgeBase) -> str:
    """What an actor id names, from its form alone."""
    if actor_id.startswith("person:"):
        return "person"
    if actor_id.startswith("group:"):
        return "group"
    if is_country_id(actor_id) and actor_id not in kb.org_by_id:
        return "country"
    return "org"


@dataclass
class Decisions:
    """Analysts' corrections, as rules over resolved ids and the names actors were given."""

    redirects: dict[str, str] = field(default_factory=dict)  # merged id -> kept id
    splits: dict[tuple[str, str], tuple[str, str]] = field(
        default_factory=dict
    )  # (id, alias key) -> (id, name)
    names: dict[str, str] = field(default_factory=dict)  # id -> display name
    kept: dict[str, dict] = field(default_factory=dict)  # id merged into -> its fields when decided

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> Decisions:
        d = cls()
        for action, payload in rows:
            d.add(action, json.loads(payload))
        return d

    def add(self, action: str, p: dict) -> None:
        if action == "merge":
            for old in p["merge"]:
                self.redirects[old] = p["into"]
            if p.get("entry"):
                self.kept[p["into"]] = p["entry"]
        elif action == "split":
            self.splits[(p["actor"], p["key"])] = (p["new_id"], p["name"])
        elif action == "rename":
            self.names[p["actor"]] = p["name"]
        else:
            raise ValueError(f"unknown decision {action!r}")

    def follow(self, actor_id: str) -> str:
        seen = {actor_id}
        while actor_id in self.redirects and self.redirects[actor_id] not in seen:
            actor_id = self.redirects[actor_id]
            seen.add(actor_id)
        return actor_id

    def apply(self, actor_id: str, keys: Iterable[str]) -> str:
        """The id after merges, then after a split of the names it was given."""
        actor_id = self.follow(actor_id)
        for key in keys:
            split = self.splits.get((actor_id, key))
            if split is not None:
                return self.follow(split[0])
        return actor_id


class ActorIndex:
    """Canonical actors and the alias keys that lead to them; grows as documents arrive.

    New entries and aliases since the last :meth:`drain` are kept for the store to write.
    """

    def __init__(self, kb: KnowledgeBase, decisions: Decisions | None = None) -> None:
        self.kb = kb
        self.decisions = decisions or Decisions()
        self.entries: dict[str, ActorEntry] = {}
        self.keys: dict[str, list[str]] = {}  # alias key -> actor ids
        self.new_entries: dict[str, ActorEntry] = {}
        self.new_aliases: set[tuple[str, str, str]] = set()  # (key, actor id, alias)
        self.persisted: set[str] = set()  # ids the store has rows for

    # loading and draining ------------------------------------------------------
    def load(self, entries: Iterable[ActorEntry], aliases: Iterable[tuple[str, str]]) -> None:
        for e in entries:
            self.entries[e.id] = e
            self.persisted.add(e.id)
        for key, actor_id in aliases:
            ids = self.keys.setdefault(key, [])
            if actor_id not in ids:
                ids.append(actor_id)

    def drain(self) -> tuple[list[ActorEntry], list[tuple[str, str, str]]]:
        entries, aliases = list(self.new_entries.values()), sorted(self.new_aliases)
        self.new_entries.clear()
        self.new_aliases.clear()
        return entries, aliases

    # resolving -----------------------------------------------------------------
    def resolve(self, a: DocActor, apart: frozenset[str] = frozenset()) -> ActorEntry:
        """The canonical actor of a document's actor (created when none fits); a person is
        none of `apart`, the canonical people its document's other people already are."""
        if a.kind == "person":
            entry, keys = self._person(a, apart)
        elif a.kind == "country":
            entry, keys = self._fixed(a, a.id), [f"country:{a.id}"]
        elif a.kind == "group":
            gid = f"{a.id}@{a.country}" if a.country else a.id
            entry, keys = self._fixed(replace(a, id=gid), gid), [f"group:{gid}"]
        else:
            entry, keys = self._org(a)
        final = self.decisions.apply(entry.id, keys)
        if final != entry.id:
            entry = self.entries.get(final) or self._decided(final, entry)
        if entry.id not in self.entries:
            self._create(entry)
        if entry.id in self.decisions.names and entry.name != self.decisions.names[entry.id]:
            entry = self._update(replace(entry, name=self.decisions.names[entry.id]))
        for key in keys:
            self._alias(key, entry.id, a.name)
        for name in a.names:
            self._alias(f"name:{name.lower()}", entry.id, name)
        return entry

    def resolve_event_actor(self, actor: Actor, doc_actors: dict[str, DocActor]) -> ActorEntry:
        """An event's actor by the document actor it came from (or by itself)."""
        known = doc_actors.get(actor.id)
        if known is None:
            known = DocActor(
                id=actor.id,
                kind=kind_of(actor.id, self.kb),
                name=actor.name,
                names=(actor.name,),
                org=actor.org,
                role=actor.role,
                country=actor.country,
                sector=actor.sector,
            )
            doc_actors[actor.id] = known
        return self.resolve(known)

    def _decided(self, actor_id: str, entry: ActorEntry) -> ActorEntry:
        """An actor a decision names that no document has produced yet in this run: a merge
        target (as it was when merged) or a split-off actor."""
        kept = self.decisions.kept.get(actor_id)
        if kept is not None:
            made = self._create(
                ActorEntry(
                    actor_id,
                    kept["kind"],
                    kept["name"],
                    kept.get("country"),
                    kept.get("org"),
                    kept.get("sector"),
                )
            )
            if made.kind == "person":
                key = person_key(made.name, self.kb)
                self._alias(f"person:{key}", actor_id, made.name)
                self._alias(f"short:{short_form(key, made.country)}", actor_id, made.name)
            return made
        name = next((n for sid, n in self.decisions.splits.values() if sid == actor_id), entry.name)
        return replace(entry, id=actor_id, name=name)

    def _fixed(self, a: DocActor, actor_id: str) -> ActorEntry:
        entry = self.entries.get(actor_id)
        if entry is None:
            org = self.kb.org_by_id.get(actor_id)
            entry = ActorEntry(
                actor_id,
                a.kind,
                org.name if org else a.name,
                a.country,
                a.org if a.kind == "org" else None,
                org.sector if org else None,
            )
        return entry

    def _org(self, a: DocActor) -> tuple[ActorEntry, list[str]]:
        keys = [f"org:{org_key(n, self.kb)}" for n in (a.name, *a.names) if org_key(n, self.kb)]
        keys = list(dict.fromkeys(keys))
        if a.id in self.kb.org_by_id or a.id in self.entries:
            return self._fixed(a, a.id), keys
        for key in keys:
            for actor_id in self.keys.get(key, ()):
                entry = self.entries[actor_id]
                if entry.kind == "org" and _compatible(entry.country, a.country):
                    return self._fill(entry, a), keys
        return ActorEntry(self._free_id(a.id), "org", a.name, a.country, a.id, a.sector), keys

    def _person(self, a: DocActor, apart: frozenset[str] = frozenset()) -> tuple[ActorEntry, list[str]]:
        key = person_key(a.name, self.kb) or a.name.lower()
        keys = [f"person:{key}"]
        words = key.split()
        if len(words) > 1:
            keys.append(f"short:{short_form(key, a.country)}")
        candidates = [self.entries[i] for i in self.keys.get(f"person:{key}", ())]
        if not candidates and len(words) == 1:  # "Lam": a known person called so, if only one fits
            short = [self.entries[i] for i in self.keys.get(f"short:{key}", ())]
            fitting = [
                e
                for e in short
                if e.id not in apart and _compatible(e.country, a.country) and _compatible(e.org, a.org)
            ]
            if len(fitting) == 1 and (a.country or a.org or a.role):
                candidates = fitting
        fitting = [
            e
            for e in candidates
            if e.kind == "person"
            and e.id not in apart
            and _compatible(e.country, a.country)
            and _compatible(e.org, a.org)
        ]
        if fitting:
            best = max(fitting, key=lambda e: (e.country == a.country) + (e.org == a.org))
            return self._fill(best, a), keys
        base = "person:" + key.replace(" ", "-")
        return ActorEntry(self._free_id(base, a.country), "person", a.name, a.country, a.org, a.sector), keys

    # bookkeeping ---------------------------------------------------------------
    def _free_id(self, base: str, qualifier: str | None = None) -> str:
        if base not in self.entries:
            return base
        stem = f"{base}~{qualifier.lower()}" if qualifier else base
        n, candidate = 2, stem
        while candidate in self.entries:
            candidate, n = f"{stem}-{n}", n + 1
        return candidate

    def _fill(self, entry: ActorEntry, a: DocActor) -> ActorEntry:
        fuller = (
            entry.kind == "person"
            and entry.id not in self.decisions.names
            and set(person_key(entry.name, self.kb).split()) < set(person_key(a.name, self.kb).split())
        )
        better = replace(
            entry,
            country=entry.country or a.country,
            org=entry.org or a.org,
            sector=entry.sector or a.sector,
            name=a.name if fuller else entry.name,
        )
        return better if better == entry else self._update(better)

    def _create(self, entry: ActorEntry) -> ActorEntry:
        self.entries[entry.id] = entry
        self.new_entries[entry.id] = entry
        return entry

    def _update(self, entry: ActorEntry) -> ActorEntry:
        return self._create(entry)

    def _alias(self, key: str, actor_id: str, alias: str) -> None:
        ids = self.keys.setdefault(key, [])
        if actor_id not in ids:
            ids.append(actor_id)
            self.new_aliases.add((key, actor_id, alias))


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


__all__ = ["ActorEntry", "ActorIndex", "Decisions", "kind_of"]
