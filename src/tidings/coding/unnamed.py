"""Who did it when the text names no one: news reports what people undergo in the passive
("were arrested", "was freed", "came under investigation") and leaves the doer to the reader.
The doer is the one the act implies: whoever the article just told doing the same act; the
authorities of the country where it happens for a release, an investigation, a charge or a
sentence; its police for an arrest (and for a beating told with the arrest); unidentified
attackers for an attack (PLOVER's UAF); and for a meeting a speaker of a transcript tells
of ("the meeting with X is just over"), the speaker. Also whose offer it is that someone
accepts or rejects ("the offer"), when the text told it just before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors import Mention
from ..records import Actor
from .arguments import subject_mentions
from .clauses import is_passive, undergone
from .context import Context
from .places import location_of, paragraph_sentences, place_of
from .words import STATE_ACTS

ARRESTS = {"arrest", "deport"}  # trigger modes of what the police do (CAMEO 173, 174)
JUDGEMENTS = {"allege", "convict"}  # trigger modes of what prosecutors and courts do (CAMEO 112, 116)
DOER_LOOKBACK = 3  # sentences back where a passive act's doer may have been named
# what is put to someone to accept or reject, and the verbs that put it
PROPOSALS = {
    "offer",
    "proposal",
    "plan",
    "demand",
    "request",
    "invitation",
    "initiative",
    "ultimatum",
    "deal",
}
PROPOSING = {
    "offer",
    "propose",
    "suggest",
    "demand",
    "request",
    "invite",
    "promise",
    "present",
    "submit",
    "table",
}


def unnamed_doers(
    ctx: Context, sent: Span, verb: Token, tok: Token, event_type: str, is_noun: bool, targets: list[Mention]
) -> list[Mention]:
    """The doer of an act whose text names only whom it is done to (no doer when none is implied)."""
    passive = not is_noun and is_passive(verb)
    if event_type == "CONSULT" and is_noun:  # "the meeting with X is just over", said in a transcript
        return _at_the_meeting(ctx, tok, targets)
    if event_type == "ASSAULT":  # "was beaten and arrested in X": by the police of X
        arrest = _arrest_told_with(ctx, verb) if passive else None
        police = _police(ctx, sent, arrest, targets) if arrest else []
        return police or [_unidentified(verb)]  # "three soldiers were killed by a roadside bomb"
    if is_noun and undergone(tok) or passive and event_type == "RETREAT":
        # "Rebels freed two hostages. A third was freed Sunday": the doer the article has named;
        # "put under investigation in Italy", "were freed from Burmese jails": its authorities
        before = _doer_told_before(ctx, sent, verb) if passive else []
        return before or _authorities_where(ctx, sent, verb, tok, targets, "GOV")
    if passive and event_type == "COERCE" and _arrest(ctx, verb):  # "were arrested in X"
        return _police(ctx, sent, verb, targets)
    if passive and _judged(ctx, verb):  # "were charged with terrorism", "was sentenced to 22 years"
        return _state_at(ctx, sent, verb, tok, targets, "GOV")
    return []


def state_behind(ctx: Context, sent: Span, verb: Token) -> list[Mention]:
    """Whom condemning a state's act on someone accuses when no doer is named ("condemned
    Navalny's arrest", "denounced the detention of X"): the police (of an arrest) or the
    authorities where it happened, else of the country of those it was done to, else the
    police of wherever the story is (placed with the article's groups); never the victim."""
    for act in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATE_ACTS):
        sector = "COP" if act.lemma_.lower() in ("arrest", "detention") else "GOV"
        victims = [m for t in act.subtree if (m := ctx.actors.by_token.get(t.i)) is not None]
        found = _state_at(ctx, sent, act, act, victims, sector)
        if found:
            return found
        police = Actor(id="group:police", name="police", role="police", sector="COP")
        return [Mention(act.i, act.i, police, "group", "police")]
    return []


def _police(ctx: Context, sent: Span, arrest: Token, targets: list[Mention]) -> list[Mention]:
    """Who made an arrest no one is named for: the police the paragraph has just named ("Riot
    police charged the crowd. Many were beaten as they were arrested."), else the police of the
    country where it happens, else of the country of those arrested ("a Cuban journalist was
    arrested"): an arrest is done by a state to those within its reach."""
    before = [s for s in paragraph_sentences(ctx, sent) if s.end <= sent.start] + [sent]
    named = [
        m
        for s in before
        for t in s
        if t.i < arrest.i and (m := ctx.actors.by_token.get(t.i)) is not None and m.actor.sector == "COP"
    ]
    if named:
        return named[-1:]
    return _state_at(ctx, sent, arrest, arrest, targets, "COP")


def _state_at(
    ctx: Context, sent: Span, verb: Token, tok: Token, targets: list[Mention], sector: str
) -> list[Mention]:
    """The authorities (or police) of the country where it happens, else of the country of
    those it is done to ("a Cuban journalist was arrested"): a state acts on those within its
    reach. None when neither is known."""
    found = _authorities_where(ctx, sent, verb, tok, targets, sector)
    home = next((m.actor.country for m in targets if m.actor.country), None)
    if found or home is None:
        return found
    return [_authorities(ctx, home, sector, tok)]


def _doer_told_before(ctx: Context, sent: Span, verb: Token) -> list[Mention]:
    """Who did the same act in the active voice in the sentences just before ("Rebels have
    released another hostage. Five others were released Sunday"): news tells the doer once
    and the rest of the act in the passive."""
    lemma = verb.lemma_.lower()
    return _subject_told_before(ctx, sent, verb, lambda t: t.lemma_.lower() == lemma)


def proposer_of(ctx: Context, sent: Span, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Whose offer, proposal or demand is accepted or rejected when the object names no owner
    ("X offered to free them, but Y rejected the offer"): who just made one, in the active
    voice, in this sentence or the few before."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in PROPOSALS]
    if not objects or any(c.dep_ == "poss" or c.lower_ in ("of", "by") for c in objects[0].children):
        return []
    taken = frozenset(m.actor.id for m in sources)
    return _subject_told_before(ctx, sent, verb, lambda t: t.lemma_.lower() in PROPOSING, taken)


def _subject_told_before(
    ctx: Context,
    sent: Span,
    verb: Token,
    matches: Callable[[Token], bool],
    taken: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The subject of the nearest active verb that `matches`, before `verb` in its sentence
    or in the `DOER_LOOKBACK` sentences before it (not one of `taken`)."""
    earlier = [s for s in ctx.sentences if s.end <= sent.start][-DOER_LOOKBACK:]
    for s in reversed([*earlier, sent]):
        for t in reversed(s):
            if t.i < verb.i and t.pos_ == "VERB" and matches(t) and not is_passive(t):
                found = [m for m in subject_mentions(ctx, t) if m.actor.id not in taken]
                if found:
                    return found
    return []


def _at_the_meeting(ctx: Context, tok: Token, targets: list[Mention]) -> list[Mention]:
    """Who met the one a speaker tells of a meeting with: the speaker, unless that one is of
    the speaker's own side; then the guest the speaker addresses ("welcome to Moscow ... the
    meeting in the Kremlin with the President is just over")."""
    speaker, addressee = ctx.actors.floor_at(tok)
    met = {m.actor.country for m in targets}
    for side in (speaker, addressee):
        if side is not None and side.key not in {m.key for m in targets} and side.actor.country not in met:
            return [side]
    return []


def _judged(ctx: Context, verb: Token) -> bool:
    """The verb is one of charging, trying or sentencing: what a state does to those within
    its reach ("were charged", "was convicted", "was jailed")."""
    return any(t.mode in JUDGEMENTS for t in ctx.lexicon.verbs.get(verb.lemma_.lower(), ()))


def _arrest(ctx: Context, verb: Token) -> bool:
    """The verb is one of arresting or deporting ("detained", "rounded up")."""
    return any(t.mode in ARRESTS for t in ctx.lexicon.verbs.get(verb.lemma_.lower(), ()))


def _arrest_told_with(ctx: Context, verb: Token) -> Token | None:
    """The arrest a passive beating is told with: "was beaten and arrested", "were kicked or
    beaten as they were arrested"."""
    told = [*verb.conjuncts, *(c for c in verb.children if c.dep_ == "advcl")]
    told += [c for t in verb.conjuncts for c in t.children if c.dep_ == "advcl"]
    return next((t for t in told if is_passive(t) and _arrest(ctx, t)), None)


def _authorities_where(
    ctx: Context, sent: Span, verb: Token, tok: Token, targets: list[Mention], sector: str
) -> list[Mention]:
    """The authorities (or police) of the country where it happens ("was put under
    investigation in Italy" -> Italy); none when the text does not say where."""
    place = place_of(ctx, tok) or location_of(ctx, sent, verb, targets)
    iso3 = ctx.kb.country(place) if place else None
    if iso3 is None:  # "freed from Burmese jails", "charged before Peru's high court": its country
        demonyms = [
            m.text
            for p in verb.children
            if p.dep_ == "prep"
            for o in p.children
            if o.dep_ == "pobj"
            for m in o.children
            if m.dep_ in ("amod", "compound", "poss") and m.ent_type_ in ("NORP", "GPE")
        ]
        iso3 = next((c for d in demonyms if (c := ctx.kb.country(d))), None)
    if iso3 is None:
        return []
    return [_authorities(ctx, iso3, sector, tok)]


def _authorities(ctx: Context, iso3: str, sector: str, at: Token) -> Mention:
    """A country's authorities in the capacity the act implies (its police for an arrest)."""
    actor = replace(ctx.actors.country_actor(iso3), sector=sector, role="police" if sector == "COP" else None)
    return Mention(at.i, at.i, actor, "country", iso3)


def _unidentified(verb: Token) -> Mention:
    """The attacker of a report that names victims but no perpetrator: PLOVER's unidentified
    armed forces (UAF), as the 0.5b1 gold standard codes bare bombings."""
    return Mention(
        verb.i,
        verb.i,
        Actor(id="unidentified", name="unidentified attackers", sector="UAF"),
        "group",
        "unidentified",
    )
