"""Event coding: PLOVER events from the sentences of one annotated document.

For each trigger of the lexicon a clause is read as `who did what to whom`: the source is
the clause's subject (the agent in the passive, the governing verb's subject for a noun
trigger such as "At a working session with X, Y said ..."), the recipient follows the
trigger's frame (direct object or a preposition). Negated, hypothetical, habitual and
background uses are not coded; future cooperative acts become AGREE, future retreats
CONCEDE and announced coercion THREATEN (PLOVER rules 3-5, 10).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from . import dates, occasions
from .actors import DocActors, Mention, org_actor
from .classify import NONE, REPORTING, STANCE_ADJ, TypeClassifier, load_classifier, main_predicate
from .nlp import HONORIFICS, sent_of
from .kb import KnowledgeBase
from .lexicon import Frame, Lexicon, Trigger
from .page import Page, Part, read_page
from .records import Actor, DocActor, EventMention
from .records import Span as Mark

LIGHT_VERBS = {"hold", "have", "conduct", "pay", "make", "express", "give", "extend", "reaffirm",
               "reach", "convey", "send", "offer", "begin", "start", "open", "attend",
               "stage", "launch", "mount", "carry", "impose", "declare", "issue", "lodge", "file",
               "announce", "order", "organize", "organise", "resume", "renew", "continue", "undertake",
               "reimpose", "speed", "accelerate", "step", "intensify", "escalate", "expand", "complete",
               "use", "reiterate", "repeat", "place", "slap"}
HYPOTHETICAL = {"could", "would", "might", "may", "should", "must", "can"}
FUTURE_AUX = {"will", "shall", "'ll"}
INTENT_VERBS = {"plan", "intend", "expect", "agree", "pledge", "promise", "vow", "swear", "offer", "decide",
                "prepare", "schedule", "set", "want", "hope", "seek", "commit", "invite"}
# "X wants / analysts expect Y to attack Z": a wish or a forecast about another's act (rule 5)
WISH_VERBS = {"want", "wish", "hope", "like", "prefer", "expect", "predict", "anticipate", "believe",
              "think", "fear", "forecast"}
ATTEMPT_VERBS = {"attempt", "try"}  # "tried to hack", "attempted to assassinate": the attempt is the act
ATTEMPT_NOUNS = {"attempt", "bid"}  # "an attempt to assassinate X was thwarted"
STEP_NOUNS = {"step", "measure", "action"}  # "took steps to enhance freedoms": the steps are the act
TAKING_PART = {"engage", "participate", "involve", "take"}  # "were engaged in ethnic cleansing"
# passive forms that state the subject's own stance: "X is committed to", "X is opposed to"
STANCE_PASSIVES = {"commit", "oppose", "determine", "dedicate", "devote", "resolve"}
# "negotiators return to Geneva for talks": going somewhere for an event is taking part in it
MOTION_VERBS = {"return", "travel", "go", "come", "fly", "head", "arrive", "leave", "gather", "meet", "convene"}
HABITUAL = {"always", "long", "traditionally", "usually", "often", "continuously", "consistently"}
BACKGROUND_MARKS = {"after", "before", "since", "because", "once", "until"}
BACKGROUND_PREPS = {"following", "after", "before", "since", "during", "ahead", "prior"}
# "issued a statement demanding that ...", "sent a letter urging ...": the participle is the act
STATEMENT_NOUNS = {"statement", "declaration", "letter", "communique", "resolution", "message", "note",
                   "appeal", "petition", "report", "editorial", "speech", "video", "decree", "memorandum",
                   "reminder", "warning"}
# verbs that assert a that-clause as reporting verbs do: "X reiterated that Y must ..."
ASSERTING = {"demand", "insist", "urge", "reiterate", "conclude", "stress", "emphasize", "emphasise",
             "repeat", "argue", "maintain", "underline", "underscore"}
MEASURE_NOUNS = {"day", "week", "month", "hour", "round", "series", "wave", "spate", "string", "night"}
STATE_NOUNS = {"alert", "strike", "standby"}  # "remained on alert", "went on strike"
TOPIC_PREPS = {"on", "over", "about", "regarding", "concerning"}  # "talks on a ceasefire": the topic
FUTURE_SHIFT = {"CONSULT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE",
                "RETREAT": "CONCEDE", "SANCTION": "THREATEN", "COERCE": "THREATEN",
                "ASSAULT": "THREATEN", "MOBILIZE": "THREATEN", "PROTEST": "THREATEN"}
ENACTED_BY_DECISION = {"SANCTION", "COERCE"}
BLAMING = {"ACCUSE", "REJECT"}  # aimed at who did what they condemn or reject
JOINT_ACTS = {"AGREE", "SUPPORT"}  # done together: the first named acts towards the others
DECISION_VERBS = {"decide", "vote", "rule"}  # not "announce": an announced negative act is a threat (rule 3)
VISIT_HOSTS = {"receive", "host", "welcome"}
SEPARATE_MEETINGS = {"meet", "receive", "visit", "call"}  # listed counterparts: one meeting each
MEETING_PLURALS = {"meeting", "discussion", "conversation", "session", "consultation"}  # "held meetings with A and B"
OBLIGATION = {"must", "should"}
# acts answering an earlier occasion named after "on", "for" or "of" ("thanked X for ...")
REASON_VERBS = {"congratulate", "thank", "praise", "commend", "hail", "condemn", "criticize", "criticise",
                "blame", "accuse", "apologize", "apologise", "denounce"}
SPAN_MARKS = {"since", "until", "till"}  # "since the truce took effect May 5": a span's edge
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
PRONOUN_SUBJECTS = {"it", "they", "he", "she", "we", "i"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "off"}
PLACE_TIME_PREPS = {"in", "at", "on", "during", "after", "before", "since", "until", "near", "within", "for"}
REQUIRES_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}
# Acts aimed at authority: with no recipient in their own clause, the one their purpose names
# ("went on strike to demand the resignation of President X") is it.
AIMED_AT_AUTHORITY = {"PROTEST", "REQUEST", "REJECT", "THREATEN", "COERCE", "CONCEDE", "ACCUSE"}
# Domestic acts: with no recipient named at all, the country where they happen (or, failing
# that, the actors' own) is it, as event-data conventions code a protest in Algeria -> DZA.
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE"}
# "SECRETARY KERRY:", "Vladimir Putin:" at the start of a paragraph: a transcript's speakers
SPEAKER_LABEL = re.compile(r"^(?:[A-Z][A-Z.'\- ]{2,}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}):", re.M)
# The classifier codes a sentence no trigger matched only when its best type is this likely.
FALLBACK_MIN = 0.5


@dataclass(frozen=True)
class Context:
    doc: Doc
    actors: DocActors
    kb: KnowledgeBase
    lexicon: Lexicon
    published: date | None
    classifier: TypeClassifier | None = None
    sentences: tuple[Span, ...] = ()
    text: str = ""  # Doc.text rebuilds the string on every access
    base: date | None = None  # the dispatch date: the dateline's, else the publication date
    lead: tuple[int, int] | None = None  # character range of the headline and lead paragraph
    ents: tuple[Span, ...] = ()  # Doc.ents (and Span.ents) build their spans anew on every access
    sent_ents: dict[int, tuple[Span, ...]] = field(default_factory=dict)  # by sentence start token
    year: int | None = None  # an undated page's year, from its headline ("Travel to Oslo, May 3-5, 2015")

    def ents_in(self, sent: Span) -> tuple[Span, ...]:
        return self.sent_ents.get(sent.start, ())

    def ent_at(self, i: int) -> Span | None:
        return next((e for e in self.ents if e.start <= i < e.end), None)


def issuer_of(kb: KnowledgeBase, outlet: str | None) -> Actor | None:
    """The body that publishes a page, when it is a government or an international body (a
    ministry's press release, a president's website), not a news outlet: its statements say
    "we" for it."""
    org = kb.org(re.sub(r"\s*\(.*$", "", outlet or "").strip()) if outlet else None
    return None if org is None or org.sector in ("JRN", "MED", None) else org_actor(org)


def code_doc(doc: Doc, kb: KnowledgeBase, lexicon: Lexicon, published: date | None,
             classifier: TypeClassifier | None = None, page: Page | None = None) -> list[EventMention]:
    """All events of an annotated document, in text order."""
    return code_document(doc, kb, lexicon, published, classifier, page)[0]


def code_document(doc: Doc, kb: KnowledgeBase, lexicon: Lexicon, published: date | None,
                  classifier: TypeClassifier | None = None,
                  page: Page | None = None, issuer: Actor | None = None) -> tuple[list[EventMention], list[DocActor]]:
    """All events of an annotated document in text order, and the document's actors. With
    the document's `page` (its layout), only the article's own sentences are coded, the
    dateline gives the dispatch date, and the lead's undated events take it."""
    text = doc.text
    page = page or read_page(text, None, published)
    dateline = (page.dateline.start, page.dateline.end) if page.dateline else None
    if issuer is not None and len(SPEAKER_LABEL.findall(text)) >= 2:
        issuer = None  # a transcript: "we" is whoever has the floor
    actors = DocActors(doc, kb, lexicon.nouns, dateline, page.agencies, issuer)
    ctx = Context(doc, actors, kb, lexicon, published, classifier or load_classifier(), tuple(doc.sents),
                  text, page.base_date(published), _lead(page), *_entities(doc), page.year())
    events: list[EventMention] = []
    for sent in ctx.sentences:
        if not page.codable(sent.start_char, sent.end_char):
            continue
        found = occasions.meetings_over_visit([event for tok in sent if _may_trigger(ctx, tok)
                                               for event in _code_trigger(ctx, sent, tok)])
        events += found or list(_code_predicate(ctx, sent))
    actors.infer_party_membership()
    events = [_refresh_actors(ctx, e) for e in events]
    events = occasions.headline_as_lead(events, _span(page.headline), _span(page.lead))
    events = occasions.mark_history(events, ctx.base)
    return occasions.attach_to_meetings(events, lambda e: _refers_back(ctx, e)), actors.doc_actors()


def _entities(doc: Doc) -> tuple[tuple[Span, ...], dict[int, tuple[Span, ...]]]:
    """The document's entity spans, built once, and those of each sentence."""
    ents = tuple(doc.ents)
    by_sent: dict[int, list[Span]] = {}
    for e in ents:
        by_sent.setdefault(sent_of(e[0]).start, []).append(e)
    return ents, {k: tuple(v) for k, v in by_sent.items()}


def _span(part: Part | None) -> tuple[int, int] | None:
    return (part.start, part.end) if part is not None else None


def _lead(page: Page) -> tuple[int, int] | None:
    """The headline and lead paragraph: where the dispatch's own news is told."""
    parts = [p for p in (page.headline, page.lead) if p is not None]
    return (min(p.start for p in parts), max(p.end for p in parts)) if parts else None


# triggers ------------------------------------------------------------------
def _may_trigger(ctx: Context, tok: Token) -> bool:
    """A cheap first look: the token's word heads a trigger, or a verb carries "must"."""
    if tok.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return False
    heads = ctx.lexicon.heads
    return tok.lower_ in heads or tok.lemma_.lower() in heads or \
        tok.pos_ in ("VERB", "AUX") and any(c.lower_ in OBLIGATION for c in tok.children)


def _triggers(ctx: Context, tok: Token) -> tuple[Trigger, ...]:
    lex = ctx.lexicon
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj", "mark", "dative") and f"{lemma} {child.lower_}" in lex.verbs:
                return lex.verbs[f"{lemma} {child.lower_}"]
            mark = next((m.lower_ for m in child.children if m.dep_ == "mark"), "") if child.dep_ == "advcl" else ""
            if mark and f"{lemma} {mark}" in lex.verbs:  # "pushing hard [for the US to support ...]"
                return lex.verbs[f"{lemma} {mark}"]
        return lex.verbs.get(lemma, ())
    if tok.pos_ in ("NOUN", "PROPN"):
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        three = f"{tok.nbor(-2).lower_} {prev} {tok.lower_}" if tok.i > 1 else ""
        if three in lex.nouns:  # "joint military exercises" before "military exercises"
            return lex.nouns[three]
        two = f"{prev} {tok.lower_}"
        if two in lex.nouns:
            return lex.nouns[two]
        if tok.head.lemma_.lower() in LIGHT_VERBS and f"{tok.head.lemma_.lower()} {tok.lower_}" in lex.verbs:
            return ()  # coded from the verb ("hold talks")
        return lex.nouns.get(tok.lower_, ()) or lex.nouns.get(tok.lemma_.lower(), ())
    return ()


def _code_trigger(ctx: Context, sent: Span, tok: Token) -> Iterator[EventMention]:
    triggers = _triggers(ctx, tok) or _framed_trigger(ctx, tok)
    obliged = _is_obligation(tok)
    if not triggers and obliged:  # "Y must return ...", whatever the verb
        triggers = (Trigger(tok.lemma_.lower(), "verb", "REQUEST", None, "100", ("dobj",)),)
    if not triggers or tok.i in ctx.actors.by_token:
        return
    is_noun = triggers[0].pos == "noun"
    verb = _governing_verb(tok) if is_noun else tok
    if verb is None:
        return
    if not is_noun:  # what the verb acts on can make it another event ("withdrew its inspectors")
        triggers = tuple(dict.fromkeys(_reframed(ctx, verb, t) for t in triggers))
    # "welcomed the minister" is a visit, "welcomed the statement" support, "received weapons" none
    triggers = tuple(t for t in triggers if not _not_a_visit(ctx, verb, t))
    if not triggers:
        return
    refusal = _is_refusal(verb) and triggers[0].event in COOPERATIVE
    obliged = obliged if verb is tok else _is_obligation(verb)
    threat = FUTURE_SHIFT.get(triggers[0].event) == "THREATEN" and _conditional(verb)
    if not (refusal or obliged or threat) and _not_an_event(ctx, tok, verb, is_noun):
        return
    future = threat or _is_future(verb)
    best = None
    for trig in triggers:
        sources, targets, reciprocal = _arguments(ctx, tok, verb, trig, is_noun)
        if best is None or (targets and not best[2]):
            best = (trig, sources, targets, reciprocal)
    trig, sources, targets, reciprocal = best
    if obliged:  # "X said Y must hand over ...": X asks Y (PLOVER: REQUEST)
        sources, targets, reciprocal = _subject_mentions(ctx, _reporter(verb)), sources, False
        if not targets:  # "a reminder to Iraq that it must ...": the one reminded
            told = [verb.head, verb.head.head] if verb.dep_ == "acl" else [_reporter(verb)]
            targets = [m for t in told for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                       for m in _mentions_in(ctx, c)]
    if not sources and not targets:
        return
    future = future and not _enacted(verb, trig)
    event_type = FUTURE_SHIFT.get(trig.event, trig.event) if future else trig.event
    if refusal:
        event_type = "REJECT"  # "will not accept", "would not meet": an explicit refusal
    elif obliged:
        event_type = "REQUEST"
    if trig.phrase.split()[0] in VISIT_HOSTS and trig.event == "CONSULT" and not future:
        sources, targets = targets, sources  # the visitor is the actor (PLOVER 6)
    targets = [t for t in targets if t.actor.id not in {s.actor.id for s in sources}]
    if not targets and event_type in AIMED_AT_AUTHORITY | {"RETREAT", "AID"}:
        targets = _purpose_targets(ctx, verb, sources)  # also "opened the bridge to allow aid to X"
    belief = _belief(ctx, verb, event_type)
    if not sources and targets and event_type == "ASSAULT":
        sources = [_unidentified(verb)]  # "three soldiers were killed by a roadside bomb"
    elif not sources and targets and is_noun and _undergone(tok):
        sources = _authorities_where(ctx, sent, verb, tok, targets)  # "put under investigation in Italy"
    if not sources or event_type in REQUIRES_RECIPIENT and not targets and len(sources) < 2:  # "A and B held joint drills"
        return
    if not targets and trig.phrase in ctx.lexicon.needs_partner:
        return  # "expressed concern over the economy", "called the move unwise": no one is addressed
    if event_type in BLAMING:
        targets = _doer_of_object(ctx, verb) or targets  # "condemned the arrest of X by Y": Y is accused
    if not targets and event_type == "SUPPORT" and _courtesy(verb):
        return  # "Thank you very much", "let me welcome you": the courtesies of remarks
    if event_type in JOINT_ACTS and not targets and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]  # "A and B signed": A signs with B (GUIDELINES 5)
    hosted = trig.phrase.split()[0] in VISIT_HOSTS
    several = trig.phrase.split()[0] in SEPARATE_MEETINGS or tok.tag_ == "NNS" and tok.lemma_.lower() in MEETING_PLURALS
    for who, whom in _separate_meetings(trig, event_type, sources, targets, hosted, several):
        yield _event(ctx, sent, tok, trig, event_type, future, who, whom, reciprocal, belief)


def _doer_of_object(ctx: Context, verb: Token) -> list[Mention]:
    """Who did the act an accusation is about: the agent ("by Y") or owner ("Y's") of an event
    noun the verb takes as object ("condemned the shelling of X by Y", "Y's arrest of X")."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or not (ctx.lexicon.nouns.get(obj.lower_) or ctx.lexicon.nouns.get(obj.lemma_.lower())):
            continue
        doers = [c for c in obj.children if c.dep_ == "poss"]
        doers += [t for t in obj.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by"]  # however attached
        for c in doers:
            found = _mentions_in(ctx, c)
            if found:
                return found
    return []


def _courtesy(verb: Token) -> bool:
    """A speaker's thanks or welcome to "you": the formulas of remarks, not an act between actors."""
    return any(c.dep_ == "dobj" and c.lower_ == "you" for c in verb.children)


def _separate_meetings(trig: Trigger, event_type: str, sources: list[Mention], targets: list[Mention],
                       hosted: bool, several: bool) -> list[tuple[list[Mention], list[Mention]]]:
    """ "X met A, B and C", "X received the ambassadors of Y and Z", "held meetings with A and
    B": meetings listed together are one event per counterpart (GUIDELINES 3). A call or a
    session with several parties is one occasion and stays one event."""
    counterparts = sources if hosted else targets
    if event_type != "CONSULT" or trig.mode == "phone" or not several \
            or len(counterparts) < 2 or any(m.kind not in ("person", "group") for m in counterparts):
        return [(sources, targets)]
    if hosted:
        return [([m], targets) for m in sources]
    return [(sources, [m]) for m in targets]


def _reframed(ctx: Context, verb: Token, trig: Trigger) -> Trigger:
    """The trigger as its object frame makes it ("withdrew its inspectors" -> SANCTION)."""
    frame = _frame(ctx, verb, trig.phrase)
    return replace(trig, event=frame.event, mode=frame.mode, cameo=frame.cameo) if frame else trig


def _frame(ctx: Context, verb: Token, phrase: str) -> Frame | None:
    for frame in ctx.lexicon.frames:
        if phrase not in frame.triggers:
            continue
        heads = [c for c in verb.children if c.dep_ == frame.slot]
        heads += [h for x in heads for h in x.conjuncts]
        # the head, its modifiers and an "of" phrase ("a deployment of peacekeeping troops")
        near = [t for h in heads for t in h.subtree if abs(t.i - h.i) <= 4]
        words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
        if words & frame.words:
            return frame
    return None


def _framed_trigger(ctx: Context, tok: Token) -> tuple[Trigger, ...]:
    """A verb the lexicon lacks that a frame makes a trigger ("strengthened its forces")."""
    if tok.pos_ != "VERB":
        return ()
    lemma = tok.lemma_.lower()
    particle = next((f"{lemma} {c.lower_}" for c in tok.children if c.dep_ == "prt"), lemma)
    frame = _frame(ctx, tok, particle) or _frame(ctx, tok, lemma)
    if frame is None:
        return ()
    return (Trigger(particle, "verb", frame.event, frame.mode, frame.cameo, frame.recipient),)


def _not_a_visit(ctx: Context, verb: Token, trig: Trigger) -> bool:
    """A host verb ("receive", "welcome") whose object is neither an actor nor a meeting
    ("hosted talks") tells of no visit."""
    if trig.event != "CONSULT" or trig.phrase.split()[0] not in VISIT_HOSTS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    nouns = ctx.lexicon.nouns

    def a_meeting(o: Token) -> bool:
        return any(t.event == "CONSULT" for t in nouns.get(o.lower_, ()) + nouns.get(o.lemma_.lower(), ()))
    return bool(objects) and all(o.i not in ctx.actors.by_token and not a_meeting(o) for o in objects)


def _purpose_targets(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Actors the purpose of an act names: "to demand the resignation of X", "in protest
    against X", "calling for X to ..."."""
    taken = {m.actor.id for m in sources}
    for child in verb.children:
        purpose = child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        purpose = purpose or child.dep_ == "prep" and child.lower_ in ("in", "against") and any(
            g.lower_ == "protest" for g in child.subtree)
        purpose = purpose or child.dep_ == "advcl" and child.tag_ == "VBG"  # "..., demanding X"
        if purpose:
            found = [ctx.actors.by_token[t.i] for t in child.subtree
                     if t.i in ctx.actors.by_token and t.i not in ctx.actors.consumed]
            found = _unique([m for m in found if m.actor.id not in taken])
            if found:
                return found[:1]
    return []


def _undergone(tok: Token) -> bool:
    """An event noun its subject undergoes: "under investigation", "under attack", "under arrest"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


def _authorities_where(ctx: Context, sent: Span, verb: Token, tok: Token, targets: list[Mention]) -> list[Mention]:
    """Who does what a subject undergoes when no one is named: the authorities of the
    country where it happens ("was put under investigation in Italy" -> Italy)."""
    place = _place_of(ctx, tok) or _location(ctx, sent, verb, targets)
    iso3 = ctx.kb.country(place) if place else None
    if iso3 is None:
        return []
    return [Mention(tok.i, tok.i, ctx.actors.country_actor(iso3), "country", iso3)]


def _unidentified(verb: Token) -> Mention:
    """The attacker of a report that names victims but no perpetrator: PLOVER's unidentified
    armed forces (UAF), as the 0.5b1 gold standard codes bare bombings."""
    return Mention(verb.i, verb.i, Actor(id="unidentified", name="unidentified attackers", sector="UAF"),
                   "group", "unidentified")


def _belief(ctx: Context, anchor: Token, event_type: str) -> float | None:
    """How likely the classifier finds the lexicon's type here. It only weighs in on the
    confidence: letting it overrule the lexicon made the coder worse on the development
    gold (0.537 -> 0.522 accuracy), as its training sentences are few."""
    if ctx.classifier is None:
        return None
    return ctx.classifier.predict(anchor).get(event_type, 0.0)


def _code_predicate(ctx: Context, sent: Span) -> Iterator[EventMention]:
    """A sentence no trigger matched: the classifier reads its main predicate, and the
    predicate's subject and object are the actors."""
    if ctx.classifier is None:
        return
    verb = main_predicate(sent)
    if verb.pos_ not in ("VERB", "AUX") or verb.i in ctx.actors.by_token:
        return
    if _triggers(ctx, verb):
        return  # the lexicon knows this verb and its rules found no event here
    probs = ctx.classifier.predict(verb)
    best = max(probs, key=probs.__getitem__)
    if best == NONE or probs[best] < FALLBACK_MIN or _not_an_event(ctx, verb, verb, False):
        return
    sources = _subject_mentions(ctx, verb)
    targets = [m for c in verb.children if c.dep_ in ("dobj", "dative") for m in _mentions_in(ctx, c)]
    if not targets:
        targets = [m for c in verb.children if c.dep_ == "prep" and c.lower_ not in PLACE_TIME_PREPS
                   for m in _mentions_in(ctx, c)]
    if _is_passive(verb):
        sources, targets = [m for c in verb.children if c.dep_ == "agent" for m in _mentions_in(ctx, c)], sources
    sources, targets = _unique(sources), _unique(targets)
    targets = [t for t in targets if t.actor.id not in {s.actor.id for s in sources}]
    if not targets and best in AIMED_AT_AUTHORITY:
        targets = _purpose_targets(ctx, verb, sources)
    if not sources or best in REQUIRES_RECIPIENT and not targets:
        return
    trig = Trigger(verb.lemma_.lower(), "verb", best, None, None, ())
    yield _event(ctx, sent, verb, trig, best, _is_future(verb), sources, targets, False, probs[best])


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger hangs from ("held talks", "At a session with X, Y said")."""
    head = tok.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _reported(verb: Token) -> bool:
    """A clause a reporting verb introduces ("X said [Y would ...]")."""
    v = verb
    while v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
        v = v.head
    if v.dep_ == "acl" and v.head.lemma_.lower() in STATEMENT_NOUNS and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
        return True  # "a stern reminder to Iraq that it must cooperate"
    return v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING | ASSERTING


def _reporter(verb: Token) -> Token:
    """The verb whose subject reports a clause: "X said [...]", "X issued a reminder that [...]"."""
    v = verb
    while v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
        v = v.head
    return v.head.head if v.dep_ == "acl" else v.head


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the one it completes or is coordinated with ("agreed to [meet]")."""
    return [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])


def _modals(verb: Token) -> set[str]:
    chain = _clause_chain(verb)
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        chain.append(verb.head.head)  # "is ready to", "would be willing to"
    return {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}


def _period(verb: Token) -> bool:
    """A span of years the clause covers ("from 1998 to 2000", "between 1975 and 1990")."""
    text = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    return re.search(r"\b(from|between) (\d{4}) (to|until|and|-) (\d{4})\b", text) is not None


def _says(verb: Token) -> bool:
    """A participle that tells what a statement says ("a declaration demanding that ...")."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in STATEMENT_NOUNS
            and verb.head.head.i != verb.head.i)


def _subjunctive(verb: Token) -> bool:
    """A mandative that-clause: "[demanded] that Israel ease restrictions" (a bare verb with its
    own subject and no auxiliary), which tells what is asked, not what was done."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return (verb.dep_ in ("ccomp", "acl", "advcl") and (verb.tag_ == "VB" and "that" in marks
                                                       or verb.tag_ in ("VB", "VBP") and "for" in marks)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _stance_passive(verb: Token) -> bool:
    """ "Vietnam is committed to opening up", "Israel is opposed to French mediation": the
    subject acts, and what follows "to" is what it acts on."""
    return verb.lemma_.lower() in STANCE_PASSIVES and verb.tag_ == "VBN" and (
        _is_passive(verb) or verb.dep_ == "acomp") and not any(c.dep_ == "agent" for c in verb.children)


def _enacted(verb: Token, trig: Trigger) -> bool:
    """A sanction or restriction decided is imposed, not threatened: "the EU decided to
    impose sanctions", "parliament voted to expel the envoy" (the measure takes effect by
    the decision; a pledge of aid does not deliver it)."""
    if trig.event not in ENACTED_BY_DECISION or _conditional(verb):
        return False
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in DECISION_VERBS


def _conditional(verb: Token) -> bool:
    """ "X may halt its mediation if ...", "would strike unless ...": a negative act held out on
    a condition is a threat (PLOVER THREATEN), not a hypothetical."""
    return bool(_modals(verb) & {"may", "would", "will"}) and not _negated(verb) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for v in _clause_chain(verb) for c in v.children)


def _is_refusal(verb: Token) -> bool:
    """ "will not release", "would not meet", "refuses to" is in the lexicon (PLOVER rule 4)."""
    return _negated(verb) and bool(_modals(verb) & (FUTURE_AUX | {"would", "wo"}))


def _is_obligation(verb: Token) -> bool:
    """ "Y must hand over ..." as somebody reports it: a demand on Y."""
    return verb.pos_ in ("VERB", "AUX") and bool(_modals(verb) & OBLIGATION) and _reported(verb) \
        and not _negated(verb)


def _not_an_event(ctx: Context, tok: Token, verb: Token, is_noun: bool) -> bool:
    """Negated, hypothetical, habitual, background or purpose uses (PLOVER rules 4, 5, 10)."""
    if _negated(verb):
        return True
    reported = _reported(verb)
    for v in _clause_chain(verb):
        kids = list(v.children)
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL and not (reported and c.lower_ == "would")
               for c in kids):
            return True  # "would" in reported speech is the future seen from the past
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS | {"so"}
                                      for c in clause.children):
        return True  # background ("after X met Y") or purpose ("so that X will support Y")
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
           or c.dep_ == "dobj" and c.i < verb.i and c.lower_ in ("that", "which", "whom") for c in verb.children):
        return True  # a relative clause, however it was attached ("the help that X gave")
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in ATTEMPT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not _negated(verb):
        return False  # an attempted act is the act (PLOVER: assassination attempts are ASSAULT)
    if verb.dep_ == "acl" and any(t.event == "REQUEST" for t in _triggers(ctx, verb.head)):
        return True  # "its demand that Israel ease restrictions": what is asked, not done
    guilty = verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ == "guilty" \
        and not _negated(verb.head.head.head)  # "both sides are guilty of violating the truce": asserted
    if verb.dep_ in ("relcl", "acl", "pcomp", "csubj") and not is_noun and not _says(verb) and not guilty \
            and not _narrative_relative(verb):
        return True
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        gov = verb.head.lemma_.lower()
        protest = verb is tok and any(t.event == "PROTEST" for t in _triggers(ctx, tok)) and not _triggers(ctx, verb.head)
        steps = gov in ("take", "adopt") and any(c.dep_ == "dobj" and c.lemma_.lower() in STEP_NOUNS
                                                 for c in verb.head.children)  # "took steps to ease"
        carried_out = gov in INTENT_VERBS | STANCE_ADJ | ATTEMPT_VERBS | {"continue"} or steps
        if (not carried_out or _triggers(ctx, verb.head)) and not protest:
            return True  # purpose clause, or covered by the governing trigger ("agreed to meet");
            # but "stayed away from work to protest X" is a protest
    if verb.head.lemma_.lower() == "continue" and verb.dep_ == "xcomp" and any(
            t.event in ("SUPPORT", "AGREE") for t in _triggers(ctx, tok)):
        return True  # "continued to support X" is a standing stance; "continued to send arms" an act
    if _subjunctive(verb):
        return True  # "demanded that Israel ease restrictions": what is asked, not done
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "help" and verb.head.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children):
        return True  # "sent arms to help defend X": the purpose of the act, not a second act
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in WISH_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True  # "X wants Y to attack Z": a wish about another's act, not an act
    if _period(verb):
        return True  # "fought a border war from 1998 to 2000": history, not news (rule 10)
    if is_noun and verb.lemma_.lower() in INTENT_VERBS and _triggers(ctx, verb) and tok.i > verb.i:
        return True  # "pledged 500 million euros in aid": what is promised, coded as the promise
    if is_noun:
        covered = bool(_triggers(ctx, verb) or _framed_trigger(ctx, verb)) and verb.lemma_.lower() not in LIGHT_VERBS \
            and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")  # "attended the summit", not "At a session with X, Y discussed"
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
    protest = any(t.event == "PROTEST" for t in _triggers(ctx, tok))
    if prep is not None and prep.lower_ in BACKGROUND_PREPS and not (protest and prep.lower_ == "during"):
        return True  # "after the talks"; but "threw stones during demonstrations" tells of them
    about = prep.head if prep is not None else None
    if prep is not None and prep.lower_ in TOPIC_PREPS and about is not at and (
            _triggers(ctx, about) or about.lower_ in ctx.lexicon.nouns or about.lemma_.lower() in ctx.lexicon.nouns):
        return True  # what another event is about ("negotiations on a troop pullback")
    if any(d in ("no",) for d in dets):
        return True
    if at.dep_ in ("nsubj", "nsubjpass") and dets and dets[0] in ("the", "this", "that"):
        return True  # "The meeting marked ...": a reference back, not a new report
    if prep is not None and prep.lower_ == "on" and tok.lemma_.lower() in STATE_NOUNS:
        return False  # a state the actors are in: "troops remained on high alert"
    if protest:
        return False  # a rally, strike or riot needs no partner: "converged for a rally"
    if _undergone(tok):
        return False  # "was put under investigation", "came under attack"
    if prep is not None and prep.lower_ == "in" and prep.head.lemma_.lower() in TAKING_PART:
        return False  # "forces were engaged in ethnic cleansing", "took part in the talks"
    if prep is not None and prep.lower_ == "for" and prep.head.lemma_.lower() in MOTION_VERBS \
            and not _triggers(ctx, prep.head):
        return False  # "negotiators returned to Geneva for talks": they came to take part
    preps = {r for t in _triggers(ctx, tok) for r in t.recipient}
    has_partner = any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)
    return not (has_partner or (at.dep_ == "dobj" and at.head.lemma_.lower() in LIGHT_VERBS))


def _narrative_relative(verb: Token) -> bool:
    """ "traveled to Sochi, where he met Putin": a relative clause of place or time after a
    comma goes on with the story; it does not define what it follows."""
    adv = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("where", "when")]
    return verb.dep_ == "relcl" and bool(adv) and adv[0].i > 0 and verb.doc[adv[0].i - 1].text == ","


def _present(verb: Token) -> bool:
    """Told in the present: "we condemn", "are sending a message", "continue to stand with"."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("am", "is", "are") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.tag_ in ("VBP", "VBZ")


def _is_future(verb: Token) -> bool:
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS | STANCE_ADJ:
        return True
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() in INTENT_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "have sworn [to fight]" parsed as a purpose clause
    if _reported(verb) and "would" in _modals(verb):
        return True
    return any(c.lower_ == "going" for c in kids) and any(c.lower_ == "to" for c in kids)


# arguments -----------------------------------------------------------------
def _arguments(ctx: Context, tok: Token, verb: Token, trig: Trigger,
               is_noun: bool) -> tuple[list[Mention], list[Mention], bool]:
    if is_noun and _undergone(tok):  # "X came under attack by Y": Y acts on X
        agents = [m for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                  for m in _mentions_in(ctx, c)]
        agents += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for m in _mentions_in(ctx, c)]
        return _unique(agents), _unique(_subject_mentions(ctx, verb)), False
    sources = _subject_mentions(ctx, verb)
    if is_noun and not sources:  # "Israel's invasion", "Palestinian riots"
        sources = [m for c in tok.children if c.dep_ in ("poss", "amod", "compound") for m in _mentions_in(ctx, c)]
        sources = sources or _demonym_mentions(ctx, tok)
    targets: list[Mention] = []
    reciprocal = False
    anchor = tok
    for rel in trig.recipient:
        if rel in ("dobj", "dative"):
            targets = [m for c in anchor.children if c.dep_ in ("dobj", "dative") and not _own(c)
                       for m in _mentions_in(ctx, c)]
            if not targets and anchor.dep_ in ("xcomp",):
                targets = [m for c in anchor.head.children if c.dep_ == "dobj" for m in _mentions_in(ctx, c)]
        else:
            for prep in (c for c in anchor.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == rel):
                found = [m for m in _mentions_in(ctx, prep)]
                if rel == "between":
                    sources, reciprocal = sources + found, True
                else:
                    targets = found
        if targets or reciprocal:
            break
    if not targets and not reciprocal and trig.event == "REQUEST":
        # "demanding that President X abandon ...", "its demand that X ease ...": the one asked
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "acl") or _subjunctive(c)]  # "pushing for X [to] support"
        clauses += [c for c in verb.children if is_noun and _subjunctive(c)]  # "reiterated its demand [that X ease]"
        targets = [m for c in clauses for m in _subject_mentions(ctx, c)]
    if not targets and not reciprocal and _stance_passive(verb):  # "is opposed to French mediation"
        objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        targets = [m for o in objects for m in _mentions_in(ctx, o) or _demonym_mentions(ctx, o, frozenset(
            m.actor.id for m in sources))]
    if not targets and not reciprocal:
        targets = (_surface_recipient(ctx, tok, trig) or _first_in_phrase(ctx, tok, trig, sources)
                   or _owner_of_object(ctx, tok, sources))
    if _is_passive(verb) and not is_noun and not _stance_passive(verb):
        agents = [m for c in verb.children if c.dep_ == "agent" for m in _mentions_in(ctx, c)]
        if agents or trig.mode != "disarm":  # "guerrillas have been demobilized": they disarm
            sources, targets = agents, sources
    return _unique(sources), _unique(targets), reciprocal


def _own(obj: Token) -> bool:
    """An object the actor owns ("offered its troops to X"): what is given, not who receives."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in obj.children)


def _subject_mentions(ctx: Context, verb: Token) -> list[Mention]:
    """Who does it: the clause's subject, looking up through "agreed to", "is ready to" and
    coordination; a pronoun in reported speech is the reporter ("Syria says it will ...")."""
    v = verb
    for _ in range(5):
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            found = [m for s in subjects for m in _mentions_in(ctx, s)]
            # "The Red Cross operating in Iraq said": a participle misparsed as the subject
            found = found or [m for s in subjects if s.tag_ == "VBG" for c in s.children
                              if c.dep_ == "nsubj" for m in _mentions_in(ctx, c)]
            found = found or [m for s in subjects for m in _demonym_mentions(ctx, s)]  # "Israeli airstrikes killed"
            if not found and all(s.lower_ in PRONOUN_SUBJECTS for s in subjects) and _reported(v):
                return _subject_mentions(ctx, v.head)
            return found
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp") and v.head.i != v.i:
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head  # "resorted to throwing stones": who resorted
        elif v.dep_ == "acl" and v.tag_ in ("VBD", "VBG") and v.head.pos_ in ("NOUN", "PROPN") and not _says(v):
            return _mentions_in(ctx, v.head)  # "demonstrators protesting ...": the demonstrators
        elif _says(v):
            v = v.head.head  # "X issued a statement demanding ...": X
        else:
            return []
    return []


FOLLOW = {"conj", "compound", "amod", "poss", "pobj", "nmod", "appos"}
PAIR_DEPS = {"nummod", "det", "predet", "preconj"}


def _mentions_in(ctx: Context, root: Token, depth: int = 0) -> list[Mention]:
    """Actors a phrase names: its head's mention and its conjuncts', looking through "the
    role of X" and "X's efforts" but not into place or purpose phrases ("in the US")."""
    if root.i in ctx.actors.consumed or depth > 6:
        return []
    m = ctx.actors.by_token.get(root.i)
    found: list[Mention] = [m] if m is not None else []
    for child in root.children:
        follow = child.dep_ in FOLLOW or (child.dep_ == "prep" and (
            root.dep_ == "prep" or (m is None and (child.lower_ in ("of", "by") or root.lower_ in HONORIFICS))))
        if m is not None and child.dep_ not in ("conj",) and not (root.dep_ == "prep") and not _listed(ctx, m, child):
            other = ctx.actors.by_token.get(child.i)
            # "French and Egyptian warships": the French ones are a group of their own
            follow = follow and (other is m or other is not None and other.kind == "group" == m.kind
                                 and other.actor.role == m.actor.role)
        if follow:
            for found_m in _mentions_in(ctx, child, depth + 1):
                if all(found_m.start != f.start for f in found):
                    found.append(found_m)
        elif child.dep_ in PAIR_DEPS and (pair := ctx.actors.by_token.get(child.i)) is not None \
                and all(pair.start != f.start for f in found):
            found.append(pair)  # "the two leaders": the numeral names the other one
    return found


def _listed(ctx: Context, m: Mention, child: Token) -> bool:
    """ "The US, Russia, and Switzerland": a parse that makes the second of a list an
    appositive of the first (two countries or bodies, and a conjunction follows)."""
    other = ctx.actors.by_token.get(child.i)
    return (child.dep_ == "appos" and other is not None and other is not m and m.kind in ("country", "org")
            and other.kind in ("country", "org") and any(c.dep_ in ("conj", "cc") for c in child.children))


def _demonym_mentions(ctx: Context, noun: Token, taken: frozenset[str] = frozenset()) -> list[Mention]:
    """The country a demonym or country name before a noun names ("Palestinian riots",
    "an Indian proposal", "a US offer"), as a mention of that country."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") and c.i not in ctx.actors.by_token:
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
                found = [m for m in _mentions_in(ctx, c) if m.actor.id not in taken]
                if found:
                    return found
        found = _demonym_mentions(ctx, obj, frozenset(taken))
        if found:
            return found
    return []


def _surface_recipient(ctx: Context, tok: Token, trig: Trigger) -> list[Mention]:
    """Fallback for a misparsed clause: the mention right after the frame's preposition."""
    preps = [r for r in trig.recipient if r != "dobj"]
    sent = sent_of(tok)
    for i in range(tok.i + 1, min(sent.end, tok.i + 8)):
        if ctx.doc[i].lower_ in preps and i + 1 < sent.end:
            for k in (i + 1, i + 2):
                m = ctx.actors.by_token.get(k) if k < sent.end else None
                if m is not None and k not in ctx.actors.consumed:
                    return [m]
    return []


def _first_in_phrase(ctx: Context, tok: Token, trig: Trigger, sources: list[Mention]) -> list[Mention]:
    """Last resort for the recipient: the first actor named after the trigger inside its own
    phrase ("lift embargoes on pharmaceutical sales to Iran", "offered its troops to Lebanon",
    "lifted the curfew in Montenegro"; but where a meeting took place is not who was met)."""
    if tok.dep_ in ("nsubj", "nsubjpass") or tok.lemma_.lower() in LIGHT_VERBS:
        return []  # "gave a speech at the X conference" names no recipient
    taken = {m.start for m in sources} | {m.actor.id for m in sources}
    for t in tok.subtree:
        m = ctx.actors.by_token.get(t.i)
        if trig.event == "CONSULT" and t.head.lower_ in PLACE_PREPS | TOPIC_PREPS and t.dep_ == "pobj":
            continue  # where a meeting took place, or what it was about, is not who was met
        if t.i > tok.i and m is not None and t.i not in ctx.actors.consumed \
                and m.start not in taken and m.actor.id not in taken and m.actor.country:
            return [m]
    return []


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(m.start != o.start and m.actor.id != o.actor.id for o in out):
            out.append(m)
    return out


# the event record ------------------------------------------------------------
def _event(ctx: Context, sent: Span, tok: Token, trig: Trigger, event_type: str, future: bool,
           sources: list[Mention], targets: list[Mention], reciprocal: bool,
           belief: float | None = None) -> EventMention:
    anchor = tok if tok.pos_ in ("VERB", "AUX") else (_governing_verb(tok) or tok)
    times = _times(ctx, sent, tok)
    if future and _reported(anchor) and not _is_future(_reporter(anchor)):
        # "X has announced it will free ...": the pledge (or threat) is made when it is announced
        speech = _reporter(anchor)
        times, future = [e for e in _times(ctx, sent, speech) if _clause_of(e.root) == speech.i], False
    when = _date(ctx, times, future)
    background = not future and occasions.is_background(times, anchor, tok, when, ctx.base, _reported(anchor))
    in_lead = ctx.lead is not None and sent.start_char < ctx.lead[1] and sent.end_char > ctx.lead[0]
    spans = [e for e in ctx.ents_in(sent) if (v := _governing_verb(e.root)) is not None and _span_edge(v)]
    untimed = when.date is None and not any(dates.names_a_time(e.text) for e in times + spans)
    # "We condemn ...", "Russia rejects ...": a speech act in the present is made on the day of the dispatch
    spoken_now = event_type in occasions.SAID and _present(anchor) and not _negated(anchor)
    when = occasions.dispatch_date(in_lead or spoken_now, untimed, future, background, ctx.base) or when
    off = sent.start_char
    trigger_end = tok.idx + len(tok.text)
    marks = [Mark(tok.idx - off, trigger_end - off, "trigger")]
    marks += [_mark(ctx, m, off, "source") for m in sources if m.end > m.start]
    marks += [_mark(ctx, m, off, "target") for m in targets]
    confidence = 0.5 + 0.15 * bool(targets) + 0.1 * (when.date is not None) + 0.1 * (not future)
    confidence += 0.1 * _in_main_clause(anchor)  # PLOVER rule 7: the main-clause predicate first
    if belief is not None:  # the classifier's probability of the type weighs as much as the rules
        confidence = 0.8 * min(confidence, 0.95) + 0.2 * belief
    location = _location(ctx, sent, anchor, sources + targets)
    domestic = event_type in DOMESTIC
    meeting = event_type == "CONSULT"  # people meet abroad: the country named is no clue to theirs
    source_actors = tuple(_with_home(ctx, sent, ctx.actors.actor_of(m), targets, domestic, meeting)
                          for m in sources)
    target_actors = tuple(_placed(ctx, m, location) or
                          _with_home(ctx, sent, ctx.actors.actor_of(m), sources, meeting=meeting)
                          for m in targets)
    if not target_actors and event_type in DOMESTIC:
        target_actors = _domestic_recipient(ctx, location, source_actors)
    elif not target_actors and event_type == "MOBILIZE":
        target_actors = _foreign_place(ctx, location, source_actors)
    source_actors = tuple(_unidentified_at(ctx, sent, location, a, target_actors) for a in source_actors)
    return EventMention(
        type=event_type, mode=trig.mode if event_type == trig.event else None,
        cameo=trig.cameo if event_type == trig.event else None,
        sources=source_actors, targets=target_actors,
        evidence=sent.text.rstrip(), start=sent.start_char, end=sent.start_char + len(sent.text.rstrip()), trigger=tok.text,
        date=when.date, date_precision=when.precision, date_basis=when.basis,
        location=location, confidence=min(confidence, 0.95),
        spans=tuple(marks), background=background)


def _placed(ctx: Context, m: Mention, location: str | None) -> Actor | None:
    """A group of no named country on the receiving end belongs where the event happens:
    "killed 23 people in Tel Aviv" -> Israeli civilians."""
    actor = ctx.actors.actor_of(m)
    iso3 = ctx.kb.country(location) if location and m.kind == "group" and not actor.country else None
    return replace(actor, country=iso3) if iso3 else None


def _domestic_recipient(ctx: Context, location: str | None, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The country a domestic act with no named recipient is aimed at: where it happens, or
    the actors' own country. Its role says it is implied, so no one reads it as named."""
    home = ctx.kb.country(location) if location else None
    if home is None:
        own = {a.country for a in sources if a.country and len(a.country) == 3 and a.country not in ("IGO", "NGO", "IMG")}
        home = own.pop() if len(own) == 1 else None
    if home is None:
        return ()
    return _implied(ctx, home)


def _foreign_place(ctx: Context, location: str | None, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Forces massed or on alert in another country's territory are aimed at that country."""
    there = ctx.kb.country(location) if location else None
    if there is None or there in {a.country for a in sources}:
        return ()
    return _implied(ctx, there)


def _implied(ctx: Context, iso3: str) -> tuple[Actor, ...]:
    """A country as a recipient the sentence implies but does not name."""
    return (replace(ctx.actors.country_actor(iso3), role="implied recipient"),)


def _unidentified_at(ctx: Context, sent: Span, location: str | None, actor: Actor,
                     targets: tuple[Actor, ...]) -> Actor:
    """Unidentified attackers belong to the country where they struck ("Unidentified gunmen
    (Iraq)"): the event's place, else the one country the sentence names, else the victims'."""
    if actor.sector != "UAF" or actor.country:
        return actor
    home = ctx.kb.country(location) if location else None
    if home is None:
        named = _countries_named(ctx, sent)
        victims = {t.country for t in targets if t.country}
        others = named - victims
        home = next(iter(others)) if len(others) == 1 else next(iter(victims)) if len(victims) == 1 else None
    return replace(actor, country=home) if home else actor


def _countries_named(ctx: Context, sent: Span) -> set[str]:
    """The countries a sentence's actors belong to (not IGOs or NGOs)."""
    return {m.actor.country for i, m in ctx.actors.by_token.items()
            if sent.start <= i < sent.end and m.actor.country and len(m.actor.country) == 3
            and m.actor.country not in ("IGO", "NGO", "IMG")}


def _with_home(ctx: Context, sent: Span, actor: Actor, targets: list[Mention], domestic: bool = False,
               meeting: bool = False) -> Actor:
    """An actor of unknown country ("President X", "opposition groups") in a sentence that names
    exactly one country acts at home: "President X extended the curfew in Abidjan" -> CIV.
    Not when that country is a person's on the other side ("Putin offered to meet the
    president of Armenia"), unless the act is domestic: protesters demanding the resignation
    of the Algerian president are Algerian."""
    if actor.country or actor.sector == "UAF":
        return actor
    named = _countries_named(ctx, sent)
    if len(named) != 1:
        return actor
    home = named.pop()
    if meeting and _destination(ctx, sent, home):
        return actor  # "X traveled to Sochi, Russia, where he met Y": Russia is where X went
    if not domestic and any(t.kind == "person" and ctx.actors.actor_of(t).country == home for t in targets):
        return actor
    return replace(actor, country=home)


def _destination(ctx: Context, sent: Span, iso3: str) -> bool:
    """Whether the sentence names the country as a place gone to or met in ("to Lebanon",
    "in Sochi, Russia"), not as anyone's own."""
    for i, m in ctx.actors.by_token.items():
        if sent.start <= i < sent.end and m.actor.country == iso3 and m.kind == "country":
            tok = ctx.doc[i]
            for t in (tok, tok.head, tok.head.head):
                if t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "at"):
                    return True
    return False


def _in_main_clause(tok: Token) -> bool:
    main = main_predicate(sent_of(tok))
    t = tok
    for _ in range(4):
        if t == main:
            return True
        if t.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _mark(ctx: Context, m: Mention, off: int, label: str) -> Mark:
    span = ctx.doc[m.start:m.end]
    return Mark(span.start_char - off, span.end_char - off, label)


def _times(ctx: Context, sent: Span, trigger: Token) -> list[Span]:
    """The sentence's DATE and TIME expressions that may date the event ("late Saturday
    morning", "on Friday afternoon" too), not those of a noun on the way to it. Those of the
    trigger's own clause come first ("traveled on May 11 to Sochi, where he met X on May 12")."""
    found = [e for e in ctx.ents_in(sent) if e.label_ in ("DATE", "TIME") and not _dates_a_thing(e.root, trigger)]
    reason = _reason(trigger)
    if reason is not None:  # "congratulated him on his victory in the vote on April 3": the vote's date
        found = [e for e in found if e.start < reason]
    if len(found) < 2:
        return found
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    return sorted(found, key=lambda e: clause is None or _clause_of(e.root) != clause.i)


def _span_edge(verb: Token) -> bool:
    """A clause that bounds a span ("since the truce took effect", "until talks resume")."""
    return any(c.dep_ == "mark" and c.lower_ in SPAN_MARKS for c in verb.children)


def _reason(trigger: Token) -> int | None:
    """Where the occasion an act answers begins ("thanked X [for ...]", "congratulated X [on
    ...]", "condemned X [for ...]"): a time told after it is that occasion's."""
    if trigger.lemma_.lower() not in REASON_VERBS:
        return None
    return next((c.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "of")), None)


def _clause_of(tok: Token) -> int | None:
    """The index of the verb whose clause a word belongs to."""
    verb = _governing_verb(tok)
    return verb.i if verb is not None else None


def _date(ctx: Context, times: list[Span], future: bool) -> dates.ResolvedDate:
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
            if _span_edge(t):
                return True  # "killed since the truce took effect May 5": the span's start, not the act's day
            if trigger is not None and t.left_edge.i <= trigger.i <= t.right_edge.i:
                return False
            if t.dep_ in ("acl", "relcl"):
                return True
            if t.dep_ not in ("xcomp", "conj", "pcomp"):
                return False
    return False


def _location(ctx: Context, sent: Span, anchor: Token, participants: list[Mention]) -> str | None:
    """A place the trigger's clause puts the event in ("in New York", "at the Unity Hall"),
    else one a sentence of the paragraph puts a participant in ("X was in New York")."""
    place = _place_of(ctx, anchor)
    if place:
        return place
    keys = {m.key for m in participants}
    para = _paragraph_sentences(ctx, sent)
    for other in para:
        subj = [t for t in other if t.dep_ == "nsubj"]
        mentions = [m for t in subj for m in _mentions_in(ctx, t)]
        if any(m.key in keys for m in mentions):
            place = _place_of(ctx, other.root)
            if place:
                return place
    return None


def _place_of(ctx: Context, verb: Token) -> str | None:
    """The place in an "in/at X" phrase attached to this verb, or to whom it acts on, where a
    parser often hangs it ("met with X and Y in Sochi")."""
    heads = [verb] + _objects(verb)
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for pobj in prep.children:
            if pobj.ent_type_ in ("GPE", "LOC", "FAC") and pobj.i not in ctx.actors.consumed:
                ent = ctx.ent_at(pobj.i)
                return re.sub(r"^the ", "", ent.text) if ent is not None else pobj.text
    return None


def _objects(verb: Token) -> list[Token]:
    """The verb's objects and theirs by "with", and their conjuncts ("met with X and Y")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
              if o.dep_ == "pobj"]
    return found + [c for o in found for c in o.conjuncts]


def _paragraph_sentences(ctx: Context, sent: Span) -> list[Span]:
    text = ctx.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    para_end = text.find("\n", sent.end_char)
    para_end = len(text) if para_end == -1 else para_end
    return [s for s in ctx.sentences if para_start <= s.start_char and s.end_char <= para_end and s != sent]


def _refresh_actors(ctx: Context, event: EventMention) -> EventMention:
    """Apply what the whole document taught about its people (country, party)."""
    def fresh(a: Actor) -> Actor:
        for person in ctx.actors.people.values():
            if person.id == a.id:
                return replace(a, org=a.org or person.org, country=a.country or person.country,
                               sector=a.sector or person.sector, role=a.role or person.role)
        return a

    return replace(event, sources=tuple(map(fresh, event.sources)), targets=tuple(map(fresh, event.targets)))


def _refers_back(ctx: Context, event: EventMention) -> bool:
    """ "Following the meeting, ...": the paragraph speaks of a meeting told before."""
    text = ctx.text
    para_start = text.rfind("\n", 0, event.start) + 1
    window = text[para_start:event.end].lower()
    return any(f"the {n}" in window for n in ctx.lexicon.meeting_nouns)
