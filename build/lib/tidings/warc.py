"""Documents from WARC and WARC.gz web archives, record by record.

HTML response records become documents with the record's URL and date; every other response
record, and every record that cannot be read, becomes a failure that says why. A broken record
(missing headers, a body shorter than its Content-Length, a corrupt gzip member, bytes that are
no record at all) does not end the archive: the file is searched for the next record start
and reading goes on from there. An archive that gives nothing is reported, so that every input
is accounted for.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, Any

from .records import Failure, RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MEMBER = b"\x1f\x8b\x08"  # the start of a gzip member: one record each, in a well-made WARC.gz
WARC_LINE = b"\nWARC/1."  # the first line of a record (WARC/1.0, WARC/1.1), after a line break
SCAN = 1 << 20  # bytes read at a time when searching for the next record


class _Unframed(Exception):  # noqa: N818  (internal)
    """A record that does not end where its Content-Length says, or has none: the next record
    is searched for from its start."""


def warc_documents(path: str, max_bytes: int = 5_000_000) -> Iterator[RawDocument | Failure]:
    """HTML response records of a WARC or WARC.gz file as documents; the rest as failures."""
    try:
        fh = open(path, "rb")  # noqa: SIM115  (closed below, also when the caller stops early)
        size = os.fstat(fh.fileno()).st_size
    except OSError as e:
        yield Failure(path, "read", f"cannot read file: {e.strerror or e}")
        return
    with fh:
        if size == 0:
            yield Failure(path, "read", "empty file")
            return
        reader = _Reader(path, fh, size, max_bytes)
        given = False
        at: int | None = 0
        while at is not None:
            for item in reader.read_from(at):
                given = True
                yield item
            after = reader.search_after
            at = None if after is None else _next_start(fh, after + 1, reader.marker)
        if not given:
            yield Failure(
                path, "read", f"no HTML pages in the archive ({reader.n} record(s), none a web page response)"
            )


class _Reader:
    """Reads an archive from an offset to its end or to a record it cannot get past; then
    `search_after` says after which offset to look for the next record (None: at the end)."""

    def __init__(self, path: str, fh: IO[bytes], size: int, max_bytes: int) -> None:
        self.path, self.fh, self.size, self.max_bytes = path, fh, size, max_bytes
        fh.seek(0)
        self.gzipped = fh.read(2) == GZIP_MEMBER[:2]
        self.marker = GZIP_MEMBER if self.gzipped else WARC_LINE
        self.n = 0  # records met, broken ones included
        self.reported: set[int] = set()  # offsets of the breaks reported (a break may be met twice)
        self.search_after: int | None = None

    def read_from(self, at: int) -> Iterator[RawDocument | Failure]:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415

        self.fh.seek(at)
        records = ArchiveIterator(self.fh, no_record_parse=True)  # HTTP headers are parsed below, leniently
        # the last record begun, its item (held back until the record is seen to end well), and
        # whether the break, if any, is within it
        last_start, pending, inside = at, None, False
        try:
            for record in records:
                if records.err_count:  # the record before did not end where its Content-Length said
                    break
                if pending is not None:
                    yield pending
                    pending = None
                self.n += 1
                last_start, inside = records.offset, True
                pending = _record_item(f"{self.path}#{self.n}", record, self.max_bytes)
                inside = False
            if not records.err_count:
                if pending is not None:
                    yield pending
                if records.offset >= self.size:
                    self.search_after = None
                    return
                pending, problem = (
                    None,
                    (
                        f"the archive ends with {self.size - records.offset:,} bytes at "
                        f"byte {records.offset:,} that are no complete record (a truncated "
                        "download?)"
                    ),
                )
        except _Unframed as e:
            problem = str(e)
        except Exception as e:  # noqa: BLE001  (warcio, gzip and zlib raise many kinds on broken archives)
            problem = f"unreadable record at byte {records.offset:,}: {_why(e)}"
        misframed = records.err_count > 0
        if misframed:  # the held-back record is not to be trusted: its body may hold the next record
            problem = (
                f"WARC record {self.n} does not end where its Content-Length says (a wrong length or "
                "a cut body), so it is not used; the archive is searched for the next record"
            )
            if isinstance(pending, Failure):
                problem = f"{pending.reason}; and {problem}"
        elif pending is not None:
            yield pending
        # the next record is searched for after the start of the last one begun: a record may have
        # claimed more than it holds (a short body under a long Content-Length) and hide the next
        self.search_after = last_start
        if records.offset in self.reported:  # met again after a search: reported already
            return
        self.reported.add(records.offset)
        if not (misframed or inside):  # a break between records counts as one
            self.n += 1
        yield Failure(f"{self.path}#{self.n}", "read", problem)


def _record_item(where: str, record: Any, max_bytes: int) -> RawDocument | Failure | None:
    """A response record as a document or a failure; None for records that hold no page.
    Raises _Unframed when the record's end is not where its Content-Length says."""
    length = record.rec_headers.get_header("Content-Length")
    number = where.rsplit("#", 1)[-1]
    if length is None or not length.strip().isdigit():
        raise _Unframed(
            f"WARC record {number} has no valid Content-Length header ({length!r}); its end is "
            "unknown, so the archive is searched for the next record"
        )
    item = _item(where, record, max_bytes)
    while record.raw_stream.read(SCAN):  # the rest of the record (or what a decoder left)
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        said = f"{item.reason}; and " if isinstance(item, Failure) else ""
        raise _Unframed(
            f"{said}WARC record {number} is cut short: the file ends {missing:,} bytes before "
            "its Content-Length says (a truncated file or a wrong length), so it is not used"
        )
    return item


def _item(where: str, record: Any, max_bytes: int) -> RawDocument | Failure | None:
    kind = record.rec_headers.get_header("WARC-Type")
    if kind is None:
        return Failure(where, "read", "WARC record has no WARC-Type header")
    if kind != "response":
        return None  # warcinfo, request, metadata, revisit...: no page
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url:
        return Failure(where, "read", "WARC response record has no WARC-Target-URI header (the page's URL)")
    try:
        return _response(where, url, record, max_bytes)
    except Exception as e:  # noqa: BLE001  (a broken HTTP block or content encoding spoils this record only)
        return Failure(where, "read", f"WARC record of {url} cannot be read: {_why(e)}")


def _response(where: str, url: str, record: Any, max_bytes: int) -> RawDocument | Failure:
    from warcio.statusandheaders import StatusAndHeadersParser  # noqa: PLC0415

    http = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False).parse(record.raw_stream)
    record.http_headers = http  # so that content_stream() undoes chunking and content encoding
    status = http.get_statuscode() or ""
    kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2"):
        return Failure(where, "read", f"WARC record of {url} is an HTTP {status or 'status-less'} answer")
    if kind not in HTML_TYPES:
        return Failure(where, "read", f"WARC record of {url} is {kind or 'of no content type'}, not HTML")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Failure(where, "read", f"WARC record of {url} is over the limit of {max_bytes:,} bytes")
    return RawDocument(
        origin=where,
        fmt="html",
        body=body.decode("utf-8", errors="replace"),
        url=url,
        published=record.rec_headers.get_header("WARC-Date"),
    )


def _next_start(fh: IO[bytes], start: int, marker: bytes) -> int | None:
    """The offset of the next thing that looks like a record start at or after `start`."""
    fh.seek(start)
    offset, tail = start, b""
    while chunk := fh.read(SCAN):
        found = (tail + chunk).find(marker)
        if found >= 0:
            at = offset - len(tail) + found
            return at + 1 if marker == WARC_LINE else at
        tail = chunk[-(len(marker) - 1) :]
        offset += len(chunk)
    return None


def _why(e: BaseException) -> str:
    text = " ".join(str(e).split())
    if "non-chunked gzip" in text:
        return (
            "the file is one gzip stream of many records, not one gzip member per record; "
            "fix it with: warcio recompress IN.warc.gz OUT.warc.gz"
        )
    if type(e).__name__ in ("error", "BadGzipFile", "EOFError") or "zlib" in type(e).__module__:
        return f"the compressed data is corrupt or cut short ({text or type(e).__name__})"
    return f"{text} ({type(e).__name__})" if text else type(e).__name__


__all__ = ["warc_documents"]
