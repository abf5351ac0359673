"""Article structure: which parts of an extracted text are the story, as a news page lays it out.

A page is more than its story: a headline, a dateline ("LIMA, March 3 (Reuters) --"), a byline,
the lead and body, photo captions and credits, and the furniture an extractor leaves in (site
headers, menus, archive banners, teasers of other stories, share lines, duplicated blocks).
`read_page` labels every paragraph so that the coder codes the story only: captions, credits
and furniture are never events; the dateline's place and agency are context, never actors; its
date is the base for relative dates. It runs on every document before NLP, so it is plain
Python over precompiled regexes, linear in the text; the same stage reads text and HTML input.
Shapes of furniture, captions and credits are data (``data/furniture.txt``), and so are the
news agencies a page may credit (``data/news_agencies.txt``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

KINDS = ("headline", "dateline", "byline", "lead", "body", "caption", "credit", "furniture")
NOT_CODABLE = frozenset({"dateline", "byline", "caption", "credit", "furniture"})
SECTIONS = ("drop", "cut", "header", "caption", "credit", "not_place")
CONTAINS_MAX = 500  # a "~" rule of data/furniture.txt only marks paragraphs this short
MAX_LAG = timedelta(days=90)  # a dateline this much older than publication is a site clock, not a dispatch

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]|20)\d\d\b"
DATE = re.compile(
    r"\b(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?,?\s+)?(?:"
    rf"(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    r"|(?P<y3>(?:1[89]|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)\b"
    r"|(?P<a4>[0-3]?\d)/(?P<b4>[0-3]?\d)/(?P<y4>(?:(?:19|20)\d\d|\d\d))\b)", re.I)
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
                  r"|\b(?:gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|cest|msk|ist|jst|kst|et)\b(?:[+-]\d{1,2})?",
                  re.I)
DATE_FILLER = frozenset({"updated", "update", "last", "published", "posted", "on", "at", "for",
                         "immediate", "release", "released", "date", "time", "modified", "created", "am",
                         "pm"})
WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
SEP = re.compile(r"\s*(--|[-–—―]|:)\s*")
REGION_SEP = re.compile(r",\s*")
LEAD_IN = re.compile(r",?\s*")
JOINT = re.compile(r"\s*/\s*| (?=[^\W\d_])")
AGENCY = re.compile(r"\s*[-–—]?\s*\((?P<agency>[^\W\d_][^()\n]{0,39})\)\s*")
CONNECTORS = frozenset({"de", "of", "es", "el", "al", "la", "le", "du", "do", "da", "dos", "del", "sur",
                        "am", "upon", "on"})
BULLET = re.compile(r"^[•·▪◦*]\s*")
SPEAKER = re.compile(r"[A-Z][A-Z .'’-]{1,40}:")
NUMBERED = re.compile(r"\d{1,2}[.)]\s")
BYLINE_HEAD = re.compile(r"[-–—|•\s]*(?:(?:posted|written|reported|story|words|text|compiled)\s+)?"
                         r"by\b\s*:?\s*", re.I)
BYLINE_ROLE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*[,|–—-]\s*(?:staff writer|staff reporter"
                         r"|(?:senior |chief |foreign |diplomatic |political )?correspondent|reporter"
                         r"|contributor|columnist|news desk|bureau chief|editor)\.?", re.I)
DESK = r"(?:News|News Agency|Newswire|Wire|Wires|Staff|Desk|Bureau)"
DESK_LINE = re.compile(rf"[A-Z]{{2,}}(?:[ -][A-Z]{{2,}})? {DESK}")  # a desk alone on a line: "XYZ News"
DESK_NAME = re.compile(rf"(?:[A-Z][\w.&'’-]*\s){{0,3}}{DESK}")  # "By Example News"
BYLINE_WORDS = frozenset({"and", "&", "of", "the", "de", "van", "von", "der", "al", "bin", "la", "le",
                          "du", "da", "dos", "del", "on", "at", "in", "for", "y", "e"})
DASH_CREDIT = re.compile(r"[-–—]+\s*(?P<who>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\.?")
CREDIT_VALUE = re.compile(r"[^:]{1,40}:\s*(?P<who>[^()]{1,60}?)\.?\s*$")
PAREN_CREDIT = re.compile(r"\)(?:\s*(?:--|[-–—―:])|[ \t]*(?:\n|$))")  # "(AP) —", "... said. (AP)"
TOKEN = re.compile(r"\w+")
NAME_WORD = re.compile(r"(?<![\w.-])[^\W\d_][\w&-]*(?:\.[\w&-]+)*")  # "AP" of "AP.", "Xinhua" of "Xinhua's"
NAME_GOES_ON = re.compile(r"[\w-]")
FUNCTION_END = re.compile(r"\b(?:the|a|an|of|for|to|and|or|in|on|at|by|with|from|that|its|their)$", re.I)
REPORTING = re.compile(r"(?:according to|told|quoted by|cited by|reported by|quoting|citing|news agency"
                       r"|press agency|state-run|official|state)\W+(?:the\W+)?$", re.I)
REPORTED = re.compile(r"^\W{0,3}(?:news agency\s+)?(?:reported|reports|said|says|quoted|cited|news agency|"
                      r"press agency)\b", re.I)
PLACE_LINE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?")
FILE_MARK = re.compile(r"^(?:file|file photo)\s*[-–—:]\s*")
TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from",
                         "and", "or", "as", "vs", "via", "de"})
STOPWORDS = frozenset({"the", "and", "for", "with", "from", "that", "this", "has", "have", "had", "was",
                       "were", "are", "its", "his", "her", "their", "of", "to", "in", "on", "at", "by",
                       "an", "as", "is", "be", "will", "said", "says", "after", "over", "new"})


@dataclass(frozen=True)
class Part:
    """One paragraph of the page (or the dateline in front of the lead) and what it is."""

    kind: str  # one of KINDS
    start: int  # character offsets into the text given to read_page
    end: int


@dataclass(frozen=True)
class Dateline:
    """Where and when the story was filed, and the agency credited: context, never actors."""

    place: str | None  # "Lima", "Accra, Ghana", "Beijing/Tokyo"
    date: date | None  # a yearless dateline takes the publication date's year
    agency: str | None  # "Reuters", "GNA"
    start: int  # the dateline's span: place, date, agency and dash, not the sentence after it
    end: int


@dataclass(frozen=True)
class Page:
    """The text's paragraphs in order, each labelled, with the dateline and credited agencies."""

    text: str
    parts: tuple[Part, ...]
    dateline: Dateline | None = None
    agencies: frozenset[str] = field(default_factory=frozenset)  # credited on this page: not actors
    published: date | None = None

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.parts]

    def kind_at(self, offset: int) -> str:
        """The kind of the part containing `offset` ("body" between or outside parts)."""
        i = bisect_right(self._starts, offset) - 1
        return self.parts[i].kind if i >= 0 and offset < self.parts[i].end else "body"

    def codable(self, start: int, end: int) -> bool:
        """Whether a span (a sentence) may yield events: False when every part it touches is
        a caption, credit, furniture, byline or dateline; a span touching no part is body."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        touched = False
        for part in self.parts[i:]:
            if part.start >= end:
                break
            if part.end > start:
                touched = True
                if part.kind not in NOT_CODABLE:
                    return True
        return not touched

    @property
    def headline(self) -> Part | None:
        """The story's headline, above the lead (further items of a digest have their own)."""
        before = self.lead.start if self.lead else len(self.text)
        return next((p for p in self.parts if p.kind == "headline" and p.end <= before), None)

    @property
    def lead(self) -> Part | None:
        return next((p for p in self.parts if p.kind == "lead"), None)

    def base_date(self, published: date | None = None) -> date | None:
        """The date relative expressions resolve against: the dateline's date when there is
        one and it is plausible for the publication date (not later, not months older), else
        the publication date."""
        published = published or self.published
        filed = self.dateline.date if self.dateline else None
        if filed is None or published is None:
            return filed or published
        return filed if published - MAX_LAG <= filed <= published + timedelta(days=1) else published


def read_page(text: str, title: str | None = None, published: date | None = None) -> Page:
    """Label the paragraphs of an extracted article text (paragraphs on their own lines).
    `title` finds the headline among the first paragraphs; `published` gives a yearless
    dateline its year."""
    return _Reader(text, title, published).page()


@dataclass(frozen=True)
class Rule:
    """One section of data/furniture.txt: lines matched against a whole paragraph, and lines
    marked "~" found anywhere in a paragraph of at most CONTAINS_MAX characters."""

    whole: re.Pattern[str] | None
    contains: re.Pattern[str] | None

    def matches(self, para: str) -> bool:
        if self.whole is not None and self.whole.fullmatch(para):
            return True
        return self.contains is not None and len(para) <= CONTAINS_MAX and bool(self.contains.search(para))


class Rules(NamedTuple):
    drop: Rule
    cut: Rule
    header: Rule
    caption: Rule
    credit: Rule
    not_place: Rule


@cache
def rules() -> Rules:
    """The sections of data/furniture.txt, each compiled into one case-insensitive Rule."""
    found: dict[str, tuple[list[str], list[str]]] = {name: ([], []) for name in SECTIONS}
    current = "drop"
    for line in _data("furniture.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in found:
                raise ValueError(f"data/furniture.txt: unknown section [{current}]; known: {SECTIONS}")
            continue
        whole, contains = found[current]
        (contains if line.startswith("~") else whole).append(line.removeprefix("~"))
    return Rules(*(Rule(_alternation(found[name][0]), _alternation(found[name][1])) for name in SECTIONS))


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


class Agencies(NamedTuple):
    """The known news agencies: each name's agency (all its names), and names by first word."""

    names: dict[str, frozenset[str]]
    by_first_word: dict[str, tuple[str, ...]]

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of every known agency name in `text`, as a whole word."""
        for word in NAME_WORD.finditer(text):
            for name in self.by_first_word.get(word.group(), ()):
                end = word.start() + len(name)
                if text.startswith(name, word.start()) and not NAME_GOES_ON.match(text, end):
                    yield word.start(), end, name
                    break


@cache
def agencies() -> Agencies:
    """data/news_agencies.txt: one agency a line, its names separated by "|"."""
    names: dict[str, set[str]] = {}
    for line in _data("news_agencies.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group = {n.strip() for n in line.split("|") if n.strip()}
        for name in group:
            names.setdefault(name, set()).update(group)
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    return Agencies({n: frozenset(g) for n, g in names.items()}, {k: tuple(v) for k, v in by_first.items()})


def _data(name: str) -> str:
    return resources.files("tidings").joinpath(f"data/{name}").read_text("utf-8")


# paragraphs ------------------------------------------------------------------------------
def line_groups(lines: Sequence[str]) -> list[list[int]]:
    """Group the indices of non-blank `lines` into paragraphs: a text printed one word per line
    and a hard-wrapped text are re-joined; otherwise every non-blank line is a paragraph."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    groups: list[list[int]] = []
    k = checked = 0  # one-word runs are looked for once: lines below `checked` are in no run
    while k < len(filled):
        if k >= checked:
            run, checked = _one_word_run(lines, filled, k)
            if run:
                groups += run
                k = checked
                continue
        block = [filled[k]]
        while k + len(block) < len(filled) and filled[k + len(block)] == block[-1] + 1:
            block.append(filled[k + len(block)])
        groups += _unwrap(lines, block)
        k += len(block)
    return groups


def _one_word_run(lines: Sequence[str], filled: list[int], k: int) -> tuple[list[list[int]], int]:
    """The paragraphs of the run of one-word lines from filled[k] when it reads as prose (not
    a menu of Title words), and where the run ends."""
    end = k
    while end < len(filled) and len(words := lines[filled[end]].split()) == 1 and len(words[0]) <= 30:
        end += 1
    run = filled[k:end]
    lower = sum(1 for i in run if lines[i].strip()[0].islower())
    if len(run) < 6 or lower < 0.3 * len(run):
        return [], max(end, k + 1)
    gaps = [b - a - 1 for a, b in pairwise(run)]
    word_gap = max(set(gaps), key=gaps.count)  # the usual gap separates words; a wider one, paragraphs
    groups, current = [], [run[0]]
    for gap, i in zip(gaps, run[1:]):
        if gap > word_gap:
            groups.append(current)
            current = []
        current.append(i)
    return groups + [current], end


def _unwrap(lines: Sequence[str], block: list[int]) -> list[list[int]]:
    """Split a block of adjacent lines into paragraphs. A block is hard-wrapped when most of
    its lines are nearly as long as the longest and stop mid-sentence; there a line is joined
    to the next when the next one's first word would not have fitted on it. In any block a
    line ending in a comma or a function word ("... for the") goes on."""
    text = [lines[i].strip() for i in block]
    width = max(len(t) for t in text)
    full = sum(1 for t in text[:-1] if len(t) >= 0.75 * width)
    open_ended = sum(1 for t in text[:-1] if not t.endswith((".", "!", "?", ":", '"', "”")))
    wrapped = len(block) >= 3 and 40 <= width <= 110 and min(full, open_ended) >= 0.5 * (len(block) - 1)
    groups = [[block[0]]]
    for (prev, line), i in zip(pairwise(text), block[1:]):
        first = line.split()[0]
        fits = len(prev) + 1 + len(first) <= width
        if (wrapped and (not fits or line[0].islower())) or prev.endswith(",") or FUNCTION_END.search(prev):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of `text`, whitespace trimmed."""
    lines = text.split("\n")
    bounds, pos = [], 0
    for line in lines:
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    spans = []
    for group in line_groups(lines):
        s, e = bounds[group[0]][0], bounds[group[-1]][1]
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        spans.append((s, e))
    return spans


# reading a page ------------------------------------------------------------------------------
class _Prefix(NamedTuple):
    """A dateline in front of a paragraph: offsets are relative to the paragraph."""

    end: int  # end of place, date, agency and dash
    body: int  # where the story's sentence begins (len(paragraph) when the paragraph is all dateline)
    place: str | None
    date: re.Match[str] | None
    agency: str | None
    strong: bool  # an agency credit, or a date and a dash


class _Reader:
    """One pass over the paragraphs: the header up to the lead, then the body and its tail."""

    def __init__(self, text: str, title: str | None, published: date | None) -> None:
        self.text, self.published = text, published
        self.spans = paragraph_spans(text)
        self.raw = [text[s:e] for s, e in self.spans]  # as printed: dateline offsets count here
        self.paras = [" ".join(p.split()) if "\n" in p else p for p in self.raw]  # re-joined lines
        self.kinds: list[str | None] = [None] * len(self.paras)
        self.title = frozenset(TOKEN.findall(title.casefold())) if title else frozenset()
        self.copies, self.twins = duplicate_blocks(self.paras)
        self.colon_ok = sum(1 for p in self.paras[:60] if SPEAKER.match(p)) < 2  # not a transcript
        self.prefix: tuple[int, _Prefix] | None = None  # the lead's dateline
        self.alone: list[tuple[int, _Prefix]] = []  # paragraphs that are all dateline
        self.dated: list[tuple[int, re.Match[str], str | None]] = []  # date lines: index, date, place
        self.byline_dates: list[re.Match[str]] = []
        self.lead: int | None = None
        self.headline_seen = False

    def page(self) -> Page:
        self._header()
        if self.lead is None:
            self.kinds = [k or "body" for k in self.kinds]  # no story found: hide nothing
        else:
            if not self.title:
                self._guess_headline()
            self.kinds[:self.lead] = [k or "furniture" for k in self.kinds[:self.lead]]
            self._body()
        dateline = self._dateline()
        return Page(self.text, self._parts(), dateline, self._agencies(dateline), self.published)

    def _header(self) -> None:
        for i, para in enumerate(self.paras):
            if i in self.copies:
                self.kinds[i] = "furniture"
            elif self.title and not self.headline_seen and _similar(para, self.title):
                self.kinds[i] = "headline"
                self.headline_seen = True
            elif byline(BULLET.sub("", para)):
                self.kinds[i] = "byline"
                if found := DATE.search(para):
                    self.byline_dates.append(found)
            elif (prefix := self._prefix(i)) and prefix.body >= len(self.raw[i]):
                self.kinds[i] = "dateline"
                self.alone.append((i, prefix))
            elif kind := self._header_kind(i, para):
                self.kinds[i] = kind
            elif _is_prose(self.raw[i][prefix.body:] if prefix else para, lead=True):
                self._take_lead(i, prefix)
                return

    def _prefix(self, i: int) -> _Prefix | None:
        return _dateline_prefix(self.raw[i], self.colon_ok, rules().not_place)

    def _header_kind(self, i: int, para: str) -> str | None:
        """A date line, a caption, credit or furniture by shape, or a caption printed twice."""
        if found := _date_line(para):
            self.dated.append((i, *found))
            return "dateline"
        if kind := _shape(para, header=True):
            return kind
        if i in self.twins and len(para) <= 500 and not _title_like(para):
            return "caption"  # above the story, a block printed twice is an image's text and caption
        return None

    def _take_lead(self, i: int, prefix: _Prefix | None) -> None:
        """The first prose paragraph is the lead, unless a short one (a site's slogan) comes
        just before a paragraph that opens with a clear dateline."""
        if prefix is None and len(self.paras[i].split()) < 25:
            for j in range(i + 1, min(i + 6, len(self.paras))):
                later = self._prefix(j)
                if later and later.strong and _is_prose(self.raw[j][later.body:], lead=True):
                    i, prefix = j, later
                    break
                if len(self.paras[j].split()) >= 25:
                    break
        self.lead = i
        self.prefix = (i, prefix) if prefix else None
        self.kinds[i] = "lead"

    def _guess_headline(self) -> None:
        """Without a title: the nearest title-like paragraph above the lead that shares two
        words with the lead (not a site's name, a section or a teaser of another story)."""
        lead_words = _content_words(" ".join(self.paras[self.lead:self.lead + 2]))
        for i in range(self.lead - 1, max(self.lead - 9, -1), -1):
            para = self.paras[i]
            if self.kinds[i] is not None or not _heading(para) or NUMBERED.match(para):
                continue
            shared = len(_content_words(para) & lead_words)
            if shared >= 2:
                self.kinds[i] = "headline"
                return

    def _body(self) -> None:
        cut = False
        for i in range(self.lead + 1, len(self.paras)):
            para = self.paras[i]
            if cut or i in self.copies:
                self.kinds[i] = "furniture"
            elif len(para) > 700:
                self.kinds[i] = "body"
            elif rules().cut.matches(BULLET.sub("", para)):
                self.kinds[i], cut = "furniture", True
            elif byline(BULLET.sub("", para)):
                self.kinds[i] = "byline"
            elif _date_line(para):
                self.kinds[i] = "furniture"  # the date repeated under the story
            elif kind := _shape(para, header=False):
                self.kinds[i] = kind
            elif self._item_headline(i):
                self.kinds[i] = "headline"
            elif _title_like(para):
                self.kinds[i] = "furniture"  # teasers of other stories, subheads, menus
            else:
                self.kinds[i] = "body"

    def _item_headline(self, i: int) -> bool:
        """The headline of a further item of the page (a digest): a heading over a date line,
        or a heading that ends a page cut short. Its event is coded even when its text is lost."""
        para = self.paras[i]
        words = len(para.split())
        if not 3 <= words <= 20 or _ends_sentence(para) or ". " in para or para.endswith((":", ",", ";")):
            return False
        if NUMBERED.match(para) or DATE.match(para) or not para[0].isupper():
            return False  # a list of documents by date, a line of a sentence
        if i + 1 < len(self.paras):
            return bool(_date_line(self.paras[i + 1]))
        return words >= 4 and _title_like(para) and self.kinds[i - 1] == "body"

    def _dateline(self) -> Dateline | None:
        """Place, date and agency from the lead's dateline, a dateline paragraph above it, and
        the date line nearest the lead (or the byline's date)."""
        prefix, start, end = None, None, None
        if self.prefix:
            i, prefix = self.prefix
            start, end = self.spans[i][0], self.spans[i][0] + prefix.end
        elif self.alone:
            i, prefix = self.alone[-1]
            start, end = self.spans[i]
        place = prefix.place if prefix else None
        found = prefix.date if prefix else None
        if found is None and prefix is not None and self.alone and self.alone[-1][1].date:
            found = self.alone[-1][1].date
        if found is None and self.dated:
            i, found, line_place = self.dated[-1]
            place = place or line_place or self._place_above(i)
            if start is None:
                start = self.spans[i - 1][0] if self.kinds[i - 1] == "dateline" and i else self.spans[i][0]
                end = self.spans[i][1]
        if found is None and self.byline_dates:
            found = self.byline_dates[0]
        if start is None or end is None:
            return None
        agency = prefix.agency if prefix else None
        return Dateline(place, _resolve(found, self.published) if found else None, agency, start, end)

    def _place_above(self, i: int) -> str | None:
        """A "City, Country" line just above a date line (speech and statement headers)."""
        above = self.paras[i - 1] if i else ""
        if (above and self.kinds[i - 1] in (None, "furniture") and PLACE_LINE.fullmatch(above)
                and not rules().not_place.matches(above.split()[0].strip(".,"))):
            self.kinds[i - 1] = "dateline"
            return above.rstrip(".")
        return None

    def _parts(self) -> tuple[Part, ...]:
        parts = []
        for i, ((s, e), kind) in enumerate(zip(self.spans, self.kinds)):
            if self.prefix and self.prefix[0] == i:
                prefix = self.prefix[1]
                parts.append(Part("dateline", s, s + prefix.end))
                if s + prefix.body < e:
                    parts.append(Part("lead", s + prefix.body, e))
            else:
                parts.append(Part(kind or "body", s, e))
        return tuple(parts)

    def _agencies(self, dateline: Dateline | None) -> frozenset[str]:
        """Agencies the page credits: the dateline's, those named in bylines, captions and
        credit lines, and known agencies the text cites as its source ("told Reuters")."""
        known = agencies()
        found: set[str] = set()
        if dateline and dateline.agency:
            found.add(dateline.agency)
        for para, kind in zip(self.paras, self.kinds):
            if kind in ("byline", "caption", "credit", "dateline"):
                found.update(name for _, _, name in known.find(para))
                found.update(_credited(para, kind))
        for s, e, name in known.find(self.text):
            if (REPORTING.search(self.text, max(0, s - 40), s) or REPORTED.match(self.text[e:e + 40])
                    or self.text[s - 1:s] == "(" and PAREN_CREDIT.match(self.text, e)):
                found.add(name)
        for name in list(found):
            found.update(known.names.get(name, ()))
        return frozenset(found)


# paragraph shapes ---------------------------------------------------------------------------
def _shape(para: str, header: bool) -> str | None:
    """caption, credit or furniture by the paragraph's own shape; None for anything else."""
    if len(para) > 700:
        return None
    bare = BULLET.sub("", para)
    rule = rules()
    if rule.caption.matches(bare):
        return "caption"
    if rule.credit.matches(bare) or DASH_CREDIT.fullmatch(bare):
        return "credit"
    if rule.drop.matches(bare) or header and rule.header.matches(bare):
        return "furniture"
    return None


def byline(para: str) -> str | None:
    """The author or desk a byline credits ("By Jane Doe | March 3" gives "Jane Doe"; "Jane
    Doe, Staff Writer"; "Xinhua"); None when the paragraph is no byline ("By the end of...")."""
    if len(para) > 160:
        return None
    head = BYLINE_HEAD.match(para)
    if head:
        rest = TIME.sub(" ", DATE.sub(" ", para[head.end():]))
        words = re.findall(r"[^\s,|/;–—-]+", rest)
        if 0 < len(words) <= 12 and words[0][0].isupper() and all(
                w[0].isupper() or w.lower() in BYLINE_WORDS or not w[0].isalpha() for w in words):
            return re.split(r"\s*[|–—]\s*|\s+(?:on|at)\s+", rest.strip())[0].strip(" ,.")
        return None
    if BYLINE_ROLE.fullmatch(para) or DESK_LINE.fullmatch(para):
        return para
    return para if para.strip(" .") in agencies().names else None


def _credited(para: str, kind: str) -> set[str]:
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


def _date_line(para: str) -> tuple[re.Match[str], str | None] | None:
    """A paragraph that is a date, with at most a few words around it ("Updated", a time, a
    place after the date: "March 4, 2024, Government House"); with the place when it follows the date."""
    if len(para) > 120:
        return None
    found = DATE.search(para)
    if not found:
        return None
    before, after = para[:found.start()], para[found.end():]
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


def _ends_sentence(para: str) -> bool:
    return para.rstrip(")]\"'”’» ").endswith((".", "!", "?", "…"))


def _lower_share(words: Sequence[str]) -> float:
    """The share of lower-case words among words other than "of", "the", "with"...: small in
    a Title Case heading, large in a sentence."""
    alpha = [w for w in words if w[0].isalpha() and w.lower() not in TITLE_SMALL]
    return sum(1 for w in alpha if w[0].islower()) / len(alpha) if alpha else 0.0


def _title_like(para: str) -> bool:
    """A heading: no sentence end, few lower-case words ("Ministers Meet on Border Row")."""
    words = para.split()
    if not words or len(words) > 30 or _ends_sentence(para) or para.endswith((",", ";")):
        return False
    if para.endswith(":"):
        return len(words) <= 4
    return len(words) <= 3 or _lower_share(words) < 0.35


def _heading(para: str) -> bool:
    """A headline in Title or sentence case: four to thirty words, no full stop or colon at the end."""
    return 4 <= len(para.split()) <= 30 and not para.rstrip(")]\"'”’» ").endswith((".", "…", ":", ",", ";"))


def _is_prose(para: str, lead: bool = False) -> bool:
    """A paragraph of the story: sentences (or a long stretch of words on a page cut short),
    not a heading, a list item, an attribution line or a slogan. A lead has eight words or
    more and is not a teaser cut short ("..." / "…")."""
    words = para.split()
    if len(words) < (8 if lead else 6) or NUMBERED.match(para) or _lower_share(words) < 0.1:
        return False
    if para.endswith(":") and len(words) < 15:
        return False  # "The following was released by the press office:"
    if len(words) < 12 and para.rstrip().endswith("!") or lead and para.endswith(("…", "...")):
        return False
    return _ends_sentence(para) or para.endswith(":") or len(words) >= 40


def _content_words(para: str) -> set[str]:
    return {w for w in TOKEN.findall(para.casefold()) if len(w) > 2 and w not in STOPWORDS}


def _similar(para: str, title: frozenset[str]) -> bool:
    """The paragraph says the title (maybe without the outlet's name or a kicker)."""
    if len(para) > 300:
        return False
    words = set(TOKEN.findall(para.casefold()))
    common = len(words & title)
    return bool(words) and common >= 0.8 * len(words) and common >= 0.6 * len(title)


def _norm(para: str) -> str:
    return FILE_MARK.sub("", " ".join(para.casefold().split())).rstrip(" .…,;:")


def duplicate_blocks(paras: Sequence[str]) -> tuple[set[int], set[int]]:
    """Repeated blocks: later copies of a paragraph (or of a short one just above) and
    truncated copies ("...…") of a neighbour; and the paragraphs that have a copy."""
    copies: set[int] = set()
    twins: set[int] = set()
    seen: dict[str, int] = {}
    for i, para in enumerate(paras):
        key = _norm(para)
        first = seen.get(key)
        if first is not None and (len(key) >= 30 or first == i - 1):
            copies.add(i)
            twins.add(first)
            continue
        seen.setdefault(key, i)
        if para.endswith(("…", "...")) and len(key) >= 20:
            for j in (i - 1, i + 1):
                if 0 <= j < len(paras) and len(paras[j]) > len(key) and _norm(paras[j]).startswith(key):
                    copies.add(i)
                    twins.add(j)
                    break
    return copies, twins


# datelines ----------------------------------------------------------------------------------
def _dateline_prefix(para: str, colon_ok: bool, not_place: Rule) -> _Prefix | None:
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
            place, pos = f"{place}, {_region_name(para[comma.end():end])}", end
    found, pos = _date_at(para, pos)
    agency_m = AGENCY.match(para, pos)
    agency = agency_m.group("agency").strip() if agency_m else None
    end = para.index(")", pos) + 1 if agency_m else pos
    sep_m = SEP.match(para, end)
    sep = sep_m.group(1) if sep_m and not para.startswith("//", sep_m.end(1)) else None
    if sep:
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
    return _Prefix(end, body, place, found, agency, strong)


def _dateline_ok(para: str, place: str | None, caps: bool, found: re.Match[str] | None, agency: str | None,
                 sep: str | None, colon_ok: bool, end: int, body: int) -> bool:
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
    spaced_dash = sep not in (None, ":") and para[end - len(sep) - 1:end - len(sep)] == " "
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
    found = DATE.match(para, LEAD_IN.match(para, pos).end())
    return (found, found.end()) if found else (None, pos)


def _resolve(found: re.Match[str], published: date | None) -> date | None:
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
    day = int(re.match(r"\d+", g["d1"] or g["d2"]).group())
    year = g["y1"] or g["y2"]
    if year:
        return _valid(int(year), month, day)
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
