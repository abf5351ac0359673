"""Mentions from named entities: people, organisations (and their acronyms), governments
("the Government of X"), countries; never the dateline, the reporting agency or an
abstraction ("the international community")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Span

from ..kb import norm
from ..names import person_key
from ..records import Actor
from .groups import Groups
from .mentions import STATE_SECTORS, Mention, not_actor_words, org_actor, person_id
from .roles import Roles

OCCASION_MODIFIERS = {"press", "joint", "news", "media"}  # "Press Availability", "Joint Statement"


# nouns an occasion's proper name follows: "exercise Cope Tiger", "Operation Desert Shield"
NAMED_OCCASIONS = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres"}


class Named(Roles, Groups):
    """Mentions read from named entities."""

    def _reporter(self, m: Mention) -> bool:
        """The dateline ("LIMA, March 3 (Reuters) -") and the agency credited for the story."""
        span = self.doc[m.start : m.end]
        if self.dateline and self.dateline[0] <= span.start_char < self.dateline[1]:
            return True
        if span.text.lower() in self.agencies or m.actor.name.lower() in self.agencies:
            return True
        # a part of the agency's name the tagger cut out ("Voice" or "America" of "Voice of America")
        return any(start <= span.start_char < end for start, end in self._agency_names)

    @cached_property
    def _agency_names(self) -> list[tuple[int, int]]:
        """Where the text names the reporting agencies and outlet."""
        return [
            (m.start(), m.end())
            for a in self.agencies
            if len(a) > 2
            for m in re.finditer(rf"\b{re.escape(a)}\b", self.doc.text, flags=re.I)
        ]

    def _abstract(self, m: Mention) -> bool:
        """ "the West", "the international community" (with any lower-case words before)."""
        span = self.doc[m.start : m.end]
        words = [t for t in span if not (t.is_lower and t.pos_ == "ADJ" and t.i == span.start)]
        return self.kb.is_abstract(span.text) or self.kb.is_abstract(" ".join(t.text for t in words))

    def _from_entity(self, ent: Span) -> Mention | None:
        label = ent.label_
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and (before.lower_ in NAMED_OCCASIONS or before.text == "Operation"):
            return None  # "exercise Cope Tiger", "Operation Desert Shield": an occasion's name
        if (
            label == "PERSON"
            or self.kb.leader(ent.text)
            and not (self.kb.org(ent.text) or self.kb.country(ent.text))
        ):
            return self._person(ent)  # a leader the tagger took for a body ("Sheinbaum" as ORG)
        if label == "ORG" and (self.kb.org(ent.text) or not self.kb.country(ent.text)):
            return self._org(ent)  # an ORG that is only a country name ("Israel") is a country
        if self._backer(ent):
            return None  # "Russian-backed separatists": the separatists act, not Russia
        if label == "NORP" and ent.start > 0 and self.doc[ent.start - 1].lower_ == "ethnic":
            return self._ethnic_group(ent)
        if label in ("GPE", "LOC", "ORG") or label == "NORP" and ent.root.dep_ not in ("amod", "compound"):
            # a place, or a people named as a collective actor ("Palestinians blamed Israel")
            iso3 = self.kb.country(ent.text)
            if iso3 is None:
                return None
            capital = norm(ent.text) in self.kb.capitals
            actor = replace(self._country_actor(iso3, ent.text), sector="GOV" if capital else None)
            return Mention(ent.start, ent.end, actor, "country", iso3)
        return None

    def _org(self, ent: Span) -> Mention | None:
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if "(" in text and ")" not in text:  # "Homeland Union (Conservatives": the name before the aside
            text = text.split("(")[0].strip()
        role = self.kb.role(text)
        named_body = (
            role is not None
            and role.kind == "body"
            and role.sector not in STATE_SECTORS
            and norm(text) != role.phrase
        )  # "Homeland Union", not "Health Ministry" or "the Union"
        if ent[-1].lower_ in ("of", "the") and (state := self._government_of(ent)) is not None:
            return state  # "the Government of the" + "United States of America": the state
        if role and not named_body and not self.kb.org(text) or ent[-1].lower_ in ("of", "to", "for", "the"):
            return None  # a title ("Co-Chair") or a cut-off name ("Permanent Mission of")
        if text.split()[-1].lower() in not_actor_words() and not self.kb.org(text):
            return None  # a document or an occasion ("Status of Forces Agreement", "Transatlantic Dinner")
        acronym = self._acronym_after(ent)
        # "International Labor Office (ILO)": a known acronym names the body a variant spelling hides
        org = self.kb.org(text) or (self.kb.org(acronym) if acronym else None)
        if org is not None:
            actor = org_actor(org)
        elif text in self.acronyms:
            actor = self.acronyms[text]
        else:
            country = next((self.kb.country(w.text) for w in ent if self.kb.country(w.text)), None)
            sector = "PTY" if re.search(r"\bparty\b", text, re.I) else None
            actor = Actor(
                id=norm(text).replace(" ", "-"),
                name=text,
                org=norm(text).replace(" ", "-"),
                country=country,
                sector=sector,
            )
        self._note_acronym(ent, actor)
        return Mention(ent.start, ent.end, actor, "org", actor.id)

    def _government_of(self, ent: Span) -> Mention | None:
        """A state's body cut off before its country: "the Government of the" + "Republic of
        the Marshall Islands" is that state's government."""
        nxt = self.ent_of.get(ent.end)
        nxt = nxt if nxt is not None and nxt.start == ent.end and nxt.label_ in ("GPE", "ORG") else None
        iso3 = self.kb.country(nxt.text) if nxt is not None else None
        if nxt is None or iso3 is None:
            return None
        actor = replace(self._country_actor(iso3, nxt.text), sector="GOV")
        return Mention(ent.start, nxt.end, actor, "country", iso3)

    def _without_occasion(self, ent: Span) -> Span:
        """A name with the occasion a headline glued to it cut off: "X Press Availability",
        "X Remarks" (a word of data/not_actors.txt, and "press", "joint" or "news" before it)."""
        end = ent.end
        while end - ent.start > 1 and self.doc[end - 1].lower_ in not_actor_words():
            end -= 1
        if end < ent.end:
            while end - ent.start > 1 and self.doc[end - 1].lower_ in OCCASION_MODIFIERS:
                end -= 1
        return ent if end == ent.end else self.doc[ent.start : end]

    def _acronym_after(self, ent: Span) -> str | None:
        """The upper-case acronym in brackets right after a name: "... Office (ILO)"."""
        doc = self.doc
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            acr = doc[ent.end + 1].text
            return acr if acr.isupper() else None
        return None

    def _note_acronym(self, ent: Span, actor: Actor) -> None:
        acr = self._acronym_after(ent)
        if acr:
            self.acronyms[acr] = actor

    def _person(self, ent: Span) -> Mention:
        ent = self._without_occasion(ent)
        name = ent.text
        start, (role, org, country, sector) = self._titles_before(ent)
        app = self._appositive(ent.end)
        if app is not None:
            role, org, country, sector = (app[0] or role, app[1] or org, app[2] or country, app[3] or sector)
        if country is None and role is not None:  # "President Francois Hollande of France"
            org, country = self._of_owner(ent.end) or (org, country)
        leader = self.kb.leader(name) if country is None else None
        if leader is None and country is None and role and len(name.split()) == 1:
            leader = self.kb.titled_leader(role, name)  # "President Ortega": the one such president
        if leader is not None:  # "Putin offered to ...": a leader's country goes without saying
            # (the capacity an appositive states stands: "X, President of a foundation")
            sector = sector if app is not None and app[0] else sector or leader.sector
            country, role = leader.country, role or leader.role
        actor = Actor(id=person_id(name), name=name, org=org, role=role, country=country, sector=sector)
        # the mention spans the title ("Palestinian leader X"): a parse that makes the title
        # the subject and the name its appositive still finds the person
        return Mention(start, ent.end, actor, "person", person_key(name, self.kb))
