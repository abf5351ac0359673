"""Who has the floor in a transcript: each turn's speaker (from its label, or, for a turn
whose label the page dropped, the person the previous turn addressed) and addressee (the
person an opening vocative names, or the other one of an exchange between two speakers), so
that "I", "me", "we" and "you" in the turn are people of the article."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..names import person_key
from ..records import Actor
from ..turns import VOCATIVE_OPENERS, vocative
from .mentions import FIRST_PERSON, Mention, _quoted, person_id
from .reading import Reading

SPEAKER_WORDS = FIRST_PERSON | {"me", "us"}  # the speaker, as subject or object
ADDRESSEE_WORDS = {"you"}
CONNECTORS = {"of", "the", "and"}


@dataclass(frozen=True)
class Floor:
    """A turn's speaker and addressee, by their person keys in the article's table."""

    speaker: str | None
    addressee: str | None


class Floors(Reading):
    """Speakers and addressees of the document's transcript turns."""

    floors: list[Floor]

    def _read_floors(self) -> None:
        """Each turn's speaker and addressee, once the article's people are known."""
        turns = self.turns.turns
        speakers = [None if t.anonymous else self._person_in(t.words, labelled=True) for t in turns]
        named = {s for s in speakers if s is not None}
        self.floors = []
        for k, turn in enumerate(turns):
            speaker = speakers[k]
            if speaker is None and not turn.label and k > 0:
                speaker = self.floors[k - 1].addressee  # an unlabelled reply: the one addressed
            words = vocative(self.doc.text[turn.start : turn.end])
            around = {speakers[k - 1], self.floors[k - 1].speaker} if k else set()
            if k + 1 < len(turns):
                around.add(speakers[k + 1])
            near = named | {s for s in around if s is not None}
            addressee = self._person_in(words, exclude=speaker, speakers=near) if words else None
            if addressee is None and speaker is not None and len(named) == 2:
                addressee = next(s for s in named if s != speaker)
            self.floors.append(Floor(speaker, addressee))

    def on_the_floor(self, tok: Token) -> Mention | None:
        """The person "I", "me", "we" (the speaker) or "you" (the addressee) is in a turn."""
        low = tok.lower_
        if low not in SPEAKER_WORDS and low not in ADDRESSEE_WORDS or _quoted(tok):
            return None
        k = self.turns.at(tok.idx)
        if k is None:
            return None
        floor = self.floors[k]
        key = floor.speaker if low in SPEAKER_WORDS else floor.addressee
        if key is None:
            return None
        return Mention(tok.i, tok.i + 1, self.people[key], "person", key)

    def floor_at(self, tok: Token) -> tuple[Mention | None, Mention | None]:
        """Who has the floor where the token is, and whom they address (None outside a transcript)."""
        k = self.turns.at(tok.idx) if self.turns else None
        if k is None:
            return None, None
        floor = self.floors[k]
        return self._on_floor(tok, floor.speaker), self._on_floor(tok, floor.addressee)

    def _on_floor(self, tok: Token, key: str | None) -> Mention | None:
        return Mention(tok.i, tok.i, self.people[key], "person", key) if key is not None else None

    def _person_in(
        self,
        words: list[str],
        exclude: str | None = None,
        labelled: bool = False,
        speakers: set[str] | None = None,
    ) -> str | None:
        """The article's person a label or vocative names: by a word of their name ("SECRETARY
        KERRY", "Sergey"), else by their title ("Mr Secretary") when one person holds it; a
        label naming someone the article does not (a title and a name) adds them. Of several
        holders of the title, one who speaks in the transcript is meant."""
        titles, names = self._title_and_name([w for w in words if w not in VOCATIVE_OPENERS])
        people = {k: a for k, a in self.people.items() if k != exclude}
        if names:
            by_name = {k for k in people if set(k.split()) & set(names)}
            if len(by_name) == 1:
                return next(iter(by_name))
            if by_name or not labelled or not titles:
                return None
            return self._label_person(titles, names)
        role = self.kb.role(" ".join(titles)) if titles else None
        if role is None or role.kind != "person":
            return None
        holders = {k for k, a in people.items() if role.phrase in (a.role or "").lower()}
        if len(holders) > 1 and speakers:
            holders &= speakers
        return next(iter(holders)) if len(holders) == 1 else None

    def _title_and_name(self, words: list[str]) -> tuple[list[str], list[str]]:
        """ "president of russia vladimir putin" -> (["president"], ["vladimir", "putin"]): the
        longest title the words open with, and the name words after it."""
        split = next((i for i in range(len(words), 0, -1) if self.kb.role(" ".join(words[:i]))), 0)
        names = [w for w in words[split:] if w not in CONNECTORS and self.kb.country(w) is None]
        return words[:split], names

    def _label_person(self, titles: list[str], names: list[str]) -> str:
        """A person a label names by title and name ("AMBASSADOR X") whom the text does not."""
        name = " ".join(w.title() for w in names)
        role = self.kb.role(" ".join(titles))
        key = person_key(name, self.kb)
        self.people.setdefault(
            key,
            Actor(
                id=person_id(name),
                name=name,
                role=" ".join(titles).title(),
                sector=role.sector if role else None,
            ),
        )
        return key
