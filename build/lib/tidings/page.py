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

Its pieces live beside it: `tidings.paragraphs` (lines into paragraphs, repeated blocks),
`tidings.datelines` (datelines and date lines), `tidings.furniture` (the furniture rules) and
`tidings.credits` (bylines, credit lines, agencies). This module labels the paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from .credits import byline, page_agencies
from .datelines import DATE, PLACE_LINE, Prefix, date_line, dateline_prefix, resolve
from .furniture import BULLET, rules
from .paragraphs import (
    NUMBERED,
    TOKEN,
    content_words,
    duplicate_blocks,
    ends_sentence,
    heading,
    is_prose,
    line_groups,
    paragraph_spans,
    shape,
    similar,
    title_like,
)

__all__ = [
    "KINDS",
    "NOT_CODABLE",
    "Dateline",
    "Page",
    "Part",
    "byline",
    "duplicate_blocks",
    "line_groups",
    "read_page",
    "rules",
]

KINDS = ("headline", "dateline", "byline", "lead", "body", "caption", "credit", "furniture")
NOT_CODABLE = frozenset({"dateline", "byline", "caption", "credit", "furniture"})
# "Statement by President Obama on ...", "STATEMENT BY JOHN KIRBY, SPOKESPERSON"
STATEMENT_BY = re.compile(
    r"(?i:\bstatement by )(?:(?P<title>(?i:the )?(?i:president|vice president|secretary(?: of state)?|"
    r"prime minister|foreign minister|minister|spokesperson|spokesman|ambassador)) )?"
    r"(?P<name>[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3})"
)
# "Marco Rubio, Secretary of State" on a line of its own above a statement
SIGNED = re.compile(
    r"(?P<name>[A-Z][a-z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}), "
    r"(?P<title>(?:[A-Z][a-z]+|of|the|for)(?: (?:[A-Z][a-z]+|of|the|for|and)){0,6})"
)
# the two lines of a signature block: a name, then an office
SIGNER = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z][\w'\u2019-]*){1,2}")
OFFICE = re.compile(
    r"(?:[A-Z][a-z]+ )*(?:Secretary|Minister|President|Spokesperson|Spokesman|Ambassador|Envoy|"
    r"Administrator|Director|Chancellor|Governor|Commissioner)(?: (?:[A-Z][a-z]+|of|the|for|and))*"
)
YEAR_IN_HEADLINE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
MAX_LAG = timedelta(days=90)  # a dateline this much older than publication is a site clock, not a dispatch
SPEAKER = re.compile(r"[A-Z][A-Z .'’-]{1,40}:")


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
    title: str | None = None  # the metadata's title: extractors often leave the headline out of the text

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

    @property
    def headline_text(self) -> str | None:
        """The headline as printed, or the metadata's title (extractors often leave it out)."""
        return self.text[self.headline.start : self.headline.end] if self.headline else self.title

    def signatory(self) -> tuple[str, str | None] | None:
        """Who signs a statement, as (name, title): "Statement by President X on ..." in the
        headline or title, or a "Name, Title" line above the lead ("X, Secretary of State").
        Their "I" is theirs; the issuing body's "we" stays the body's."""
        headline = self.headline_text
        found = STATEMENT_BY.search(headline or "")
        if found:
            return _name_case(found["name"]), found["title"]
        lead = self.lead
        above = [p for p in self.parts if lead is not None and p.start < lead.start]
        for k, part in enumerate(above):
            line = self.text[part.start : part.end].strip()
            signed = SIGNED.fullmatch(line)
            if signed:
                return _name_case(signed["name"]), signed["title"]
            # the name on one line and the office on the next ("Michael R. Pompeo" / "Secretary of State")
            nxt = self.text[above[k + 1].start : above[k + 1].end].strip() if k + 1 < len(above) else ""
            if SIGNER.fullmatch(line) and OFFICE.fullmatch(nxt):
                return _name_case(line), nxt
        return None

    def year(self) -> int | None:
        """The year an undated page's headline states ("Travel to Oslo, May 3-5, 2015"), for
        its yearless dates; None when the page has a date of its own."""
        if self.published or (self.dateline and self.dateline.date):
            return None
        headline = self.headline_text
        found = YEAR_IN_HEADLINE.search(headline or "")
        return int(found[1]) if found else None


def _name_case(name: str) -> str:
    return name.title() if name.isupper() else name


def read_page(text: str, title: str | None = None, published: date | None = None) -> Page:
    """Label the paragraphs of an extracted article text (paragraphs on their own lines).
    `title` finds the headline among the first paragraphs; `published` gives a yearless
    dateline its year."""
    return _Reader(text, title, published).page()


# reading a page ------------------------------------------------------------------------------
class _Reader:
    """One pass over the paragraphs: the header up to the lead, then the body and its tail."""

    def __init__(self, text: str, title: str | None, published: date | None) -> None:
        self.text, self.published, self.title_text = text, published, title
        self.spans = paragraph_spans(text)
        self.raw = [text[s:e] for s, e in self.spans]  # as printed: dateline offsets count here
        self.paras = [" ".join(p.split()) if "\n" in p else p for p in self.raw]  # re-joined lines
        self.kinds: list[str | None] = [None] * len(self.paras)
        self.title = frozenset(TOKEN.findall(title.casefold())) if title else frozenset()
        self.copies, self.twins = duplicate_blocks(self.paras)
        self.colon_ok = sum(1 for p in self.paras[:60] if SPEAKER.match(p)) < 2  # not a transcript
        self.prefix: tuple[int, Prefix] | None = None  # the lead's dateline
        self.alone: list[tuple[int, Prefix]] = []  # paragraphs that are all dateline
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
            self.kinds[: self.lead] = [k or "furniture" for k in self.kinds[: self.lead]]
            self._body()
        dateline = self._dateline()
        return Page(
            self.text, self._parts(), dateline, self._agencies(dateline), self.published, self.title_text
        )

    def _header(self) -> None:
        for i, para in enumerate(self.paras):
            if i in self.copies:
                self.kinds[i] = "furniture"
            elif self.title and not self.headline_seen and similar(para, self.title):
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
            elif is_prose(self.raw[i][prefix.body :] if prefix else para, lead=True):
                self._take_lead(i, prefix)
                return

    def _prefix(self, i: int) -> Prefix | None:
        return dateline_prefix(self.raw[i], self.colon_ok, rules().not_place)

    def _header_kind(self, i: int, para: str) -> str | None:
        """A date line, a caption, credit or furniture by shape, or a caption printed twice."""
        if found := date_line(para):
            self.dated.append((i, *found))
            return "dateline"
        if kind := shape(para, header=True):
            return kind
        if i in self.twins and len(para) <= 500 and not title_like(para):
            return "caption"  # above the story, a block printed twice is an image's text and caption
        return None

    def _take_lead(self, i: int, prefix: Prefix | None) -> None:
        """The first prose paragraph is the lead, unless a short one (a site's slogan) comes
        just before a paragraph that opens with a clear dateline."""
        if prefix is None and len(self.paras[i].split()) < 25:
            for j in range(i + 1, min(i + 6, len(self.paras))):
                later = self._prefix(j)
                if later and later.strong and is_prose(self.raw[j][later.body :], lead=True):
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
        lead = self.lead
        if lead is None:
            return
        lead_words = content_words(" ".join(self.paras[lead : lead + 2]))
        for i in range(lead - 1, max(lead - 9, -1), -1):
            para = self.paras[i]
            if self.kinds[i] is not None or not heading(para) or NUMBERED.match(para):
                continue
            shared = len(content_words(para) & lead_words)
            if shared >= 2:
                self.kinds[i] = "headline"
                return

    def _body(self) -> None:
        if self.lead is None:
            return
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
            elif date_line(para):
                self.kinds[i] = "furniture"  # the date repeated under the story
            elif kind := shape(para, header=False):
                self.kinds[i] = kind
            elif self._item_headline(i):
                self.kinds[i] = "headline"
            elif title_like(para):
                self.kinds[i] = "furniture"  # teasers of other stories, subheads, menus
            else:
                self.kinds[i] = "body"

    def _item_headline(self, i: int) -> bool:
        """The headline of a further item of the page (a digest): a heading over a date line,
        or a heading that ends a page cut short. Its event is coded even when its text is lost."""
        para = self.paras[i]
        words = len(para.split())
        if not 3 <= words <= 20 or ends_sentence(para) or ". " in para or para.endswith((":", ",", ";")):
            return False
        if NUMBERED.match(para) or DATE.match(para) or not para[0].isupper():
            return False  # a list of documents by date, a line of a sentence
        if i + 1 < len(self.paras):
            return bool(date_line(self.paras[i + 1]))
        return words >= 4 and title_like(para) and self.kinds[i - 1] == "body"

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
        return Dateline(place, resolve(found, self.published) if found else None, agency, start, end)

    def _place_above(self, i: int) -> str | None:
        """A "City, Country" line just above a date line (speech and statement headers)."""
        above = self.paras[i - 1] if i else ""
        if (
            above
            and self.kinds[i - 1] in (None, "furniture")
            and PLACE_LINE.fullmatch(above)
            and not rules().not_place.matches(above.split()[0].strip(".,"))
        ):
            self.kinds[i - 1] = "dateline"
            return above.rstrip(".")
        return None

    def _parts(self) -> tuple[Part, ...]:
        parts = []
        for i, ((s, e), kind) in enumerate(zip(self.spans, self.kinds, strict=False)):
            if self.prefix and self.prefix[0] == i:
                prefix = self.prefix[1]
                parts.append(Part("dateline", s, s + prefix.end))
                if s + prefix.body < e:
                    parts.append(Part("lead", s + prefix.body, e))
            else:
                parts.append(Part(kind or "body", s, e))
        return tuple(parts)

    def _agencies(self, dateline: Dateline | None) -> frozenset[str]:
        """Agencies the page credits (`tidings.credits.page_agencies`)."""
        return page_agencies(
            self.text, zip(self.paras, self.kinds, strict=False), dateline.agency if dateline else None
        )
