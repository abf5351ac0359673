"""The article's entity table: one entity per actor with all its mentions (full name,
surname, title-only references, pronouns, "the two leaders", "both sides"), so every event
names an actor the same way; and the document's actors as records."""

from __future__ import annotations

from dataclasses import replace

from ..names import person_key
from ..records import Actor, DocActor
from ..resolve import kind_of
from .anaphora import Anaphora
from .entities import link_short_names, unique_short_names
from .mentions import PAIR_NOUNS, Mention

PAIR_REACH = 80  # tokens back to the second of "the presidents" (two or three sentences)


class EntityTable(Anaphora):
    """Mentions linked into one entity per actor of the document."""

    # within-document resolution --------------------------------------------
    def _resolve_people(self) -> None:
        """Link "Sims" to "Joe Sims" and "Lam" to "To Lam" (by the short form their naming
        tradition uses), wherever in the document the full name comes (a headline may use the
        short one first), and merge what each mention tells of a person."""
        people = [m for m in self.mentions() if m.kind == "person"]
        keys = [(m.key, m.actor.country) for m in people]
        links = link_short_names(keys)
        first: dict[str, int] = {}  # where each name is first given
        for m in people:
            first.setdefault(m.key, m.start)
        self.table.people.clear()
        for m in people:
            key = links.get(m.key, m.key)
            if key != m.key and self._named_later_in_sentence(m.start, first.get(key)):
                key = m.key  # "President Aoun, ..., and Commander Joseph Aoun": two people
            self.table.learn(key, m.actor)
            self.table.rekey(m, key)
        self._short_names = unique_short_names(keys)

    def _named_later_in_sentence(self, at: int, full_at: int | None) -> bool:
        """A short name whose full name comes later in its own sentence is someone else: news
        gives a name in full first, and never names one person twice in one sentence."""
        return (
            full_at is not None and full_at > at and self.doc[at].sent.start == self.doc[full_at].sent.start
        )

    def _short_mentions(self) -> None:
        """A lone proper noun that is the short form of a person named in the document is that
        person, whatever the tagger made of it ("Wekesa, Mrisho hold talks"; "Okello pledged")."""
        for tok in self.tokens:
            taken = self.by_token.get(tok.i)
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.consumed:
                continue
            if taken is not None and not (
                taken.kind == "org"
                and taken.start == tok.i
                and taken.end == tok.i + 1
                and self.kb.org(tok.text) is None
            ):
                continue
            key = self._short_names.get(person_key(tok.text, self.kb))
            if key is not None:
                self.table.put(Mention(tok.i, tok.i + 1, self.people[key], "person", key))

    def _link_pairs(self) -> None:
        """ "The two leaders", "both sides": the last two people named, one on each token, so
        that the phrase names both ("The two leaders spoke by telephone")."""
        for tok in self.tokens:
            if tok.lower_ not in PAIR_NOUNS:
                continue
            count = [c for c in tok.children if c.lower_ in ("two", "both")]
            bare = not count  # "the parties signed", "The Presidents reached an agreement"
            if bare:
                count = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            if not count or tok.i in self.by_token or count[0].i in self.by_token:
                continue
            first = self._last_person(count[0].i, None)
            second = self._last_person(first.start, None, exclude={first.key}) if first is not None else None
            if first is None or second is None:
                continue
            if bare and tok.lower_ not in ("parties", "sides") and not self._a_pair(first, second, tok.i):
                continue
            # the noun, read first, is the one named first: the side named first leads (GUIDELINES 5)
            self.table.put(first, count[0].i, count[0].i + 1)
            self.table.put(second, tok.i, tok.i + 1)

    def _a_pair(self, first: Mention, second: Mention, at: int) -> bool:
        """Whether "the presidents" with no number means the last two people named: both of
        them named in the last few sentences, and of two countries."""
        a, b = self.people.get(first.key, first.actor), self.people.get(second.key, second.actor)
        return (
            at - second.start <= PAIR_REACH and a.country is not None and b.country not in (None, a.country)
        )

    def _link_anaphors(self) -> None:
        """Give "He", "She" and "the Vietnamese official" the mention of the person they mean."""
        self._link_pairs()
        for tok in self.tokens:
            if not self.may_refer_back(tok):
                continue
            taken = self.by_token.get(tok.i)
            by_role = (
                taken is not None
                and taken.kind == "group"
                and (
                    taken.end == tok.i + 1 or taken.start == tok.i
                )  # "the Kenyan leader", "the president of X"
                and getattr(self.kb.roles.get(tok.lower_), "kind", None) == "person"
            )
            if taken is not None and not by_role or tok.i in self.consumed:
                continue
            found = self.resolve_anaphor(tok)
            if found is not None:
                start, end = (taken.start, taken.end) if taken is not None else (tok.i, tok.i + 1)
                self.table.put(found, start, end)

    def mentions(self) -> list[Mention]:
        return self.table.mentions()

    def actor_of(self, m: Mention) -> Actor:
        """The doc-level view of a mention's actor (a person's full name and roles)."""
        return self.table.actor_of(m)

    def doc_actors(self) -> list[DocActor]:
        """Every actor of the document once, with all the names it is given here."""
        found: dict[str, DocActor] = {}
        for m in self.mentions():
            actor = self.actor_of(m)
            surface = self.doc[m.start : m.end].text
            kind = "person" if m.kind == "person" else kind_of(actor.id, self.kb)
            if m.kind == "group" and kind == "person":
                continue  # "the Vietnamese official" is only a name of a person
            name = actor.name if kind != "person" else self.people.get(m.key, actor).name
            prev = found.get(actor.id)
            names = (prev.names if prev else ()) + ((surface,) if self._is_name_of(m, surface, name) else ())
            found[actor.id] = DocActor(
                actor.id,
                kind,
                name,
                tuple(dict.fromkeys(names)),
                actor.org,
                actor.role if kind == "person" else None,
                actor.country,
                actor.sector if kind != "country" else None,
            )
        for acr, actor in self.acronyms.items():
            if actor.id in found:
                prev = found[actor.id]
                found[actor.id] = replace(prev, names=tuple(dict.fromkeys((*prev.names, acr))))
        return list(found.values())

    def _is_name_of(self, m: Mention, surface: str, name: str) -> bool:
        """Whether a mention's text is a name of its actor (not "He", "the party", "leaders of X")."""
        if m.kind == "person":
            return bool(set(person_key(surface, self.kb).split()) & set(person_key(name, self.kb).split()))
        return m.kind == "org" and surface[:1].isupper() and not surface.lower().startswith("the party")

    def infer_party_membership(self) -> None:
        """A person from country C with no organisation, in a text naming exactly one party
        of C, is taken to act for that party (the usual party-to-party visit report)."""
        parties = {m.actor.org for m in self.mentions() if m.kind == "org" and m.actor.sector == "PTY"}
        by_country: dict[str, list[str]] = {}
        for pid in parties:
            if pid is None:
                continue
            org = self.kb.org_by_id.get(pid)
            if org is not None:
                by_country.setdefault(org.code, []).append(pid)
        for key, person in list(self.people.items()):
            owners = by_country.get(person.country or "", [])
            if person.org is None and len(owners) == 1 and person.sector in (None, "GOV", "PTY"):
                self.table.fill(key, org=owners[0])
