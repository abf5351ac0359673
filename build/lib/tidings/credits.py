"""Who a page credits: bylines, credit lines and news agencies (``data/news_agencies.txt``).

A credited agency or author is the story's reporter, never one of its actors: `byline` reads
a byline ("By Jane Doe | March 3"), `credited` the name a credit line gives ("Source: X"),
and `page_agencies` collects every agency the page credits, including those the text cites
as its source ("told Reuters"). Used by `tidings.page` and `tidings.extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from .datelines import DATE, TIME
from .furniture import BULLET, data_text

BYLINE_HEAD = re.compile(
    r"[-–—|•\s]*(?:(?:posted|written|reported|story|words|text|compiled)\s+)?"
    r"by\b\s*:?\s*",
    re.I,
)
BYLINE_ROLE = re.compile(
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*[,|–—-]\s*(?:staff writer|staff reporter"
    r"|(?:senior |chief |foreign |diplomatic |political )?correspondent|reporter"
    r"|contributor|columnist|news desk|bureau chief|editor)\.?",
    re.I,
)
DESK = r"(?:News|News Agency|Newswire|Wire|Wires|Staff|Desk|Bureau)"
DESK_LINE = re.compile(rf"[A-Z]{{2,}}(?:[ -][A-Z]{{2,}})? {DESK}")  # a desk alone on a line: "XYZ News"
DESK_NAME = re.compile(rf"(?:[A-Z][\w.&'’-]*\s){{0,3}}{DESK}")  # "By Example News"
BYLINE_WORDS = frozenset(
    {
        "and",
        "&",
        "of",
        "the",
        "de",
        "van",
        "von",
        "der",
        "al",
        "bin",
        "la",
        "le",
        "du",
        "da",
        "dos",
        "del",
        "on",
        "at",
        "in",
        "for",
        "y",
        "e",
    }
)
DASH_CREDIT = re.compile(r"[-–—]+\s*(?P<who>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\.?")
CREDIT_VALUE = re.compile(r"[^:]{1,40}:\s*(?P<who>[^()]{1,60}?)\.?\s*$")
PAREN_CREDIT = re.compile(r"\)(?:\s*(?:--|[-–—―:])|[ \t]*(?:\n|$))")  # "(AP) —", "... said. (AP)"
REPORTING = re.compile(
    r"(?:according to|told|quoted by|cited by|reported by|quoting|citing|news agency"
    r"|press agency|state-run|official|state)\W+(?:the\W+)?$",
    re.I,
)
REPORTED = re.compile(
    r"^\W{0,3}(?:news agency\s+)?(?:reported|reports|said|says|quoted|cited|news agency|"
    r"press agency)\b",
    re.I,
)


class Agencies(NamedTuple):
    """The known news agencies: each name's agency (all its names), and one pattern finding
    any of the names as whole words, the longest first ("Associated Press" before "AP")."""

    names: dict[str, frozenset[str]]
    pattern: re.Pattern[str]

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of every known agency name in `text`, as a whole word."""
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), m.group()


@cache
def agencies() -> Agencies:
    """data/news_agencies.txt: one agency a line, its names separated by "|"."""
    names: dict[str, set[str]] = {}
    for line in data_text("news_agencies.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group = {n.strip() for n in line.split("|") if n.strip()}
        for name in group:
            names.setdefault(name, set()).update(group)
    # a name begins a word ("AP" of "AP.", "Xinhua" of "Xinhua's") and does not run on into one
    pattern = re.compile(rf"(?<![\w.-]){_trie(names)}(?![\w-])")
    return Agencies({n: frozenset(g) for n, g in names.items()}, pattern)


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, branching a character at a time (one
    alternation of hundreds of names is tried name by name at every word); the longest name
    that fits is taken, a shorter one when the longer runs on into a word."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(alternatives) > 1 or len(body) > 1 else f"{body}?"

    return branch(root)


def byline(para: str) -> str | None:
    """The author or desk a byline credits ("By Jane Doe | March 3" gives "Jane Doe"; "Jane
    Doe, Staff Writer"; "Xinhua"); None when the paragraph is no byline ("By the end of...")."""
    if len(para) > 160:
        return None
    head = BYLINE_HEAD.match(para)
    if head:
        rest = TIME.sub(" ", DATE.sub(" ", para[head.end() :]))
        words = re.findall(r"[^\s,|/;–—-]+", rest)
        if (
            0 < len(words) <= 12
            and words[0][0].isupper()
            and all(w[0].isupper() or w.lower() in BYLINE_WORDS or not w[0].isalpha() for w in words)
        ):
            return re.split(r"\s*[|–—]\s*|\s+(?:on|at)\s+", rest.strip())[0].strip(" ,.")
        return None
    if BYLINE_ROLE.fullmatch(para) or DESK_LINE.fullmatch(para):
        return para
    return para if para.strip(" .") in agencies().names else None


def credited(para: str, kind: str) -> set[str]:
    """The names a credit line or byline gives ("Source: X", "- Xinhua", "By XYZ News")."""
    bare = BULLET.sub("", para)
    if kind == "byline":
        who = byline(bare)
        return {who} if who and DESK_NAME.fullmatch(who) else set()
    if kind != "credit":
        return set()
    found = DASH_CREDIT.fullmatch(bare) or CREDIT_VALUE.match(bare)
    who = found.group("who").strip() if found else ""
    return {who} if who and len(who.split()) <= 5 else set()


def page_agencies(text: str, parts: Iterable[tuple[str, str | None]], agency: str | None) -> frozenset[str]:
    """Agencies the page credits: the dateline's `agency`, those named in bylines, captions,
    credit lines and datelines among `parts` (paragraph, kind), and known agencies the text
    cites as its source ("told Reuters")."""
    known = agencies()
    found: set[str] = set()
    if agency:
        found.add(agency)
    for para, kind in parts:
        if kind in ("byline", "caption", "credit", "dateline"):
            found.update(name for _, _, name in known.find(para))
            found.update(credited(para, kind))
    for s, e, name in known.find(text):
        if (
            REPORTING.search(text, max(0, s - 40), s)
            or REPORTED.match(text[e : e + 40])
            or text[s - 1 : s] == "("
            and PAREN_CREDIT.match(text, e)
        ):
            found.add(name)
    for name in list(found):
        found.update(known.names.get(name, ()))
    return frozenset(found)


# Words that make an outlet's name a news organisation's ("Voice of America", "The Daily Star")
MEDIA_WORDS = {
    "news",
    "press",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "broadcaster",
    "voice",
    "voices",
    "gazette",
    "daily",
    "review",
    "observer",
    "telegraph",
    "guardian",
    "chronicle",
    "monitor",
    "wikinews",
    "media",
    "wire",
    "agency",
}


def outlet_names(outlet: str | None) -> frozenset[str]:
    """The names a news outlet goes by on its own pages: "Voice of America (via X)" gives
    "Voice of America" and its initials "VOA" (three letters or more). The outlet that
    reports a story is not its actor (GUIDELINES 5), nor is its self-description in the
    page's furniture an event. A government body's website gives none: it speaks for an actor."""
    name = re.sub(r"\s*\(.*$", "", outlet or "").strip()
    if not name or not (name in agencies().names or set(name.lower().split()) & MEDIA_WORDS):
        return frozenset()  # a ministry's or a president's website speaks for an actor
    words = re.findall(r"[A-Za-z]+", name)
    initials = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}
    return frozenset({name} | {i for i in initials if len(i) >= 3})
