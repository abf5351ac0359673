"""The web pages in a real headless Chromium (Debian's `chromium`, driven by Playwright):
the seeds loaded, home, the CPV-CPUSA dyad, an event's evidence, a search. Screenshots go
to test-artifacts/. `make test` installs chromium when it is missing."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.model
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def server(seeds_db):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not found: `make test` installs it (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make test` ([test] extra)")
    import uvicorn

    from tidings.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(create_app(seeds_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 860})  # a laptop screen
        yield tab
        browser.close()


def test_home_shows_the_corpus(server, page):
    page.goto(server + "/")
    assert page.get_by_role("heading", name="Corpus").is_visible()
    assert page.locator(".figure").first.is_visible()
    assert page.get_by_text("Busiest dyads").is_visible()
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)


def test_dyad_page_event_and_evidence(server, page):
    page.goto(server + "/dyad?a=CPV&b=CPUSA")
    assert page.get_by_role("heading", name="CPV \u2194 CPUSA").is_visible()
    assert page.locator("svg.timeline circle").count() >= 3
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 3
    assert page.locator("table.events a", has_text="To Lam").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "dyad-cpv-cpusa.png"), full_page=True)
    link = page.locator("table.events a", has_text="September 22nd")
    link.first.click()
    page.wait_for_url("**/event/**")
    evidence = page.locator("article.report .evidence").first
    assert evidence.is_visible() and "September 22nd" in evidence.inner_text()
    assert page.locator("article.report mark.trigger").first.is_visible()
    assert page.get_by_text("First report of this event").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)


def test_search_for_henry_winston(server, page):
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="search the corpus")
    box.fill("Henry Winston")
    box.press("Enter")
    page.wait_for_url("**/search?q=Henry+Winston")
    assert page.get_by_text("hit(s) for").is_visible()
    marks = page.locator("table mark")
    assert marks.count() >= 2 and marks.first.inner_text() in ("Henry", "Winston")
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
    page.locator("a", has_text="event").first.click()
    page.wait_for_url("**/event/**")
    assert "Henry Winston" in page.locator("article.report").first.inner_text()
