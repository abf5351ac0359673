"""Documents from the web and from web archives.

- URLs (given as sources, listed one per line in a file, or found in a sitemap or a feed) are
  fetched with a timeout, retried with exponential backoff on timeouts, connection errors and
  5xx answers, and spaced per host (``host_interval``). Every URL that yields no page becomes
  a failure that says why: HTTP status, timeout, or a content type that is not HTML.
- A URL that cannot be fetched for any other reason (not a valid URL, a feed or sitemap that
  nests more than ``MAX_DEPTH`` levels, as one that lists itself) is a failure too.

WARC and WARC.gz files are read by :mod:`tidings.warc`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .feeds import feed_entries
from .records import Failure, RawDocument
from .warc import warc_documents  # where it was before tidings.warc; kept for callers

MAX_DEPTH = 3  # sitemap index -> sitemap -> page; a feed entry's page
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
URL = re.compile(r"^https?://\S+$")


@dataclass
class Fetcher:
    """HTTP GET with timeout, retries and a per-host rate limit (one client, reused)."""

    timeout: float = 10.0
    retries: int = 2  # attempts after the first
    backoff: float = 0.5  # seconds, doubled at each retry
    host_interval: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    user_agent: str = "tidings (+https://github.com/tidings-events/tidings)"
    _last: dict[str, float] = field(default_factory=dict)
    _client: object | None = None

    def get(self, url: str) -> tuple[str, str, bytes, str | None] | Failure:
        """`(final url, content type, body, Last-Modified date)` or the failure."""
        import httpx  # noqa: PLC0415

        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout, follow_redirects=True, headers={"User-Agent": self.user_agent}
            )
        host = urlsplit(url).netloc
        problem = ""
        for attempt in range(self.retries + 1):
            wait = self._last.get(host, 0) + self.host_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()
            try:
                r = self._client.get(url)  # type: ignore[attr-defined]
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError, UnicodeError) as e:
                return Failure(url, "fetch", f"not a URL that can be fetched: {e}")
            except httpx.TimeoutException:
                problem = f"timed out after {self.timeout:g} s"
            except httpx.HTTPError as e:
                problem = f"cannot connect: {type(e).__name__}: {e}"
            else:
                if r.status_code >= 500:
                    problem = f"HTTP {r.status_code} {r.reason_phrase}"
                elif r.status_code >= 400:
                    return Failure(url, "fetch", f"HTTP {r.status_code} {r.reason_phrase}")
                elif len(r.content) > self.max_bytes:
                    return Failure(
                        url,
                        "fetch",
                        f"page is {len(r.content):,} bytes, over the limit of {self.max_bytes:,}",
                    )
                else:
                    kind = r.headers.get("content-type", "").split(";")[0].strip().lower()
                    return str(r.url), kind, r.content, _http_date(r.headers.get("last-modified"))
            if attempt < self.retries:
                time.sleep(self.backoff * 2**attempt)
        return Failure(url, "fetch", f"{problem} ({self.retries + 1} attempts)")

    def documents(self, url: str, depth: int = 0) -> Iterator[RawDocument | Failure]:
        """The page at a URL; a feed or sitemap at a URL gives the pages it lists. Whatever goes
        wrong is a failure of that URL."""
        if depth > MAX_DEPTH:
            yield Failure(
                url,
                "fetch",
                f"feeds or sitemaps nest more than {MAX_DEPTH} levels deep here "
                "(one lists itself?); not followed",
            )
            return
        try:
            yield from self._documents(url, depth)
        except Exception as e:  # noqa: BLE001  (a parser's or a client's surprise spoils this URL only)
            yield Failure(url, "fetch", f"cannot be read ({type(e).__name__}: {e})")

    def _documents(self, url: str, depth: int) -> Iterator[RawDocument | Failure]:
        got = self.get(url)
        if isinstance(got, Failure):
            yield got
            return
        final, kind, body, modified = got
        text = _decode(body)
        head = text.lstrip()[:2048].lower()
        if kind in FEED_TYPES or head.startswith("<?xml") or head.startswith(("<rss", "<feed", "<urlset")):
            yield from self.listed(final, text, depth + 1)
        elif kind in HTML_TYPES or (not kind and "<html" in head):
            yield RawDocument(origin=url, fmt="html", body=text, url=final, published=modified)
        else:
            yield Failure(
                url, "fetch", f"content type {kind or 'unknown'} is not HTML; give pages, feeds or sitemaps"
            )

    def listed(self, origin: str, text: str, depth: int = 0) -> Iterator[RawDocument | Failure]:
        """The pages a sitemap, sitemap index or feed lists (feed entries with full content are
        used as they are; others are fetched)."""
        head = text.lstrip()[:4096].lower()
        if "<urlset" in head or "<sitemapindex" in head:
            for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text):
                yield from self.documents(loc, depth)  # a page, or a sitemap of a sitemap index
            return
        for item in feed_entries(origin, text):
            if isinstance(item, RawDocument) and len(item.body) < 600 and item.url:
                fetched = list(self.documents(item.url, depth))
                yield from (replace_meta(d, item) if isinstance(d, RawDocument) else d for d in fetched)
            else:
                yield item

    def urls(self, origin: str, text: str) -> Iterator[RawDocument | Failure]:
        """A list of URLs, one per line (blank lines and # comments ignored)."""
        for lineno, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not URL.match(line):
                yield Failure(f"{origin}:{lineno}", "read", f"not a URL: {line[:80]!r}")
                continue
            yield from self.documents(line)


def replace_meta(doc: RawDocument, entry: RawDocument) -> RawDocument:
    """A fetched page keeps what its feed entry said (outlet, date, title, id)."""
    from dataclasses import replace  # noqa: PLC0415

    return replace(
        doc,
        outlet=doc.outlet or entry.outlet,
        published=entry.published or doc.published,
        title=entry.title or doc.title,
        source_id=entry.source_id or doc.source_id,
    )


def is_url_list(text: str) -> bool:
    """Most non-blank, non-comment lines are URLs (the others will be reported)."""
    lines = [x.strip() for x in text.splitlines() if x.strip() and not x.strip().startswith("#")]
    return bool(lines) and sum(bool(URL.match(x)) for x in lines) >= 0.8 * len(lines)


def _decode(body: bytes) -> str:
    return body.decode("utf-8", errors="replace")


def _http_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


__all__ = ["Fetcher", "is_url_list", "warc_documents"]
