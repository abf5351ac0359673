"""Plain-text header and furniture rules, and HTML through trafilatura."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.errors import DocumentError
from tidings.extract import extract
from tidings.records import RawDocument

BODY = (
    "The two delegations met in Accra on Tuesday to discuss fishing rights along the maritime border, "
    "officials said.\n\nThey agreed to meet again in May."
)


def test_byline_and_title_and_furniture_are_removed():
    text = (
        "Ghana and Togo discuss fishing rights\n\nBY:Foreign Desk| October 8, 2024\n"
        "Ghana and Togo discuss fishing rights\n\n"
        + BODY
        + "\n\nImages: Desk / Outlet\n\nRelated Articles\n\nJoin our party today.\n\nJoin Now\n"
    )
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.title == "Ghana and Togo discuss fishing rights"
    assert a.author == "Foreign Desk"
    assert a.published == date(2024, 10, 8)
    assert "Join" not in a.text and "Images:" not in a.text and "Related" not in a.text
    # the headline heads the text once, as on the page (the reader knows it as the headline)
    assert a.text.startswith("Ghana and Togo discuss fishing rights\n\nThe two delegations")


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
    html = (
        "<html><head><title>Talks | Outlet</title><meta property='og:site_name' content='Outlet'></head>"
        "<body><nav><a href='/'>Home</a> <a href='/s'>Subscribe</a></nav><article><h1>Talks</h1><p>"
        + BODY.replace("\n\n", "</p><p>")
        + "</p></article><footer>Donate now to support us</footer></body></html>"
    )
    a = extract(RawDocument(origin="p.html", fmt="html", body=html))
    assert "Accra" in a.text and "Subscribe" not in a.text and "Donate" not in a.text
    assert a.outlet == "Outlet"


def test_short_text_is_an_error():
    with pytest.raises(DocumentError, match="no article text"):
        extract(RawDocument(origin="t.txt", fmt="text", body="Join Now\n\nDonate Now"))


def test_one_word_per_line_page_is_re_joined():
    text = "\n".join(BODY.replace("\n\n", " ").split())
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.text == " ".join(BODY.split())


def test_hard_wrapped_page_is_re_joined_into_paragraphs():
    text = (
        "Ghana and Togo discuss fishing rights\n\n"
        "   The two delegations met in Accra on Tuesday to discuss fishing rights\n"
        "   along the maritime border, officials said. They agreed to meet again\n"
        "   in May.\n"
        "   Fishermen on both sides of the border welcomed the talks, which had\n"
        "   been postponed twice since January.\n"
    )
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    first = (
        "The two delegations met in Accra on Tuesday to discuss fishing rights along the maritime "
        "border, officials said. They agreed to meet again in May."
    )
    second = (
        "Fishermen on both sides of the border welcomed the talks, which had been postponed twice "
        "since January."
    )
    assert a.text.split("\n\n") == ["Ghana and Togo discuss fishing rights", first, second]


def test_duplicated_blocks_are_kept_once():
    caption = "Delegates arrive for the talks at the foreign ministry in Accra, Ghana."
    text = f"{caption[:30]}…\n\n{caption}\n\n{caption}\n\n" + BODY + "\n\n" + BODY
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.text.count("Delegates arrive") == 1 and a.text.count("maritime border") == 1
    assert "…" not in a.text


def test_menu_item_above_the_story_cuts_nothing():
    a = extract(RawDocument(origin="t.txt", fmt="text", body="Home\n\nMore\n\n" + BODY))
    assert a.text == BODY


def test_sentence_starting_with_by_is_not_a_byline():
    text = "By the end of the week the two delegations had agreed on fishing quotas.\n\n" + BODY
    a = extract(RawDocument(origin="t.txt", fmt="text", body=text))
    assert a.author is None and a.text.startswith("By the end of the week")
