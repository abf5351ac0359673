"""RSS and Atom feeds: their entries as documents (used by :mod:`tidings.ingest` for feed files and by
:mod:`tidings.fetch` for feeds found at URLs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .records import Failure, RawDocument


def feed_entries(origin: str, text: str) -> Iterator[RawDocument | Failure]:
    """The entries of an RSS/Atom feed as documents; an entry with no content but a link is a
    failure whose `source_id` is that link (the caller may fetch it)."""
    import feedparser  # noqa: PLC0415  (only feeds need it)

    try:
        feed = feedparser.parse(text)
    except Exception as e:  # noqa: BLE001  (feedparser means never to raise; should it, that is reported)
        yield Failure(origin, "read", f"feed cannot be parsed ({type(e).__name__}: {e})")
        return
    if not feed.entries:
        yield Failure(origin, "read", "feed has no entries (or is not RSS/Atom)")
        return
    outlet = feed.feed.get("title")
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{i}"
        try:
            yield _entry_document(where, entry, outlet)
        except Exception as e:  # noqa: BLE001  (one odd entry spoils itself only)
            yield Failure(where, "read", f"feed entry cannot be read ({type(e).__name__}: {e})")


def _entry_document(where: str, entry: Any, outlet: str | None) -> RawDocument | Failure:
    content = entry.get("content")
    body = content[0].get("value") if content else entry.get("summary", "")
    if not body or not body.strip():
        return Failure(
            where, "read", "feed entry has no content or summary", entry.get("link") or entry.get("id")
        )
    return RawDocument(
        origin=where,
        fmt="html",
        body=f"<html><body><article>{body}</article></body></html>",
        source_id=entry.get("id"),
        url=entry.get("link"),
        outlet=outlet,
        published=entry.get("published") or entry.get("updated"),
        title=entry.get("title"),
    )
