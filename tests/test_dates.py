"""Event dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

from tidings.dates import parse_published, resolve

PUB = date(2024, 10, 8)  # a Tuesday


def test_month_day_before_publication():
    assert resolve("September 22nd", PUB) == (date(2024, 9, 22), "day", "relative")


def test_weekdays_resolve_to_most_recent():
    assert resolve("Monday", PUB).date == date(2024, 10, 7)
    assert resolve("Tuesday", PUB).date == PUB
    assert resolve("last Tuesday", PUB).date == date(2024, 10, 1)


def test_precision():
    assert resolve("March 2023", PUB).precision == "month"
    assert resolve("2026", PUB).precision == "year"
    assert resolve("yesterday", PUB) == (date(2024, 10, 7), "day", "relative")


def test_vague_spans_give_no_date():
    for text in ("the 40 years", "decades", "earlier this year", "before May 20", "next week"):
        assert resolve(text, PUB).date is None, text


def test_no_publication_date_no_relative_date():
    assert resolve("Monday", None).date is None
    assert resolve("September 22, 2024", None).date == date(2024, 9, 22)


def test_parse_published_formats():
    assert parse_published("October 8, 2024") == PUB
    assert parse_published("Tue, 08 Oct 2024 10:00:00 GMT") == PUB
    assert parse_published("not a date at all") is None


def test_a_month_and_day_take_a_given_year_but_a_weekday_does_not():
    from tidings.dates import resolve_in_year

    assert resolve_in_year("May 12", 2015).date == date(2015, 5, 12)
    assert resolve_in_year("on Tuesday", 2015).date is None
    assert resolve_in_year("May 12, 2014", 2015).date is None  # has its own year: resolve() reads it
