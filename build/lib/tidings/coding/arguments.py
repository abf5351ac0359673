"""Who did it and to whom: the mentions of the clause's subject, objects and prepositional
phrases, lists and demonyms ("Chinese officials"), and the owner of what is acted on.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention
from ..lexicon import Trigger
from ..nlp import HONORIFICS, sent_of
from .clauses import is_passive, passive_participle, role_holding, stance_passive, subjunctive, undergone
from .context import Context
from .reported import is_reported, says
from .words import (
    FOLLOW,
    LIGHT_VERBS,
    PAIR_DEPS,
    PLACE_PREPS,
    PRONOUN_SUBJECTS,
    RECIPIENT_PREPS,
    TOPIC_PREPS,
)


# arguments -----------------------------------------------------------------
def arguments(
    ctx: Context, tok: Token, verb: Token, trig: Trigger, is_noun: bool
) -> tuple[list[Mention], list[Mention], bool]:
    if is_noun and undergone(tok):  # "X came under attack by Y": Y acts on X
        agents = [
            m
            for c in verb.children
            if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
            for m in mentions_in(ctx, c)
        ]
        agents += [
            m
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for m in mentions_in(ctx, c)
        ]
        return unique(agents), unique(subject_mentions(ctx, verb)), False
    holder = role_holding(ctx, tok) if is_noun else None
    # "arrested the leaders of the protest": the protest is the leaders', not the police's
    sources = subject_mentions(ctx, verb) if holder is None else mentions_in(ctx, holder)
    if is_noun and not sources:  # "Israel's invasion", "Palestinian riots"
        sources = [
            m for c in tok.children if c.dep_ in ("poss", "amod", "compound") for m in mentions_in(ctx, c)
        ]
        sources = sources or demonym_mentions(ctx, tok)
    targets: list[Mention] = []
    reciprocal = False
    anchor = tok
    for rel in trig.recipient:
        if rel in ("dobj", "dative"):
            targets = [
                m
                for c in anchor.children
                if c.dep_ in ("dobj", "dative") and not _own(ctx, c)
                for m in mentions_in(ctx, c)
            ]
            if not targets and anchor.dep_ in ("xcomp",):
                targets = [m for c in anchor.head.children if c.dep_ == "dobj" for m in mentions_in(ctx, c)]
        else:
            for prep in (
                c for c in anchor.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == rel
            ):
                found = [m for m in mentions_in(ctx, prep)]
                if rel == "between":
                    sources, reciprocal = sources + found, True
                else:
                    targets = found
        if targets or reciprocal:
            break
    if not targets and not reciprocal and trig.event == "REQUEST":
        # "demanding that President X abandon ...", "its demand that X ease ...": the one asked
        clauses = [  # not "a request to assist X": what is asked, with no one of its own to do it
            c
            for c in tok.children
            if c.dep_ == "ccomp"
            or c.dep_ == "acl"
            and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
            or subjunctive(c)
        ]  # "pushing for X [to] support"
        clauses += [
            c for c in verb.children if is_noun and subjunctive(c)
        ]  # "reiterated its demand [that X ease]"
        targets = [m for c in clauses for m in subject_mentions(ctx, c)]
    if not targets and not reciprocal and stance_passive(verb):  # "is opposed to French mediation"
        objects = [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        targets = [
            m
            for o in objects
            for m in mentions_in(ctx, o) or demonym_mentions(ctx, o, frozenset(m.actor.id for m in sources))
        ]
    if not targets and not reciprocal:
        targets = (
            _surface_recipient(ctx, tok, trig)
            or _first_in_phrase(ctx, tok, trig, sources)
            or _owner_of_object(ctx, tok, sources)
        )
    if not is_noun and passive_participle(verb):  # "sailors, captured by Iranian forces"
        agents = [m for c in verb.children if c.dep_ == "agent" for m in mentions_in(ctx, c)]
        head = verb.head
        patients = head if verb.dep_ == "acl" else next((c for c in head.children if c.dep_ == "dobj"), None)
        return unique(agents), unique(mentions_in(ctx, patients) if patients is not None else []), False
    if is_passive(verb) and not is_noun and not stance_passive(verb):
        agents = [m for c in verb.children if c.dep_ == "agent" for m in mentions_in(ctx, c)]
        if agents or trig.mode != "disarm":  # "guerrillas have been demobilized": they disarm
            sources, targets = agents, sources
    return unique(sources), unique(targets), reciprocal


def _own(ctx: Context, obj: Token) -> bool:
    """An object the actor owns ("offered its troops to X"): what is given, not who receives;
    but "met his British counterpart X" names a person met."""
    return any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in obj.children
    ) and not any(m.kind == "person" for m in mentions_in(ctx, obj))


def subject_mentions(ctx: Context, verb: Token) -> list[Mention]:
    """Who does it: the clause's subject, looking up through "agreed to", "is ready to" and
    coordination; a pronoun in reported speech is the reporter ("Syria says it will ...")."""
    v = verb
    for _ in range(5):
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            found = [m for s in subjects for m in mentions_in(ctx, s)]
            if not found and v.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
                found = mentions_in(ctx, v.head)  # "the EU, which also adopted sanctions": the EU
            # "The Red Cross operating in Iraq said": a participle misparsed as the subject
            found = found or [
                m
                for s in subjects
                if s.tag_ == "VBG"
                for c in s.children
                if c.dep_ == "nsubj"
                for m in mentions_in(ctx, c)
            ]
            found = found or [
                m for s in subjects for m in demonym_mentions(ctx, s)
            ]  # "Israeli airstrikes killed"
            if not found and any(s.lower_ == "it" for s in subjects):  # "it is our pleasure to welcome"
                found = [
                    m
                    for c in v.children
                    if c.dep_ == "attr"
                    for p in c.children
                    if p.dep_ == "poss"
                    for m in mentions_in(ctx, p)
                ]
            if not found and all(s.lower_ in PRONOUN_SUBJECTS for s in subjects) and is_reported(v):
                return subject_mentions(ctx, v.head)
            return found
        if (
            v.dep_ in ("conj", "xcomp", "advcl", "acomp") or v.tag_ == "VBG" and v.dep_ == "prep"
        ) and v.head.i != v.i:
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head  # "resorted to throwing stones": who resorted
        elif (
            v.dep_ == "acl" and v.tag_ in ("VBD", "VBG") and v.head.pos_ in ("NOUN", "PROPN") and not says(v)
        ):
            return mentions_in(ctx, v.head)  # "demonstrators protesting ...": the demonstrators
        elif says(v):
            v = v.head.head  # "X issued a statement demanding ...": X
        else:
            return []
    return []


def mentions_in(ctx: Context, root: Token, depth: int = 0) -> list[Mention]:
    """Actors a phrase names: its head's mention and its conjuncts', looking through "the
    role of X" and "X's efforts" but not into place or purpose phrases ("in the US")."""
    if root.i in ctx.actors.consumed or depth > 6:
        return []
    m = ctx.actors.by_token.get(root.i)
    if m is None or m.kind == "group":  # "officials, including A, B and C": they are A, B and C
        heads = [root, *(c for c in root.children if c.dep_ == "acl")]  # "those most affected, including"
        included = [
            x
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for x in _listed_after(ctx, c)
        ]
        if included:
            return included
    found: list[Mention] = [m] if m is not None else []
    for child in root.children:
        follow = child.dep_ in FOLLOW or (
            child.dep_ == "prep"
            and (
                root.dep_ == "prep"
                or (m is None and (child.lower_ in ("of", "by") or root.lower_ in HONORIFICS))
                # "the governments of A and B": B's too
                or (m is not None and m.kind == "group" and child.lower_ == "of")
            )
        )
        if (
            m is not None
            and child.dep_ not in ("conj",)
            and root.dep_ != "prep"
            and not _listed(ctx, m, child)
        ):
            other = ctx.actors.by_token.get(child.i)
            # "French and Egyptian warships": the French ones are a group of their own
            follow = follow and (
                other is m
                or other is not None
                and other.kind == "group" == m.kind
                and other.actor.role == m.actor.role
            )
        if follow:
            for found_m in mentions_in(ctx, child, depth + 1):
                if all(found_m.start != f.start for f in found):
                    found.append(found_m)
        elif (
            child.dep_ in PAIR_DEPS
            and (pair := ctx.actors.by_token.get(child.i)) is not None
            and all(pair.start != f.start for f in found)
        ):
            found.append(pair)  # "the two leaders": the numeral names the other one
    return found


def _listed(ctx: Context, m: Mention, child: Token) -> bool:
    """ "The US, Russia, and Switzerland": a parse that makes the second of a list an
    appositive of the first (two countries or bodies, and a conjunction follows)."""
    other = ctx.actors.by_token.get(child.i)
    return (
        child.dep_ == "appos"
        and other is not None
        and other is not m
        and m.kind in ("country", "org")
        and other.kind in ("country", "org")
        and any(c.dep_ in ("conj", "cc") for c in child.children)
    )


def demonym_mentions(ctx: Context, noun: Token, taken: frozenset[str] = frozenset()) -> list[Mention]:
    """The country a demonym or country name before a noun names ("Palestinian riots",
    "an Indian proposal", "a US offer"), as a mention of that country."""
    for c in noun.children:
        if (
            c.dep_ in ("amod", "compound", "poss")
            and c.ent_type_ in ("NORP", "GPE")
            and c.i not in ctx.actors.by_token
        ):
            iso3 = ctx.kb.country(c.text)
            if iso3 and iso3 not in taken:
                return [Mention(c.i, c.i + 1, ctx.actors.country_actor(iso3), "country", iso3)]
    return []


def _owner_of_object(ctx: Context, tok: Token, sources: list[Mention]) -> list[Mention]:
    """Whose thing the act is done to: "rejected an Indian proposal", "a US offer", "an
    appeal from President X" -> India, the US, X."""
    taken = {m.actor.id for m in sources}
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                found = [m for m in mentions_in(ctx, c) if m.actor.id not in taken]
                if found:
                    return found
        found = demonym_mentions(ctx, obj, frozenset(taken))
        if found:
            return found
    return []


def _surface_recipient(ctx: Context, tok: Token, trig: Trigger) -> list[Mention]:
    """Fallback for a misparsed clause: the mention right after the frame's preposition."""
    preps = [r for r in trig.recipient if r != "dobj"]
    sent = sent_of(tok)
    for i in range(tok.i + 1, min(sent.end, tok.i + 8)):
        if ctx.doc[i].lower_ in preps and ctx.doc[i].dep_ != "aux" and i + 1 < sent.end:  # not "to assist X"
            for k in (i + 1, i + 2):
                m = ctx.actors.by_token.get(k) if k < sent.end else None
                if m is not None and k not in ctx.actors.consumed:
                    return [m]
    return []


def _first_in_phrase(ctx: Context, tok: Token, trig: Trigger, sources: list[Mention]) -> list[Mention]:
    """Last resort for the recipient: the first actor named after the trigger inside its own
    phrase ("lift embargoes on pharmaceutical sales to Iran", "offered its troops to Lebanon",
    "lifted the curfew in Montenegro"; but where a meeting took place is not who was met, nor
    is anyone of a participle's side clause: "agreed to hold talks, fulfilling X's pledge")."""
    if tok.dep_ in ("nsubj", "nsubjpass") or tok.lemma_.lower() in LIGHT_VERBS:
        return []  # "gave a speech at the X conference" names no recipient
    taken = {m.start for m in sources} | {m.actor.id for m in sources}
    aside = {t.i for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" for t in c.subtree}
    if trig.event == "REQUEST":  # "a request to assist X": what is asked, not whom it is asked of
        aside |= {t.i for c in tok.children if c.dep_ == "acl" and c.tag_ == "VB" for t in c.subtree}
    for t in tok.subtree:
        m = ctx.actors.by_token.get(t.i)
        if t.i in aside or (
            trig.event == "CONSULT" and t.head.lower_ in PLACE_PREPS | TOPIC_PREPS and t.dep_ == "pobj"
        ):
            continue  # where a meeting took place, or what it was about, is not who was met
        if (
            t.i > tok.i
            and m is not None
            and t.i not in ctx.actors.consumed
            and m.start not in taken
            and m.actor.id not in taken
            and m.actor.country
        ):
            return [m]
    return []


def unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(m.start != o.start and m.actor.id != o.actor.id for o in out):
            out.append(m)
    return out


def _listed_after(ctx: Context, including: Token) -> list[Mention]:
    """The actors an "including" list names, in order. A long list of titled names parses as
    anything (appositions, "of" phrases, conjuncts), so every mention in it counts; where it
    names people, the people ("including President A, Speaker of Parliament B and C")."""
    found: list[Mention] = []
    for t in [*including.subtree, *_list_tail(including)]:
        m = ctx.actors.by_token.get(t.i)
        if m is not None and t.i not in ctx.actors.consumed and all(f.start != m.start for f in found):
            found.append(m)
    people = [m for m in found if m.kind == "person"]
    return people or found


def _list_tail(including: Token) -> list[Token]:
    """The rest of a list that closes its sentence where the parser hung its last items
    elsewhere ("..., including President A, Speaker B, and Governor C."): the names, titles,
    commas and "and" up to the sentence's end, none when a clause goes on."""
    doc = including.doc
    tail = []
    for t in doc[including.right_edge.i + 1 : sent_of(including).end]:
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return []
        tail.append(t)
    return tail


def agreed_for(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Whom an agreed, offered or promised act is for: "agreed to deploy a team to New
    Zealand", "stands ready to offer assistance to those nations, including X", "offered to
    negotiate with the president of Y", "is willing to send arms to help defend Z"."""
    taken = {m.actor.id for m in sources}
    homes = {m.actor.country for m in sources} | {None}
    acts = [verb]
    for _ in range(4):  # down the chain of what is agreed: "ready to offer", "send ... to help defend"
        for act in acts:
            objects = [c for c in act.children if c.dep_ in ("dobj", "dative")]
            phrases = [
                c
                for h in (act, *objects)
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS
            ]
            people = [o for o in objects if o.ent_type_ in ("GPE", "PERSON", "NORP")]
            found = [m for p in phrases + people for m in mentions_in(ctx, p) if m.actor.id not in taken]
            # "send troops to a peacekeeping force in Haiti": the country the act goes to
            found = found or [
                m
                for p in phrases
                if p.lower_ in ("to", "into")
                for t in p.subtree
                if t.ent_type_ == "GPE"
                and (m := ctx.actors.by_token.get(t.i)) is not None
                and m.kind == "country"
            ]
            # a group is someone's only when the text says whose: "support for health clinics" is no one
            found = [
                m
                for m in found
                if m.actor.id not in taken and (m.kind != "group" or m.actor.country not in homes)
            ]
            if found:
                return unique(found)
        acts = [
            c
            for v in acts
            for c in v.children
            if c.dep_ in ("xcomp", "acomp")
            or c.dep_ == "advcl"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    return []
