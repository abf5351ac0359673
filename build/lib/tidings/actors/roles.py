"""Who a person is, from the words around the name: titles before it ("Chilean Foreign
Minister X"), "X of France", an owner after the title ("President of the Republic of
Turkey X"), appositives ("To Lam, General Secretary of the CPV and President of ...")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp import sent_of
from .mentions import GENERIC_ROLES, _lower_title_word, _phrase_goes_on
from .reading import Reading


class Roles(Reading):
    """Titles, owners and appositives of a person's mention."""

    def _titles_before(self, ent: Span) -> tuple[int, tuple[str | None, str | None, str | None, str | None]]:
        """Where a person's title starts, and what it says: "CPUSA co-Chair Rossana Cambron",
        "Vietnamese President X", "General Secretary X", "Iran's religious leader X"."""
        doc = self.doc
        owned = self._title_of_owner(ent)
        if owned is not None:
            return owned
        i = ent.start
        while (
            i > sent_of(ent[0]).start
            and (
                doc[i - 1].is_title
                or doc[i - 1].lower_ in ("co", "-", "vice")
                or doc[i - 1].text.istitle()
                or _lower_title_word(doc[i - 1], ent.start - i)
            )
            and doc[i - 1].ent_type_ != "PERSON"
            and doc[i - 1].pos_ not in ("CCONJ", "SCONJ", "DET", "PRON", "ADP", "ADV")  # "But rebel leader X"
        ):
            if doc[i - 1].ent_type_ in ("ORG", "GPE", "NORP"):
                break
            i -= 1
        title = doc[i : ent.start].text
        role = self.kb.role(title) if title else None
        if role is None:
            # "South African Carel Strydom", "American Steve Centanni": a nationality alone
            prev = doc[ent.start - 1] if ent.start > 0 else None
            country = self.kb.country(prev.text) if prev is not None and prev.ent_type_ == "NORP" else None
            return ent.start, (None, None, country, None)
        org = country = None
        k = i - 2 if i > 1 and doc[i - 1].lower_ in ("'s", "\u2019s") else i - 1  # "Iran's leader"
        if k >= 0 and doc[k].ent_type_ in ("ORG", "GPE", "NORP"):
            owner = self.ent_of[k]
            org, country = self._owner(owner)
            before = owner.start - 1  # "French National Assembly president": a body of France
            if country is None and before >= 0 and doc[before].ent_type_ in ("NORP", "GPE"):
                country = self.kb.country(doc[before].text)
        self.titles.update(range(i, ent.start))
        return i, (title, org, country, role.sector)

    def _of_owner(self, end: int) -> tuple[str | None, str | None] | None:
        """ "of France", "of the Republic of Korea" right after a titled name: whose office it is."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        k = end + 1 + (doc[end + 1].lower_ == "the")
        owner = next(
            (
                e
                for e in (self.ent_of.get(end + 1), self.ent_of.get(k))
                if e is not None and e.start in (end + 1, k) and e.label_ in ("GPE", "ORG")
            ),
            None,
        )
        if owner is None:
            return None
        org, country = self._owner(owner)
        return (org, country) if country else None

    def _title_of_owner(
        self, ent: Span
    ) -> tuple[int, tuple[str | None, str | None, str | None, str | None]] | None:
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
            role = self.kb.role(doc[start : k - 1].text)
            if role is not None:
                org, country = self._owner(doc[k : ent.start] if doc[k].lower_ != "the" else owner)
                if country is None:
                    org, country = self._owner(owner)
                self.titles.update(range(start, ent.start))
                return start, (doc[start : k - 1].text, org, country, role.sector)
        return None

    def _body_sector(self, ent: Span) -> str:
        """The sector of a body the knowledge base does not know, from the kind of body its
        name says it is ("... Foundation for ...": SOC); "" when the name does not say."""
        for t in ent:
            role = self.kb.role(t.text)
            if role is not None and role.kind == "body":
                return role.sector or ""
        return ""

    def _owner(self, ent: Span) -> tuple[str | None, str | None]:
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        org = self.kb.org(text) or None
        if org is not None:
            return org.id, org.code
        if text in self.acronyms:
            return self.acronyms[text].org, self.acronyms[text].country
        country = self.kb.country(text)
        words = text.split()
        if country is None and len(words) > 1:  # "French National Assembly": a body of France
            country = self.kb.country(words[0])
        return None, country

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
        phrase = doc[end + 1 : j]
        if any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") for t in phrase):
            return None  # a clause, not an appositive
        if any(t.ent_type_ == "PERSON" for t in phrase):
            return None  # "A, Speaker of Parliament B, and C": the next of a list of people
        words = [t for t in phrase if t.lower_ not in ("a", "an", "the")]
        while len(words) > 1 and (
            words[0].ent_type_ in ("GPE", "NORP") or words[0].lower_ in ("'s", "\u2019s")
        ):
            words = words[1:]  # "U.S. Ambassador to X", "Peru's envoy": the owner before the title
        head_role = None
        for k in range(min(len(words), 5), 0, -1):
            cand = doc[words[0].i : words[k - 1].i + 1].text
            found = self.kb.role(cand)
            if found and found.kind == "person" and re.fullmatch(r"[\w\- ]+", cand):
                head_role = cand
                break
        if head_role is None:
            return None
        org = country = None
        private = None  # a title in a body that is no state's nor known ("president of a foundation")
        for ent in self.ents:
            posted = (
                ent.start > 0 and doc[ent.start - 1 - (doc[ent.start - 1].lower_ == "the")].lower_ == "to"
            )
            if phrase.start <= ent.start < phrase.end and ent.label_ in ("ORG", "GPE", "NORP") and not posted:
                o, c = self._owner(ent)  # not where an envoy is posted ("ambassador to Chile")
                org, country = org or o, country or c
                if private is None and ent.label_ == "ORG" and o is None and c is None:
                    private = self._body_sector(ent)
        self.consumed.update(range(end, j))
        role = self.kb.role(head_role)
        sector = role.sector if role else None
        if private is not None and org is None and country is None:
            sector = private or None  # its sector is the body's, not the title's
        titles = [head_role] + [
            w.nbor(1).text + (" " + w.nbor(2).text if w.nbor(2).is_title else "")
            for w in phrase
            if w.lower_ == "and"
            and w.i + 2 < len(doc)
            and w.nbor(1).is_title
            and self.kb.role(w.nbor(1).text)
        ]
        if org and self.kb.org_by_id.get(org) and self.kb.org_by_id[org].kind == "party":
            generic = role is not None and role.phrase in GENERIC_ROLES
            sector = "PTY" if sector in ("PTY", "GOV") or generic else sector
        return "; ".join(titles), org, country, sector
