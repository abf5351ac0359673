"""Dates: publication dates of articles and event dates resolved against them.

"On September 22nd" in an article of 2024-10-08 is 2024-09-22 (precision day);
"in March" is a month; "last Tuesday" is the most recent Tuesday on or before publication.
Durations and vague spans ("40 years", "earlier this year") give no date, never a wrong one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_RE = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\b", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NUM = re.compile(r"\b([0-2]?\d|3[01])(st|nd|rd|th)?\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
VAGUE = re.compile(
    r"\b(years?|decades?|centur|ago|anniversary|season|weeks?|months|"
    r"earlier|later|recent|past|next|coming|upcoming|ahead|since|until|till|during|before|after|by|within)\b",
    re.I,
)


class ResolvedDate(NamedTuple):
    date: date | None
    precision: str  # day, month, year, unknown
    basis: str | None  # explicit, relative, None


UNKNOWN = ResolvedDate(None, "unknown", None)


@lru_cache(maxsize=4096)
def parse_published(value: str | None) -> date | None:
    """A publication date from metadata text ("2024-10-08", "October 8, 2024", RFC 822)."""
    if not value:
        return None
    value = value.strip()
    iso = ISO.search(value)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    import dateparser  # noqa: PLC0415  (slow import)

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


@lru_cache(maxsize=16384)
def resolve(expression: str, published: date | None, future: bool = False) -> ResolvedDate:
    """Resolve a DATE expression of a sentence against the article's publication date."""
    text = expression.strip().lower()
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return ResolvedDate(published, "day", "relative") if published else UNKNOWN
    if text == "yesterday":
        return ResolvedDate(published - timedelta(days=1), "day", "relative") if published else UNKNOWN
    if text == "tomorrow":
        return ResolvedDate(published + timedelta(days=1), "day", "relative") if published else UNKNOWN
    weekday = next((i for i, d in enumerate(WEEKDAYS) if re.search(rf"\b{d}\b", text)), None)
    month = MONTH_RE.search(text)
    if weekday is not None and not month:
        if VAGUE.search(text) and "last" not in text:
            return UNKNOWN
        return _weekday(weekday, published, future, strictly_before="last" in text)
    iso = ISO.search(text)
    if iso:
        return ResolvedDate(date(int(iso[1]), int(iso[2]), int(iso[3])), "day", "explicit")
    if VAGUE.search(text) or not month and not YEAR.search(text):
        return UNKNOWN
    return _calendar(text, month, published, future)


def resolve_in_year(expression: str, year: int) -> ResolvedDate:
    """ "May 12" on an undated page whose headline gives the year ("..., May 11-13, 2015").
    Only a month and day take that year: a weekday or "yesterday" needs the day itself."""
    text = expression.strip().lower()
    month = MONTH_RE.search(text)
    if not month or YEAR.search(text) or VAGUE.search(text) or any(d in text for d in WEEKDAYS):
        return UNKNOWN
    return _calendar(f"{text} {year}", MONTH_RE.search(f"{text} {year}"), None, False)


def _weekday(
    weekday: int, published: date | None, future: bool, strictly_before: bool = False
) -> ResolvedDate:
    if published is None:
        return UNKNOWN
    delta = (published.weekday() - weekday) % 7 or (7 if strictly_before else 0)
    if future:
        return ResolvedDate(
            published + timedelta(days=(weekday - published.weekday()) % 7 or 7), "day", "relative"
        )
    return ResolvedDate(published - timedelta(days=delta), "day", "relative")


def _calendar(text: str, month: re.Match[str] | None, published: date | None, future: bool) -> ResolvedDate:
    year_m = YEAR.search(text)
    rest = YEAR.sub(" ", text)
    day_m = DAY_NUM.search(MONTH_RE.sub(" ", rest)) if month else None
    if not month:
        return ResolvedDate(date(int(year_m[1]), 1, 1), "year", "explicit") if year_m else UNKNOWN
    mon = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(month[1].lower()[:3]))
    day = int(day_m[1]) if day_m else 1
    precision = "day" if day_m else "month"
    if year_m:
        try:
            return ResolvedDate(date(int(year_m[1]), mon, day), precision, "explicit")
        except ValueError:
            return UNKNOWN
    if published is None:
        return UNKNOWN
    found = _dateparser(f"{MONTHS[mon - 1]} {day}", published, future)
    if found is None or abs((found - published).days) > 180:
        return UNKNOWN  # a yearless date far from publication is more likely wrong than right
    return ResolvedDate(found, precision, "relative")


def _dateparser(text: str, published: date, future: bool) -> date | None:
    """dateparser with the publication date as RELATIVE_BASE, preferring the past."""
    import dateparser  # noqa: PLC0415  (slow import)

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if future else "past",
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def weekday_named(text: str) -> int | None:
    """The one weekday a sentence names ("spoke by telephone Monday"), 0 for Monday; None
    when it names none or several."""
    found = {i for i, d in enumerate(WEEKDAYS) if re.search(rf"\b{d}\b", text, re.I)}
    return found.pop() if len(found) == 1 else None


POINT_WORDS = re.compile(r"\b(today|tonight|yesterday|tomorrow|" + "|".join(WEEKDAYS) + r")\b", re.I)


def names_a_time(expression: str) -> bool:
    """Whether an expression points at a time ("May 12", "Tuesday", "yesterday", "2019"), as
    opposed to a duration ("a three-day trip", "four hours")."""
    return bool(
        MONTH_RE.search(expression)
        or POINT_WORDS.search(expression)
        or YEAR.search(expression)
        or ISO.search(expression)
    )
