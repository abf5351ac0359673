"""Read sources (files, folders, globs, stdin, URLs) into :class:`RawDocument` records.

Formats are chosen by extension, then by sniffing the content: HTML pages, plain text,
JSONL dumps (one article a line), RSS/Atom feeds, sitemaps, lists of URLs (one a line) and
WARC/WARC.gz web archives. URLs are fetched by :class:`tidings.fetch.Fetcher`. Anything
unreadable becomes a :class:`Failure` and the reading goes on.
"""
from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .fetch import URL, Fetcher, is_url_list, warc_documents
from .records import Failure, RawDocument

EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
RECORD_KEYS = ("id", "url", "outlet", "published", "title", "text", "html")


def iter_documents(sources: Iterable[str], max_bytes: int, fetcher: Fetcher | None = None
                   ) -> Iterator[RawDocument | Failure]:
    """Every document of every source, in order; failures are yielded, never raised."""
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    for source in sources:
        if source == "-":
            yield from _documents_from_bytes("<stdin>", sys.stdin.buffer.read(), "", max_bytes, fetcher)
            continue
        if URL.match(source):
            yield from fetcher.documents(source)
            continue
        paths = list(_expand(source))
        if not paths:
            yield Failure(source, "read", "no such file, folder, glob match or URL; check the path")
        for path in paths:
            if path.name.lower().endswith((".warc", ".warc.gz")):
                yield from warc_documents(str(path))
            else:
                yield from _documents_from_path(path, max_bytes, fetcher)


def _expand(source: str) -> Iterator[Path]:
    path = Path(source)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    elif path.is_file():
        yield path
    else:
        yield from (Path(p) for p in sorted(glob.glob(source, recursive=True)) if Path(p).is_file())


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _documents_from_path(path: Path, max_bytes: int, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(origin, "read", f"file is {size:,} bytes, over the limit of "
                          f"{max_bytes:,}; split it or raise --max-bytes")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Failure(origin, "read", f"cannot read file: {e.strerror or e}")
        return
    yield from _documents_from_bytes(origin, data, path.suffix.lower(), max_bytes, fetcher)


def _decode(origin: str, data: bytes) -> str | Failure:
    if not data.strip():
        return Failure(origin, "read", "empty file")
    if b"\x00" in data[:8192]:
        return Failure(origin, "read", "binary file (contains NUL bytes); give text, HTML or JSONL")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Failure(origin, "read", f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset "
                       f"{e.start}); convert it, e.g. with iconv -t UTF-8")


def sniff(text: str, suffix: str = "") -> str:
    """The format of a document: by extension, else by its first characters."""
    head = text.lstrip()[:2048].lower()
    if suffix in ("", ".xml") and ("<urlset" in head or "<sitemapindex" in head):
        return "sitemap"
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        return "feed" if ("<rss" in head or "<feed" in head) else "html"
    if head.startswith("<") and any(t in head for t in ("<html", "<body", "<p", "<div", "<!doctype")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def _documents_from_bytes(origin: str, data: bytes, suffix: str, max_bytes: int,
                          fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    if len(data) > max_bytes:
        yield Failure(origin, "read", f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
        return
    text = _decode(origin, data)
    if isinstance(text, Failure):
        yield text
        return
    fmt = sniff(text, suffix)
    if fmt == "sitemap":
        yield from fetcher.listed(origin, text)
    elif fmt == "text" and is_url_list(text):
        yield from fetcher.urls(origin, text)
    elif fmt == "jsonl":
        yield from _jsonl_documents(origin, text)
    elif fmt == "feed":
        for entry in feed_entries(origin, text):
            link = entry.source_id if isinstance(entry, Failure) else None
            yield from (fetcher.documents(link) if link and URL.match(link) else [entry])
    else:
        yield RawDocument(origin=origin, fmt=fmt, body=text)


def _jsonl_documents(origin: str, text: str) -> Iterator[RawDocument | Failure]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, "read", f"line {lineno} is not valid JSON ({e.msg} at column {e.colno})")
            continue
        yield record_to_document(where, record)


def record_to_document(origin: str, record: Any) -> RawDocument | Failure:
    """A JSON record (`id, url, outlet, published, title, text|html`) as a document."""
    if not isinstance(record, dict):
        return Failure(origin, "read", "record is not a JSON object")
    source_id = str(record["id"]) if record.get("id") is not None else None
    body, fmt = record.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        body, fmt = record.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        return Failure(origin, "read", "record has no 'text' or 'html' field", source_id)
    meta = {k: v for k, v in record.items() if k not in RECORD_KEYS}
    return RawDocument(origin=origin, fmt=fmt, body=body, source_id=source_id,
                       url=_str(record.get("url")), outlet=_str(record.get("outlet")),
                       published=_str(record.get("published")), title=_str(record.get("title")),
                       meta=meta)


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def feed_entries(origin: str, text: str) -> Iterator[RawDocument | Failure]:
    """The entries of an RSS/Atom feed as documents; an entry with no content but a link is a
    failure whose `source_id` is that link (the caller may fetch it)."""
    import feedparser  # noqa: PLC0415  (only feeds need it)

    feed = feedparser.parse(text)
    if not feed.entries:
        yield Failure(origin, "read", "feed has no entries (or is not RSS/Atom)")
        return
    outlet = feed.feed.get("title")
    for i, entry in enumerate(feed.entries, start=1):
        content = entry.get("content")
        body = content[0].get("value") if content else entry.get("summary", "")
        where = f"{origin}#{i}"
        if not body or not body.strip():
            yield Failure(where, "read", "feed entry has no content or summary", entry.get("link") or entry.get("id"))
            continue
        yield RawDocument(origin=where, fmt="html", body=f"<html><body><article>{body}</article></body></html>",
                          source_id=entry.get("id"), url=entry.get("link"), outlet=outlet,
                          published=entry.get("published") or entry.get("updated"),
                          title=entry.get("title"))
