"""Judgements as accusations: a verb of judging ("describe", "call", "brand", "see") with
what it calls its object ("as counterproductive", "an act of aggression", "illegal") accuses
whoever owns or did the thing judged. The verbs and words are data (``object_frames.tsv``,
slot "complement"); the lookup finds the complement (``lookup.complements``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention
from .aims import doer_phrases
from .arguments import demonym_mentions, mentions_in
from .context import Context
from .lookup import complements


def a_judgement(ctx: Context, noun: Token, verb: Token) -> bool:
    """ "called X a threat", "described it as an invasion": what X is called is no event."""
    return verb.lemma_.lower() in ctx.lexicon.judging and any(noun in c.subtree for c in complements(verb))


def judged(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Whom a judgement of a thing judges: the owner or doer of the act it calls wrong
    ("branded the Chilean raid illegal", "what he called Britain's violation of ...", "called
    the embargo imposed by Y an act of aggression")."""
    things = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    things += [s for c in complements(verb) if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    taken = frozenset(m.actor.id for m in sources)
    for thing in things:
        found = [m for c in doer_phrases(thing) for m in mentions_in(ctx, c) if m.actor.id not in taken]
        found = found or demonym_mentions(ctx, thing, taken)
        if found:
            return found
    return []
