"""The article's time and occasions: what a sentence-level coder cannot know alone.

* **Dispatch dates** (GUIDELINES 6): the lead of a dispatch with no time expression ("X met
  Y", "X has met Y", a present-tense headline) reports the news of the dispatch date.
* **Background** (GUIDELINES 8): history mentioned in passing, told in the past perfect ("had
  met"), dated well before the dispatch ("in 2019", "two years ago", "last year"), or named
  as earlier ("his previous visit"), is kept as an event but marked ``background``.
* **Occasions** (GUIDELINES 2, 3): statements made at a meeting (praise, thanks, briefings,
  "reaffirmed") belong to it: they carry ``within`` (the meeting's id) and, undated, take the
  meeting's date (``inherited``). Concrete agreements, accusations and demands made there
  stay events of their own and only inherit the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from . import dates
from .records import Actor, EventMention, is_country_id

# history: a resolved date this many days before the dispatch is not the dispatch's news
BACKGROUND_DAYS = 14
HISTORY = re.compile(
    r"\b(last|previous|past) (year|decade)\b|\bago\b|\b(years|decades) (ago|earlier)\b"
    r"|\bearlier this (year|decade)\b|\bin (the )?(19|20)\d\ds?\b",
    re.I,
)
EARLIER = {"previous", "earlier", "last", "former", "past", "prior", "first"}
# what is said at a meeting: these take its date (deeds told after it may be of another day)
SAID = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "COOPERATE"}
# statements that are part of a meeting rather than acts of their own (GUIDELINES 2)
WITHIN_TYPES = {"SUPPORT", "COOPERATE"}
# acts made at a meeting that stay events of their own, however they are told ("reiterated
# his concerns about X" accuses X)
OWN_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT"}
# what a speaker at a meeting says to the other side when no one else is named
ADDRESSED = {"REQUEST", "SUPPORT"}
WITHIN_TRIGGERS = {
    "reaffirm",
    "affirm",
    "reiterate",
    "reaffirmed",
    "affirmed",
    "reiterated",
    "stressed",
    "emphasized",
    "emphasised",
    "underscored",
    "welcomed",
    "praised",
    "thanked",
    "noted",
}


def past_perfect(verb: Token) -> bool:
    """ "had met", "had been signed": an earlier act told as history."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ == "VBN"
        and any(a.lower_ == "had" for a in auxes)
        and not any(a.lower_ in ("would", "could", "might") for a in auxes)
    )


def is_background(
    ents: Sequence[Span],
    verb: Token,
    trigger: Token,
    when: dates.ResolvedDate,
    base: date | None,
    reported: bool = False,
) -> bool:
    """Whether an event is history mentioned in passing rather than the article's news. In
    reported speech the past perfect is the speaker's past shifted back ("said rebels had
    launched two attacks"), not history."""
    if past_perfect(verb) and not reported:
        return True
    if trigger.pos_ == "NOUN" and any(c.lower_ in EARLIER and c.dep_ == "amod" for c in trigger.children):
        return True  # "his previous visit", "the first meeting"
    if when.date is None:
        history = [e for e in ents if e.label_ == "DATE" and HISTORY.search(e.text)]
        return any(_before(e.text, base) for e in history)
    return False


def _before(expression: str, base: date | None) -> bool:
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", expression)]
    if years and base is not None:
        return max(years) < base.year
    return True


def dispatch_date(
    in_lead: bool, undated: bool, future: bool, background: bool, base: date | None
) -> dates.ResolvedDate | None:
    """The lead's event with no time expression happened on the dispatch date."""
    if in_lead and undated and not future and not background and base is not None:
        return dates.ResolvedDate(base, "day", "dispatch")
    return None


def mark_history(events: Sequence[EventMention], base: date | None) -> list[EventMention]:
    """Events dated well before the article's news are its background. The news is the
    latest day the article dates an event to (not after the dispatch): a weekly may report a
    meeting of two weeks ago as its news, and a visit of last year beside it as history."""
    limit = base + timedelta(days=1) if base else None
    days = [
        e.date
        for e in events
        if e.date and e.date_precision == "day" and not e.background and (limit is None or e.date <= limit)
    ]
    if not days:
        return list(events)
    news = max(days)
    return [
        replace(e, background=True) if e.date and (news - e.date).days > BACKGROUND_DAYS else e
        for e in events
    ]


def attach_to_meetings(
    events: Sequence[EventMention], refers_back: Callable[[EventMention], bool] = lambda e: False
) -> list[EventMention]:
    """Statements after a meeting by its participants belong to it; undated acts there take
    its date, as do undated events told "after the meeting". A new meeting, or an event with
    none of its participants, ends the occasion."""
    out: list[EventMention] = []
    meeting: EventMention | None = None
    lead = next((e for e in events if e.date_basis == "dispatch" and not e.background), None)
    for e in events:
        if e.date is None and meeting is not None and meeting.date is not None and refers_back(e):
            e = replace(e, date=meeting.date, date_precision=meeting.date_precision, date_basis="inherited")
        if e.type == "CONSULT" and not e.background:
            # a one-sided CONSULT ("He also thanked X ...") does not replace the meeting
            meeting = e if meeting is None or e.date is not None and two_sided(e) else meeting
            out.append(e)
            continue
        if meeting is None:  # no meeting told yet: what the lead's speakers go on to say is of its day
            out.append(_of_the_lead_day(e, lead))
            continue
        if (
            e.background
            or not _spoke_there(e, meeting)
            or (e.date is not None and meeting.date is not None and e.date != meeting.date)
        ):
            out.append(e)
            continue
        if e.type not in SAID:  # a deed told after a meeting is not done at it
            out.append(e)
            continue
        if e.date is None and meeting.date is not None:
            e = replace(e, date=meeting.date, date_precision=meeting.date_precision, date_basis="inherited")
        if not e.targets and e.type in ADDRESSED:
            e = replace(e, targets=_other_side(e, meeting))  # "X made a request ...": to the other
        if e.type in WITHIN_TYPES or e.trigger.lower() in WITHIN_TRIGGERS and e.type not in OWN_ACTS:
            e = replace(e, within=meeting.id)
        out.append(e)
    return out


def _other_side(e: EventMention, meeting: EventMention) -> tuple[Actor, ...]:
    """Whom a speaker at a meeting of two sides addresses when the sentence names no one: the
    side of the meeting the speaker is not on."""
    sides = [meeting.sources, meeting.targets]
    speakers = {x.id for x in e.sources}  # a principal of the meeting, not just one of its country
    mine = [side for side in sides if any(x.id in speakers for x in side)]
    if len(mine) != 1 or not all(sides):
        return e.targets
    return next(side for side in sides if side is not mine[0])


def _of_the_lead_day(e: EventMention, lead: EventMention | None) -> EventMention:
    """A statement's further words ("We also call on ...", "He condemned ...") by a speaker
    of the lead, with no time of their own, are of the dispatch's day."""
    if (
        lead is None
        or e is lead
        or e.date is not None
        or e.background
        or e.type not in SAID
        or not _spoke_there(e, lead)
    ):
        return e
    return replace(e, date=lead.date, date_precision=lead.date_precision, date_basis="inherited")


def _spoke_there(e: EventMention, meeting: EventMention) -> bool:
    """The statement's speaker took part in the meeting (the same actor, or one of its country)."""
    speakers = {k for x in e.sources for k in _actor_keys(x)}
    return bool(speakers & {k for x in (*meeting.sources, *meeting.targets) for k in _actor_keys(x)})


def _actor_keys(a: Actor) -> set[str]:
    out = {a.id}
    if (
        a.role != "implied recipient"
        and a.country
        and len(a.country) == 3
        and a.country not in ("IGO", "NGO")
    ):
        out.add(a.country)
    return out


def with_both_sides(events: Sequence[EventMention]) -> list[EventMention]:
    """A visit needs a host: a trip naming one actor and no one visited ("Secretary X visited
    the war memorial") is no event, once it has served `meetings_over_visit` as the frame of
    the meetings told with it."""
    return [e for e in events if e.type != "CONSULT" or e.mode != "visit" or two_sided(e)]


def two_sided(e: EventMention) -> bool:
    """Whether an event names both sides: a counterpart, or several actors acting together."""
    return bool(e.targets) or len(e.sources) > 1


def not_to_itself(events: Sequence[EventMention]) -> list[EventMention]:
    """Support a state's officials give their own state ("Obama praised the cooperation the
    United States has received", "the Secretary welcomed the anniversary of relations
    between the United States and X") is no interaction between two actors: it goes when
    every actor it is given to is the country its givers serve."""

    def own(e: EventMention) -> bool:
        served = {a.country for a in e.sources if a.sector in ("GOV", None) and a.country}
        served |= {a.id for a in e.sources if is_country_id(a.id)}
        return bool(e.targets) and all(is_country_id(t.id) and {t.id, t.country} & served for t in e.targets)

    return [e for e in events if e.type != "SUPPORT" or not own(e)]


# the sectors of one state's apparatus, and the contacts it has inside itself
APPARATUS = {"GOV", "MIL", "COP"}
CONTACTS = {"CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID", "AGREE"}


def between_two(events: Sequence[EventMention]) -> list[EventMention]:
    """An event needs two sides (GUIDELINES 1). A target that is one of the sources goes
    ("observers from countries including Germany were detained", coded for Germany on both
    sides); a contact inside one state's apparatus is no event ("the President called the
    U.S. Ambassador", "the agency asked the Defense Department for aircraft", "the president
    praised his navy"), as a party leader with his own officials is none; nor is a trip home."""
    out = []
    for e in events:
        givers = {(a.id, a.sector, a.role) for a in e.sources}
        targets = tuple(t for t in e.targets if (t.id, t.sector, t.role) not in givers)
        everyone = (*e.sources, *targets)
        home = {a.country for a in e.sources}
        if e.mode == "visit" and targets and all(is_country_id(t.id) and t.country in home for t in targets):
            continue  # a trip home ("President X of Peru arrived in Lima") visits no one
        if (
            e.type in CONTACTS
            and targets
            and len({a.country for a in everyone}) == 1
            and all(a.country and a.sector in APPARATUS and a.id != a.country for a in everyone)
        ):
            continue
        out.append(replace(e, targets=targets) if targets != e.targets else e)
    return out


def meetings_over_visit(events: Sequence[EventMention]) -> list[EventMention]:
    """A sentence that tells a trip and the meetings on it ("traveled to Sochi, where he met
    Putin") is the meetings, with mode visit; the trip is not a second event (GUIDELINES 3)."""

    def frame(e: EventMention) -> bool:
        return (
            e.type == "CONSULT" and e.mode == "visit" and all(is_country_id(t.id) for t in e.targets)
        )  # a trip to a country, or no one

    frames = [e for e in events if frame(e)]
    meetings = [e for e in events if e.type == "CONSULT" and not frame(e)]
    if not frames or not meetings:
        return list(events)
    travellers = {a.id for f in frames for a in f.sources}
    if not any(travellers & {a.id for a in m.sources} for m in meetings):
        return list(events)
    return [
        replace(e, mode="visit") if e in meetings and travellers & {a.id for a in e.sources} else e
        for e in events
        if e not in frames
    ]


def headline_as_lead(
    events: Sequence[EventMention], headline: tuple[int, int] | None, lead: tuple[int, int] | None
) -> list[EventMention]:
    """A headline that states the body's event is that event, one report (GUIDELINES 3): its
    event and the body's first of the same type that names all its actors (by name or
    country; the lead's first) are one, and the one naming fewer people goes (the headline's
    when they tie: the body has the date and the detail). A headline whose event the body
    lacks is kept: the text may have been cut."""
    if headline is None or lead is None:
        return list(events)

    def within(e: EventMention, part: tuple[int, int]) -> bool:
        return part[0] <= e.start < part[1]

    body = [e for e in events if e.start >= lead[0] and not e.background]
    dropped: set[int] = set()
    dated: dict[int, EventMention] = {}  # an undated body event -> the headline it tells
    for h in events:
        if not within(h, headline):
            continue
        found = [e for e in body if e.type == h.type and _covers(e, h)]
        same = [e for e in found if within(e, lead)] or found[:1]
        if same:  # one of the two goes: the lead's, unless the headline names more people
            richer = _people(h) > max(_people(e) for e in same)
            dropped |= {id(e) for e in same} if richer else {id(h)}
            if not richer and h.date is not None:  # the headline's news is of the dispatch day
                dated |= {id(e): h for e in same if e.date is None}
    return [_dated_by(e, dated.get(id(e))) for e in events if id(e) not in dropped]


def _dated_by(e: EventMention, headline: EventMention | None) -> EventMention:
    if headline is None:
        return e
    return replace(
        e, date=headline.date, date_precision=headline.date_precision, date_basis=headline.date_basis
    )


def _covers(lead: EventMention, headline: EventMention) -> bool:
    """Whether the lead's event names everyone the headline's does: a country by name or as
    the country of someone the lead names (a headline names countries, "Kenya and Tanzania
    agree ...", where the lead names their ministers); a person by name, or, for one person
    at most, by country (a headline's surname, "Kerry Meets Putin", where the lead's name
    differs). A person of unknown country neither matches nor conflicts."""
    actors = (*lead.sources, *lead.targets)
    ids = {a.id for a in actors}
    countries = {a.country for a in actors if a.country}
    found, loose = 0, 0
    for a in (*headline.sources, *headline.targets):
        person = a.id.startswith("person:")
        if a.id in ids or not person and a.id in countries:
            found += 1
        elif person and a.country in countries and not loose:
            loose = 1
        elif not (person and a.country is None):
            return False
    return found > 0


def _people(e: EventMention) -> int:
    return sum(a.id.startswith("person:") for a in (*e.sources, *e.targets))


def one_act_per_sentence(events: Sequence[EventMention]) -> list[EventMention]:
    """A sentence that tells one act twice gives it once: an attack told by its doer and by
    its victims ("18 people were killed when rebels attacked the station") is the doer's
    attack on the victims; an event that names fewer sides of the same act than another of
    its sentence ("carried out airstrikes against rebels in Iraq", read with and without
    the target) is that event, and one read off two of its words is one. What protesters
    demand as they march is the protest's demand, not a request of its own."""
    doers = [e for e in events if e.type == "ASSAULT" and not _unidentified(e)]
    told = [e for e in events if e.type == "ASSAULT" and _unidentified(e)]
    if doers and told:
        first = doers[0]
        victims = {a.id: a for e in [first, *told] for a in e.targets}
        merged = replace(first, targets=tuple(victims.values()))
        events = [merged if e is first else e for e in events if all(e is not t for t in told)]
    protests = [_ids(e.sources) for e in events if e.type == "PROTEST"]
    events = [e for e in events if e.type != "REQUEST" or _ids(e.sources) not in protests]
    kept = [e for e in events if not any(x is not e and _tells_more(x, e) for x in events)]
    # one act read off two words of its sentence ("reiterated his concerns about X"): the first
    return [e for k, e in enumerate(kept) if not any(_sides(x) == _sides(e) for x in kept[:k])]


def _sides(e: EventMention) -> tuple[str, frozenset[str], frozenset[str]]:
    return e.type, _ids(e.sources), _ids(e.targets)


def _ids(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(a.id for a in actors)


def _unidentified(e: EventMention) -> bool:
    return bool(e.sources) and all(a.id == "unidentified" for a in e.sources)


def _tells_more(x: EventMention, e: EventMention) -> bool:
    """x is the same act as e with more of its sides named."""
    (xtype, xs, xt), (etype, es, et) = _sides(x), _sides(e)
    return xtype == etype and es <= xs and et <= xt and (es, et) != (xs, xt)
