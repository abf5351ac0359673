"""The formulas of spoken remarks, in transcripts and quoted speeches: a speaker's leave
("allow me to welcome you"), performatives ("I would like to welcome you", "it is our
pleasure to welcome you": done as said) and courtesies ("thank you": no act between actors)."""

from __future__ import annotations

from spacy.tokens import Token

from .words import LEAVE_VERBS, PERFORMATIVE_NOUNS


def speakers_leave(verb: Token) -> bool:
    """ "Allow me to welcome you", "let us begin": a speaker's formula for the next verb, which
    is the act (if any), not a concession."""
    if verb.lemma_.lower() not in LEAVE_VERBS:
        return False
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))]
    return len(clauses) > 1 and any(
        c.dep_ in ("nsubj", "dobj") and c.lower_ in ("me", "us") for v in clauses for c in v.children
    )


def performative(verb: Token) -> bool:
    """ "I would like to welcome you", "it is our pleasure to welcome you": the speaker does
    it as they say it."""
    kids = list(verb.children)
    if not any(c.dep_ == "xcomp" for c in kids):
        return False
    if verb.lemma_.lower() in ("like", "love"):
        return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in kids)
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr"
        and c.lemma_.lower() in PERFORMATIVE_NOUNS
        and any(p.dep_ == "poss" and p.lower_ in ("my", "our") for p in c.children)
        for c in kids
    )


def courtesy(verb: Token) -> bool:
    """A speaker's thanks or greeting to "you" (who may be known, in a transcript): the
    formulas of remarks, not an act between actors ("sends you his regards" too). A welcome
    to a place is a visit."""
    return any(c.dep_ in ("dobj", "dative") and c.lower_ == "you" for c in verb.children)
