"""Groups with a political sector that are not named entities: "leaders of the CPUSA",
"Vietnamese officials", "U.S. and Russian negotiators", peoples ("Palestinians"), and bare
names the tagger missed."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..kb import norm
from ..names import person_key
from ..nlp import HONORIFICS
from ..records import Actor
from .mentions import GENERIC_ROLES, SEATED, UNOWNED_GROUPS, Mention, person_id
from .reading import Reading


class Groups(Reading):
    """Mentions of groups, peoples and bare names."""

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

    def _groups(self, found: list[Mention]) -> list[Mention]:
        """ "leaders of the Communist Party USA", "CPUSA leaders", "Vietnamese officials"."""
        out: list[Mention] = []
        doc = self.doc
        by_start = {m.start: m for m in found}
        by_end = {m.end: m for m in found}
        rulers = {  # the article's people of known country, by either name: "the Assad regime", "Abiy's"
            word.lower(): m.actor.country
            for m in found
            if m.kind == "person" and m.actor.country
            for word in (m.actor.name.split()[0], m.actor.name.split()[-1])
        }
        for tok in self.tokens:
            role = self.kb.roles.get(tok.lower_) or self.kb.roles.get(tok.lemma_.lower())
            if role is None or tok.i in self.consumed or tok.i in self.titles or tok.ent_type_ == "PERSON":
                continue
            j = tok.i  # "the Kenyan foreign minister": look past lower-case modifiers
            while j > 0 and doc[j - 1].is_lower and doc[j - 1].pos_ in ("ADJ", "NOUN") and tok.i - j < 3:
                j -= 1
            if role.kind == "person" and not (
                j > 0 and doc[j - 1].ent_type_ in ("NORP", "GPE", "ORG") or self._owner_after(tok, by_start)
            ):
                continue  # "the envoy" alone is an anaphor; "the Peruvian envoy", "the envoy of Y" name one
            if role.sector == "GOV" and role.kind == "body" and (ruled := self._ruler_before(tok, rulers)):
                out.append(self._group(ruled[0], tok.i + 1, ruled[1], tok))  # "the Assad regime"
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                k = tok.i + 2 + (doc[tok.i + 2].lower_ == "the" if tok.i + 2 < len(doc) else 0)
                if (owner := self._owner_after(tok, by_start)) is not None:
                    out.append(self._group(tok.i, owner.end, owner.actor, tok))
                    continue
                region = self.ent_of.get(k)
                region = (
                    region
                    if region is not None and region.start == k and region.label_ in ("GPE", "LOC")
                    else None
                )
                if region is not None and role.sector == "GOV":
                    # "the government of Sindh province": a local authority the knowledge base
                    # cannot place; named by its whole phrase so it is not every "government"
                    end = region.end + (
                        region.end < len(doc) and doc[region.end].lower_ in ("province", "state", "region")
                    )
                    name = doc[tok.i : end].text
                    base = Actor(id=f"group:{norm(name)}", name=name)
                    out.append(self._group(tok.i, end, base, tok))
                    continue
            start = tok.i
            while (
                start > 0
                and doc[start - 1].ent_type_ != "NORP"
                and (
                    doc[start - 1].pos_ == "ADJ"
                    or doc[start - 1].dep_ == "compound"
                    and doc[start - 1].pos_ == "NOUN"
                )
            ):
                start -= 1
            owner = by_end.get(start)
            if owner is not None and owner.kind in ("org", "country"):
                out.append(self._group(owner.start, tok.i + 1, owner.actor, tok))
                out += self._listed_owners(doc[start - 1], tok)
            elif (
                start > 0
                and doc[start - 1].ent_type_ == "NORP"
                and (iso3 := self.kb.country(doc[start - 1].text))
            ):
                out.append(self._group(start - 1, tok.i + 1, self._country_actor(iso3, iso3), tok))
                out += self._listed_owners(doc[start - 1], tok)
            elif start > 0 and doc[start - 1].ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS"):
                # "Republican lawmakers", "Shiite militias": a party or faction, not a country,
                # wherever it is ("Kurdish rebels in northern Iraq" are not Iraq's)
                name = doc[start - 1 : tok.i + 1].text
                base = Actor(id=f"group:{norm(name)}", name=name)
                out.append(self._group(start - 1, tok.i + 1, base, tok))
            elif (within := self._owner_within(tok)) is not None:
                out.append(self._group(tok.i, tok.i + 1, within, tok))
            elif role.kind == "group" and role.sector in UNOWNED_GROUPS and _common_noun(tok):
                # "Police in Chile dispersed ... Riot police then ...": the same police (a
                # state's own force; protesters or rebels in a country are not the state)
                words = {tok.lower_, tok.lemma_.lower()}
                owned = _owned_before(out, words) if role.sector in STATE_FORCES else None
                base = owned or Actor(id=f"group:{tok.lemma_.lower()}", name=tok.text.lower())
                out.append(self._group(tok.i, tok.i + 1, base, tok))
        return out

    def _owner_after(self, tok: Token, by_start: dict[int, Mention]) -> Mention | None:
        """ "the president of Armenia", "leaders of the CPUSA": the state or body a role serves."""
        doc = self.doc
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            return None
        k = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
        owner = by_start.get(k) or by_start.get(tok.i + 2)
        return owner if owner is not None and owner.kind in ("org", "country") else None

    def _ruler_before(self, tok: Token, rulers: dict[str, str]) -> tuple[int, Actor] | None:
        """ "the Assad regime", "the Ortega-Murillo government": a government named by its
        ruler, a person of the article or a known leader, is their country's government."""
        doc, k = self.doc, tok.i
        if k > 1 and doc[k - 1].lower_ in ("'s", "\u2019s") and doc[k - 2].pos_ == "PROPN":
            k -= 1  # "Abiy's administration"
        while k > 0 and tok.i - k < 5 and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text in ("-", "\u2013")):
            k -= 1
        if k > 0 and doc[k - 1].lower_ == "the" and k < tok.i:
            k -= 1  # the mention spans "the", as a tagger's ORG "the Assad" would
        for t in doc[k : tok.i]:
            leader = self.kb.leader(t.text)
            country = rulers.get(t.lower_) or (leader.country if leader else None)
            if t.pos_ == "PROPN" and country:
                return k, replace(self._country_actor(country, country), sector="GOV")
        return None

    def _peoples(self, found: list[Mention]) -> list[Mention]:
        """A plural noun a demonym qualifies, in an argument position: "Iraqi Kurds",
        "Algerian landowners", "Palestinian youths" (a group of that country, sector unknown)."""
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        for tok in self.tokens:
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
            if any(
                a.dep_ in ("relcl", "acl", "advcl") and a.i != tok.i and a.lemma_.lower() not in SEATED
                for a in t.ancestors
                if a.i in range(min(t.i, tok.i), max(t.i, tok.i) + 1)
            ):
                continue  # a clause inside the phrase speaks of something else, but "based in X" is home
            ent = self.ent_of[t.i]
            if self._backer(ent):
                continue  # "Russian-backed separatists" are not Russia's
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
        return [
            self._group(o.i, o.i + 1, self._country_actor(iso3, iso3), role_tok)
            for o in last.conjuncts
            if o.i < last.i and (iso3 := self.kb.country(o.text))
        ]

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
        for tok in self.tokens:
            if tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            near_person = any(
                0 <= k < len(self.doc) and self.doc[k].ent_type_ == "PERSON" for k in (tok.i - 1, tok.i + 1)
            )
            if (
                tok.pos_ == "PROPN"
                and tok.dep_ in ("nsubj", "nsubjpass")
                and not tok.ent_type_
                and not near_person
                and tok.lower_ not in HONORIFICS
                and tok.i not in taken
                and tok.is_title
                and len(tok) > 1
                and not self.kb.country(tok.text)
                and not self.kb.org(tok.text)
                and not self.kb.role(tok.text)
                and not any(c.dep_ == "compound" for c in tok.children)
            ):
                actor = Actor(id=person_id(tok.text), name=tok.text)
                out.append(Mention(tok.i, tok.i + 1, actor, "person", person_key(tok.text, self.kb)))
        return out


STATE_FORCES = {"COP", "MIL"}


def _common_noun(tok: Token) -> bool:
    """A common noun, also where the tagger takes one for a name because a sentence or a
    dateline's dash puts a capital on it ("LIMA (AP) - Police detained ...")."""
    starts = tok.is_sent_start or tok.i > 0 and tok.nbor(-1).text in ("-", "\u2013", "\u2014", ":")
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and not tok.ent_type_ and bool(starts)


def _owned_before(groups: list[Mention], words: set[str]) -> Actor | None:
    """The owner the article has given this kind of group, when it has given one only: a bare
    "police" after "police in Chile" are Chile's police; after police of two countries, either."""
    owners = {m.actor.country: m.actor for m in groups if m.actor.country and _role_word(m) in words}
    if len(owners) != 1:
        return None
    owner = next(iter(owners.values()))
    return replace(owner, role=None)


def _role_word(m: Mention) -> str:
    return (m.actor.role or "").lower()
