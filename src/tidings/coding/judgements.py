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
from .words import STATE_ACTS

# what an act is said to do wrong: "the conviction of X violates Y's commitments", "the move
# shows a blatant disregard for the law" (the statement's speaker accuses whoever is at fault)
WRONGING = {"violate", "contravene", "breach", "flout", "undermine", "defy"}
DISREGARD = {"disregard", "contempt", "disdain"}
# what binds whoever violates it: "contravenes Peru's commitments" blames Peru
BINDING = {"commitment", "obligation", "pledge", "promise", "undertaking", "responsibility", "duty"}
# what someone does that may be judged besides the lexicon's acts ("the Peruvian decision")
DEEDS = {"decision", "move", "action", "step", "measure", "verdict", "ruling", "policy", "conduct", "law"}


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


def wronging_act(ctx: Context, root: Token) -> tuple[Token, list[Mention]] | None:
    """A clause whose subject is an act that it says does wrong ("The conviction of X ...
    shows a blatant disregard for justice and contravenes Y's commitments"): the verb,
    and whom it blames: the owner of what is violated, else the doer of the act. None when the
    sentence is not such a judgement (its subject is an actor, or no one is to blame)."""
    verbs = [root, *root.conjuncts]
    if not any(_wrongs(v) for v in verbs):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].i in ctx.actors.by_token:
        return None
    act = subjects[0]
    if not (act.lemma_.lower() in STATE_ACTS | DEEDS or ctx.lexicon.nouns.get(act.lemma_.lower())):
        return None
    in_act = {t.i for t in act.subtree}
    for v in verbs:  # "contravenes Peru's commitments": whose commitments they are
        bound = [t for t in v.subtree if t.lemma_.lower() in BINDING and t.i not in in_act]
        found = [m for t in bound for c in t.children if c.dep_ == "poss" for m in mentions_in(ctx, c)]
        if found:
            return v, found
    found = [m for c in doer_phrases(act) for m in mentions_in(ctx, c)] or demonym_mentions(ctx, act)
    return (root, found) if found else None


def _wrongs(verb: Token) -> bool:
    if verb.lemma_.lower() in WRONGING:
        return True
    return verb.lemma_.lower() == "show" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DISREGARD for c in verb.children
    )
