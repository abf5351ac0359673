"""Web inputs (issue 6): pages, a URL list, an RSS feed, a sitemap and a WARC.gz, served from
127.0.0.1, with a 404, a timeout and a non-HTML answer each recorded as a failure."""

from __future__ import annotations

import gzip
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidings.fetch import Fetcher
from tidings.ingest import iter_documents
from tidings.records import Failure, RawDocument

PAGE = (
    "<html><head><title>{t}</title></head><body><nav>Home | Subscribe</nav><article><h1>{t}</h1>"
    "<p>Kenyan Foreign Minister Amina Wekesa met Ugandan President Yoweri Museveni in Kampala on Monday to "
    "discuss the oil pipeline, trade across the border and security in the region, officials said.</p>"
    "<p>{t} was written for the tests of tidings.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {
            "/a.html": ("text/html; charset=utf-8", PAGE.format(t="Page A")),
            "/b.html": ("text/html", PAGE.format(t="Page B")),
            "/c.html": ("text/html", PAGE.format(t="Page C")),
            "/logo.png": ("image/png", "\x89PNG not really"),
            "/feed.xml": (
                "application/rss+xml",
                f"""<?xml version="1.0"?><rss version="2.0"><channel>
                <title>Test Wire</title><item><title>B</title><link>{base}/b.html</link>
                <pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate><description>Short.</description></item>
                </channel></rss>""",
            ),
            "/sitemap.xml": (
                "application/xml",
                f"""<?xml version="1.0"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/c.html</loc></url>
                <url><loc>{base}/missing.html</loc></url></urlset>""",
            ),
        }
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path == "/flaky.html":
            self.server.flaky += 1
            if self.server.flaky < 2:
                self.send_response(503)
                self.end_headers()
                return
            self.path = "/a.html"
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.flaky = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, retries=1, backoff=0.05, host_interval=0.0)


def test_url_list_with_404_timeout_non_html_and_a_retry(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# test list\n{site}/a.html\n{site}/missing.html\n{site}/slow.html\n{site}/logo.png\n"
        f"{site}/flaky.html\nnot a url\n",
        encoding="utf-8",
    )
    got = list(iter_documents([str(urls)], 5_000_000, fetcher()))
    docs = [d for d in got if isinstance(d, RawDocument)]
    fails = {f.origin.rsplit("/", 1)[-1]: f.reason for f in got if isinstance(f, Failure)}
    assert [d.url for d in docs] == [f"{site}/a.html", f"{site}/flaky.html"]  # the flaky page, on its retry
    assert "HTTP 404" in fails["missing.html"]
    assert "timed out" in fails["slow.html"] and "2 attempts" in fails["slow.html"]
    assert "image/png is not HTML" in fails["logo.png"]
    assert any("not a URL" in r for r in fails.values())


def test_feed_and_sitemap_urls_and_files(site, tmp_path):
    from_feed = list(iter_documents([f"{site}/feed.xml"], 5_000_000, fetcher()))
    [b] = [d for d in from_feed if isinstance(d, RawDocument)]
    assert b.url.endswith("/b.html") and b.outlet == "Test Wire" and b.published and "Page B" in b.body
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(Handler_sitemap(site), encoding="utf-8")
    for source in (f"{site}/sitemap.xml", str(sitemap)):
        got = list(iter_documents([source], 5_000_000, fetcher()))
        assert [d.url for d in got if isinstance(d, RawDocument)] == [f"{site}/c.html"]
        assert [f.reason for f in got if isinstance(f, Failure)] == ["HTTP 404 Not Found"]


def Handler_sitemap(site: str) -> str:  # noqa: N802
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site}/c.html</loc></url><url><loc>{site}/missing.html</loc></url></urlset>"
    )


def test_warc_gz_gives_html_records_with_url_and_date(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, kind, body in (
            ("https://news.example/a", "text/html; charset=utf-8", PAGE.format(t="Archived")),
            ("https://news.example/logo.png", "image/png", "png"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-03-04T10:00:00Z"},
            )
            writer.write_record(record)
    got = list(iter_documents([str(path)], 5_000_000, fetcher()))
    [doc] = [d for d in got if isinstance(d, RawDocument)]
    assert (
        doc.url == "https://news.example/a"
        and doc.published.startswith("2025-03-04")
        and "Archived" in doc.body
    )
    [fail] = [f for f in got if isinstance(f, Failure)]
    assert "image/png" in fail.reason and "logo.png" in fail.reason
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"this is not a WARC"))
    [f] = list(iter_documents([str(broken)], 5_000_000, fetcher()))
    assert isinstance(f, Failure) and "WARC" in f.reason


@pytest.mark.model
def test_ingest_from_the_local_server_records_every_failure(site, tmp_path, pipeline):
    import tidings
    from tidings.store import Store

    db = str(tmp_path / "web.db")
    opts = tidings.resolve_options(db=db, fetch_timeout=0.5, fetch_retries=0, host_interval=0.0)
    summary = tidings.ingest(
        [f"{site}/a.html", f"{site}/missing.html", f"{site}/logo.png", f"{site}/slow.html"],
        options=opts,
        pipeline=pipeline,
    )
    assert summary.ingested == 1 and len(summary.failed) == 3
    stored = {f["origin"].rsplit("/", 1)[-1]: f for f in Store(db).list_failures()}
    assert set(stored) == {"missing.html", "logo.png", "slow.html"} and all(
        f["stage"] == "fetch" for f in stored.values()
    )
    [event] = Store(db).query_events(type="CONSULT")
    assert event["reports"][0]["url"] == f"{site}/a.html"
