"""Trigger lookup: which lexicon entries a token may be, and what its object makes of it
("withdrew its inspectors" is SANCTION; "strengthened its forces" MOBILIZE).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..lexicon import Frame, Trigger
from .context import Context
from .words import LIGHT_VERBS

# clauses of their own: what is said inside them is not what the verb says
CLAUSES = ("ccomp", "advcl", "relcl", "parataxis", "csubj")


# triggers ------------------------------------------------------------------
def may_trigger(ctx: Context, tok: Token) -> bool:
    """A cheap first look: the token's word heads a trigger, or a verb carries "must"."""
    pos = tok.pos_
    if pos not in ("VERB", "AUX", "NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME"):
        return False  # "On March 2" is no march
    heads = ctx.lexicon.heads
    return (
        tok.lower_ in heads or tok.lemma_.lower() in heads or pos in ("VERB", "AUX") and tok.i in ctx.obliged
    )


def _of_time(prep: Token) -> bool:
    """ "on Monday", "for two hours": a time phrase, not the particle of "call on", "call for"."""
    return prep.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def triggers_of(ctx: Context, tok: Token) -> tuple[Trigger, ...]:
    lex = ctx.lexicon
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if (
                child.dep_ in ("prt", "prep", "dobj", "mark", "dative")
                and f"{lemma} {child.lower_}" in lex.verbs
                and not _of_time(child)
            ):
                return lex.verbs[f"{lemma} {child.lower_}"]
            mark = (
                next((m.lower_ for m in child.children if m.dep_ == "mark"), "")
                if child.dep_ == "advcl"
                else ""
            )
            if mark and f"{lemma} {mark}" in lex.verbs:  # "pushing hard [for the US to support ...]"
                return lex.verbs[f"{lemma} {mark}"]
        return lex.verbs.get(lemma, ())
    if tok.pos_ in ("NOUN", "PROPN"):
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        before = f"{tok.nbor(-2).lower_} {prev}" if tok.i > 1 else None
        for word in (tok.lower_, tok.lemma_.lower()):  # "air strikes" is "air strike"
            if before is not None and f"{before} {word}" in lex.nouns:  # "joint military exercises"
                return lex.nouns[f"{before} {word}"]  # before "military exercises"
            if f"{prev} {word}" in lex.nouns:
                return lex.nouns[f"{prev} {word}"]
        if tok.head.lemma_.lower() in LIGHT_VERBS and f"{tok.head.lemma_.lower()} {tok.lower_}" in lex.verbs:
            return ()  # coded from the verb ("hold talks")
        return lex.nouns.get(tok.lower_, ()) or lex.nouns.get(tok.lemma_.lower(), ())
    return ()


def reframed(ctx: Context, verb: Token, trig: Trigger) -> Trigger:
    """The trigger as its object frame makes it ("withdrew its inspectors" -> SANCTION)."""
    frame = _frame(ctx, verb, trig.phrase)
    if frame is None:
        return trig
    # the frame's recipients first; its object is what is moved or given, never the recipient:
    # "ordered troops into X" aims at X, not at the troops
    recipient = trig.recipient
    if frame.slot == "dobj":
        recipient = tuple(dict.fromkeys(frame.recipient + tuple(r for r in recipient if r != "dobj")))
    return replace(trig, event=frame.event, mode=frame.mode, cameo=frame.cameo, recipient=recipient)


def _frame(ctx: Context, verb: Token, phrase: str) -> Frame | None:
    for frame in ctx.lexicon.frames:
        if phrase not in frame.triggers:
            continue
        if frame.slot == "complement":
            heads = complements(verb)
        elif frame.slot == "from":  # what one withdraws from: "pulled out of the talks"
            heads = withdrawn_from(verb)
        else:
            heads = [c for c in verb.children if c.dep_ == frame.slot]
            heads += [h for x in heads for h in x.conjuncts]
        # the head, its modifiers and an "of" phrase ("a deployment of peacekeeping troops")
        near = [t for h in heads for t in h.subtree if abs(t.i - h.i) <= 4]
        words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
        if words & frame.words:
            return frame
    return None


def withdrawn_from(verb: Token) -> list[Token]:
    """What a verb withdraws from: the object of its "from" or "(out) of" phrase."""
    preps = [p for p in verb.children if p.dep_ == "prep"]
    preps += [q for p in preps if p.lower_ == "out" for q in p.children if q.dep_ == "prep"]
    return [o for p in preps if p.lower_ in ("from", "of") for o in p.children if o.dep_ == "pobj"]


def left_behind(ctx: Context, noun: Token) -> bool:
    """A meeting or a deal a verb withdraws from ("pulled out of the talks"): what is refused."""
    v = noun.head
    while v.dep_ == "prep" and v.head.i != v.i:
        v = v.head
    if noun not in withdrawn_from(v):
        return False
    return any((f := _frame(ctx, v, t.phrase)) is not None and f.slot == "from" for t in triggers_of(ctx, v))


def complements(verb: Token) -> list[Token]:
    """What a verb of judging says its object is: "described X as counterproductive", "called
    the embargo an act of aggression", "branded the raid illegal". An "as" phrase counts
    wherever the parser hung it inside the clause, not inside a clause of its own."""
    heads = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")]
    for t in verb.subtree:
        if t.lower_ != "as" or t.dep_ != "prep" or t.i < verb.i:
            continue
        up = t.head
        while up.i != verb.i and up.dep_ not in CLAUSES:
            up = up.head
        if up.i == verb.i:
            heads.append(t)
    return heads


def framed_trigger(ctx: Context, tok: Token) -> tuple[Trigger, ...]:
    """A verb the lexicon lacks that a frame makes a trigger ("strengthened its forces")."""
    if tok.pos_ != "VERB":
        return ()
    lemma = tok.lemma_.lower()
    particle = next((f"{lemma} {c.lower_}" for c in tok.children if c.dep_ == "prt"), lemma)
    frame = _frame(ctx, tok, particle) or _frame(ctx, tok, lemma)
    if frame is None:
        return ()
    return (Trigger(particle, "verb", frame.event, frame.mode, frame.cameo, frame.recipient),)
