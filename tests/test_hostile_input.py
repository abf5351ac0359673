"""Hostile input (issue 16): whatever breaks while reading one input becomes a failure with its
origin and a reason, and reading goes on with the next input or record."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from tidings.fetch import Fetcher
from tidings.ingest import iter_documents
from tidings.records import Failure, RawDocument

PAGE = (
    "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Kenyan Foreign Minister Amina "
    "Wekesa met Tanzanian President Halima Mrisho in Dodoma on Monday to discuss the border.</p>"
    "</article></body></html>"
)
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_SKIP = "runs as root, and root reads any file whatever its permissions; the simulated variant covers it"


class OfflineFetcher(Fetcher):
    """No network: every URL is a failure (the readers must not fetch in these tests)."""

    def get(self, url: str):  # noqa: ANN201
        return Failure(url, "fetch", "offline in tests")


def read(*sources: str | Path, max_bytes: int = 5_000_000) -> list[RawDocument | Failure]:
    return list(iter_documents([str(s) for s in sources], max_bytes, OfflineFetcher()))


def failures(items: list) -> dict[str, str]:
    return {f.origin.rsplit("/", 1)[-1]: f.reason for f in items if isinstance(f, Failure)}


HTTP_OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"


def warc_record(
    url: str | None,
    body: str = PAGE,
    *,
    extra: int = 0,
    kind: str | None = "response",
    length: bool = True,
    http: bytes = HTTP_OK,
) -> bytes:
    """One WARC record written by hand, so that it can be broken: `extra` bytes more declared
    than given (a short body), no WARC-Type, no URL or no Content-Length."""
    block = http + body.encode()
    head = b"WARC/1.0\r\n"
    head += f"WARC-Type: {kind}\r\n".encode() if kind else b""
    head += b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
    head += b"WARC-Date: 2025-03-04T10:00:00Z\r\n"
    head += f"WARC-Target-URI: {url}\r\n".encode() if url else b""
    head += f"Content-Length: {len(block) + extra}\r\n".encode() if length else b""
    return head + b"\r\n" + block + b"\r\n\r\n"


def warc_file(path: Path, records: list[bytes]) -> Path:
    """Records as a plain WARC, or one gzip member per record for .warc.gz."""
    gz = path.name.endswith(".gz")
    path.write_bytes(b"".join(gzip.compress(r) if gz else r for r in records))
    return path


# WARC -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_the_reported_warc_no_target_uri_and_a_short_body_is_one_failure(tmp_path, name):
    """The file of the report: one record without WARC-Target-URI and a body shorter than its
    Content-Length stopped `tidings ingest` with a traceback from warcio."""
    path = warc_file(tmp_path / name, [warc_record(None, extra=500)])
    [failure] = read(path)
    assert isinstance(failure, Failure) and failure.origin.endswith("#1")
    assert "WARC-Target-URI" in failure.reason


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
@pytest.mark.parametrize(
    "broken, says",
    [
        (warc_record(None, extra=500), "WARC-Target-URI"),
        (warc_record("https://news.example/2", extra=500), "Content-Length"),
        (warc_record("https://news.example/2", kind=None), "WARC-Type"),
        (warc_record("https://news.example/2", length=False), "Content-Length"),
        (warc_record("https://news.example/2", http=b"not http at all\r\n\r\n"), "HTTP"),
        (b"these bytes are\r\nno record at all\r\n\r\n", "first line"),
    ],
)
def test_a_broken_record_is_a_failure_and_the_next_record_is_read(tmp_path, name, broken, says):
    records = [warc_record("https://news.example/1"), broken, warc_record("https://news.example/3")]
    got = read(warc_file(tmp_path / name, records))
    assert [d.url for d in got if isinstance(d, RawDocument)] == [
        "https://news.example/1",
        "https://news.example/3",
    ]
    [reason] = failures(got).values()
    assert says in reason, reason


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    records = [warc_record(f"https://news.example/{i}", PAGE.format(t=f"Page {i}") * 20) for i in range(3)]
    whole = b"".join(gzip.compress(r) for r in records)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[:-40])
    got = read(path)
    assert [d.url for d in got if isinstance(d, RawDocument)] == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    [reason] = failures(got).values()
    assert "truncated" in reason or "cut short" in reason


def test_a_warc_of_no_pages_and_a_gzip_that_is_no_warc_are_reported(tmp_path):
    info = warc_file(tmp_path / "info.warc", [warc_record("https://news.example/", kind="warcinfo")])
    notwarc = tmp_path / "notwarc.warc.gz"
    notwarc.write_bytes(gzip.compress(b"this is not a WARC"))
    got = failures(read(info, notwarc))
    assert "no HTML pages" in got["info.warc"]
    assert any("WARC" in r or "record" in r for k, r in got.items() if k.startswith("notwarc"))


# files and folders --------------------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["a.txt", "a.html", "a.jsonl", "a.xml", "a.rss", "a.md", "a.warc", "a.warc.gz", "no-extension"]
)
def test_a_zero_length_file_is_one_failure(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    [failure] = read(path)
    assert isinstance(failure, Failure) and failure.origin == str(path) and "empty" in failure.reason


def test_a_broken_link_given_or_found_in_a_folder_is_a_failure(tmp_path):
    (tmp_path / "good.txt").write_text("Border talks\n\n" + "Kenya and Tanzania met. " * 10, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    got = read(tmp_path)
    assert [Path(d.origin).name for d in got if isinstance(d, RawDocument)] == ["good.txt"]
    assert "broken link" in failures(got)["gone.txt"]
    [alone] = read(tmp_path / "gone.txt")
    assert isinstance(alone, Failure) and "nowhere.txt" in alone.reason


def test_a_folder_loop_is_reported_and_every_file_read_once(tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "one.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    (root / "a" / "b" / "up").symlink_to(root / "a")  # a/b/up/b/up/... without end
    (root / "elsewhere").symlink_to(root / "a" / "b")  # a second way in, not a loop: read once, quietly
    got = read(root)
    assert [d.origin for d in got if isinstance(d, RawDocument)] == [str(root / "a" / "b" / "one.txt")]
    assert list(failures(got)) == ["up"] and "loop" in failures(got)["up"]


def test_an_unreadable_file_is_a_failure(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    real = Path.read_bytes

    def refuse(self):  # noqa: ANN001, ANN202  (what a file without read permission does)
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [failure] = read(tmp_path)
    assert failure.origin == str(locked) and "Permission denied" in failure.reason


@pytest.mark.skipif(AS_ROOT, reason=ROOT_SKIP)
def test_an_unreadable_file_and_folder_by_their_permissions(tmp_path):
    (tmp_path / "locked.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "inside.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    (tmp_path / "shut").chmod(0)
    try:
        got = failures(read(tmp_path))
    finally:
        (tmp_path / "shut").chmod(0o755)
    assert "Permission denied" in got["locked.txt"] and "cannot read folder" in got["shut"]


def test_an_unlistable_folder_is_a_failure(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "b.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    real = os.scandir

    def refuse(path="."):  # noqa: ANN001, ANN202  (what a folder without read permission does)
        if os.fspath(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    got = read(tmp_path)
    assert [Path(d.origin).name for d in got if isinstance(d, RawDocument)] == ["a.txt"]
    assert "cannot read folder: Permission denied" in failures(got)["shut"]


def test_a_gzip_that_is_no_warc_and_one_cut_short_say_so(tmp_path):
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(b'{"id": 1, "text": "Kenya and Tanzania met."}\n' * 50)[:-30])
    [failure] = read(dump)
    assert "gzip" in failure.reason and "decompress" in failure.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    [failure] = read(tmp_path / "pipe.txt")  # reading it would wait for a writer for ever
    assert "not a regular file" in failure.reason


def test_a_reader_that_raises_ends_its_input_only(tmp_path, monkeypatch):
    import importlib

    ingest = importlib.import_module("tidings.ingest")  # the package's `ingest` is the function

    def explode(origin, text):  # noqa: ANN001, ANN202
        yield RawDocument(origin=f"{origin}:1", fmt="text", body="first record")
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(ingest, "_jsonl_documents", explode)
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kenya and Tanzania met. " * 10, encoding="utf-8")
    got = read(tmp_path)
    assert [type(d).__name__ for d in got] == ["RawDocument", "Failure", "RawDocument"]
    assert "a bug in a reader" in got[1].reason and got[1].origin == str(tmp_path / "a.jsonl")


def test_an_input_that_gives_nothing_is_reported(tmp_path):
    (tmp_path / "blank.jsonl").write_bytes(b"\x1c\n\x1d\n")  # line breaks to Python, not blank bytes
    [failure] = read(tmp_path / "blank.jsonl")
    assert "no documents" in failure.reason


# records -------------------------------------------------------------------------------
def test_jsonl_lines_that_json_itself_cannot_take(tmp_path):
    odd_text = '{"text": "Kenya\\u0000 met\\ud800 Tanzania ' + "and agreed. " * 10 + '", "title": "A\\udc80"}'
    lines = ["[" * 100_000 + "]" * 100_000, '{"id": ' + "9" * 5000 + "}", odd_text]
    (tmp_path / "odd.jsonl").write_text("\n".join(lines), encoding="utf-8")
    got = read(tmp_path / "odd.jsonl")
    assert "nests too deeply" in got[0].reason and "JSON" in got[1].reason
    doc = got[2]
    assert isinstance(doc, RawDocument) and "\x00" not in doc.body
    doc.body.encode("utf-8"), doc.title.encode("utf-8"), doc.key  # noqa: B018  (no lone surrogates left)


def test_stdin_missing_or_over_the_limit(monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", None)
    [failure] = read("-")
    assert failure.origin == "<stdin>" and "no standard input" in failure.reason
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 200)))
    [failure] = read("-", max_bytes=100)
    assert "over the limit" in failure.reason
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"text": "hello"}).encode())))
    [doc] = read("-")
    assert doc.body == "hello"


def test_urls_that_cannot_be_fetched_and_a_sitemap_that_lists_itself(tmp_path):
    class SelfListing(Fetcher):
        def get(self, url):  # noqa: ANN001, ANN201
            if "[" in url:
                return super().get(url)
            body = f"<?xml version='1.0'?><urlset><url><loc>{url}</loc></url></urlset>".encode()
            return url, "application/xml", body, None

    urls = tmp_path / "urls.txt"
    urls.write_text("http://[not-a-host/\nhttps://news.example/sitemap.xml\n", encoding="utf-8")
    got = list(iter_documents([str(urls)], 5_000_000, SelfListing(host_interval=0, retries=0)))
    assert all(isinstance(f, Failure) for f in got) and len(got) == 2
    assert "not a URL" in got[0].reason or "cannot" in got[0].reason
    assert "nest" in got[1].reason


def test_an_extractor_that_raises_gives_a_failure(monkeypatch):
    import tidings.pipeline as pipeline

    def explode(raw, min_chars):  # noqa: ANN001, ANN202
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, "extract", explode)
    raw = RawDocument(origin="deep.html", fmt="html", body="<div>" * 10_000)
    failure = pipeline.extract_article(raw, 80)
    assert isinstance(failure, Failure) and failure.stage == "extract" and "RecursionError" in failure.reason


# the acceptance of issue 16: a folder of hostile files among good articles -----------------
GOOD_TEXT = (
    "Kenyan Foreign Minister Amina Wekesa met Tanzanian President Halima Mrisho in Dodoma on Monday. "
    "The two leaders agreed to reopen the border post within thirty days, officials said."
)


@pytest.mark.model
def test_a_hostile_folder_stores_every_good_article_and_lists_every_bad_one(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app
    from tidings.store import Store

    d = tmp_path / "batch"
    d.mkdir()
    good = {"good.txt", "good.html", "dump.jsonl:1", "crawl.warc.gz#1"}
    (d / "good.txt").write_text("Border talks\n\n" + GOOD_TEXT, encoding="utf-8")
    (d / "good.html").write_text(_page("Pipeline talks", "Kampala", "the oil pipeline"), encoding="utf-8")
    (d / "dump.jsonl").write_text(
        json.dumps({"id": "w-1", "text": GOOD_TEXT.replace("Monday", "Tuesday")})
        + "\n{not json\n"
        + "[" * 50_000
        + "\n",
        encoding="utf-8",
    )
    warc_file(
        d / "crawl.warc.gz", [warc_record("https://news.example/a", _page("Archived", "Arusha", "trade"))]
    )
    bad = {
        "reported.warc.gz#1",
        "cut.warc.gz#2",
        "empty.txt",
        "gone.txt",
        "up",
        "binary.txt",
        "nul.html",
        "huge.txt",
        "french.txt",
        "scripts.html",
        "nested.html",
        "broken.rss#1",
        "dump.jsonl.gz",
        "pipe.txt",
        "dump.jsonl:2",
        "dump.jsonl:3",
    }
    warc_file(d / "reported.warc.gz", [warc_record(None, extra=500)])
    whole = b"".join(
        gzip.compress(warc_record(f"https://news.example/{i}", PAGE.format(t=f"Cut {i}") * 40))
        for i in range(2)
    )
    (d / "cut.warc.gz").write_bytes(whole[:-30])
    (d / "empty.txt").write_bytes(b"")
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to(d)
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00data" * 20)
    (d / "nul.html").write_bytes(b"<html>\x00<body>" + b"\x00" * 100)
    (d / "huge.txt").write_text("word " * 400_000, encoding="utf-8")
    (d / "french.txt").write_text(
        "Le ministre des affaires étrangères a rencontré le président à Dodoma lundi "
        "pour discuter de la réouverture de la frontière entre les deux pays voisins.",
        encoding="utf-8",
    )
    (d / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>go()</script>"
        "<noscript>Enable JavaScript</noscript></body></html>",
        encoding="utf-8",
    )
    (d / "nested.html").write_text(
        "<html><body>" + "<div>" * 20_000 + "Hi." + "</div>" * 20_000 + "</body></html>", encoding="utf-8"
    )
    (d / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>Cut", encoding="utf-8")
    (d / "dump.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:-20])
    os.mkfifo(d / "pipe.txt")
    if not AS_ROOT:
        (d / "locked.txt").write_text(
            "Border talks\n\n" + GOOD_TEXT.replace("Monday", "Sunday"), encoding="utf-8"
        )
        (d / "locked.txt").chmod(0)
        bad.add("locked.txt")

    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(
        app, ["ingest", str(d), "--db", db, "--max-bytes", "1000000", "--workers", "1"]
    )
    assert result.exit_code == 1, result.output  # finished, with failures
    assert "Traceback" not in result.output

    listed = CliRunner().invoke(app, ["failures", "--db", db, "--format", "jsonl"])
    failed = {json.loads(x)["origin"].split("/")[-1] for x in listed.output.splitlines()}
    assert bad <= failed, bad - failed
    stored = {r["origin"].split("/")[-1] for r in _documents(Store(db))}
    assert stored == good, (stored, good)
    assert not stored & failed


def _page(title: str, place: str, topic: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | Subscribe</nav><article><h1>{title}</h1>"
        f"<p>Kenyan Foreign Minister Amina Wekesa met Ugandan President Yoweri Museveni in {place} on Monday "
        f"to discuss {topic}, trade across the border and security in the region, officials said.</p>"
        f"<p>The talks in {place} will resume next month, according to a statement.</p>"
        "</article></body></html>"
    )


def _documents(store) -> list[dict]:  # noqa: ANN001
    from sqlalchemy import select

    from tidings.store.schema import documents

    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(documents.c.origin))]
