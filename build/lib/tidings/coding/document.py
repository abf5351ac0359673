"""Coding a document: its codable sentences in order, then the article's rules (headline as
lead, history, statements within meetings) over all its events.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from .. import occasions
from ..actors import DocActors, org_actor, person_id
from ..classify import TypeClassifier, load_classifier
from ..credits import outlet_names
from ..kb import KnowledgeBase
from ..lexicon import Lexicon
from ..page import Page, read_page
from ..records import Actor, DocActor, EventMention
from ..turns import read_turns
from .context import Context, entities, lead_range, part_range
from .lookup import may_trigger
from .places import placed_groups, story_country
from .triggers import code_predicate, code_trigger


def issuer_of(kb: KnowledgeBase, outlet: str | None) -> Actor | None:
    """The body that publishes a page, when it is a government or an international body (a
    ministry's press release, a president's website), not a news outlet: its statements say
    "we" for it."""
    org = kb.org(re.sub(r"\s*\(.*$", "", outlet or "").strip()) if outlet else None
    return None if org is None or org.sector in ("JRN", "MED", None) else org_actor(org)


def signatory_of(kb: KnowledgeBase, page: Page, issuer: Actor | None) -> Actor | None:
    """The person who signs a government body's statement ("Statement by President X",
    "X, Secretary of State" above it), acting for the body: their "I" is them."""
    signed = page.signatory() if issuer is not None else None
    if signed is None or issuer is None:
        return None
    name, title = signed
    role = kb.role(title) if title else None
    return Actor(
        id=person_id(name),
        name=name,
        org=issuer.org,
        role=title,
        country=issuer.country,
        sector=role.sector if role else issuer.sector,
    )


def code_doc(
    doc: Doc,
    kb: KnowledgeBase,
    lexicon: Lexicon,
    published: date | None,
    classifier: TypeClassifier | None = None,
    page: Page | None = None,
) -> list[EventMention]:
    """All events of an annotated document, in text order."""
    return code_document(doc, kb, lexicon, published, classifier, page)[0]


def code_document(
    doc: Doc,
    kb: KnowledgeBase,
    lexicon: Lexicon,
    published: date | None,
    classifier: TypeClassifier | None = None,
    page: Page | None = None,
    issuer: Actor | None = None,
    outlet: str | None = None,
) -> tuple[list[EventMention], list[DocActor]]:
    """All events of an annotated document in text order, and the document's actors. With
    the document's `page` (its layout), only the article's own sentences are coded, the
    dateline gives the dispatch date, and the lead's undated events take it."""
    text = doc.text
    page = page or read_page(text, None, published)
    dateline = (page.dateline.start, page.dateline.end) if page.dateline else None
    reporters = set(page.agencies) | (set(outlet_names(outlet)) if issuer is None else set())
    turns = read_turns(text)
    if turns:
        issuer = None  # a transcript: "we" is whoever has the floor
    speaker = signatory_of(kb, page, issuer)
    actors = DocActors(doc, kb, lexicon.nouns, dateline, reporters, issuer, speaker, turns)
    ctx = Context(
        doc,
        actors,
        kb,
        lexicon,
        published,
        classifier or load_classifier(),
        tuple(doc.sents),
        text,
        page.base_date(published),
        lead_range(page),
        *entities(doc),
        page.year(),
    )
    events: list[EventMention] = []
    named = sorted(actors.by_token)  # the tokens that name an actor
    for sent in ctx.sentences:
        if not page.codable(sent.start_char, sent.end_char) or not _names_an_actor(named, sent):
            continue  # every event has an actor of its own sentence; a sentence of none codes none
        found = occasions.meetings_over_visit(
            [
                event
                for tok in actors.tokens[sent.start : sent.end]
                if may_trigger(ctx, tok)
                for event in code_trigger(ctx, sent, tok)
            ]
        )
        events += occasions.one_act_per_sentence(
            occasions.with_both_sides(found or list(code_predicate(ctx, sent)))
        )
    actors.infer_party_membership()
    # a government's statement is filed from its seat ("WASHINGTON -"), not where its acts land
    home = story_country(ctx, page.dateline.place if page.dateline else None) if issuer is None else None
    events = occasions.between_two(
        occasions.not_to_itself([placed_groups(ctx, _refresh_actors(ctx, e), home) for e in events])
    )
    events = occasions.headline_as_lead(events, part_range(page.headline), part_range(page.lead))
    events = occasions.mark_history(events, ctx.base)
    return occasions.attach_to_meetings(events, lambda e: _refers_back(ctx, e)), actors.doc_actors()


def _names_an_actor(named: list[int], sent: Span) -> bool:
    k = bisect_left(named, sent.start)
    return k < len(named) and named[k] < sent.end


def _refresh_actors(ctx: Context, event: EventMention) -> EventMention:
    """Apply what the whole document taught about its people (country, party)."""

    def fresh(a: Actor) -> Actor:
        for person in ctx.actors.people.values():
            if person.id == a.id:
                return replace(
                    a,
                    org=a.org or person.org,
                    country=a.country or person.country,
                    sector=a.sector or person.sector,
                    role=a.role or person.role,
                )
        return a

    return replace(event, sources=tuple(map(fresh, event.sources)), targets=tuple(map(fresh, event.targets)))


def _refers_back(ctx: Context, event: EventMention) -> bool:
    """ "Following the meeting, ...": the paragraph speaks of a meeting told before."""
    text = ctx.text
    para_start = text.rfind("\n", 0, event.start) + 1
    window = text[para_start : event.end].lower()
    return any(f"the {n}" in window for n in ctx.lexicon.meeting_nouns)
