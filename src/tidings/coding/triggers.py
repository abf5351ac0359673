"""Coding a sentence: each trigger of the lexicon read as `who did what to whom`, and, where
no trigger matched, the classifier's reading of the main predicate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors import Mention
from ..classify import NONE, main_predicate
from ..lexicon import Trigger
from ..records import EventMention
from .aims import (
    acted_on_by_means,
    affiliates_of,
    answered,
    doer_of_object,
    holders,
    holders_of_place,
    purpose_targets,
    targeted,
)
from .arguments import (
    agreed_for,
    arguments,
    mentions_in,
    subject_mentions,
    unique,
)
from .clauses import (
    conditional,
    enacted,
    governing_verb,
    is_future,
    is_obligation,
    is_passive,
    is_refusal,
)
from .context import Context
from .eventhood import named_owner, not_an_event
from .judgements import a_judgement, judged, wronging_act
from .lookup import framed_trigger, reframed, triggers_of
from .record import build_event
from .remarks import courtesy
from .reported import is_reported, reporter
from .unnamed import proposer_of, state_behind, unnamed_doers
from .words import (
    AIMED_AT_AUTHORITY,
    BLAMING,
    COOPERATIVE,
    FALLBACK_MIN,
    FUTURE_SHIFT,
    GATHERINGS,
    INTRANSITIVE_PROTESTS,
    JOINT_ACTS,
    LIGHT_VERBS,
    MEETING_PLURALS,
    MESSAGES,
    PLACE_TIME_PREPS,
    QUANTIFIERS,
    REQUIRES_RECIPIENT,
    SEA_WORDS,
    SEPARATE_MEETINGS,
    TAKING_PART,
    VISIT_HOSTS,
)


def code_trigger(ctx: Context, sent: Span, tok: Token) -> Iterator[EventMention]:
    triggers = triggers_of(ctx, tok) or framed_trigger(ctx, tok)
    obliged = is_obligation(tok)
    if not triggers and obliged:  # "Y must return ...", whatever the verb
        triggers = (Trigger(tok.lemma_.lower(), "verb", "REQUEST", None, "100", ("dobj",)),)
    if not triggers or tok.i in ctx.actors.by_token:
        return
    is_noun = triggers[0].pos == "noun"
    verb = governing_verb(tok) if is_noun else tok
    if verb is None or is_noun and a_judgement(ctx, tok, verb):
        return
    if not is_noun:  # what the verb acts on can make it another event ("withdrew its inspectors")
        triggers = tuple(dict.fromkeys(reframed(ctx, verb, t) for t in triggers))
    # "welcomed the minister" is a visit, "welcomed the statement" support, "received weapons" none
    triggers = tuple(
        t
        for t in triggers
        if t.event != NONE  # a state, not an act ("share a commitment to X")
        and not _not_a_visit(ctx, verb, t)
        and not _not_a_call(verb, t)
        and not _showing(ctx, verb, t)
    )
    if not triggers:
        return
    refusal = is_refusal(verb) and triggers[0].event in COOPERATIVE
    obliged = obliged if verb is tok else is_obligation(verb)
    threat = FUTURE_SHIFT.get(triggers[0].event) == "THREATEN" and conditional(verb)
    if not (refusal or obliged or threat) and not_an_event(ctx, tok, verb, is_noun):
        return
    future = threat or is_future(verb)
    best = None
    transitive = not is_noun and any(c.dep_ == "dobj" for c in verb.children)
    for trig in triggers:
        sources, targets, reciprocal = arguments(ctx, tok, verb, trig, is_noun)
        # the reading that names whom it is aimed at; else, of a verb with an object, the sense
        # that takes one ("warplanes struck rebel positions" hit; "workers struck" walk out)
        takes_object = transitive and "dobj" in trig.recipient
        if (
            best is None
            or (targets and not best[2])
            or (not targets and not best[2] and takes_object and not best[4])
        ):
            best = (trig, sources, targets, reciprocal, takes_object)
    assert best is not None  # there is at least one trigger
    trig, sources, targets, reciprocal, _ = best
    if is_noun and tok.dep_ == "dobj" and named_owner(ctx, tok):
        sources, targets = answered(ctx, tok, verb, sources, targets)  # "rejected X's demand": X's
    if obliged:  # "X said Y must hand over ...": X asks Y (PLOVER: REQUEST)
        sources, targets, reciprocal = subject_mentions(ctx, reporter(verb)), sources, False
        if not targets:  # "a reminder to Iraq that it must ...": the one reminded
            told = [verb.head, verb.head.head] if verb.dep_ == "acl" else [reporter(verb)]
            targets = [
                m
                for t in told
                for c in t.children
                if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                for m in mentions_in(ctx, c)
            ]
    if not sources and not targets:
        return
    future = future and not enacted(verb, trig)
    event_type = FUTURE_SHIFT.get(trig.event, trig.event) if future else trig.event
    if refusal:
        event_type = "REJECT"  # "will not accept", "would not meet": an explicit refusal
    elif obliged:
        event_type = "REQUEST"
    if trig.phrase.split()[0] in VISIT_HOSTS and trig.event == "CONSULT" and not future:
        sources, targets = targets, sources  # the visitor is the actor (PLOVER 6)
    targets = [
        t for t in targets if t.actor.id not in {s.actor.id for s in sources} and not _occasion(ctx, t)
    ]
    if not targets and is_noun:
        targets = acted_on_by_means(ctx, tok, sources)  # "counter X's forces with a strike": X
    # "made a request to assist X": what is asked, whoever it helps; not whom it is asked of
    light_request = is_noun and event_type == "REQUEST" and verb.lemma_.lower() in LIGHT_VERBS
    if event_type == "REQUEST" and not is_noun:
        targets = holders(ctx, verb) or targets  # "demanded the release of prisoners held in X": X
    if not targets and event_type == "ASSAULT":
        targets = holders_of_place(ctx, verb)  # "shelled the rebel-held town": the rebels
    if not targets and event_type in AIMED_AT_AUTHORITY | {"RETREAT", "AID", "ASSAULT"} and not light_request:
        targets = purpose_targets(ctx, verb, sources)  # also "opened the bridge to allow aid to X"
    if not targets and event_type in ("SANCTION", "THREATEN"):
        # "sanctions targeting Belarusian exports": Belarus; "on individuals linked to X": X
        targets = targeted(ctx, verb, sources) or affiliates_of(ctx, tok, verb)
    if not targets and event_type in ("AGREE", "REJECT") and not is_noun:
        targets = proposer_of(ctx, sent, verb, sources)  # "X offered ..., but Y rejected the offer": X
    if not targets and event_type == "AGREE":
        targets = agreed_for(ctx, verb, sources)  # "agreed to deploy a team to New Zealand"
    if event_type == "ASSAULT" and not targets and _weapons_test(verb):
        event_type = "MOBILIZE"  # a missile test is a show of force (PLOVER MOBILIZE)
        trig = replace(trig, event="MOBILIZE", mode="weapons", cameo="15")
    belief = _belief(ctx, verb, event_type)
    if event_type in STANCES and sources and all(m.kind == "group" for m in sources):
        sources = _own_side_speaker(ctx, verb, sources)  # "commander X said his fighters would not ..."
    if not sources and targets:  # "were freed", "was beaten and arrested": no doer named
        sources = unnamed_doers(ctx, sent, verb, tok, event_type, is_noun, targets)
    if (
        not sources
        or event_type in REQUIRES_RECIPIENT
        and not targets
        and len(sources) < 2  # "A and B held joint drills"
        and not (event_type == "AGREE" and _thing_accepted(verb, is_noun))
        and not (event_type == "SUPPORT" and trig.phrase.split()[-1] in MESSAGES)
    ):  # an agreement with no one is a stance: "is committed to", "stands ready to", "plans to";
        # support for no one ("welcomed the decision") too, but condolences may name no one
        return
    if trig.event == "CONSULT" and not targets and len(sources) < 2 and not _joined(tok, verb, trig, is_noun):
        return  # a meeting needs two sides: "we discussed the issues", "will hold meetings"
    if not targets and event_type == "ACCUSE" and not is_noun:
        targets = judged(ctx, verb, sources)  # "branded the Chilean raid illegal": Chile
    if not targets and trig.phrase in ctx.lexicon.needs_partner:
        return  # "expressed concern over the economy", "called the move unwise": no one is addressed
    if event_type in BLAMING:
        # "condemned the arrest of X by Y": Y is accused; "raised her concerns": not herself
        own = {m.actor.id for m in sources}
        doers = [m for m in doer_of_object(ctx, verb) if m.actor.id not in own]
        targets = doers or state_behind(ctx, sent, verb) or targets
    if trig.event == "SUPPORT" and courtesy(verb):
        return  # "Thank you very much", "I want to thank you": the courtesies of remarks
    if event_type in JOINT_ACTS and not targets and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]  # "A and B signed": A signs with B (GUIDELINES 5)
    hosted = trig.phrase.split()[0] in VISIT_HOSTS
    several = (
        trig.phrase.split()[0] in SEPARATE_MEETINGS
        or tok.tag_ == "NNS"
        and tok.lemma_.lower() in MEETING_PLURALS
    )
    for who, whom in _separate_meetings(trig, event_type, sources, targets, hosted, several):
        yield build_event(ctx, sent, tok, trig, event_type, future, who, whom, reciprocal, belief)


# a side's stance a spokesman or commander states for it
STANCES = {"REJECT", "AGREE", "THREATEN", "REQUEST"}


def _own_side_speaker(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Who states a stance for an unnamed body of their own side ("Rebel commander X said
    separatist fighters would not observe the truce"): the speaker, when of that sector."""
    if not is_reported(verb):
        return sources
    speakers = [m for m in subject_mentions(ctx, reporter(verb)) if m.kind == "person"]
    sectors = {m.actor.sector for m in sources}
    if len(speakers) == 1 and speakers[0].actor.sector in sectors - {None}:
        return speakers
    return sources


def _occasion(ctx: Context, m: Mention) -> bool:
    """ "to meet at the G8 summit": an organisation that names the gathering is no party to it
    (a country is: "Ugandan mediation", "the US-China talks")."""
    last = ctx.doc[m.end - 1] if m.end > m.start else ctx.doc[m.start]
    return m.kind == "org" and last.dep_ == "compound" and last.head.lemma_.lower() in GATHERINGS


def _thing_accepted(verb: Token, is_noun: bool) -> bool:
    """ "Denmark accepted a formula", "offered concessions": a thing accepted or offered is an
    agreement even where the text leaves the other side to the reader."""
    return (
        not is_noun
        and verb.tag_ == "VBD"
        and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
    )


def _separate_meetings(
    trig: Trigger,
    event_type: str,
    sources: list[Mention],
    targets: list[Mention],
    hosted: bool,
    several: bool,
) -> list[tuple[list[Mention], list[Mention]]]:
    """ "X met A, B and C", "X received the ambassadors of Y and Z", "held meetings with A and
    B": meetings listed together are one event per counterpart (GUIDELINES 3). A call or a
    session with several parties is one occasion and stays one event."""
    counterparts = sources if hosted else targets
    if (
        event_type != "CONSULT"
        or trig.mode == "phone"
        or not several
        or len(counterparts) < 2
        or any(m.kind not in ("person", "group") for m in counterparts)
    ):
        return [(sources, targets)]
    if hosted:
        return [([m], targets) for m in sources]
    return [(sources, [m]) for m in targets]


def _joined(tok: Token, verb: Token, trig: Trigger, is_noun: bool) -> bool:
    """A one-sided meeting that is still an event: taking part in talks among others ("Kenya
    took part in the talks on Sudan", "attended the summit"), or a trip, which may frame the
    meetings on it (`occasions.meetings_over_visit`; alone it goes, `with_both_sides`)."""
    return trig.mode == "visit" or is_noun and verb.lemma_.lower() in TAKING_PART | {"attend", "join"}


def _showing(ctx: Context, verb: Token, trig: Trigger) -> bool:
    """A protest verb that protests with no object, given one that is no one ("demonstrate
    flexibility", "rallied support"): it shows or gathers something. ("Collected signatures"
    is a petition: that verb protests with its object.)"""
    return (
        trig.phrase in INTRANSITIVE_PROTESTS
        and trig.pos == "verb"
        and any(c.dep_ == "dobj" and c.i not in ctx.actors.by_token for c in verb.children)
    )


def _not_a_call(verb: Token, trig: Trigger) -> bool:
    """ "X called Y" (also "to congratulate him") is a telephone call; "called Y a liar" and
    "called elections" are not (a predicate after the object, or no one called)."""
    if trig.phrase != "call" or trig.pos != "verb" or trig.event != "CONSULT":
        return False
    kids = list(verb.children)
    return any(c.dep_ in ("oprd", "ccomp", "attr", "prt") for c in kids) or not any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in kids
    )


def _not_a_visit(ctx: Context, verb: Token, trig: Trigger) -> bool:
    """A host verb ("receive", "welcome") whose object is neither an actor nor a meeting
    ("hosted talks") tells of no visit."""
    if trig.event != "CONSULT" or trig.phrase.split()[0] not in VISIT_HOSTS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    nouns = ctx.lexicon.nouns

    def a_meeting(o: Token) -> bool:
        return any(t.event == "CONSULT" for t in nouns.get(o.lower_, ()) + nouns.get(o.lemma_.lower(), ()))

    def an_actor(o: Token) -> bool:  # "welcome all of you": the people a quantifier picks out
        picked = [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return o.i in ctx.actors.by_token or o.lower_ in QUANTIFIERS and any(an_actor(p) for p in picked)

    if not objects:  # "welcomed what it called ...", "welcomed that ...": no one is received
        return not is_passive(verb)
    return all(not an_actor(o) and not a_meeting(o) for o in objects)


def _weapons_test(verb: Token) -> bool:
    """ "test-fired a missile", "fired projectiles into the sea": a weapon fired at no one."""
    doc = verb.doc
    tested = verb.i > 1 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test"
    into_sea = any(
        p.dep_ == "prep" and p.lower_ in ("into", "in") and o.lemma_.lower() in SEA_WORDS
        for p in verb.children
        for o in p.children
        if o.dep_ == "pobj"
    )
    return tested or into_sea


def _belief(ctx: Context, anchor: Token, event_type: str) -> float | None:
    """How likely the classifier finds the lexicon's type here. It only weighs in on the
    confidence: letting it overrule the lexicon made the coder worse on the development
    gold (0.537 -> 0.522 accuracy), as its training sentences are few."""
    if ctx.classifier is None:
        return None
    return ctx.classifier.predict(anchor).get(event_type, 0.0)


def _wrongs_judged(ctx: Context, sent: Span) -> Iterator[tuple[tuple[Token, list[Mention]], list[Mention]]]:
    """Acts a sentence says do wrong, with who says so: the statement's own voice (its signatory
    or issuing body), or the subject of the verb reporting the clause ("X said the move
    violates ...")."""
    root = sent.root
    voice = ctx.actors.speaker or ctx.actors.issuer
    if voice is not None and (wronged := wronging_act(ctx, root)) is not None:
        kind = "person" if voice.id.startswith("person:") else "org"
        yield wronged, [Mention(root.i, root.i, voice, kind, voice.id)]
    clauses = [c for c in root.children if c.dep_ == "ccomp"]
    sayers = subject_mentions(ctx, root) if clauses else []
    for clause in clauses if sayers else ():
        if (wronged := wronging_act(ctx, clause)) is not None:
            yield wronged, sayers


def code_predicate(ctx: Context, sent: Span) -> Iterator[EventMention]:
    """A sentence no trigger matched: the classifier reads its main predicate, and the
    predicate's subject and object are the actors."""
    for wronged, who in _wrongs_judged(ctx, sent):  # "the conviction of X violates Y's commitments"
        verb, blamed = wronged
        trig = Trigger(verb.lemma_.lower(), "verb", "ACCUSE", "disapprove", "111", ())
        yield build_event(ctx, sent, verb, trig, "ACCUSE", False, who, blamed, False, 0.5)
        return
    if ctx.classifier is None:
        return
    verb = main_predicate(sent)
    if verb.pos_ not in ("VERB", "AUX") or verb.i in ctx.actors.by_token:
        return
    if triggers_of(ctx, verb):
        return  # the lexicon knows this verb and its rules found no event here
    probs = ctx.classifier.predict(verb)
    best = max(probs, key=probs.__getitem__)
    if best == NONE or probs[best] < FALLBACK_MIN or not_an_event(ctx, verb, verb, False):
        return
    sources = subject_mentions(ctx, verb)
    targets = [m for c in verb.children if c.dep_ in ("dobj", "dative") for m in mentions_in(ctx, c)]
    if not targets:
        targets = [
            m
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ not in PLACE_TIME_PREPS
            for m in mentions_in(ctx, c)
        ]
    if is_passive(verb):
        sources, targets = (
            [m for c in verb.children if c.dep_ == "agent" for m in mentions_in(ctx, c)],
            sources,
        )
    sources, targets = unique(sources), unique(targets)
    targets = [
        t for t in targets if t.actor.id not in {s.actor.id for s in sources} and not _occasion(ctx, t)
    ]
    if not targets and best in AIMED_AT_AUTHORITY:
        targets = purpose_targets(ctx, verb, sources)
    if not sources or best in REQUIRES_RECIPIENT and not targets:
        return
    trig = Trigger(verb.lemma_.lower(), "verb", best, None, None, ())
    yield build_event(ctx, sent, verb, trig, best, is_future(verb), sources, targets, False, probs[best])
