"""Turn a RawDocument into a clean Article: boilerplate out, metadata in.

HTML goes through trafilatura (``favor_precision=True``). Plain text is cleaned by line
rules read from ``data/furniture.txt``: lines are re-joined into paragraphs where the page was
hard-wrapped or printed one word per line, a title, byline and date are taken from the leading
lines, and calls to action, captions and "Related Articles" tails are dropped. Of both, a
block printed twice (an image's text and its caption, a repeated headline) is kept once.
What is left of the page's layout (captions, credits, datelines) is read by `page.read_page`.
"""

from __future__ import annotations

import re
from typing import Any

from .dates import parse_published
from .errors import DocumentError
from .page import byline as credited_author
from .page import duplicate_blocks, line_groups, rules
from .records import Article, RawDocument, content_hash

CRAWLER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
BYLINE = re.compile(
    r"^\s*(?:by|posted by|written by)\s*:?\s*(?P<author>[^|\u2014\n]+?)\s*"
    r"(?:[|\u2014\u2013]\s*(?P<date>.+?))?\s*$",
    re.I,
)
JAMMED = re.compile(r"(?<=[A-Za-z)\]]{2}[.!?])(?=[A-Z][a-z])")
CTA_VERBS = ("join", "donate", "subscribe", "sign up", "support us")


def extract(raw: RawDocument, min_chars: int = 80) -> Article:
    """Clean text and metadata of one document; raises DocumentError when none is usable."""
    fields = _from_html(raw) if raw.fmt == "html" else _from_text(raw.body)
    text = JAMMED.sub(" ", fields.pop("text") or "").strip()
    title = (raw.title or fields.get("title") or "").strip()
    if _headline(title) and not text.startswith(title):
        # the headline is the page's first line: it names the story's actors in full ("Russian
        # Foreign Minister X") and may tell its event; the page reader knows it as the headline
        text = f"{title}\n\n{text}"
    if len(text) < min_chars:
        raise DocumentError(
            "extract", f"no article text found ({len(text)} characters after removing boilerplate)"
        )
    language = detect_language(text)
    if language != "en":
        raise DocumentError("extract", f"text is in language '{language}'; tidings codes English only")
    published = parse_published(raw.published) or parse_published(fields.get("date"))
    return Article(
        doc_id=content_hash(text),
        origin=raw.origin,
        text=text,
        source_id=raw.source_id,
        input_key=raw.key,
        url=raw.url or fields.get("url"),
        outlet=raw.outlet or fields.get("outlet"),
        published=published,
        title=raw.title or fields.get("title"),
        author=fields.get("author"),
        language=language,
        meta=dict(raw.meta),
    )


# English function words: in running English prose about a third of the words are these
ENGLISH_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the of and to in a is that for on was with as by at from it his her its their has have had "
        "be been were are said will would not but this which who an or also after",
    )
)
WORD = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """The text's language. Plain English prose is told by its function words alone (a quarter
    or more of 60+ words); anything else goes to the language classifier."""
    sample = text[:1200]
    words = WORD.findall(sample)
    if len(words) >= 60 and sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words) >= 0.25 * len(words):
        return "en"
    import py3langid  # noqa: PLC0415  (loads a model on first use)

    lang, _ = py3langid.classify(sample)  # enough to tell a language, a third of the cost
    return str(lang)


FULL_EXTRACTION_BELOW = 2_000  # characters of main text under which the fallbacks are tried


def _trafilatura(raw: RawDocument, fast: bool) -> Any:
    import trafilatura  # noqa: PLC0415

    return trafilatura.bare_extraction(
        raw.body,
        url=raw.url,
        fast=fast,
        favor_precision=True,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )


def _from_html(raw: RawDocument) -> dict[str, str | None]:
    try:
        # trafilatura's own extraction first; its fallback extractors (readability, jusText)
        # only when that gives little, which is where they help and where they cost
        doc = _trafilatura(raw, fast=True)
        if doc is None or len(doc.text or "") < FULL_EXTRACTION_BELOW:
            doc = _trafilatura(raw, fast=False)
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise DocumentError("extract", f"HTML could not be parsed: {e}") from e
    if doc is None:
        raise DocumentError("extract", "HTML page has no article text")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = "\n".join(_dedupe([line for line in (d.get("text") or "").splitlines() if line.strip()]))
    return {
        "text": text,
        "title": d.get("title"),
        "author": d.get("author"),
        "date": d.get("date"),
        "outlet": d.get("sitename") or d.get("hostname"),
        "url": d.get("url"),
    }


def _from_text(body: str) -> dict[str, str | None]:
    fields: dict[str, str | None] = {}
    marker = CRAWLER_DATE.match(body)
    if marker:
        fields["date"] = marker.group(1)
        body = body[marker.end() :]
    lines = _reflow(body.splitlines())
    lines = _read_header(lines, fields)
    fields["text"] = "\n\n".join(_dedupe(_body_paragraphs(lines)))
    return fields


def _reflow(lines: list[str]) -> list[str]:
    """One line per paragraph: hard-wrapped lines and one-word-per-line runs re-joined."""
    return [" ".join(lines[i].strip() for i in group) for group in line_groups(lines)]


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Each block once: later copies and truncated "…" copies of a neighbour are dropped."""
    copies, _ = duplicate_blocks(paragraphs)
    return [p for i, p in enumerate(paragraphs) if i not in copies]


def _read_header(lines: list[str], fields: dict[str, str | None]) -> list[str]:
    """Take title, byline and date from the first lines; return the rest."""
    rest = list(lines)
    drop = rules().drop
    while rest and (not rest[0] or drop.matches(rest[0])):
        rest.pop(0)
    if len(rest) > 2 and _looks_like_title(rest[0]):
        fields["title"] = rest.pop(0)
    for i, line in enumerate(rest[:6]):
        byline = BYLINE.match(line) if line else None
        if byline and len(line) < 160 and credited_author(line):
            fields["author"] = byline.group("author").strip()
            if byline.group("date") and parse_published(byline.group("date")):
                fields.setdefault("date", byline.group("date"))
            del rest[i]
            break
    title = fields.get("title")
    return [line for line in rest if not (title and line == title)]


def _headline(title: str) -> bool:
    """A title that reads as a headline, not a menu item ("More") or a cut-off teaser."""
    return len(title.split()) >= 3 and not title.endswith(("\u2026", "..."))


def _looks_like_title(line: str) -> bool:
    return 0 < len(line) < 160 and not line.endswith((".", ":", ";", ","))


def _body_paragraphs(lines: list[str]) -> list[str]:
    """The lines that are not furniture, up to the page's tail ("Related", "Read more: ...")
    once the story has begun (a menu's "More" above the story cuts nothing)."""
    furniture = rules()
    kept: list[str] = []
    begun = False
    for line in lines:
        if not line:
            continue
        if begun and furniture.cut.matches(line):
            break
        if furniture.drop.matches(line):
            if kept and _is_pitch(kept[-1], line):
                kept.pop()
            continue
        kept.append(line)
        begun = begun or len(line.split()) >= 12
    return kept


def _is_pitch(paragraph: str, button: str) -> bool:
    """A call-to-action paragraph just above its button ("Join the party today." / "Join Now")."""
    low = paragraph.lower()
    verb = next((v for v in CTA_VERBS if button.lower().startswith(v)), None)
    return verb is not None and verb in low and len(paragraph) < 600
