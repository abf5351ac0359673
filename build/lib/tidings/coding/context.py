"""What the coder knows of one document while it reads it: the parse, its actors, the
lexicon, the dispatch date and the lead, and the entity spans grouped by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span

from ..actors import DocActors
from ..classify import TypeClassifier
from ..kb import KnowledgeBase
from ..lexicon import Lexicon
from ..nlp import sent_of
from ..page import Page, Part
from .words import OBLIGATION


@dataclass(frozen=True)
class Context:
    doc: Doc
    actors: DocActors
    kb: KnowledgeBase
    lexicon: Lexicon
    published: date | None
    classifier: TypeClassifier | None = None
    sentences: tuple[Span, ...] = ()
    text: str = ""  # Doc.text rebuilds the string on every access
    base: date | None = None  # the dispatch date: the dateline's, else the publication date
    lead: tuple[int, int] | None = None  # character range of the headline and lead paragraph
    ents: tuple[Span, ...] = ()  # Doc.ents (and Span.ents) build their spans anew on every access
    sent_ents: dict[int, tuple[Span, ...]] = field(default_factory=dict)  # by sentence start token
    year: int | None = None  # an undated page's year, from its headline ("Travel to Oslo, May 3-5, 2015")

    @cached_property
    def obliged(self) -> frozenset[int]:
        """The tokens a "must" or "should" hangs from ("Y must return ..."), found in one pass."""
        return frozenset(t.head.i for t in self.actors.tokens if t.lower_ in OBLIGATION and t.head.i != t.i)

    def ents_in(self, sent: Span) -> tuple[Span, ...]:
        return self.sent_ents.get(sent.start, ())

    def ent_at(self, i: int) -> Span | None:
        return next((e for e in self.ents if e.start <= i < e.end), None)


def entities(doc: Doc) -> tuple[tuple[Span, ...], dict[int, tuple[Span, ...]]]:
    """The document's entity spans, built once, and those of each sentence."""
    ents = tuple(doc.ents)
    by_sent: dict[int, list[Span]] = {}
    for e in ents:
        by_sent.setdefault(sent_of(e[0]).start, []).append(e)
    return ents, {k: tuple(v) for k, v in by_sent.items()}


def part_range(part: Part | None) -> tuple[int, int] | None:
    return (part.start, part.end) if part is not None else None


def lead_range(page: Page) -> tuple[int, int] | None:
    """The headline and lead paragraph: where the dispatch's own news is told."""
    parts = [p for p in (page.headline, page.lead) if p is not None]
    return (min(p.start for p in parts), max(p.end for p in parts)) if parts else None
