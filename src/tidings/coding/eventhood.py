"""Whether a trigger's use reports an act at all (PLOVER rules 4, 5, 10): not when it is
negated, hypothetical, habitual, history, a purpose, a relative clause about something
else, or the topic of a stance ("concern for the attack", "demanded an investigation").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..classify import STANCE_ADJ
from .aims import undergone_by_owner
from .clauses import clause_chain, negated, stance_infinitive, subjunctive, undergone
from .context import Context
from .lookup import framed_trigger, left_behind, triggers_of
from .remarks import performative, speakers_leave
from .reported import denied, is_reported, says
from .words import (
    ATTEMPT_NOUNS,
    ATTEMPT_VERBS,
    BACKGROUND_MARKS,
    BACKGROUND_PREPS,
    DEPICTING,
    ENDING_VERBS,
    HABITUAL,
    HYPOTHETICAL,
    INTENT_VERBS,
    LIGHT_VERBS,
    MEASURE_NOUNS,
    MOTION_VERBS,
    STATE_NOUNS,
    STEP_NOUNS,
    TAKING_PART,
    TOPIC_PREPS,
    WISH_VERBS,
)


def _period(verb: Token) -> bool:
    """A span of years the clause covers ("from 1998 to 2000", "between 1975 and 1990")."""
    text = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    return re.search(r"\b(from|between) (\d{4}) (to|until|and|-) (\d{4})\b", text) is not None


def _tally(verb: Token) -> bool:
    """A count of acts since a point in time ("have conducted four exercises since 2005",
    "more than 100 soldiers have been killed since the conflict resumed"): a running total of
    many acts, not one event (GUIDELINES 1, long-running states)."""
    kids = list(verb.children)
    since = any(  # since a year ("since 2005"), not since a day of this week's news
        c.dep_ == "prep" and c.lower_ == "since" and any(re.fullmatch(r"\d{4}", t.text) for t in c.subtree)
        for c in kids
    ) or (  # a toll since something happened, with no one named doing it (not "killed by rebels")
        any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
            for c in kids
        )
        and not any(c.dep_ in ("agent", "nsubj") for c in kids)
    )
    return since and any(
        c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "NNS" and any(n.dep_ == "nummod" for n in c.children)
        for c in kids
    )


def _depicted(verb: Token) -> bool:
    """ "has been seen on television praising X", "a video shows him saying": what pictures
    show, not an act reported."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ == "VBG" and verb.head.lemma_.lower() in DEPICTING and verb.head.i != verb.i


def _what_they_called(ctx: Context, verb: Token) -> bool:
    """ "what he called Britain's violation": a free relative of a verb of judging, which
    news writing uses to report a judgement as the speaker's own."""
    return verb.lemma_.lower() in ctx.lexicon.judging and any(
        c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children
    )


# acts of speech whose nouns take a topic ("concern for", "calls for", "support for")
STANCE_EVENTS = {"ACCUSE", "SUPPORT", "REQUEST", "REJECT"}
ASKED_OR_REFUSED = {"REQUEST", "REJECT"}
RESPONSES = {"reaction", "response", "retaliation", "reprisal", "revenge", "answer"}


def named_owner(ctx: Context, noun: Token) -> bool:
    """An act's noun with a named owner ("rejected Peru's demand", "President X's calls") is
    that owner's act, told as it is answered: an act of its own, not a topic."""
    if undergone_by_owner(noun):
        return False  # "condemned Navalny's arrest": he was arrested
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.i in ctx.actors.by_token for c in noun.children)


def _topic_of_a_stance(ctx: Context, noun: Token, depth: int = 0) -> bool:
    """An event noun in the phrase of a stance noun is its topic, not an act reported ("voiced
    concern for the attack on X", "renewed calls for talks", "condolences over the raid"), as
    is what a demand or a refusal is of ("demanded the recall of X and an investigation",
    "rejected the offer of talks")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    head = noun.head
    if noun.dep_ == "dobj":  # but "rejected X's calls for them to disarm": X did call
        return not named_owner(ctx, noun) and any(t.event in ASKED_OR_REFUSED for t in triggers_of(ctx, head))
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.head.pos_ != "NOUN" or depth > 3:
        return False
    stance = head.head
    if stance.lemma_.lower() in RESPONSES or any(t.event in STANCE_EVENTS for t in triggers_of(ctx, stance)):
        return True  # also "ordered troops in, in reaction to an attack on X": the cause, another's act
    lemma = stance.lemma_.lower()  # "expressed support for": the noun of a verb phrase's trigger
    return (
        stance.dep_ == "dobj"
        and any(
            t.event in STANCE_EVENTS and t.phrase.split()[-1] == lemma for t in triggers_of(ctx, stance.head)
        )
    ) or _topic_of_a_stance(ctx, stance, depth + 1)


def not_an_event(ctx: Context, tok: Token, verb: Token, is_noun: bool) -> bool:
    """Negated, hypothetical, habitual, background or purpose uses (PLOVER rules 4, 5, 10)."""
    if negated(verb) or speakers_leave(verb) or denied(verb):
        return True
    reported = is_reported(verb)
    for v in clause_chain(verb):
        kids = list(v.children)
        if any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL and not (reported and c.lower_ == "would")
            for c in kids
        ) and not performative(v):
            return True  # "would" in reported speech is the future seen from the past
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
    if _what_they_called(ctx, verb):
        return False  # "condemned what he called X's violation of ...": the speaker's judgement
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS | {"so"} for c in clause.children
    ):
        return True  # background ("after X met Y") or purpose ("so that X will support Y")
    if not _narrative_relative(verb) and any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass")
        and c.tag_ in ("WDT", "WP")
        or c.dep_ == "dobj"
        and c.i < verb.i
        and c.lower_ in ("that", "which", "whom")
        for c in verb.children
    ):
        return True  # a relative clause, however it was attached ("the help that X gave")
    if (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in ATTEMPT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not negated(verb)
    ):
        return False  # an attempted act is the act (PLOVER: assassination attempts are ASSAULT)
    if verb.dep_ == "acl" and any(t.event == "REQUEST" for t in triggers_of(ctx, verb.head)):
        return True  # "its demand that Israel ease restrictions": what is asked, not done
    by_means = verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB"
    # "we join the EU in condemning X": joining in an act is doing it
    by_means = (
        by_means or verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_ == "join"
    )
    guilty = by_means or (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "of"
        and verb.head.head.lower_ == "guilty"
        and not negated(verb.head.head.head)
    )  # "both sides are guilty of violating the truce", "previewed the talks by blaming X",
    # "joined the EU in condemning X": asserted
    if (
        verb.dep_ in ("relcl", "acl", "pcomp", "csubj")
        and not is_noun
        and not says(verb)
        and not guilty
        and not _narrative_relative(verb)
    ):
        return True
    purpose = verb  # "to help X hold elections and to support Y": the conjuncts share the purpose
    while purpose.dep_ in ("conj", "ccomp") and purpose.head.i != purpose.i:
        purpose = purpose.head  # and "to help X [hold elections and] support Y"
    if purpose.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children
    ):
        gov = purpose.head.lemma_.lower()
        protest = (
            verb is tok
            and any(t.event == "PROTEST" for t in triggers_of(ctx, tok))
            and not _act_above(ctx, verb)
        )
        steps = gov in ("take", "adopt") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in STEP_NOUNS for c in purpose.head.children
        )  # "took steps to ease"
        # "used sticks to beat protesters", "used the summit to criticize X": done by those means
        done_by = {"continue", "use", "employ"}
        carried_out = gov in INTENT_VERBS | STANCE_ADJ | ATTEMPT_VERBS | done_by or steps
        carried_out = carried_out or stance_infinitive(purpose)
        carried_out = carried_out or performative(purpose.head)
        if (not carried_out or triggers_of(ctx, purpose.head)) and not protest:
            return True  # purpose clause, or covered by the governing trigger ("agreed to meet");
            # but "stayed away from work to protest X" is a protest
    if (
        verb.head.lemma_.lower() == "continue"
        and verb.dep_ == "xcomp"
        and any(t.event in ("SUPPORT", "AGREE") for t in triggers_of(ctx, tok))
    ):
        return True  # "continued to support X" is a standing stance; "continued to send arms" an act
    if subjunctive(verb):
        return True  # "demanded that Israel ease restrictions": what is asked, not done
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "help"
        and verb.head.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children)
    ):
        return True  # "sent arms to help defend X": the purpose of the act, not a second act
    if (
        verb.dep_ in ("xcomp", "ccomp")
        and verb.head.lemma_.lower() in WISH_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return True  # "X wants Y to attack Z": a wish about another's act, not an act
    if _period(verb) or _tally(verb) or _depicted(verb):
        return True  # "fought a border war from 1998 to 2000": history, not news (rule 10)
    if is_noun and (_topic_of_a_stance(ctx, tok) or left_behind(ctx, tok)):
        return True  # "his concern for the attack on X", "calls for talks": what it is about
    if is_noun and verb.lemma_.lower() in INTENT_VERBS and triggers_of(ctx, verb) and tok.i > verb.i:
        return True  # "pledged 500 million euros in aid": what is promised, coded as the promise
    if is_noun and verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "its readiness to facilitate negotiations", "plans to hold talks": not held
    if is_noun:
        covered = (
            bool(triggers_of(ctx, verb) or framed_trigger(ctx, verb))
            and verb.lemma_.lower() not in LIGHT_VERBS
            and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        )  # "attended the summit", not "At a session with X, Y discussed"
        covered = covered and not (tok.dep_ == "dobj" and named_owner(ctx, tok))  # "rejected X's demand"
        return covered or _background_noun(ctx, tok)
    return False


def _background_noun(ctx: Context, tok: Token) -> bool:
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in MEASURE_NOUNS:
        return _background_noun_at(ctx, tok, tok.head.head)  # "launched ten days of war games"
    return _background_noun_at(ctx, tok, tok)


def _background_noun_at(ctx: Context, tok: Token, at: Token) -> bool:
    """Whether event noun `tok`, standing where `at` stands in its clause, only tells of
    background (an earlier event, a topic, a reference back) rather than of a new event."""
    dets = [c.lower_ for c in at.children if c.dep_ in ("det", "poss")]
    prep = at.head if at.dep_ == "pobj" else None
    protest = any(t.event == "PROTEST" for t in triggers_of(ctx, tok))
    if prep is not None and prep.lower_ in BACKGROUND_PREPS and not (protest and prep.lower_ == "during"):
        # "after the talks"; but "threw stones during demonstrations" tells of them, and so
        # does "following a meeting with X", "after his talks with X": one not told before
        return not _introduced(ctx, tok, dets)
    about = prep.head if prep is not None else None
    if (
        prep is not None
        and about is not None
        and prep.lower_ in TOPIC_PREPS
        and about.i != at.i
        and (
            triggers_of(ctx, about)
            or about.lower_ in ctx.lexicon.nouns
            or about.lemma_.lower() in ctx.lexicon.nouns
        )
    ):
        return True  # what another event is about ("negotiations on a troop pullback")
    if any(d in ("no",) for d in dets):
        return True
    if (
        at.dep_ in ("nsubj", "nsubjpass")
        and dets
        and dets[0] in ("the", "this", "that")
        and not _ended(at.head)
    ):
        return True  # "The meeting marked ...": a reference back; "the meeting with X is just over" a report
    if prep is not None and prep.lower_ == "on" and tok.lemma_.lower() in STATE_NOUNS:
        return False  # a state the actors are in: "troops remained on high alert"
    if protest:
        return False  # a rally, strike or riot needs no partner: "converged for a rally"
    if undergone(tok):
        return False  # "was put under investigation", "came under attack"
    if prep is not None and prep.lower_ == "in" and prep.head.lemma_.lower() in TAKING_PART:
        return False  # "forces were engaged in ethnic cleansing", "took part in the talks"
    if (
        prep is not None
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in MOTION_VERBS
        and not triggers_of(ctx, prep.head)
    ):
        return False  # "negotiators returned to Geneva for talks": they came to take part
    preps = {r for t in triggers_of(ctx, tok) for r in t.recipient}
    has_partner = any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)
    light = at.dep_ == "dobj" and (at.head.lemma_.lower() in LIGHT_VERBS or named_owner(ctx, at))
    return not (has_partner or light)


def _act_above(ctx: Context, verb: Token) -> bool:
    """Whether a purpose clause serves an act ("threatened for weeks to launch strikes ... to
    protest the drills": the protest is the threat's aim), through the clauses above it."""
    v = verb
    for _ in range(4):
        if v.head.i == v.i:
            return False
        v = v.head
        if triggers_of(ctx, v):
            return True
        if v.dep_ not in ("xcomp", "advcl", "conj", "ccomp"):
            return False
    return False


def _introduced(ctx: Context, tok: Token, dets: list[str]) -> bool:
    """A meeting a time phrase tells for the first time: "a" or an owner before it and a
    counterpart named ("following a bilateral meeting with X", "after his talks with X")."""
    if not dets or dets[0] not in ("a", "an", "his", "her", "their", "its") or not tok.tag_.startswith("NN"):
        return False
    if not any(t.event == "CONSULT" for t in triggers_of(ctx, tok)):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(t.i in ctx.actors.by_token for t in c.subtree)
        for c in tok.children
    )


def _ended(verb: Token) -> bool:
    """ "is (just) over", "has ended", "concluded": the clause reports that its subject took place."""
    lemma = verb.lemma_.lower()
    return lemma in ENDING_VERBS or lemma == "be" and any(c.lower_ == "over" for c in verb.children)


def _narrative_relative(verb: Token) -> bool:
    """ "traveled to Sochi, where he met Putin", "the EU, which also adopted sanctions today": a
    relative clause of place or time, or one whose subject is "which" or "who", after a comma
    goes on with the story; it does not define what it follows."""
    adv = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("where", "when")]
    adv += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who")]
    return verb.dep_ == "relcl" and bool(adv) and adv[0].i > 0 and verb.doc[adv[0].i - 1].text == ","
