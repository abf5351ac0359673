"""The event record: type, actors with their homes, date and basis, background, place,
confidence and the marked evidence (sentence-level work done, the article's rules in
`occasions`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .. import dates, occasions
from ..actors import Mention
from ..lexicon import Trigger
from ..records import Actor, EventMention
from ..records import Span as Mark
from .clauses import governing_verb, in_main_clause, is_future, negated, present
from .context import Context
from .places import implied, location_of
from .reported import is_reported, reporter
from .timing import clause_of, event_date, span_edge, times_of
from .words import DOMESTIC

# retreats made to one's own state when no one is named: surrender, resignation
YIELDED_HOME = {"disarm", "resign"}
# offices held at home: the host of a visit who holds one is of the country visited
HOME_OFFICES = {"GOV", "LEG"}


# the event record ------------------------------------------------------------
def build_event(
    ctx: Context,
    sent: Span,
    tok: Token,
    trig: Trigger,
    event_type: str,
    future: bool,
    sources: list[Mention],
    targets: list[Mention],
    reciprocal: bool,
    belief: float | None = None,
) -> EventMention:
    anchor = tok if tok.pos_ in ("VERB", "AUX") else (governing_verb(tok) or tok)
    times = times_of(ctx, sent, tok)
    if future and is_reported(anchor) and not is_future(reporter(anchor)):
        # "X has announced it will free ...": the pledge (or threat) is made when it is announced
        speech = reporter(anchor)
        times, future = [e for e in times_of(ctx, sent, speech) if clause_of(e.root) == speech.i], False
    when = event_date(ctx, times, future)
    background = not future and occasions.is_background(
        times, anchor, tok, when, ctx.base, is_reported(anchor)
    )
    in_lead = ctx.lead is not None and sent.start_char < ctx.lead[1] and sent.end_char > ctx.lead[0]
    spans = [e for e in ctx.ents_in(sent) if (v := governing_verb(e.root)) is not None and span_edge(v)]
    untimed = when.date is None and not any(dates.names_a_time(e.text) for e in times + spans)
    # "We condemn ...", "Russia rejects ...": a speech act in the present is made on the day of the dispatch
    spoken_now = event_type in occasions.SAID and present(anchor) and not negated(anchor)
    when = occasions.dispatch_date(in_lead or spoken_now, untimed, future, background, ctx.base) or when
    off = sent.start_char
    trigger_end = tok.idx + len(tok.text)
    marks = [Mark(tok.idx - off, trigger_end - off, "trigger")]
    marks += [_mark(ctx, m, off, "source") for m in sources if m.end > m.start]
    marks += [_mark(ctx, m, off, "target") for m in targets]
    confidence = 0.5 + 0.15 * bool(targets) + 0.1 * (when.date is not None) + 0.1 * (not future)
    confidence += 0.1 * in_main_clause(anchor)  # PLOVER rule 7: the main-clause predicate first
    if belief is not None:  # the classifier's probability of the type weighs as much as the rules
        confidence = 0.8 * min(confidence, 0.95) + 0.2 * belief
    location = location_of(ctx, sent, anchor, sources + targets)
    domestic = event_type in DOMESTIC
    meeting = event_type == "CONSULT"  # people meet abroad: the country named is no clue to theirs
    source_actors = tuple(
        _with_home(ctx, sent, ctx.actors.actor_of(m), targets, domestic, meeting) for m in sources
    )
    target_actors = tuple(
        _placed(ctx, m, location)
        or _with_home(ctx, sent, ctx.actors.actor_of(m), sources, meeting=meeting, host=True)
        for m in targets
    )
    if not target_actors and (
        event_type in DOMESTIC or event_type == "RETREAT" and trig.mode in YIELDED_HOME
    ):
        # "twenty rebels surrendered": to the state where they fight (or their own); "resigned": hers
        target_actors = _domestic_recipient(ctx, location, source_actors)
    elif not target_actors and event_type == "MOBILIZE":
        target_actors = _foreign_place(ctx, location, source_actors)
    source_actors = tuple(_unidentified_at(ctx, sent, location, a, target_actors) for a in source_actors)
    return EventMention(
        type=event_type,
        mode=trig.mode if event_type == trig.event else None,
        cameo=trig.cameo if event_type == trig.event else None,
        sources=source_actors,
        targets=target_actors,
        evidence=sent.text.rstrip(),
        start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()),
        trigger=tok.text,
        date=when.date,
        date_precision=when.precision,
        date_basis=when.basis,
        location=location,
        confidence=min(confidence, 0.95),
        spans=tuple(marks),
        background=background,
    )


def _placed(ctx: Context, m: Mention, location: str | None) -> Actor | None:
    """A group of no named country on the receiving end belongs where the event happens
    ("killed 23 people in Tel Aviv" -> Israeli civilians), or where its own phrase puts it."""
    actor = ctx.actors.actor_of(m)
    if m.kind != "group" or actor.country:
        return None
    # else where its own phrase puts it: "individuals complicit in undermining democracy in X"
    place = location or next(
        (
            t.text
            for t in ctx.doc[m.end - 1].subtree
            if t.ent_type_ == "GPE" and t.dep_ == "pobj" and t.head.lower_ == "in"
        ),
        None,
    )
    iso3 = ctx.kb.country(place) if place else None
    return replace(actor, country=iso3) if iso3 else None


def _domestic_recipient(ctx: Context, location: str | None, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The country a domestic act with no named recipient is aimed at: where it happens, or
    the actors' own country. Its role says it is implied, so no one reads it as named."""
    home = ctx.kb.country(location) if location else None
    if home is None:
        own = {
            a.country
            for a in sources
            if a.country and len(a.country) == 3 and a.country not in ("IGO", "NGO", "IMG")
        }
        home = own.pop() if len(own) == 1 else None
    if home is None:
        return ()
    return implied(ctx, home)


def _foreign_place(ctx: Context, location: str | None, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Forces massed or on alert in another country's territory are aimed at that country."""
    there = ctx.kb.country(location) if location else None
    if there is None or there in {a.country for a in sources}:
        return ()
    return implied(ctx, there)


def _unidentified_at(
    ctx: Context, sent: Span, location: str | None, actor: Actor, targets: tuple[Actor, ...]
) -> Actor:
    """Unidentified attackers belong to the country where they struck ("Unidentified gunmen
    (Iraq)"): the event's place, else the one country the sentence names, else the victims'."""
    if actor.sector != "UAF" or actor.country:
        return actor
    home = ctx.kb.country(location) if location else None
    if home is None:
        named = _countries_named(ctx, sent)
        victims = {t.country for t in targets if t.country}
        others = named - victims
        home = next(iter(others)) if len(others) == 1 else next(iter(victims)) if len(victims) == 1 else None
    return replace(actor, country=home) if home else actor


def _countries_named(ctx: Context, sent: Span) -> set[str]:
    """The countries a sentence's actors belong to (not IGOs or NGOs)."""
    return {
        m.actor.country
        for i, m in ctx.actors.by_token.items()
        if sent.start <= i < sent.end
        and m.actor.country
        and len(m.actor.country) == 3
        and m.actor.country not in ("IGO", "NGO", "IMG")
    }


def _with_home(
    ctx: Context,
    sent: Span,
    actor: Actor,
    targets: list[Mention],
    domestic: bool = False,
    meeting: bool = False,
    host: bool = False,
) -> Actor:
    """An actor of unknown country ("President X", "opposition groups") in a sentence that names
    exactly one country acts at home: "President X extended the curfew in Abidjan" -> CIV.
    Not when that country is a person's on the other side ("Putin offered to meet the
    president of Armenia"), unless the act is domestic: protesters demanding the resignation
    of the Algerian president are Algerian. On the receiving end (`host`), not when that
    country is the other side's at all; but the host of a visit to a country who holds a
    state office there is of that country."""
    if actor.country or actor.sector == "UAF":
        return actor
    named = _countries_named(ctx, sent)
    if len(named) != 1:
        return actor
    home = named.pop()
    if host and not meeting and _destination(ctx, sent, home, ("visit",)):
        return actor  # "invited him to visit Washington": the guest is not of where they would go
    if host and meeting and actor.sector in HOME_OFFICES and _destination(ctx, sent, home):
        return replace(actor, country=home)  # "a trip to Peru, where she met President X": Peru's
    if meeting and (_destination(ctx, sent, home) or actor.id.startswith("person:")):
        return actor  # "X traveled to Sochi, Russia, where he met Y": Russia is where X went;
        # and a visitor is seen in the host's country ("the people of Sochi were glad X came")
    if not domestic and any(
        (t.kind == "person" or host and t.kind == "country") and ctx.actors.actor_of(t).country == home
        for t in targets
    ):
        return actor  # "Chile invited X to visit": X is Chile's guest, not Chile's
    return replace(actor, country=home)


def _destination(ctx: Context, sent: Span, iso3: str, visited: tuple[str, ...] = ()) -> bool:
    """Whether the sentence names the country as a place gone to or met in ("to Lebanon",
    "in Sochi, Russia"), or as what the `visited` verbs take ("to visit Washington"), not as
    anyone's own."""
    for i, m in ctx.actors.by_token.items():
        if sent.start <= i < sent.end and m.actor.country == iso3 and m.kind == "country":
            tok = ctx.doc[i]
            for t in (tok, tok.head, tok.head.head):
                if visited:
                    if t.dep_ == "dobj" and t.head.lemma_ in visited:
                        return True
                elif t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "at"):
                    return True
    return False


def _mark(ctx: Context, m: Mention, off: int, label: str) -> Mark:
    span = ctx.doc[m.start : m.end]
    return Mark(span.start_char - off, span.end_char - off, label)
