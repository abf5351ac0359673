"""Actor mentions in one document and their resolution within it.

Finds who is named (people, parties, organisations, countries, groups such as "leaders of
the CPUSA" or "Vietnamese officials"), reads their roles from appositives and titles
("To Lam, General Secretary of the CPV and President of ..."; "CPUSA co-Chair Rossana
Cambron"), and links later short mentions ("Sims", "He", "the Vietnamese official") to the
actor introduced earlier.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from .kb import KnowledgeBase, Organization, norm
from .names import person_key, short_form
from .nlp import HONORIFICS, sent_of
from .records import Actor, DocActor
from .resolve import kind_of

PRONOUNS = {"he", "she", "him", "her"}
FIRST_PERSON = {"we", "our", "i", "my"}
PAIR_NOUNS = {"leaders", "presidents", "ministers", "sides", "parties", "men", "women", "counterparts", "heads",
              "officials", "diplomats", "chancellors", "premiers", "secretaries"}
STATE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}  # their bodies' names are descriptions
SEATED = {"base", "headquarter", "station"}  # "a newspaper based in Beirut" belongs there
UNOWNED_GROUPS = {"CVL", "LAB", "EDU", "AGR", "REF", "REB", "COP", "MIL", "UAF", "CRM", "OPP", "MED", "JRN", "REL"}
GENERIC_ROLES = {"leader", "leaders", "official", "officials", "delegation", "member", "members",
                 "representatives", "representative", "chief", "head"}


@dataclass(frozen=True)
class Mention:
    """An actor named in the text: token span, character span and what is known of it."""

    start: int  # token offsets in the Doc
    end: int
    actor: Actor
    kind: str  # person, org, country, group
    key: str  # doc-level identity of a person ("sims" links to "joe sims")


def _lower_title_word(tok: Token, taken: int) -> bool:
    """A lower-case word of a title written before a name ("opposition leader", "foreign
    minister" in "Syrian foreign minister X"), at most four words back."""
    return taken < 4 and tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN")


class DocActors:
    """All actor mentions of a document, with the tokens consumed by appositives."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, event_nouns: Collection[str] = (),
                 dateline: tuple[int, int] | None = None, agencies: Collection[str] = (),
                 issuer: Actor | None = None) -> None:
        self.doc = doc
        self.kb = kb
        self.issuer = issuer  # the body whose statement this page is: "we" and "I" speak for it
        self.ents = tuple(doc.ents)  # Doc.ents builds its spans anew on every access
        self.ent_of = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.ent_ending = {e.end: e for e in self.ents}
        self.dateline = dateline  # the dateline's place and credit are the story's, not its actors
        self.agencies = {a.lower() for a in agencies}  # the news agencies that report the story
        self.event_nouns = event_nouns  # "Palestinian riots" is an event, not a group of people
        self.acronyms: dict[str, Actor] = {}
        self.consumed: set[int] = set()
        self.titles: set[int] = set()  # title words before a name: part of the person's mention
        self.by_token: dict[int, Mention] = {}
        self.people: dict[str, Actor] = {}  # key -> best-known actor of a person
        self._find()
        self._resolve_people()
        self._short_mentions()
        self._link_anaphors()

    # finding ---------------------------------------------------------------
    def _find(self) -> None:
        mentions: list[Mention] = []
        for ent in self.ents:
            mention = self._from_entity(ent)
            if mention is not None:
                mentions.append(mention)
        mentions += self._groups(mentions)
        mentions += self._peoples(mentions)
        mentions += self._bare_names(mentions)
        mentions = [m for m in mentions if not self._abstract(m) and not self._reporter(m)]
        # longest first; a listed owner's group ("U.S." in "U.S. and Russian negotiators") before its country
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.kind != "group")):
            if any(i in self.by_token for i in range(m.start, m.end)):
                continue
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def _reporter(self, m: Mention) -> bool:
        """The dateline ("LIMA, March 3 (Reuters) -") and the agency credited for the story."""
        span = self.doc[m.start:m.end]
        if self.dateline and self.dateline[0] <= span.start_char < self.dateline[1]:
            return True
        return span.text.lower() in self.agencies or m.actor.name.lower() in self.agencies

    def _abstract(self, m: Mention) -> bool:
        """ "the West", "the international community" (with any lower-case words before)."""
        span = self.doc[m.start:m.end]
        words = [t for t in span if not (t.is_lower and t.pos_ == "ADJ" and t.i == span.start)]
        return self.kb.is_abstract(span.text) or self.kb.is_abstract(" ".join(t.text for t in words))

    def _from_entity(self, ent: Span) -> Mention | None:
        label = ent.label_
        if label == "PERSON" or self.kb.leader(ent.text) and not (self.kb.org(ent.text) or self.kb.country(ent.text)):
            return self._person(ent)  # a leader the tagger took for a body ("Sheinbaum" as ORG)
        if label == "ORG" and (self.kb.org(ent.text) or not self.kb.country(ent.text)):
            return self._org(ent)  # an ORG that is only a country name ("Israel") is a country
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

    def _ethnic_group(self, ent: Span) -> Mention:
        """ "ethnic Albanians in Serbia": a people of the country they live in, not of the
        state their name recalls; where the phrase names no country, it is left open."""
        name = f"ethnic {ent.text}"
        within = self._owner_within(ent.root)
        if within is not None and within.country:
            actor = replace(self._country_actor(within.country, within.country), role=name)
        else:
            actor = Actor(id=f"group:{norm(name)}", name=name, role=name)
        return Mention(ent.start - 1, ent.end, actor, "group", actor.id)

    def _country_actor(self, iso3: str, text: str) -> Actor:
        return Actor(id=iso3, name=self._country_name(iso3, text), country=iso3)

    def country_actor(self, iso3: str) -> Actor:
        """The actor of a country, by its ISO3 code."""
        return self._country_actor(iso3, iso3)

    def _country_name(self, iso3: str, text: str) -> str:
        import pycountry  # noqa: PLC0415

        if iso3 in self.kb.display_names:
            return self.kb.display_names[iso3]
        found = pycountry.countries.get(alpha_3=iso3)
        return getattr(found, "common_name", None) or getattr(found, "name", None) or text

    def _org(self, ent: Span) -> Mention | None:
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if "(" in text and ")" not in text:  # "Homeland Union (Conservatives": the name before the aside
            text = text.split("(")[0].strip()
        role = self.kb.role(text)
        named_body = role is not None and role.kind == "body" and role.sector not in STATE_SECTORS \
            and norm(text) != role.phrase  # "Homeland Union", not "Health Ministry" or "the Union"
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
            actor = Actor(id=norm(text).replace(" ", "-"), name=text, org=norm(text).replace(" ", "-"),
                          country=country, sector=sector)
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
        name = ent.text
        start, (role, org, country, sector) = self._titles_before(ent)
        app = self._appositive(ent.end)
        if app is not None:
            role, org, country, sector = (app[0] or role, app[1] or org, app[2] or country,
                                          app[3] or sector)
        if country is None and role is not None:  # "President Francois Hollande of France"
            org, country = self._of_owner(ent.end) or (org, country)
        leader = self.kb.leader(name) if country is None else None
        if leader is not None:  # "Putin offered to ...": a leader's country goes without saying
            country, sector, role = leader.country, sector or leader.sector, role or leader.role
        actor = Actor(id=person_id(name), name=name, org=org, role=role, country=country,
                      sector=sector)
        # the mention spans the title ("Palestinian leader X"): a parse that makes the title
        # the subject and the name its appositive still finds the person
        return Mention(start, ent.end, actor, "person", person_key(name, self.kb))

    def _titles_before(self, ent: Span) -> tuple[int, tuple[str | None, str | None, str | None, str | None]]:
        """Where a person's title starts, and what it says: "CPUSA co-Chair Rossana Cambron",
        "Vietnamese President X", "General Secretary X", "Iran's religious leader X"."""
        doc = self.doc
        owned = self._title_of_owner(ent)
        if owned is not None:
            return owned
        i = ent.start
        while i > sent_of(ent[0]).start and (doc[i - 1].is_title or doc[i - 1].lower_ in ("co", "-", "vice")
                                      or doc[i - 1].text.istitle() or _lower_title_word(doc[i - 1], ent.start - i)
                                      ) and doc[i - 1].ent_type_ != "PERSON":
            if doc[i - 1].ent_type_ in ("ORG", "GPE", "NORP"):
                break
            i -= 1
        title = doc[i:ent.start].text
        role = self.kb.role(title) if title else None
        if role is None:
            return ent.start, (None, None, None, None)
        org = country = None
        k = i - 2 if i > 1 and doc[i - 1].lower_ in ("'s", "\u2019s") else i - 1  # "Iran's leader"
        if k >= 0 and doc[k].ent_type_ in ("ORG", "GPE", "NORP"):
            owner = self.ent_of[k]
            org, country = self._owner(owner)
        self.titles.update(range(i, ent.start))
        return i, (title, org, country, role.sector)

    def _of_owner(self, end: int) -> tuple[str | None, str | None] | None:
        """ "of France", "of the Republic of Korea" right after a titled name: whose office it is."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        k = end + 1 + (doc[end + 1].lower_ == "the")
        owner = next((e for e in (self.ent_of.get(end + 1), self.ent_of.get(k)) if e is not None
                      and e.start in (end + 1, k) and e.label_ in ("GPE", "ORG")), None)
        if owner is None:
            return None
        org, country = self._owner(owner)
        return (org, country) if country else None

    def _title_of_owner(self, ent: Span) -> tuple[int, tuple[str | None, str | None, str | None, str | None]] | None:
        """ "President of the Republic of Turkey Recep Tayyip Erdogan", "Prime Minister of
        Japan Shinzo Abe": a title, "of", and the country or body it is held in, before the name."""
        doc = self.doc
        owner = self.ent_ending.get(ent.start)
        if owner is None or owner.label_ not in ("GPE", "ORG"):
            return None
        k = owner.start
        while k > 0 and (doc[k - 1].ent_type_ in ("GPE", "ORG") or doc[k - 1].lower_ == "the"):
            k -= 1  # "the Republic of" + "Turkey"
        if k < 2 or doc[k - 1].lower_ != "of":
            return None
        t = k - 1
        while t > 0 and doc[t - 1].is_title and not doc[t - 1].ent_type_ and k - 1 - t < 4:
            t -= 1
        for start in range(t, k - 1):  # the longest title the knowledge base knows
            role = self.kb.role(doc[start:k - 1].text)
            if role is not None:
                org, country = self._owner(doc[k:ent.start] if doc[k].lower_ != "the" else owner)
                if country is None:
                    org, country = self._owner(owner)
                self.titles.update(range(start, ent.start))
                return start, (doc[start:k - 1].text, org, country, role.sector)
        return None

    def _owner(self, ent: Span) -> tuple[str | None, str | None]:
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        org = self.kb.org(text) or None
        if org is not None:
            return org.id, org.code
        if text in self.acronyms:
            return self.acronyms[text].org, self.acronyms[text].country
        return None, self.kb.country(text)

    def _appositive(self, end: int) -> tuple[str | None, str | None, str | None, str | None] | None:
        """Roles in ", General Secretary of the CPV (CPV) and President of ..." after a name."""
        doc = self.doc
        if end >= len(doc) - 1 or doc[end].text != ",":
            return None
        sent_end = sent_of(doc[end]).end
        j, depth = end + 1, 0
        while j < sent_end:
            t = doc[j].text
            depth += t == "("
            depth -= t == ")"
            if depth == 0 and t in (";", ".") or depth == 0 and t == "," and not _phrase_goes_on(doc, j):
                break
            j += 1
        phrase = doc[end + 1:j]
        if any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") for t in phrase):
            return None  # a clause, not an appositive
        words = [t for t in phrase if t.lower_ not in ("a", "an", "the")]
        head_role = None
        for k in range(min(len(words), 5), 0, -1):
            cand = doc[words[0].i:words[k - 1].i + 1].text
            found = self.kb.role(cand)
            if found and found.kind == "person" and re.fullmatch(r"[\w\- ]+", cand):
                head_role = cand
                break
        if head_role is None:
            return None
        org = country = None
        for ent in self.ents:
            if phrase.start <= ent.start < phrase.end and ent.label_ in ("ORG", "GPE", "NORP"):
                o, c = self._owner(ent)
                org, country = org or o, country or c
        for t in range(end, j):
            self.consumed.add(t)
        role = self.kb.role(head_role)
        sector = role.sector if role else None
        titles = [head_role] + [w.nbor(1).text + (" " + w.nbor(2).text if w.nbor(2).is_title else "")
                                for w in phrase if w.lower_ == "and" and w.i + 2 < len(doc)
                                and w.nbor(1).is_title and self.kb.role(w.nbor(1).text)]
        if org and self.kb.org_by_id.get(org) and self.kb.org_by_id[org].kind == "party":
            sector = "PTY" if sector in ("PTY", "GOV") or role.phrase in GENERIC_ROLES else sector
        return "; ".join(titles), org, country, sector

    def _groups(self, found: list[Mention]) -> list[Mention]:
        """ "leaders of the Communist Party USA", "CPUSA leaders", "Vietnamese officials"."""
        out: list[Mention] = []
        doc = self.doc
        by_start = {m.start: m for m in found}
        by_end = {m.end: m for m in found}
        for tok in doc:
            role = self.kb.roles.get(tok.lower_) or self.kb.roles.get(tok.lemma_.lower())
            if role is None or tok.i in self.consumed or tok.i in self.titles or tok.ent_type_ == "PERSON":
                continue
            j = tok.i  # "the Kenyan foreign minister": look past lower-case modifiers
            while j > 0 and doc[j - 1].is_lower and doc[j - 1].pos_ in ("ADJ", "NOUN") and tok.i - j < 3:
                j -= 1
            if role.kind == "person" and not (j > 0 and doc[j - 1].ent_type_ in ("NORP", "GPE", "ORG")):
                continue  # "the envoy" alone is an anaphor; "the Peruvian envoy" names an actor
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                k = tok.i + 2 + (doc[tok.i + 2].lower_ == "the" if tok.i + 2 < len(doc) else 0)
                owner = by_start.get(k) or by_start.get(tok.i + 2)
                if owner is not None and owner.kind in ("org", "country"):
                    out.append(self._group(tok.i, owner.end, owner.actor, tok))
                    continue
                region = self.ent_of.get(k)
                region = region if region is not None and region.start == k and region.label_ in ("GPE", "LOC") else None
                if region is not None and role.sector == "GOV":
                    # "the government of Sindh province": a local authority the knowledge base
                    # cannot place; named by its whole phrase so it is not every "government"
                    end = region.end + (region.end < len(doc) and doc[region.end].lower_ in ("province", "state", "region"))
                    name = doc[tok.i:end].text
                    base = Actor(id=f"group:{norm(name)}", name=name)
                    out.append(self._group(tok.i, end, base, tok))
                    continue
            start = tok.i
            while start > 0 and doc[start - 1].ent_type_ != "NORP" and (
                    doc[start - 1].pos_ == "ADJ" or doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "NOUN"):
                start -= 1
            owner = by_end.get(start)
            if owner is not None and owner.kind in ("org", "country"):
                out.append(self._group(owner.start, tok.i + 1, owner.actor, tok))
                out += self._listed_owners(doc[start - 1], tok)
            elif start > 0 and doc[start - 1].ent_type_ == "NORP" and self.kb.country(doc[start - 1].text):
                iso3 = self.kb.country(doc[start - 1].text)
                out.append(self._group(start - 1, tok.i + 1, self._country_actor(iso3, iso3), tok))
                out += self._listed_owners(doc[start - 1], tok)
            elif (within := self._owner_within(tok)) is not None:
                out.append(self._group(tok.i, tok.i + 1, within, tok))
            elif role.kind == "group" and role.sector in UNOWNED_GROUPS and tok.pos_ == "NOUN":
                base = Actor(id=f"group:{tok.lemma_.lower()}", name=tok.text.lower())
                out.append(self._group(tok.i, tok.i + 1, base, tok))
        return out

    def _peoples(self, found: list[Mention]) -> list[Mention]:
        """A plural noun a demonym qualifies, in an argument position: "Iraqi Kurds",
        "Algerian landowners", "Palestinian youths" (a group of that country, sector unknown)."""
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        for tok in self.doc:
            if tok.i in taken or tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
                continue
            if tok.lower_ in self.event_nouns or tok.lemma_.lower() in self.event_nouns:
                continue
            if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
                continue
            qualifiers = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
            iso3 = next((self.kb.country(c.text) for c in qualifiers if self.kb.country(c.text)), None)
            if iso3 is None:
                continue
            start = min(c.i for c in qualifiers)
            actor = replace(self._country_actor(iso3, iso3), role=tok.text.lower())
            out.append(Mention(start, tok.i + 1, actor, "group", iso3))
        return out

    def _owner_within(self, tok: Token) -> Actor | None:
        """The country or body a group noun's own phrase names: "students throughout
        Indonesia", "rebels in the Ivory Coast", "workers of the Serbian Workers' Union"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for t in tok.subtree:
            if t.i == tok.i or not t.ent_type_ or abs(t.i - tok.i) > 8:
                continue
            if any(a.dep_ in ("relcl", "acl", "advcl") and a.i != tok.i and a.lemma_.lower() not in SEATED
                   for a in t.ancestors if a.i in range(min(t.i, tok.i), max(t.i, tok.i) + 1)):
                continue  # a clause inside the phrase speaks of something else, but "based in X" is home
            ent = self.ent_of[t.i]
            org = self.kb.org(ent.text)
            if org is not None and org.code in ("IGO", "NGO", "IMG"):
                return Actor(id=org.id, name=org.name, org=org.id, country=org.code, sector=org.sector)
            iso3 = org.code if org is not None else self.kb.country(ent.text)
            if iso3 is not None:
                return self._country_actor(iso3, ent.text)
        return None

    def _listed_owners(self, last: Token, role_tok: Token) -> list[Mention]:
        """ "French and Egyptian warships", "U.S. and Russian negotiators": a group for each
        country listed before the last one."""
        return [self._group(o.i, o.i + 1, self._country_actor(iso3, iso3), role_tok)
                for o in last.conjuncts if o.i < last.i and (iso3 := self.kb.country(o.text))]

    def _group(self, start: int, end: int, owner: Actor, role_tok: Token) -> Mention:
        role = self.kb.roles.get(role_tok.lower_) or self.kb.roles[role_tok.lemma_.lower()]
        sector = role.sector
        if owner.sector == "PTY" and role.phrase in GENERIC_ROLES:
            sector = "PTY"
        kind = "group"  # a person named only by role ("the Peruvian envoy") may still be linked back
        actor = replace(owner, role=role_tok.text, sector=sector)
        return Mention(start, end, actor, kind, owner.id)

    def _bare_names(self, found: list[Mention]) -> list[Mention]:
        """A lone proper noun that acts as a subject and is no place or body ("Mon said")."""
        out = []
        taken = {i for m in found for i in range(m.start, m.end)}
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            near_person = any(0 <= k < len(self.doc) and self.doc[k].ent_type_ == "PERSON"
                              for k in (tok.i - 1, tok.i + 1))
            if (tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and not tok.ent_type_
                    and not near_person and tok.lower_ not in HONORIFICS
                    and tok.i not in taken and tok.is_title and len(tok) > 1
                    and not self.kb.country(tok.text) and not self.kb.org(tok.text)
                    and not self.kb.role(tok.text) and not any(c.dep_ == "compound" for c in tok.children)):
                actor = Actor(id=person_id(tok.text), name=tok.text)
                out.append(Mention(tok.i, tok.i + 1, actor, "person", person_key(tok.text, self.kb)))
        return out

    # within-document resolution --------------------------------------------
    def _resolve_people(self) -> None:
        """Link "Sims" to "Joe Sims" and "Lam" to "To Lam" (by the short form their naming
        tradition uses), wherever in the document the full name comes (a headline may use the
        short one first), and merge what each mention tells of a person."""
        people = [m for m in self.mentions() if m.kind == "person"]
        full_names = {m.key: m.actor.country for m in people if len(m.key.split()) > 1}
        by_short: dict[str, set[str]] = {}
        for key, country in full_names.items():
            by_short.setdefault(short_form(key, country), set()).add(key)
        full: dict[str, Actor] = {}
        for m in people:
            key = m.key
            if key not in full_names:
                matches = by_short.get(key) or {k for k in full_names if key in k.split()}
                if len(matches) == 1:
                    key = next(iter(matches))
            known = full.get(key)
            full[key] = _merge(known, m.actor) if known else m.actor
            self._rekey(m, key)
        self.people = full
        self._short_names = {short: next(iter(keys)) for short, keys in by_short.items() if len(keys) == 1}

    def _short_mentions(self) -> None:
        """A lone proper noun that is the short form of a person named in the document is that
        person, whatever the tagger made of it ("Wekesa, Mrisho hold talks"; "Okello pledged")."""
        for tok in self.doc:
            taken = self.by_token.get(tok.i)
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.consumed:
                continue
            if taken is not None and not (taken.kind == "org" and taken.start == tok.i and taken.end == tok.i + 1
                                          and self.kb.org(tok.text) is None):
                continue
            key = self._short_names.get(person_key(tok.text, self.kb))
            if key is not None:
                self.by_token[tok.i] = Mention(tok.i, tok.i + 1, self.people[key], "person", key)

    def _link_pairs(self) -> None:
        """ "The two leaders", "both sides": the last two people named, one on each token, so
        that the phrase names both ("The two leaders spoke by telephone")."""
        for tok in self.doc:
            if tok.lower_ not in PAIR_NOUNS:
                continue
            count = [c for c in tok.children if c.lower_ in ("two", "both")]
            if not count and tok.lower_ in ("parties", "sides"):  # "the parties signed", "the sides agreed"
                count = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            if not count or tok.i in self.by_token or count[0].i in self.by_token:
                continue
            first = self._last_person(count[0].i, None)
            second = self._last_person(first.start, None, exclude=first.key) if first is not None else None
            if first is None or second is None:
                continue
            self.by_token[count[0].i] = replace(second, start=count[0].i, end=count[0].i + 1)
            self.by_token[tok.i] = replace(first, start=tok.i, end=tok.i + 1)

    def _link_anaphors(self) -> None:
        """Give "He", "She" and "the Vietnamese official" the mention of the person they mean."""
        self._link_pairs()
        for tok in self.doc:
            taken = self.by_token.get(tok.i)
            by_role = taken is not None and taken.kind == "group" and taken.end == tok.i + 1 and \
                getattr(self.kb.roles.get(tok.lower_), "kind", None) == "person"
            if taken is not None and not by_role or tok.i in self.consumed:
                continue
            found = self.resolve_anaphor(tok)
            if found is not None:
                span = range(taken.start, taken.end) if taken is not None else [tok.i]
                for i in span:
                    self.by_token[i] = replace(found, start=span[0], end=span[-1] + 1)

    def _rekey(self, m: Mention, key: str) -> None:
        if key != m.key:
            new = replace(m, key=key)
            for i in range(m.start, m.end):
                self.by_token[i] = new

    def mentions(self) -> list[Mention]:
        seen, out = set(), []
        for i in sorted(self.by_token):
            m = self.by_token[i]
            if id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def actor_of(self, m: Mention) -> Actor:
        """The doc-level view of a mention's actor (a person's full name and roles)."""
        if m.kind == "person" and m.key in self.people:
            person = self.people[m.key]
            return replace(person, role=m.actor.role or person.role)
        return m.actor

    def doc_actors(self) -> list[DocActor]:
        """Every actor of the document once, with all the names it is given here."""
        found: dict[str, DocActor] = {}
        for m in self.mentions():
            actor = self.actor_of(m)
            surface = self.doc[m.start:m.end].text
            kind = "person" if m.kind == "person" else kind_of(actor.id, self.kb)
            if m.kind == "group" and kind == "person":
                continue  # "the Vietnamese official" is only a name of a person
            name = actor.name if kind != "person" else self.people.get(m.key, actor).name
            prev = found.get(actor.id)
            names = (prev.names if prev else ()) + ((surface,) if self._is_name_of(m, surface, name) else ())
            found[actor.id] = DocActor(actor.id, kind, name, tuple(dict.fromkeys(names)),
                                       actor.org, actor.role if kind == "person" else None,
                                       actor.country, actor.sector if kind != "country" else None)
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
            org = self.kb.org_by_id.get(pid)
            if org is not None:
                by_country.setdefault(org.code, []).append(pid)
        for key, person in list(self.people.items()):
            owners = by_country.get(person.country or "", [])
            if person.org is None and len(owners) == 1 and person.sector in (None, "GOV", "PTY"):
                self.people[key] = replace(person, org=owners[0])

    def resolve_anaphor(self, tok: Token) -> Mention | None:
        """He/she, or "the Vietnamese official": the nearest earlier person it can be."""
        low = tok.lower_
        if low in PRONOUNS:
            return self._last_person(tok.i, None)
        if low in FIRST_PERSON and self.issuer is not None and tok.dep_ in ("nsubj", "nsubjpass") \
                and not _quoted(tok):
            return Mention(tok.i, tok.i + 1, self.issuer, "org", self.issuer.id)  # a statement's "we"
        if low == "party" and tok.i > 0 and tok.nbor(-1).lower_ == "the":
            return self._last_party(tok.i)  # "the party" refers back to the party last named
        role = self.kb.roles.get(low)
        if role is None or role.kind != "person":
            return None
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("the", "this"):
            return None
        country = next((self.kb.country(c.text) for c in tok.children
                        if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
        if country is None and tok.text[0].isupper() and (principal := self._first_person(tok.i, low)):
            return principal  # "The President", capitalised and bare: the page's own principal
        found = self._last_person(tok.i, country, low) or self._last_person(tok.i, country)
        if found is not None:
            person = self.people[found.key]
            self.people[found.key] = replace(person, country=person.country or country,
                                             role=person.role or tok.text,
                                             sector=person.sector or role.sector)
        return found

    def _first_person(self, before: int, role: str) -> Mention | None:
        """The first person of the text given this title who acts as a subject ("President
        Obama spoke with President Putin ... The President reiterated")."""
        for i in range(before):
            m = self.by_token.get(i)
            if m is not None and m.kind == "person" and m.start == i and \
                    self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") and \
                    role in (self.people.get(m.key, m.actor).role or "").lower():
                return m
        return None

    def _last_party(self, before: int) -> Mention | None:
        for i in range(before - 1, -1, -1):
            m = self.by_token.get(i)
            if m is not None and m.kind == "org" and m.actor.sector == "PTY":
                return m
        return None

    def _last_person(self, before: int, country: str | None, role: str | None = None,
                     exclude: str | None = None) -> Mention | None:
        for i in range(before - 1, -1, -1):
            m = self.by_token.get(i)
            if m is not None and m.key == exclude:
                continue
            if m is not None and m.kind == "person" and m.start == i or (
                    m is not None and m.kind == "person" and i == m.end - 1):
                person = self.people.get(m.key, m.actor)
                if (country is None or person.country in (None, country)) and (
                        role is None or role in (person.role or "").lower()):
                    return m
        return None


def org_actor(org: Organization) -> Actor:
    """A known organisation as an actor; its code (a country, or IGO/NGO) is its country."""
    return Actor(id=org.id, name=org.name, org=org.id, country=org.code, sector=org.sector)


@cache
def not_actor_words() -> frozenset[str]:
    """Head words of documents and occasions (data/not_actors.txt): never an actor's name."""
    text = resources.files("tidings").joinpath("data/not_actors.txt").read_text("utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _quoted(tok: Token) -> bool:
    """Whether a token stands inside quotation marks of its paragraph (an odd number open before it)."""
    text = tok.doc.text
    para = text.rfind("\n", 0, tok.idx) + 1
    before = text[para:tok.idx]
    return (before.count('"') % 2 == 1) or before.count("\u201c") > before.count("\u201d")


def _phrase_goes_on(doc: Doc, j: int) -> bool:
    """ "a long-time, close friend": a comma before a lowercase modifier does not end a phrase."""
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ in ("ADJ", "ADV", "NOUN", "NUM")


def _merge(a: Actor, b: Actor) -> Actor:
    longer = a if len(a.name) >= len(b.name) else b
    return Actor(id=longer.id, name=longer.name, org=a.org or b.org, role=a.role or b.role,
                 country=a.country or b.country, sector=a.sector or b.sector)


def person_id(name: str) -> str:
    """The document-level id of a person: "person:to-lam" for "General Secretary Tô Lâm"."""
    from .kb import load_kb  # noqa: PLC0415

    return "person:" + (person_key(name, load_kb()) or norm(name)).replace(" ", "-")
