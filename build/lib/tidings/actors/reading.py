"""The state of one document's actor reading (its parse, entities, knowledge base, the
dateline and agencies that are not actors, the issuer who says "we") and the actors of
countries named in it."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span

from ..kb import KnowledgeBase
from ..records import Actor, country_actor_id
from ..turns import Turns
from .entities import Entities
from .mentions import BACKING, Mention


class Reading:
    """What reading a document's actors works on, and the actors of its countries."""

    def __init__(
        self,
        doc: Doc,
        kb: KnowledgeBase,
        event_nouns: Collection[str] = (),
        dateline: tuple[int, int] | None = None,
        agencies: Collection[str] = (),
        issuer: Actor | None = None,
        speaker: Actor | None = None,
        turns: Turns | None = None,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.issuer = issuer  # the body whose statement this page is: "we" and "I" speak for it
        self.speaker = speaker  # who signs the statement, when it says: "I" is them
        self.turns = turns or Turns()  # a transcript's speaker turns: their "I" and "you"
        self.ents = tuple(doc.ents)  # Doc.ents builds its spans anew on every access
        self.tokens = tuple(doc)  # iterating a Doc builds each Token anew: read them once
        self.ent_of = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.ent_ending = {e.end: e for e in self.ents}
        self.dateline = dateline  # the dateline's place and credit are the story's, not its actors
        self.agencies = {a.lower() for a in agencies}  # the news agencies that report the story
        self.event_nouns = event_nouns  # "Palestinian riots" is an event, not a group of people
        self.acronyms: dict[str, Actor] = {}
        self.consumed: set[int] = set()
        self.titles: set[int] = set()  # title words before a name: part of the person's mention
        self.table = Entities()  # the article's entity table: token -> mention, person -> actor
        # the table's two maps, read often: each token's mention, each person's best-known actor
        self.by_token: dict[int, Mention] = self.table.by_token
        self.people: dict[str, Actor] = self.table.people
        self._read()

    def _read(self) -> None:
        """What reading does once the state is set (`DocActors` finds and links mentions)."""

    def _backer(self, ent: Span) -> bool:
        """A country named as the backer of a group ("Russian-backed", "Iran-aligned"): the
        group acts, not the country."""
        doc = self.doc
        return ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in BACKING

    def _country_actor(self, iso3: str, text: str) -> Actor:
        return Actor(
            id=country_actor_id(iso3, self.kb.org_by_id), name=self._country_name(iso3, text), country=iso3
        )

    def country_actor(self, iso3: str) -> Actor:
        """The actor of a country, by its ISO3 code."""
        return self._country_actor(iso3, iso3)

    def _country_name(self, iso3: str, text: str) -> str:
        import pycountry  # noqa: PLC0415

        if iso3 in self.kb.display_names:
            return self.kb.display_names[iso3]
        found = pycountry.countries.get(alpha_3=iso3)
        return getattr(found, "common_name", None) or getattr(found, "name", None) or text
