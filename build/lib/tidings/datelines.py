"""Datelines and date lines: where and when a story was filed, and the agency credited.

A dateline opens the lead ("LIMA, March 3 (Reuters) --", "ACCRA, Ghana, Feb 9 (GNA)",
"BEIJING/TOKYO -", "(AP) -") or stands alone above it; a date line is a paragraph that is a
date with a few words around it ("Updated March 4, 2024, 10:15 GMT"). `dateline_prefix` and
`date_line` find them, `resolve` turns the date found into a `datetime.date`. Plain regexes,
used by `tidings.page`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from .furniture import Rule

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]|20)\d\d\b"
DATE = re.compile(
    r"\b(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?,?\s+)?(?:"
    rf"(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    r"|(?P<y3>(?:1[89]|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)\b"
    r"|(?P<a4>[0-3]?\d)/(?P<b4>[0-3]?\d)/(?P<y4>(?:(?:19|20)\d\d|\d\d))\b)",
    re.I,
)
TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b(?:gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|cest|msk|ist|jst|kst|et)\b(?:[+-]\d{1,2})?",
    re.I,
)
DATE_FILLER = frozenset(
    {
        "updated",
        "update",
        "last",
        "published",
        "posted",
        "on",
        "at",
        "for",
        "immediate",
        "release",
        "released",
        "date",
        "time",
        "modified",
        "created",
        "am",
        "pm",
    }
)
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
SEP = re.compile(r"\s*(--|[-–—―]|:)\s*")
REGION_SEP = re.compile(r",\s*")
LEAD_IN = re.compile(r",?\s*")
JOINT = re.compile(r"\s*/\s*| (?=[^\W\d_])")
AGENCY = re.compile(r"\s*[-–—]?\s*\((?P<agency>[^\W\d_][^()\n]{0,39})\)\s*")
CONNECTORS = frozenset(
    {"de", "of", "es", "el", "al", "la", "le", "du", "do", "da", "dos", "del", "sur", "am", "upon", "on"}
)
PLACE_LINE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?")


class Prefix(NamedTuple):
    """A dateline in front of a paragraph: offsets are relative to the paragraph."""

    end: int  # end of place, date, agency and dash
    body: int  # where the story's sentence begins (len(paragraph) when the paragraph is all dateline)
    place: str | None
    date: re.Match[str] | None
    agency: str | None
    strong: bool  # an agency credit, or a date and a dash


def dateline_prefix(para: str, colon_ok: bool, not_place: Rule) -> Prefix | None:
    """A dateline opening the paragraph: "LIMA, March 3 (Reuters) --", "ACCRA, Ghana, Feb 9
    (GNA)", "BEIJING/TOKYO -", "Hanoi (VNA) –", "NAIROBI:", "(AP) -"; None otherwise."""
    pos, place, caps = 0, None, False
    if not para.startswith("("):
        words, pos = _place_words(para, 0)
        if not words or not_place.matches(words[0].rstrip(".")):
            return None
        caps = _is_caps(words[0])
        if not caps and not words[0][0].isupper():
            return None
        place = _place_name(para[:pos], caps)
        for _ in range(2):
            comma = REGION_SEP.match(para, pos)
            if not comma or DATE.match(para, comma.end()):
                break
            region, end = _place_words(para, comma.end())
            if not region or len(region) > 3:
                break
            place, pos = f"{place}, {_region_name(para[comma.end() : end])}", end
    found, pos = _date_at(para, pos)
    agency_m = AGENCY.match(para, pos)
    agency = agency_m.group("agency").strip() if agency_m else None
    end = para.index(")", pos) + 1 if agency_m else pos
    sep_m = SEP.match(para, end)
    sep = sep_m.group(1) if sep_m and not para.startswith("//", sep_m.end(1)) else None
    if sep and sep_m is not None:
        end = sep_m.end(1)
        if found is None:  # "Place–(AGENCY)–February 22, 2011."
            later, after = _date_at(para, sep_m.end())
            if later and (not para[after:].strip(" .:") or SEP.match(para, after)):
                found, end = later, after
    rest = para[end:]
    body = len(para) - len(rest.lstrip(" \t-–—:")) if rest.strip(" .:") else len(para)
    if not _dateline_ok(para, place, caps, found, agency, sep, colon_ok, end, body):
        return None
    strong = agency is not None or (found is not None and sep is not None)
    return Prefix(end, body, place, found, agency, strong)


def _dateline_ok(
    para: str,
    place: str | None,
    caps: bool,
    found: re.Match[str] | None,
    agency: str | None,
    sep: str | None,
    colon_ok: bool,
    end: int,
    body: int,
) -> bool:
    rest = para[body:]
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'(«"):
        return False
    if not rest and not caps and (found is None or sep is None):
        return False  # a heading with an acronym: "Office of Foreign Affairs (OFA)"
    if place is None:
        return agency is not None and sep not in (None, ":")
    if sep == ":" and found is None and agency is None and not (caps and colon_ok):
        return False
    if caps:
        return bool(sep or agency or found)
    spaced_dash = sep not in (None, ":") and para[end - len(sep) - 1 : end - len(sep)] == " "
    return agency is not None or (found is not None and sep is not None) or spaced_dash


def _place_words(para: str, pos: int) -> tuple[list[str], int]:
    """The words of a place from pos: up to five CAPS words or three Title words (with "de",
    "es"... between), joined by spaces or "/"."""
    kept: list[tuple[str, int]] = []
    caps: bool | None = None
    while True:
        m = WORD.match(para, pos)
        if not m:
            break
        word = m.group()
        if not (kept and word in CONNECTORS):
            if not word[0].isupper() or (caps is not None and _is_caps(word) != caps):
                break
            caps = _is_caps(word) if caps is None else caps
            if sum(1 for w, _ in kept if w not in CONNECTORS) == (5 if caps else 3):
                break
        kept.append((word, m.end()))
        joint = JOINT.match(para, m.end())
        if not joint:
            break
        pos = joint.end()
    while kept and kept[-1][0] in CONNECTORS:
        kept.pop()
    return [w for w, _ in kept], (kept[-1][1] if kept else pos)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _place_name(raw: str, caps: bool) -> str:
    return " ".join(w if "." in w else w.title() for w in raw.split(" ")).replace(" / ", "/") if caps else raw


def _region_name(raw: str) -> str:
    return raw if len(raw) <= 4 or "." in raw or not _is_caps(raw) else raw.title()


def _date_at(para: str, pos: int) -> tuple[re.Match[str] | None, int]:
    lead_in = LEAD_IN.match(para, pos)  # always matches: it may be empty
    found = DATE.match(para, lead_in.end() if lead_in else pos)
    return (found, found.end()) if found else (None, pos)


def date_line(para: str) -> tuple[re.Match[str], str | None] | None:
    """A paragraph that is a date, with at most a few words around it ("Updated", a time, a
    place after the date: "March 4, 2024, Government House"); with the place when it follows the date."""
    if len(para) > 120:
        return None
    found = DATE.search(para)
    if not found:
        return None
    before, after = para[: found.start()], para[found.end() :]
    words = re.findall(r"[^\W\d_][\w'’.-]*|\d+", TIME.sub(" ", f"{before} {after}"))
    content = [w for w in words if w.lower().strip(".") not in DATE_FILLER]
    if len(content) > 4 or any(w[0].islower() for w in content):
        return None
    place = None
    if not before.strip(" ,|-–—") and after.lstrip().startswith(","):
        place = TIME.sub(" ", after).strip(" ,.|-–—") or None
        if place and not all(w[0].isupper() or w in CONNECTORS for w in place.split()):
            place = None
    return found, place


def resolve(found: re.Match[str], published: date | None) -> date | None:
    """The date a dateline's date names; a yearless one takes the year that puts it on or
    before publication; "03/02/2024" reads the way that puts it nearest before publication."""
    g = found.groupdict()
    if g["y3"]:
        return _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["a4"]:
        year = int(g["y4"]) + ((2000 if int(g["y4"]) < 50 else 1900) if len(g["y4"]) == 2 else 0)
        readings = [_valid(year, int(g["a4"]), int(g["b4"])), _valid(year, int(g["b4"]), int(g["a4"]))]
        return _nearest_before([d for d in readings if d], published)
    month = _month_number(g["m1"] or g["m2"])
    digits = re.match(r"\d+", g["d1"] or g["d2"])
    day = int(digits.group()) if digits else 1
    stated = g["y1"] or g["y2"]
    if stated:
        return _valid(int(stated), month, day)
    if published is None:
        return None
    years = (published.year - 1, published.year, published.year + 1)
    return _nearest_before([d for y in years if (d := _valid(y, month, day))], published)


def _nearest_before(dates: list[date], published: date | None) -> date | None:
    """The latest of the readings on or before publication (a day's slack); else the first."""
    if not dates:
        return None
    fitting = [d for d in dates if published is None or d <= published + timedelta(days=1)]
    return (dates[0] if published is None else max(fitting)) if fitting else dates[0]


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name.lower()[:3]
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(key) + 1
