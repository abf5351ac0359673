"""The grammar of a clause around a trigger: its governing and reporting verbs, and its
mood: negated, future, conditional, obliged, reported, passive (PLOVER rules 3-5).
`eventhood.not_an_event` uses them to say when a trigger's use is no event at all.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..classify import STANCE_ADJ, main_predicate
from ..lexicon import Trigger
from ..nlp import sent_of
from .context import Context
from .reported import is_reported
from .words import (
    DECISION_VERBS,
    ENACTED_BY_DECISION,
    FUTURE_AUX,
    INTENT_VERBS,
    LITOTES,
    OBLIGATION,
    STANCE_PASSIVES,
)


def undergone(tok: Token) -> bool:
    """An event noun its subject undergoes: "under investigation", "under attack", "under arrest"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger hangs from ("held talks", "At a session with X, Y said")."""
    head = tok.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def clause_chain(verb: Token) -> list[Token]:
    """The verb and the one it completes or is coordinated with ("agreed to [meet]")."""
    return [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])


def _modals(verb: Token) -> set[str]:
    chain = clause_chain(verb)
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        chain.append(verb.head.head)  # "is ready to", "would be willing to"
    return {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}


def subjunctive(verb: Token) -> bool:
    """A mandative that-clause: "[demanded] that Israel ease restrictions" (a bare verb with its
    own subject and no auxiliary), which tells what is asked, not what was done."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return (
        verb.dep_ in ("ccomp", "acl", "advcl")
        and (verb.tag_ == "VB" and "that" in marks or verb.tag_ in ("VB", "VBP") and "for" in marks)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def stance_passive(verb: Token) -> bool:
    """ "Vietnam is committed to opening up", "Israel is opposed to French mediation": the
    subject acts, and what follows "to" is what it acts on."""
    return (
        verb.lemma_.lower() in STANCE_PASSIVES
        and verb.tag_ == "VBN"
        and (is_passive(verb) or verb.dep_ == "acomp")
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def enacted(verb: Token, trig: Trigger) -> bool:
    """A sanction or restriction decided is imposed, not threatened: "the EU decided to
    impose sanctions", "parliament voted to expel the envoy" (the measure takes effect by
    the decision; a pledge of aid does not deliver it)."""
    if trig.event not in ENACTED_BY_DECISION or conditional(verb):
        return False
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in DECISION_VERBS


def conditional(verb: Token) -> bool:
    """ "X may halt its mediation if ...", "would strike unless ...": a negative act held out on
    a condition is a threat (PLOVER THREATEN), not a hypothetical."""
    return (
        bool(_modals(verb) & {"may", "would", "will"})
        and not negated(verb)
        and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for c in verb.children
        )
    )


def negated(verb: Token) -> bool:
    """ "did not meet", "refused ... never"; but "will not hesitate to impose" asserts it."""
    chain = [v for v in clause_chain(verb) if not (v.i != verb.i and v.lemma_.lower() in LITOTES)]
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for v in chain for c in v.children)


def is_refusal(verb: Token) -> bool:
    """ "will not release", "would not meet", "refuses to" is in the lexicon (PLOVER rule 4)."""
    return negated(verb) and bool(_modals(verb) & (FUTURE_AUX | {"would", "wo"}))


def is_obligation(verb: Token) -> bool:
    """ "Y must hand over ..." as somebody reports it: a demand on Y."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and bool(_modals(verb) & OBLIGATION)
        and is_reported(verb)
        and not negated(verb)
    )


def present(verb: Token) -> bool:
    """Told in the present: "we condemn", "are sending a message", "continue to stand with"."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("am", "is", "are") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.tag_ in ("VBP", "VBZ")


def stance_infinitive(verb: Token) -> bool:
    """ "will be ready, if necessary, to assist": the infinitive of a stance adjective that an
    inserted phrase made the parser hang on the copula."""
    return (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "acomp" and c.lower_ in STANCE_ADJ for c in verb.head.children)
    )


def is_future(verb: Token) -> bool:
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids):
        return True
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in INTENT_VERBS | STANCE_ADJ
        or stance_infinitive(verb)
    ):
        return True
    if (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in INTENT_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return True  # "have sworn [to fight]" parsed as a purpose clause
    if is_reported(verb) and "would" in _modals(verb):
        return True
    return any(c.lower_ == "going" for c in kids) and any(c.lower_ == "to" for c in kids)


def is_passive(verb: Token) -> bool:
    """ "were arrested", and "were kicked or beaten" (a conjunct shares its head's voice)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    )


def passive_participle(verb: Token) -> bool:
    """A past participle with an agent and no subject of its own, modifying a noun or a
    clause: "15 sailors, captured by Iranian forces": the noun (or the clause's object) is
    what undergoes it, the agent does it."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and any(c.dep_ == "agent" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children)
    )


def in_main_clause(tok: Token) -> bool:
    main = main_predicate(sent_of(tok))
    t = tok
    for _ in range(4):
        if t == main:
            return True
        if t.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def role_holding(ctx: Context, noun: Token) -> Token | None:
    """The role noun an act noun names the office of ("the leaders of the protest", "the
    organizer of Saturday's march"): they, not the clause's subject, are its doers."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        role = head.head
        if ctx.kb.roles.get(role.lower_) or ctx.kb.roles.get(role.lemma_.lower()):
            return role
    return None
