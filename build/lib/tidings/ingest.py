"""Read sources (files, folders, globs, stdin, URLs) into :class:`RawDocument` records.

Formats are chosen by extension, then by sniffing the content: HTML pages, plain text,
JSONL dumps (one article a line), RSS/Atom feeds, sitemaps, lists of URLs (one a line) and
WARC/WARC.gz web archives. URLs are fetched by :class:`tidings.fetch.Fetcher`. Anything
unreadable becomes a :class:`Failure` and the reading goes on.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .feeds import feed_entries
from .fetch import URL, Fetcher, is_url_list
from .records import Failure, RawDocument
from .warc import warc_documents

EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
RECORD_KEYS = ("id", "url", "outlet", "published", "title", "text", "html")


def iter_documents(
    sources: Iterable[str], max_bytes: int, fetcher: Fetcher | None = None
) -> Iterator[RawDocument | Failure]:
    """Every document of every source, in order; failures are yielded, never raised.

    Whatever goes wrong while reading one input (a file, a line, a record, a URL) becomes a
    failure of that input and reading goes on with the next; an input that gives nothing at
    all is reported as well, so every input is accounted for.
    """
    fetcher = fetcher or Fetcher(max_bytes=max_bytes)
    for source in sources:
        if source == "-":
            yield from _accounted("<stdin>", _stdin_documents(max_bytes, fetcher))
        elif URL.match(source):
            yield from _accounted(source, fetcher.documents(source))
        else:
            for path in _source_paths(source):
                if isinstance(path, Failure):
                    yield clean(path)
                else:
                    yield from _accounted(str(path), _file_documents(path, max_bytes, fetcher))


def _accounted(origin: str, items: Iterator[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
    """The items of one input, cleaned; an unexpected error ends that input with a failure."""
    given = False
    try:
        for item in items:
            given = True
            yield clean(item)
    except Exception as e:  # noqa: BLE001  (a reader's or a library's bug must not end the run)
        given = True
        yield clean(
            Failure(
                origin,
                "read",
                f"reading stopped by an unexpected error ({type(e).__name__}: "
                f"{e}); what was read before it is kept",
            )
        )
    if not given:
        yield clean(Failure(origin, "read", "no documents in it (only blank lines or empty entries)"))


def clean(item: RawDocument | Failure) -> RawDocument | Failure:
    """A record every later stage and every store can take: no NUL characters (PostgreSQL
    refuses them) and no lone surrogates (from JSON escapes or undecodable file names; they
    cannot be written as UTF-8)."""
    names = (
        ("origin", "body", "source_id", "url", "outlet", "published", "title")
        if isinstance(item, RawDocument)
        else ("origin", "reason", "source_id")
    )
    fixed: dict[str, Any] = {n: _clean_str(getattr(item, n)) for n in names}
    if all(fixed[n] is getattr(item, n) for n in names):
        return item
    return replace(item, **fixed)


def _clean_str(value: str | None) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    return value


def _stdin_documents(max_bytes: int, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Failure("<stdin>", "read", "there is no standard input to read")
        return
    yield from _documents_from_bytes("<stdin>", stream.read(max_bytes + 1), "", max_bytes, fetcher)


def _source_paths(source: str) -> list[Path | Failure]:
    """The files a source names (a file, a folder or a glob), in order, with a failure for
    each thing named that cannot be read as a file."""
    path = Path(source)
    try:
        if path.is_dir():
            found = _walk(path)
            return found or [
                Failure(
                    source, "read", "the folder holds no files to read (names starting with . are skipped)"
                )
            ]
        if path.exists() or path.is_symlink():
            return [_as_file(path)]
        matches = [Path(m) for m in sorted(glob.glob(source, recursive=True))]
        found = [_as_file(p) for p in matches if not p.is_dir()]
    except Exception as e:  # noqa: BLE001  (a name too long or with a NUL, a folder that vanished...)
        return [Failure(source, "read", f"cannot read {source!r}: {getattr(e, 'strerror', None) or e}")]
    return found or [Failure(source, "read", "no such file, folder, glob match or URL; check the path")]


def _walk(root: Path) -> list[Path | Failure]:
    """The files under a folder, sorted; links to folders are followed once. Hidden names
    (.git, .DS_Store) are skipped; a folder that cannot be listed, a broken link and a link
    that leads back up the tree are failures."""
    found: dict[str, Path | Failure] = {}
    seen: dict[tuple[int, int], str] = {}

    def unlistable(e: OSError) -> None:
        where = str(e.filename or root)
        found[where] = Failure(where, "read", f"cannot read folder: {e.strerror or e}")

    for folder, dirs, files in os.walk(root, followlinks=True, onerror=unlistable):
        try:
            st = os.stat(folder)
        except OSError as e:
            unlistable(e)
            dirs[:] = []
            continue
        first = seen.setdefault((st.st_dev, st.st_ino), folder)
        if first != folder:  # reached again through a link: read once
            if Path(first) in Path(folder).parents:
                found[folder] = Failure(
                    folder,
                    "read",
                    f"folder loop: this link leads back to {first}, which is being read; skipped",
                )
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith("."):
                found[os.path.join(folder, name)] = _as_file(Path(folder, name))
    return [found[k] for k in sorted(found, key=Path)]


def _as_file(path: Path) -> Path | Failure:
    origin = str(path)
    try:
        if path.is_file():
            return path
        if path.is_symlink():
            return Failure(
                origin,
                "read",
                f"broken link: it points to {os.readlink(path)!r}, which does not "
                "exist (or is a loop of links)",
            )
        if not path.exists():
            return Failure(origin, "read", "no such file")
    except OSError as e:
        return Failure(origin, "read", f"cannot read file: {e.strerror or e}")
    return Failure(
        origin, "read", "not a regular file (a device, pipe or socket); give files or folders, or - for stdin"
    )


def _file_documents(path: Path, max_bytes: int, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    if path.name.lower().endswith((".warc", ".warc.gz")):
        yield from warc_documents(str(path), max_bytes)
        return
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(
                origin,
                "read",
                f"file is {size:,} bytes, over the limit of {max_bytes:,}; split it or raise --max-bytes",
            )
            return
        data = path.read_bytes()
    except OSError as e:
        yield Failure(origin, "read", f"cannot read file: {e.strerror or e}")
        return
    yield from _documents_from_bytes(origin, data, path.suffix.lower(), max_bytes, fetcher)


def _decode(origin: str, data: bytes) -> str | Failure:
    if not data.strip():
        return Failure(origin, "read", "empty file")
    if data[:2] == b"\x1f\x8b":
        return Failure(
            origin,
            "read",
            "gzip-compressed file: decompress it first (gunzip); only web "
            "archives are read compressed, named .warc.gz",
        )
    if b"\x00" in data[:8192]:
        return Failure(origin, "read", "binary file (contains NUL bytes); give text, HTML or JSONL")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Failure(
            origin,
            "read",
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset "
            f"{e.start}); convert it, e.g. with iconv -t UTF-8",
        )


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


def _documents_from_bytes(
    origin: str, data: bytes, suffix: str, max_bytes: int, fetcher: Fetcher
) -> Iterator[RawDocument | Failure]:
    if len(data) > max_bytes:
        yield Failure(
            origin, "read", f"input is over the limit of {max_bytes:,} bytes; split it or raise --max-bytes"
        )
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
    # lines end at \n only: a record's text may hold other line breaks (U+2028, form feeds) as they are
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, "read", f"line {lineno} is not valid JSON ({e.msg} at column {e.colno})")
            continue
        except (ValueError, RecursionError) as e:  # a number of thousands of digits; deep nesting
            yield Failure(
                where,
                "read",
                f"line {lineno} cannot be read as JSON "
                f"({'it nests too deeply' if isinstance(e, RecursionError) else e})",
            )
            continue
        try:
            yield record_to_document(where, record)
        except Exception as e:  # noqa: BLE001  (a field no conversion can take must not end the file)
            yield Failure(where, "read", f"record cannot be read ({type(e).__name__}: {e})")


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
    return RawDocument(
        origin=origin,
        fmt=fmt,
        body=body,
        source_id=source_id,
        url=_str(record.get("url")),
        outlet=_str(record.get("outlet")),
        published=_str(record.get("published")),
        title=_str(record.get("title")),
        meta=meta,
    )


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
