"""Where an event happened: an "in/at X" phrase of its clause (or of whom it acts on),
else a place a sentence of the paragraph puts a participant in; and the country of the
groups the text places only by the story's place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors import Mention
from ..records import Actor, EventMention
from .arguments import mentions_in
from .context import Context
from .words import DOMESTIC


def location_of(ctx: Context, sent: Span, anchor: Token, participants: list[Mention]) -> str | None:
    """A place the trigger's clause puts the event in ("in New York", "at the Unity Hall"),
    else one a sentence of the paragraph puts a participant in ("X was in New York")."""
    place = place_of(ctx, anchor)
    if place:
        return place
    keys = {m.key for m in participants}
    para = paragraph_sentences(ctx, sent)
    for other in para:
        subj = [t for t in other if t.dep_ == "nsubj"]
        mentions = [m for t in subj for m in mentions_in(ctx, t)]
        if any(m.key in keys for m in mentions):
            place = place_of(ctx, other.root)
            if place:
                return place
    return None


def place_of(ctx: Context, verb: Token) -> str | None:
    """The place in an "in/at X" phrase attached to this verb, or to whom it acts on, where a
    parser often hangs it ("met with X and Y in Sochi")."""
    heads = [verb] + _objects(verb)
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for pobj in prep.children:
            if pobj.ent_type_ in ("GPE", "LOC", "FAC") and pobj.i not in ctx.actors.consumed:
                ent = ctx.ent_at(pobj.i)
                return re.sub(r"^the ", "", ent.text) if ent is not None else pobj.text
    return None


def _objects(verb: Token) -> list[Token]:
    """The verb's objects and theirs by "with", and their conjuncts ("met with X and Y")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return found + [c for o in found for c in o.conjuncts]


def paragraph_sentences(ctx: Context, sent: Span) -> list[Span]:
    text = ctx.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    para_end = text.find("\n", sent.end_char)
    para_end = len(text) if para_end == -1 else para_end
    return [s for s in ctx.sentences if para_start <= s.start_char and s.end_char <= para_end and s != sent]


# groups that belong to the place where they act when the text gives them no country:
# "protesters", "police", "rebels", "unions", "soldiers" (not refugees, journalists or attackers)
PLACE_BOUND = {"CVL", "LAB", "EDU", "AGR", "REB", "COP", "MIL", "OPP"}


def story_country(ctx: Context, dateline_place: str | None) -> str | None:
    """The country a news story is filed from or about: its dateline's ("NAIROBI, Kenya -"),
    else the one country its headline and lead name places in, if only one."""
    for part in re.split(r"\s*[,/]\s*", dateline_place or ""):
        if part and (iso3 := ctx.kb.country(part)):
            return iso3
    if ctx.lead is None:
        return None
    start, end = ctx.lead
    named = {
        iso3
        for e in ctx.ents
        if e.label_ == "GPE" and start <= e.start_char < end and (iso3 := ctx.kb.country(e.text))
    }
    return next(iter(named)) if len(named) == 1 else None


def placed_groups(ctx: Context, event: EventMention, home: str | None) -> EventMention:
    """Give the groups the text leaves without a country ("Police arrested 20 protesters")
    the country where they act: the event's place, else the story's country. A news report
    names a group's country only when it differs from where the story is."""
    where = (ctx.kb.country(event.location) if event.location else None) or home
    if where is None:
        return event

    def placed(a: Actor) -> Actor:
        if a.country or a.sector not in PLACE_BOUND or not a.id.startswith("group:"):
            return a
        return replace(a, country=where)

    event = replace(
        event, sources=tuple(map(placed, event.sources)), targets=tuple(map(placed, event.targets))
    )
    homes = {a.country for a in event.sources if a.country}
    if event.type in DOMESTIC and not event.targets and len(homes) == 1:
        # "Unions launched a strike to protest ...": aimed at their state, now that they are placed
        event = replace(event, targets=implied(ctx, homes.pop()))
    return event


def implied(ctx: Context, iso3: str) -> tuple[Actor, ...]:
    """A country as a recipient the sentence implies but does not name."""
    return (replace(ctx.actors.country_actor(iso3), role="implied recipient"),)
