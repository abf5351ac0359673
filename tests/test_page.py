"""The article-structure stage on invented pages: datelines, headline, byline, lead, captions,
credits and furniture, re-joined lines, duplicated blocks, the base date and credited agencies."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tidings.page import Page, read_page

PUBLISHED = date(2024, 3, 5)
LEAD = "Peru's foreign minister met his Chilean counterpart on Tuesday to discuss the maritime border."
BODY = "The two ministers agreed to meet again in April, officials said after the talks."


def labelled(page: Page) -> list[tuple[str, str]]:
    return [(p.kind, page.text[p.start : p.end]) for p in page.parts]


def kind_of(page: Page, snippet: str) -> str:
    return page.kind_at(page.text.index(snippet))


# datelines -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dateline", "place", "day", "agency"),
    [
        ("NAIROBI:", "Nairobi", None, None),
        ("LIMA, March 3 (Reuters) --", "Lima", date(2024, 3, 3), "Reuters"),
        ("ACCRA, Ghana, Feb 9 (GNA)", "Accra, Ghana", date(2024, 2, 9), "GNA"),
        ("BEIJING/TOKYO -", "Beijing/Tokyo", None, None),
        ("ĐÀ NẴNG —", "Đà Nẵng", None, None),
        ("Hanoi (VNA) –", "Hanoi", None, "VNA"),
        ("WASHINGTON, D.C. -", "Washington, D.C.", None, None),
        ("UNITED NATIONS, March 1 (IPS) -", "United Nations", date(2024, 3, 1), "IPS"),
        ("Kathmandu, 3 March 2023 –", "Kathmandu", date(2023, 3, 3), None),
        ("KYIV, Ukraine (AP) —", "Kyiv, Ukraine", None, "AP"),
        ("(Reuters) -", None, None, "Reuters"),
    ],
)
def test_dateline_shapes(dateline: str, place: str | None, day: date | None, agency: str | None) -> None:
    text = f"Peru and Chile hold border talks\n\n{dateline} {LEAD}\n\n{BODY}"
    page = read_page(text, "Peru and Chile hold border talks", PUBLISHED)
    assert page.dateline is not None
    assert (page.dateline.place, page.dateline.date, page.dateline.agency) == (place, day, agency)
    assert text[page.dateline.start : page.dateline.end] == dateline  # the dateline, not its sentence
    assert page.lead is not None and text[page.lead.start : page.lead.end] == LEAD
    assert not page.codable(page.dateline.start, page.dateline.end)
    assert page.codable(page.dateline.start, page.lead.end)  # a sentence that starts in the dateline


@pytest.mark.parametrize(
    "opening",
    [
        "FOREIGN MINISTER PETROV: Thank you, colleagues, it is our pleasure to welcome you here today.",
        "BREAKING: The two ministers met on Tuesday to discuss the maritime border in the capital.",
        "U.S. officials said Monday that they would impose new sanctions on the government.",
        "Foreign Minister Ivan Petrov – who arrived on Monday – met the visiting delegation in the capital.",
    ],
)
def test_openings_that_are_not_datelines(opening: str) -> None:
    page = read_page(f"{opening}\n\n{BODY}", None, PUBLISHED)
    assert page.dateline is None
    assert page.lead is not None and page.text[page.lead.start : page.lead.end] == opening


def test_transcript_speaker_labels_are_not_datelines() -> None:
    text = (
        "PETROV: Welcome to our capital, and thank you for coming so far to see us.\n\n"
        "SMITH: Thank you for the warm welcome and for the hospitality of your people."
    )
    assert read_page(text, None, PUBLISHED).dateline is None


def test_dateline_paragraph_with_credit_and_date() -> None:
    text = f"Springfield, D.C–(WIRE)–February 22, 2011.\n\n{LEAD}"
    page = read_page(text, None, PUBLISHED)
    assert page.dateline is not None
    assert (page.dateline.place, page.dateline.date, page.dateline.agency) == (
        "Springfield, D.C",
        date(2011, 2, 22),
        "WIRE",
    )
    assert kind_of(page, "Springfield") == "dateline" and kind_of(page, "Peru's") == "lead"


def test_date_line_with_place_after_the_date() -> None:
    text = f"Meeting with the Foreign Minister of Chile\n\nMarch 4, 2024, Government House, Lima\n\n{LEAD}"
    page = read_page(text, None, PUBLISHED)
    assert page.dateline is not None
    assert (page.dateline.place, page.dateline.date) == ("Government House, Lima", date(2024, 3, 4))


def test_place_line_above_a_date_line() -> None:
    text = f"Remarks to the press\n\nJane Doe\n\nLima, Peru\n\nMarch 4, 2024\n\n{LEAD}"
    page = read_page(text, None, PUBLISHED)
    assert page.dateline is not None
    assert (page.dateline.place, page.dateline.date) == ("Lima, Peru", date(2024, 3, 4))
    assert kind_of(page, "Lima, Peru") == "dateline" and kind_of(page, "Jane Doe") == "furniture"


def test_place_only_dateline_takes_the_date_line_above() -> None:
    text = f"Friday, March 1, 2024\n\nLIMA — {LEAD}"
    page = read_page(text, None, PUBLISHED)
    assert page.dateline is not None
    assert (page.dateline.place, page.dateline.date) == ("Lima", date(2024, 3, 1))


def test_heading_with_an_acronym_is_not_a_dateline() -> None:
    page = read_page(f"Office of Foreign Affairs (OFA)\n\n{LEAD}", None, PUBLISHED)
    assert page.dateline is None


# base date -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("opening", "published", "base"),
    [
        ("LIMA, March 3 (Reuters) -", date(2024, 3, 5), date(2024, 3, 3)),  # the dispatch date
        ("", date(2024, 3, 5), date(2024, 3, 5)),  # no dateline: the publication date
        ("LIMA, Dec 30 (Reuters) -", date(2025, 1, 2), date(2024, 12, 30)),  # across the new year
        (
            "LIMA, March 3, 2022 (Reuters) -",
            date(2024, 3, 5),
            date(2024, 3, 5),
        ),  # a site clock, not a dispatch
        ("LIMA, March 9, 2024 (Reuters) -", date(2024, 3, 5), date(2024, 3, 5)),  # after publication
        ("LIMA, March 3, 2024 (Reuters) -", None, date(2024, 3, 3)),
    ],
)
def test_base_date(opening: str, published: date | None, base: date) -> None:
    page = read_page(f"{opening} {LEAD}".strip(), None, published)
    assert page.base_date(published) == base


def test_yearless_dateline_without_publication_date_has_no_date() -> None:
    page = read_page(f"LIMA, March 3 (Reuters) - {LEAD}")
    assert page.dateline is not None and page.dateline.date is None
    assert page.base_date(date(2024, 3, 5)) == date(2024, 3, 5)


def test_numeric_date_line_reads_the_way_nearest_publication() -> None:
    page = read_page(f"03/02/2024 10:15 AM EST\n\n{LEAD}", None, date(2024, 3, 5))
    assert page.dateline is not None and page.dateline.date == date(2024, 3, 2)


# headline, byline, lead ------------------------------------------------------------------
def test_headline_is_the_line_like_the_title() -> None:
    text = f"Site News\n\nPeru and Chile hold border talks\n\nBy Jane Doe\n\n{LEAD}\n\n{BODY}"
    page = read_page(text, "Peru and Chile hold border talks | Example Outlet", PUBLISHED)
    assert labelled(page) == [
        ("furniture", "Site News"),
        ("headline", "Peru and Chile hold border talks"),
        ("byline", "By Jane Doe"),
        ("lead", LEAD),
        ("body", BODY),
    ]
    assert page.headline is not None and page.lead is not None
    assert page.codable(page.headline.start, page.headline.end)


def test_headline_without_title_is_the_heading_above_the_lead_that_shares_its_words() -> None:
    text = (
        "World News\n\nPeru, Chile Ministers Meet on Maritime Border\n\n"
        "Flood Waters Rise in the South\n\n" + LEAD
    )  # a teaser of another story sits between
    page = read_page(text, None, PUBLISHED)
    assert kind_of(page, "Peru, Chile Ministers") == "headline"
    assert kind_of(page, "Flood Waters") == "furniture" and kind_of(page, "World News") == "furniture"


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "BY: Foreign Desk | March 4, 2024",
        "- By Jane Doe and John Roe",
        "Jane Doe, Staff Writer",
        "By Jane Doe, Reuters",
        "Posted by Jane Doe on March 4, 2024 at 5:00 pm",
    ],
)
def test_bylines(byline: str) -> None:
    page = read_page(f"{byline}\n\n{LEAD}", None, PUBLISHED)
    assert labelled(page)[0] == ("byline", byline)


def test_by_in_a_sentence_is_not_a_byline() -> None:
    text = "By the end of the day, the two ministers had agreed to meet again in April."
    assert labelled(read_page(text, None, PUBLISHED)) == [("lead", text)]


def test_lead_is_the_first_body_paragraph_after_site_notices() -> None:
    text = (
        "This page is archived and is no longer updated; some links may not work.\n\n"
        "You are viewing the archive of the ministry's old website, kept for reference.\n\n"
        "The following was released by the ministry's press office:\n\n" + LEAD + "\n\n" + BODY
    )
    page = read_page(text, None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["furniture", "furniture", "furniture", "lead", "body"]


def test_a_slogan_before_a_dateline_paragraph_is_not_the_lead() -> None:
    text = "Your trusted source for news from the region!\n\nLIMA, March 4 (AGENCY) - " + LEAD
    page = read_page(text, None, PUBLISHED)
    assert page.lead is not None and text[page.lead.start : page.lead.end] == LEAD


def test_a_long_intro_ending_in_a_colon_is_the_lead() -> None:
    intro = (
        "Following a meeting with the President of Chile on March 4 and in light of the close ties "
        "of the two countries, the Foreign Minister announces the following:"
    )
    item = "Trade: The two governments agreed to hold a dialogue in May."
    page = read_page(f"{intro}\n\n{item}", None, PUBLISHED)
    assert labelled(page)[0] == ("lead", intro)


def test_page_without_a_story_hides_nothing() -> None:
    page = read_page("Peru Chile Talks\n\nBorder Dispute", None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["body", "body"]


# captions, credits, furniture --------------------------------------------------------------
@pytest.mark.parametrize(
    "caption",
    [
        "FILE - Delegates arrive for talks at the foreign ministry in Lima, Peru.",
        "Delegates arrive for talks at the foreign ministry in Lima, Peru, March 4, 2024.",
        "Delegates arrive for talks at the foreign ministry in Lima, Peru, Monday, March 4, 2024.",
        "Police detain a protester outside the foreign ministry in Lima, Peru, on March 4, 2024.",
        "A foreign minister speaks to reporters. (File)",
        "Riot police guard the ministry in the capital. (Photo agency via AP)",
        "Delegates at the ministry (Outlet/© Jane Doe/Getty Images)",
        "The two ministers shake hands. (Photo: AGENCY)",
        "From left: the foreign minister, the envoy and the interior minister.",
        "Three members of the fishing cooperative. Photo used with permission.",
        "• Fishing boats moored in the port of Callao, Peru, March 3, 2024.",
    ],
)
def test_captions_are_not_codable(caption: str) -> None:
    page = read_page(f"{LEAD}\n\n{caption}\n\n{BODY}", None, PUBLISHED)
    assert kind_of(page, caption) == "caption"
    start = page.text.index(caption)
    assert not page.codable(start, start + len(caption))
    assert kind_of(page, BODY) == "body"


@pytest.mark.parametrize(
    "credit",
    [
        "Source: AGENCY",
        "Photo: Jane Doe",
        "— Xinhua",
        "Additional reporting was provided by Reuters.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Copyright 2024 Example Outlet. All rights reserved.",
        "Jane Doe in Santiago contributed to this report.",
        "This article was originally published by Example Outlet.",
        "This photograph is in the public domain.",
    ],
)
def test_credits_are_not_codable(credit: str) -> None:
    page = read_page(f"{LEAD}\n\n{BODY}\n\n{credit}", None, PUBLISHED)
    assert kind_of(page, credit) == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Read more: Chile recalls its envoy",
        "Categories: Americas, Politics",
        "0:00 1:23",
        "Listen to the story",
        "Leave a comment",
        "Click here to download the photo",
        "* * *",
    ],
)
def test_furniture_lines(line: str) -> None:
    page = read_page(f"{LEAD}\n\n{line}\n\n{BODY}", None, PUBLISHED)
    assert kind_of(page, line) == "furniture"


def test_related_tail_and_teasers_are_furniture() -> None:
    teaser = "Chile recalled its ambassador from Lima on Friday after a dispute over fishing rights."
    text = f"{LEAD}\n\n{BODY}\n\nRelated Stories\n\nChile Recalls Envoy\n\n{teaser}"
    page = read_page(text, None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["lead", "body", "furniture", "furniture", "furniture"]
    start = text.index(teaser)
    assert not page.codable(start, start + len(teaser))


def test_subheads_and_menus_are_furniture() -> None:
    text = f"1. Home\n\n2. World\n\n3. Politics\n\n{LEAD}\n\nBorder Dispute Deepens\n\n{BODY}"
    page = read_page(text, None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["furniture"] * 3 + ["lead", "furniture", "body"]


def test_headlines_of_further_items_are_coded() -> None:
    text = (
        f"March 4, 2024\n\n{LEAD}\n\n{BODY}\n\nChile Marks Navy Day\n\nMarch 5, 2024\n\n"
        "The minister sent greetings to the navy on its anniversary.\n\n"
        "Minister Meets Bolivian Envoy in La Pa"
    )
    page = read_page(text, None, PUBLISHED)
    assert kind_of(page, "Chile Marks") == "headline" and kind_of(page, "Minister Meets") == "headline"
    assert kind_of(page, "March 5") == "furniture" and kind_of(page, "The minister sent") == "body"
    assert page.headline is None  # the story's own headline is above its lead


def test_repeated_date_under_the_story_is_furniture() -> None:
    page = read_page(f"March 4, 2024\n\n{LEAD}\n\n{BODY}\n\nMarch 4, 2024", None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["dateline", "lead", "body", "furniture"]


# duplicated blocks and re-joined lines -----------------------------------------------------
def test_duplicated_caption_is_one_caption_and_a_copy() -> None:
    caption = "Delegates arrive for talks at the foreign ministry in the capital of the country."
    text = f"{caption[:40]}…\n\n{caption}\n\n{LEAD}\n\n{BODY}\n\n{BODY}"
    page = read_page(text, None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["furniture", "caption", "lead", "body", "furniture"]


def test_one_word_per_line_is_one_paragraph() -> None:
    words = LEAD.split()
    for sep in ("\n", "\n\n"):
        text = (
            sep.join(words) + "\n\n\n" + sep.join(BODY.split())
            if sep == "\n\n"
            else sep.join(words) + "\n\n" + sep.join(BODY.split())
        )
        page = read_page(text, None, PUBLISHED)
        assert [k for k, _ in labelled(page)] == ["lead", "body"], sep
        assert " ".join(page.text[page.lead.start : page.lead.end].split()) == LEAD


def test_a_menu_of_one_word_lines_stays_apart() -> None:
    text = "Home\nWorld\nPolitics\nBusiness\nSport\nCulture\nOpinion\n\n" + LEAD
    assert [k for k, _ in labelled(read_page(text, None, PUBLISHED))] == ["furniture"] * 7 + ["lead"]


def test_hard_wrapped_text_is_re_joined() -> None:
    wrapped = (
        "   Peru's foreign minister met his Chilean counterpart on Tuesday to\n"
        "   discuss the maritime border, officials in both capitals said. The\n"
        "   two ministers agreed to meet again in April in Santiago.\n"
        "   Fishing groups on both sides of the border welcomed the meeting.\n"
    )
    page = read_page(wrapped, None, PUBLISHED)
    assert [k for k, _ in labelled(page)] == ["lead", "body"]


def test_paragraph_per_line_text_is_not_taken_for_wrapped() -> None:
    lines = [
        "Peru's foreign minister met his Chilean counterpart on Tuesday in the capital city.",
        "The two ministers discussed the maritime border and the fishing rights of both sides.",
        "They agreed to meet again in April and to set up a joint commission on fisheries soon.",
        "Fishing groups on both sides of the border welcomed the meeting and its first results.",
    ]
    page = read_page("\n".join(lines), None, PUBLISHED)
    assert [page.text[p.start : p.end] for p in page.parts] == lines


# agencies ----------------------------------------------------------------------------------
def test_agencies_credited_on_the_page() -> None:
    text = (
        "LIMA, March 4 (Reuters) - " + LEAD + "\n\nThe minister told AFP the talks went well.\n\n"
        "The ruling party (PTI) did not comment on the talks, according to Yonhap.\n\n"
        "Delegates at the ministry in Lima, Peru, March 4, 2024. (AP Photo/Jane Doe)\n\n"
        "— Xinhua\n\nSource: VNA"
    )
    found = read_page(text, None, PUBLISHED).agencies
    assert {"Reuters", "AFP", "Yonhap", "AP", "Associated Press", "Xinhua", "VNA"} <= found
    assert "PTI" not in found  # a party's initials in brackets are no credit


def test_agency_desk_byline_is_credited() -> None:
    page = read_page(f"By Example News\n\n{LEAD}", None, PUBLISHED)
    assert "Example News" in page.agencies


# the Page API --------------------------------------------------------------------------------
def test_parts_cover_paragraphs_in_order_and_kind_at_defaults_to_body() -> None:
    text = f"\n\nPeru and Chile hold border talks\n\nLIMA, March 4 (Reuters) - {LEAD}\n\n\n{BODY}\n"
    page = read_page(text, "Peru and Chile hold border talks", PUBLISHED)
    ends = [0] + [p.end for p in page.parts]
    assert all(p.start >= e and p.start < p.end for p, e in zip(page.parts, ends, strict=False))
    assert page.kind_at(0) == "body" and page.kind_at(len(text) - 1) == "body"
    assert page.codable(0, 1)
    assert page.headline is not None and page.lead is not None


def test_pathological_text_reads_quickly() -> None:
    texts = [
        "a" * 200_000,
        ". " * 100_000,
        "(" * 50_000 + ")" * 50_000,
        "WORD " * 40_000,
        "\n".join(["x"] * 50_000),
        ("Photo credit pictured " * 30 + "\n\n") * 300,
    ]
    start = time.perf_counter()
    for text in texts:
        read_page(text, "A title", PUBLISHED)
    assert time.perf_counter() - start < 10


def test_an_undated_page_takes_its_year_from_the_headline_or_title():
    headline = "Travel to Oslo and Bergen, June 3-5, 2017"
    page = read_page(f"{headline}\n\nThe Secretary met the King.", headline, None)
    assert page.headline is not None and page.year() == 2017
    untitled = read_page("The Secretary met the King on June 4.", "Trip to Oslo, June 2017", None)
    assert untitled.year() == 2017


def test_a_dated_page_needs_no_year_from_its_headline():
    page = read_page("Travel to Oslo, June 3-5, 2017\n\nThe Secretary met the King.", None, date(2017, 6, 6))
    assert page.year() is None


def test_a_statement_names_its_signatory_in_the_headline_or_above_the_lead():
    headline = "Statement by President Ana Rojas on the Floods in the South"
    page = read_page(
        f"{headline}\n\nOn behalf of the people of Chile, I extend our condolences.", headline, None
    )
    assert page.signatory() == ("Ana Rojas", "President")
    signed = read_page(
        "Independence Day\n\nLuis Vega, Minister of Foreign Affairs\n\n"
        "On behalf of the Government of Peru, I extend warm congratulations to the people of Chile.",
        "Independence Day",
        None,
    )
    assert signed.signatory() == ("Luis Vega", "Minister of Foreign Affairs")
    block = read_page(
        "Independence Day\n\nPress Statement\n\nLuis R. Vega\n\nMinister of Foreign Affairs\n\n"
        "On behalf of the Government of Peru, I extend warm congratulations to the people of Chile.",
        "Independence Day",
        None,
    )
    assert block.signatory() == ("Luis R. Vega", "Minister of Foreign Affairs")  # a two-line block
    assert (
        read_page("Chile and Peru sign a trade pact\n\nThe two sides signed it.", None, None).signatory()
        is None
    )
