"""Plain-text header and furniture rules, and HTML through trafilatura."""
from __future__ import annotations

from datetime import date

import pytest

from tidings.errors import DocumentError
from tidings.extract import extract
from tidings.records import RawDocument

BODY = ("The two delegations met in Accra on Tuesday to discuss fishing rights along the maritime border, "
        "officials said.\n\nThey agreed to meet again in May.")


def test_byline_and_title_and_furniture_are_removed():
    text = ("Ghana and Togo discuss fishing rights\n\nBY:Foreign Desk| October 8, 2024\n"
            "Ghana and Togo discuss fishing rights\n\n" + BODY +
            "\n\nImages: Desk / Outlet\n\nRelated Articles\n\nJoin our party today.\n\nJoin Now\n")
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.title == "Ghana and Togo discuss fishing rights"
    assert a.author == "Foreign Desk"
    assert a.published == date(2024, 10, 8)
    assert "Join" not in a.text and "Images:" not in a.text and "Related" not in a.text
    assert a.text.startswith("The two delegations")


def test_crawler_date_marker_and_caption():
    text = " date 2023-09-19 At the talks between the two delegations (Photo: AGENCY)\n\n" + BODY
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.published == date(2023, 9, 19)
    assert "Photo" not in a.text


def test_jammed_sentences_are_split():
    a = extract(RawDocument(origin="t.txt", fmt="text", body=BODY.replace("said.\n\nThey", "said.They")))
    assert "said. They" in a.text


def test_cta_pitch_paragraph_dropped_with_its_button():
    text = BODY + "\n\nFor a better world. Donate to our fund today.\n\nDonate Now\n"
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert "better world" not in a.text


def test_html_keeps_article_drops_navigation():
    html = ("<html><head><title>Talks | Outlet</title><meta property='og:site_name' content='Outlet'></head>"
            "<body><nav><a href='/'>Home</a> <a href='/s'>Subscribe</a></nav><article><h1>Talks</h1><p>"
            + BODY.replace("\n\n", "</p><p>") + "</p></article><footer>Donate now to support us</footer></body></html>")
    a = extract(RawDocument(origin="p.html", fmt="html", body=html))
    assert "Accra" in a.text and "Subscribe" not in a.text and "Donate" not in a.text
    assert a.outlet == "Outlet"


def test_short_text_is_an_error():
    with pytest.raises(DocumentError, match="no article text"):
        extract(RawDocument(origin="t.txt", fmt="text", body="Join Now\n\nDonate Now"))
