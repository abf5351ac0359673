"""When an event happened: the time expressions of its own clause, not those of a noun on
the way to it, an occasion it answers ("congratulated on the vote of May 3") or a span's
edge ("since the truce took effect May 5"), resolved against the dispatch date.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import dates
from .clauses import governing_verb
from .context import Context
from .words import REASON_VERBS, SPAN_MARKS


def times_of(ctx: Context, sent: Span, trigger: Token) -> list[Span]:
    """The sentence's DATE and TIME expressions that may date the event ("late Saturday
    morning", "on Friday afternoon" too), not those of a noun on the way to it. Those of the
    trigger's own clause come first ("traveled on May 11 to Sochi, where he met X on May 12")."""
    found = [
        e for e in ctx.ents_in(sent) if e.label_ in ("DATE", "TIME") and not _dates_a_thing(e.root, trigger)
    ]
    reason = _reason(trigger)
    if reason is not None:  # "congratulated him on his victory in the vote on April 3": the vote's date
        found = [e for e in found if e.start < reason]
    if len(found) < 2:
        return found
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    return sorted(found, key=lambda e: clause is None or clause_of(e.root) != clause.i)


def span_edge(verb: Token) -> bool:
    """A clause that bounds a span ("since the truce took effect", "until talks resume")."""
    return any(c.dep_ == "mark" and c.lower_ in SPAN_MARKS for c in verb.children)


def _reason(trigger: Token) -> int | None:
    """Where the occasion an act answers begins ("thanked X [for ...]", "congratulated X [on
    ...]", "condemned X [for ...]"): a time told after it is that occasion's."""
    if trigger.lemma_.lower() not in REASON_VERBS:
        return None
    return next((c.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "of")), None)


def clause_of(tok: Token) -> int | None:
    """The index of the verb whose clause a word belongs to."""
    verb = governing_verb(tok)
    return verb.i if verb is not None else None


def event_date(ctx: Context, times: list[Span], future: bool) -> dates.ResolvedDate:
    for ent in times:
        if ent.root.dep_ not in ("compound", "nummod", "amod", "poss"):  # not "the 2018 agreement"
            found = dates.resolve(ent.text, ctx.base, future)
            if found.date is None and ctx.base is None and ctx.year is not None:
                found = dates.resolve_in_year(ent.text, ctx.year)
            if found.date is not None:
                return found
    return dates.UNKNOWN


def _dates_a_thing(tok: Token, trigger: Token | None) -> bool:
    """ "congratulated him on his victory in the election on April 3": the date is the
    election's, a noun's on the way up to the verb, not the congratulation's. The trigger
    noun itself may be dated ("the meeting on Tuesday")."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        t = t.head
        if trigger is not None and t.i == trigger.i:
            return False
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("npadvmod", "ROOT"):
            return True
        if t.pos_ in ("VERB", "AUX"):  # a clause that tells of a noun ("a summit scheduled for May 9")
            if span_edge(t):
                return True  # "killed since the truce took effect May 5": the span's start, not the act's day
            if trigger is not None and t.left_edge.i <= trigger.i <= t.right_edge.i:
                return False
            if t.dep_ in ("acl", "relcl"):
                return True
            if t.dep_ not in ("xcomp", "conj", "pcomp"):
                return False
    return False
