"""Who a pronoun or a title alone refers to: "he", "the Secretary", "the Kenyan leader",
"the Party", and "we" in an issuer's statement."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .floor import ADDRESSEE_WORDS, SPEAKER_WORDS, Floors
from .mentions import FIRST_PERSON, PRONOUNS, SINGULAR_FIRST_PERSON, Mention, _quoted

# the words that may refer back to an actor, besides a person's title ("the Secretary")
REFERRING_WORDS = PRONOUNS | FIRST_PERSON | SPEAKER_WORDS | ADDRESSEE_WORDS | {"they", "party"}


class Anaphora(Floors):
    """The actor a pronoun or a bare title refers back to."""

    def may_refer_back(self, tok: Token) -> bool:
        """Whether the word is one `resolve_anaphor` reads at all (most words of a text are not)."""
        low = tok.lower_
        return low in REFERRING_WORDS or low in self.kb.person_roles

    def _undergoing(self, tok: Token) -> Mention | None:
        """ "Many protesters were beaten as they were arrested": "they", the subject of a
        clause subordinate to a passive one with no agent, are those its subject names."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl":
            return None
        main = clause.head
        heads = [main, main.head] if main.dep_ == "conj" else [main]  # "were kicked or beaten as ..."
        if any(c.dep_ == "agent" for h in heads for c in h.children):
            return None  # "were freed by the group as they ...": either
        subjects = [c for h in heads for c in h.children if c.dep_ == "nsubjpass"]
        found = [m for s in subjects for t in s.subtree if (m := self.by_token.get(t.i)) is not None]
        return found[0] if len(found) == 1 else None

    def resolve_anaphor(self, tok: Token) -> Mention | None:
        """He/she, or "the Vietnamese official": the nearest earlier person it can be."""
        low = tok.lower_
        if self.turns and (on_floor := self.on_the_floor(tok)) is not None:
            return on_floor  # "I", "we", "you" in a transcript's turn
        if low == "they" and (undergoing := self._undergoing(tok)) is not None:
            return undergoing
        if low == "they":
            return self._group_subject_before(tok)
        if low in PRONOUNS:  # not someone its own clause names: "He thanked X" is not X
            mates = {
                m.key
                for t in tok.head.subtree
                if t.i != tok.i and (m := self.by_token.get(t.i)) is not None and m.kind == "person"
            }
            return self._last_person(tok.i, None, exclude=mates)
        subject = (
            tok.dep_ in ("nsubj", "nsubjpass")
            or tok.dep_ == "conj"
            and tok.head.dep_ in ("nsubj", "nsubjpass")
        )
        if low in FIRST_PERSON and self.issuer is not None and subject and not _quoted(tok):
            if low in SINGULAR_FIRST_PERSON and self.speaker is not None:  # "Michelle and I extend ..."
                return Mention(tok.i, tok.i + 1, self.speaker, "person", self.speaker.id)
            return Mention(tok.i, tok.i + 1, self.issuer, "org", self.issuer.id)  # a statement's "we"
        if low == "party" and tok.i > 0 and tok.nbor(-1).lower_ == "the":
            return self._last_party(tok.i)  # "the party" refers back to the party last named
        role = self.kb.roles.get(low)
        if role is None or role.kind != "person":
            return None
        if any(self._titled(c) for c in tok.children):
            return None  # "the journalist Ana Soto was arrested": her title, not someone told before
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("the", "this"):
            return None
        served = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        country = next(  # "the Kenyan leader", "the president of Kenya"
            (
                self.kb.country(self.ent_of[c.i].text if c.i in self.ent_of else c.text)
                for c in [*tok.children, *served]
                if c.dep_ in ("amod", "compound")
                and c.ent_type_ == "NORP"
                or c.dep_ == "pobj"
                and c.ent_type_ == "GPE"
            ),
            None,
        )
        if country is None and tok.text[0].isupper() and (principal := self._first_person(tok.i, low)):
            return principal  # "The President", capitalised and bare: the page's own principal
        found = self._last_person(tok.i, country, low)
        if found is None and not served:
            # "the Kenyan leader": the Kenyan last named, whatever their title; but not one its
            # own sentence names ("Mr X met the Russian President" does not make X that president)
            sent = tok.sent
            mates = {  # those named before it in its sentence
                m.key
                for t in sent[: tok.i - sent.start]
                if (m := self.by_token.get(t.i)) is not None
                and m.kind == "person"
                and not m.start <= tok.i < m.end
            }
            found = self._last_person(tok.i, country, exclude=mates)
        if found is not None:  # what the title tells of them: "the Kenyan leader"
            self.table.fill(found.key, country=country, role=tok.text, sector=role.sector)
        return found

    def _titled(self, name: Token) -> bool:
        """A name that a title word before it belongs to: "the journalist [Ana Soto]", "the
        journalist and blogger [Ana Soto]" (not "the minister and Ana Soto", two people)."""
        if name.ent_type_ != "PERSON":
            return False
        if name.dep_ in ("appos", "compound"):
            return True
        return name.dep_ == "conj" and any(
            c.dep_ == "compound" and (r := self.kb.roles.get(c.lower_)) is not None and r.kind == "person"
            for c in name.children
        )

    def _group_subject_before(self, tok: Token) -> Mention | None:
        """ "X, a previously unknown group, claimed the kidnapping. They were demanding ...":
        "they" as the subject of a sentence is the body or group the sentence before had as
        its subject (not a person, who is "he" or "she"); else the last body or group that is
        the subject of one of its clauses ("The protests started where protesters unfurled
        banners. They were arrested")."""
        sent = tok.sent
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i != sent.root.i or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        while before.start > 0 and not before.text.strip():
            before = self.doc[before.start - 1].sent
        # its main clause's subject first, then the last subject of any of its clauses
        subjects = [s for s in before.root.children if s.dep_ in ("nsubj", "nsubjpass")]
        subjects += [s for s in reversed(before) if s.dep_ in ("nsubj", "nsubjpass")]
        for s in subjects:
            m = self.by_token.get(s.i)
            if m is not None and m.kind in ("org", "group"):
                return m
        return None

    def _first_person(self, before: int, role: str) -> Mention | None:
        """The first person of the text given this title who acts as a subject ("President
        Obama spoke with President Putin ... The President reiterated")."""
        for i in range(before):
            m = self.by_token.get(i)
            if (
                m is not None
                and m.kind == "person"
                and m.start == i
                and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                and role in (self.people.get(m.key, m.actor).role or "").lower()
            ):
                return m
        return None

    def _last_party(self, before: int) -> Mention | None:
        for i in range(before - 1, -1, -1):
            m = self.by_token.get(i)
            if m is not None and m.kind == "org" and m.actor.sector == "PTY":
                return m
        return None

    def _last_person(
        self, before: int, country: str | None, role: str | None = None, exclude: Collection[str] = ()
    ) -> Mention | None:
        for i in range(before - 1, -1, -1):
            m = self.by_token.get(i)
            if m is not None and m.key in exclude:
                continue
            if (
                m is not None
                and m.kind == "person"
                and m.start == i
                or (m is not None and m.kind == "person" and i == m.end - 1)
            ):
                person = self.people.get(m.key, m.actor)
                if (country is None or person.country in (None, country)) and (
                    role is None or role in (person.role or "").lower()
                ):
                    return m
        return None
