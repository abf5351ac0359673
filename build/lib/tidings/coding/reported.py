"""Reported speech: a clause a reporting verb introduces ("X said [Y would ...]"), who reports
it, a participle telling what a statement says, and a clause someone denies."""

from __future__ import annotations

from spacy.tokens import Token

from ..classify import REPORTING
from .words import ASSERTING, DENIALS, STATEMENT_NOUNS


def is_reported(verb: Token) -> bool:
    """A clause a reporting verb introduces ("X said [Y would ...]")."""
    v = verb
    while v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
        v = v.head
    if (
        v.dep_ == "acl"
        and v.head.lemma_.lower() in STATEMENT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)
    ):
        return True  # "a stern reminder to Iraq that it must cooperate"
    return v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING | ASSERTING


def reporter(verb: Token) -> Token:
    """The verb whose subject reports a clause: "X said [...]", "X issued a reminder that [...]"."""
    v = verb
    while v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
        v = v.head
    return v.head.head if v.dep_ == "acl" else v.head


def says(verb: Token) -> bool:
    """A participle that tells what a statement says ("a declaration demanding that ...")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.lemma_.lower() in STATEMENT_NOUNS
        and verb.head.head.i != verb.head.i
    )


def denied(verb: Token) -> bool:
    """A clause someone denies ("Russia denied [that its jets bombed the hospital]"): what
    others say happened, not what the text reports; the denial is the event."""
    v = verb
    while v.dep_ in ("xcomp", "acomp", "conj", "auxpass") and v.head.i != v.i:
        v = v.head
    return (
        v.dep_ == "ccomp"
        and v.head.lemma_.lower() in DENIALS
        and not any(c.dep_ == "neg" for c in v.head.children)
    )
