"""Property-based tests (issue 16): arbitrary bytes, text and HTML, under every extension the
readers know, never raise out of `iter_documents`, the extractor or the batch function, and
every input yields documents or failures.

Bounded for CI by the Hypothesis profile `ci` (tests/conftest.py); run them longer with
`pytest tests/test_fuzz_readers.py --hypothesis-profile=long`.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_hostile_input import OfflineFetcher, warc_record
from tidings.ingest import EXTENSIONS, iter_documents
from tidings.pipeline import extract_article
from tidings.records import Article, Failure, RawDocument

SUFFIXES = sorted(EXTENSIONS) + [".warc", ".warc.gz", ".gz", ""]
MAX_BYTES = 200_000

TAGS = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "article",
    "main",
    "div",
    "p",
    "span",
    "a",
    "h1",
    "h2",
    "b",
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "br",
    "img",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "form",
    "select",
    "option",
    "rss",
    "channel",
    "item",
    "description",
    "urlset",
    "loc",
    "feed",
    "entry",
    "content",
]
ODD = [
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "<!-- c -->",
    "<!--",
    "<![CDATA[x]]>",
    "<!DOCTYPE html>",
    "<?xml version='1.0'?>",
    "</p>",
    "<",
    ">",
    "&",
    "\x00",
    "\ufeff",
    "\u2028",
    "http://example.invalid/a",
]
WORDS = st.sampled_from(
    [
        "Kenya",
        "Tanzania",
        "met",
        "the",
        "president",
        "in",
        "Dodoma",
        "on",
        "Monday",
        "said",
        "protesters",
        "police",
        "agreed",
        "to",
        "talks",
        ".",
        ",",
        "\n",
        "\n\n",
        "By",
        "Reuters",
    ]
)

words = st.lists(WORDS, max_size=60).map(" ".join)
text_leaf = st.one_of(st.text(max_size=80), words, st.sampled_from(ODD))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attribute = st.tuples(
        st.sampled_from(["class", "id", "href", "src", "lang", "onload", "x:y", "data-a"]),
        st.text(max_size=20),
    )

    def render(tag: str, attrs: list[tuple[str, str]], kids: list[str], closed: bool) -> str:
        opened = f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs) + ">"
        return opened + "".join(kids) + (f"</{tag}>" if closed else "")

    return st.builds(
        render,
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=4),
        st.booleans(),
    )


html_fragments = st.one_of(
    st.recursive(text_leaf, _element, max_leaves=40),
    st.integers(1, 3000).map(
        lambda n: "<div>" * n + "Kenya and Tanzania met." + "</div>" * n
    ),  # deep nesting
    st.lists(
        st.sampled_from(["<script>var a = 1;</script>", "<style>p {}</style>", "<noscript>x</noscript>"]),
        min_size=1,
        max_size=20,
    ).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>"),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=20,
)
jsonl_records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "url": json_values,
        "outlet": json_values,
        "published": json_values,
        "title": json_values,
        "text": st.one_of(words, st.text(max_size=200), json_values),
        "html": st.one_of(html_fragments, json_values),
    },
)


def read_one(name: str, data: bytes) -> list[RawDocument | Failure]:
    """The items of one file of that name and content, read offline."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(iter_documents([str(path)], MAX_BYTES, OfflineFetcher()))
    assert_accounted(items)
    return items


def assert_accounted(items: list) -> None:
    assert items, "an input gave neither documents nor failures"
    for item in items:
        assert isinstance(item, (RawDocument, Failure)), item
        strings = [item.origin, item.source_id]
        strings += (
            [item.body, item.url, item.title, item.outlet, item.published]
            if isinstance(item, RawDocument)
            else [item.reason]
        )
        for s in strings:
            if s is not None:
                assert "\x00" not in s
                s.encode("utf-8")  # no lone surrogates: every store can take it
        if isinstance(item, RawDocument):
            assert item.key
        else:
            assert item.reason.strip()


@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_under_every_extension(data, suffix):
    read_one(f"input{suffix}", data)


@given(text=st.text(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_text_under_every_extension(text, suffix):
    read_one(f"input{suffix}", text.encode("utf-8", "surrogatepass"))


@given(fragment=html_fragments, suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_html_under_every_extension(fragment, suffix):
    read_one(f"page{suffix}", fragment.encode("utf-8", "surrogatepass"))


@given(
    records=st.lists(
        st.one_of(jsonl_records.map(lambda r: json.dumps(r, ensure_ascii=False)), st.text(max_size=60)),
        min_size=1,
        max_size=12,
    )
)
def test_jsonl_gives_one_item_per_line(records):
    lines = [line for line in records if line.strip() and not any(c in line for c in "\n\r\x00\ufeff")]
    if not lines:
        return
    items = read_one("dump.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    assert len(items) == len(lines)


@st.composite
def warc_archives(draw: st.DrawFn) -> bytes:
    """Records well made and broken (headers left out, lengths wrong, bodies of anything, junk
    between them), plain or one gzip member each, possibly cut short."""
    records = []
    for i in range(draw(st.integers(0, 4))):
        body = draw(st.one_of(html_fragments, st.text(max_size=200)))
        record = warc_record(
            draw(st.sampled_from([f"https://news.example/{i}", None, "dns:x", "<bad uri>"])),
            body.encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
            extra=draw(st.sampled_from([0, 0, 0, -5, 7, 10_000])),
            kind=draw(st.sampled_from(["response", "response", "request", "warcinfo", None])),
            length=draw(st.booleans()) or draw(st.booleans()),
            http=draw(
                st.sampled_from(
                    [
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                        b"HTTP/1.1 404 Not Found\r\n\r\n",
                        b"",
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n",
                        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
                    ]
                )
            ),
        )
        records.append(record)
        if draw(st.booleans()) and draw(st.booleans()):
            records.append(draw(st.binary(max_size=40)))
    gz = draw(st.booleans())
    data = b"".join(gzip.compress(r) if gz else r for r in records)
    cut = draw(st.integers(0, len(data)))
    return data[:cut] if draw(st.booleans()) else data


@given(archive=warc_archives(), suffix=st.sampled_from([".warc", ".warc.gz"]))
def test_arbitrary_warc_archives(archive, suffix):
    read_one(f"crawl{suffix}", archive)


@given(data=st.binary(max_size=2048) | st.text(max_size=500).map(str.encode))
def test_arbitrary_stdin(data):
    with mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(data))):
        assert_accounted(list(iter_documents(["-"], MAX_BYTES, OfflineFetcher())))


@given(
    files=st.lists(
        st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=512) | html_fragments.map(str.encode)),
        min_size=1,
        max_size=6,
    )
)
def test_a_folder_of_anything_accounts_for_every_file(files):
    with tempfile.TemporaryDirectory() as folder:
        names = [f"f{i}{suffix}" for i, (suffix, _) in enumerate(files)]
        for name, (_, data) in zip(names, files, strict=True):
            Path(folder, name).write_bytes(data)
        items = list(iter_documents([folder], MAX_BYTES, OfflineFetcher()))
    assert_accounted(items)
    assert len(items) >= len(names)  # URLs listed in a file are failures of their own (offline here)
    assert all(i.origin.startswith((folder, "http://", "https://")) for i in items)


@given(body=st.one_of(html_fragments, st.text(max_size=2000), words), fmt=st.sampled_from(["html", "text"]))
def test_the_extractor_gives_an_article_or_a_failure(body, fmt):
    raw = RawDocument(origin="fuzz", fmt=fmt, body=body)
    got = extract_article(raw, 80)
    assert isinstance(got, (Article, Failure))


@pytest.mark.model
@settings(
    max_examples=max(10, settings.default.max_examples // 4), suppress_health_check=[HealthCheck.too_slow]
)
@given(
    bodies=st.lists(
        st.tuples(st.sampled_from(["html", "text"]), st.one_of(html_fragments, words, st.text(max_size=500))),
        min_size=1,
        max_size=4,
    )
)
def test_the_batch_function_gives_one_result_per_document(pipeline, bodies):
    batch = [RawDocument(origin=f"fuzz-{i}", fmt=fmt, body=body) for i, (fmt, body) in enumerate(bodies)]
    results = pipeline.process(batch)
    assert len(results) == len(batch)
    assert all((r.article is not None) or (r.failure is not None) for r in results)
