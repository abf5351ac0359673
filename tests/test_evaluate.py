"""The evaluation harness: reading the three gold formats and the fixed metric definitions.

Sentences and codes here are written for these tests; no gold data is copied.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from tidings.errors import InputError
from tidings.evaluate import Outcome, load_gold, parse_gold, score
from tidings.records import Actor, EventMention


def mention(
    etype: str,
    src: tuple[str, str | None] = ("KEN", "GOV"),
    tgt: tuple[str, str | None] | None = None,
    day: date | None = None,
    confidence: float = 0.8,
) -> EventMention:
    sources = (Actor("a", "A", country=src[0], sector=src[1]),)
    targets = (Actor("b", "B", country=tgt[0], sector=tgt[1]),) if tgt else ()
    return EventMention(
        etype,
        None,
        None,
        sources,
        targets,
        "An evidence sentence.",
        0,
        21,
        "met",
        date=day,
        confidence=confidence,
    )


def test_plover_gold_standard_record():
    r = parse_gold(
        {
            "id": "g1",
            "text": "Kenyan and Ugandan ministers met.",
            "date": "2000-01-01",
            "event": "DISAPPROVE",
            "event_current": "ACCUSE",
            "source": [{"text": "Kenyan", "code": "KEN", "sector": "GOV"}],
            "target": [
                {"text": "Ugandan", "code": "UGA", "sector": "***"},
                {"text": "Japan", "code": "JAP", "sector": "CVLalb"},
            ],
        }
    )
    assert r.types == {"ACCUSE"}  # the current name wins over the 0.5b1 one
    (e,) = r.events
    assert e.sources == {"KEN"} and e.targets == {"UGA", "JPN"}  # upstream typo fixed
    assert dict(e.sectors) == {"KEN": {"GOV"}, "JPN": {"CVL"}}  # "***" is unknown, not scored


def test_sentence_level_record_with_negative_items_alternatives_and_null_sectors():
    negative = parse_gold(
        {
            "id": "n1",
            "text": "The minister has long backed the plan.",
            "date": "2024-03-08",
            "event": None,
            "source": [],
            "target": [],
        }
    )
    assert negative.events == () and negative.accepted == set()
    r = parse_gold(
        {
            "id": "s1",
            "text": "Venezuela deployed troops to the border on Monday.",
            "date": "2024-03-08",
            "event": "MOBILIZE",
            "mode": "troops",
            "alt_events": ["THREATEN:military"],
            "event_date": "2024-03-04",
            "event_date_basis": "relative",
            "source": [
                {
                    "text": "Venezuela",
                    "name": "Venezuela",
                    "code": "VEN",
                    "sector": None,
                    "other_sectors": ["MIL"],
                }
            ],
            "target": [{"text": "UN envoys", "code": "UNO", "sector": "IGO"}],
        }
    )
    assert r.accepted == {"MOBILIZE", "THREATEN"}
    assert r.event_date == date(2024, 3, 4)
    (e,) = r.events
    assert e.targets == {"IGO"}  # UN bodies are IGO in PLOVER
    assert dict(e.sectors)["VEN"] == {"", "MIL"}  # no sector, or the alternative


def test_universalpetrarch_record_keeps_plover_events_only():
    r = parse_gold(
        {
            "id": "u1",
            "text": "Russia and Iran met.",
            "date": "2001-05-02",
            "events": [
                {"source": "RUSGOV", "target": "IRN", "plover": "CONSULT"},
                {"source": "RUS", "target": "IRN", "plover": "DROPPED"},
            ],
        }
    )
    assert [e.type for e in r.events] == ["CONSULT"]
    assert r.events[0].sources == {"RUS"}


def test_a_bad_line_names_its_number(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "x", "event": "AGREE"}) + "\n" + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        load_gold(path)
    path.write_text(json.dumps({"text": "x", "event": "NEGOTIATE"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="NEGOTIATE"):
        load_gold(path)


def test_metrics_follow_the_definitions():
    meet = parse_gold(
        {
            "id": "1",
            "text": "t",
            "event": "CONSULT",
            "event_date": "2024-03-04",
            "source": [{"code": "KEN", "sector": "GOV"}],
            "target": [{"code": "UGA", "sector": None}],
        }
    )
    alt = parse_gold(
        {
            "id": "2",
            "text": "t",
            "event": "CONSULT",
            "alt_events": ["AGREE"],
            "source": [{"code": "KEN", "sector": "GOV"}],
            "target": [],
        }
    )
    missed = parse_gold(
        {
            "id": "3",
            "text": "t",
            "event": "ASSAULT",
            "source": [{"code": "SDN", "sector": "REB"}],
            "target": [{"code": "SDN", "sector": "MIL"}],
        }
    )
    negative = parse_gold({"id": "4", "text": "t", "event": None})
    outcomes = [
        # the highest-confidence event decides the record's type
        Outcome(
            meet,
            [
                mention("ACCUSE", confidence=0.3),
                mention("CONSULT", tgt=("UGA", None), day=date(2024, 3, 4), confidence=0.9),
            ],
        ),
        Outcome(alt, [mention("AGREE")]),  # an accepted alternative is right
        Outcome(missed, []),  # no event is a miss
        Outcome(negative, [mention("SUPPORT")]),  # a false alarm
    ]
    report = score(outcomes)
    assert report.event_records == 3
    assert report.accuracy == pytest.approx(2 / 3)
    assert report.no_event_rate == pytest.approx(1 / 3)
    assert report.false_alarm_rate == 1.0
    assert report.source_accuracy == 1.0
    assert report.target_accuracy == 1.0  # records without gold targets are left out
    assert report.sector_accuracy == 1.0  # KEN GOV twice, UGA with no sector
    assert report.date_accuracy == 1.0
    assert report.per_type["ASSAULT"]["recall"] == 0.0
    assert report.per_type["AGREE"]["f1"] == 1.0
