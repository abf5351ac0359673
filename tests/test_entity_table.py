"""The article's entity table as data (`tidings.actors.entities`): no parsing, mentions built
by hand. Names here are invented for the tests."""

from __future__ import annotations

import pytest

from tidings.actors.entities import Entities, link_short_names, unique_short_names
from tidings.actors.mentions import Mention
from tidings.records import Actor


def person(start: int, end: int, name: str, key: str, **fields: str | None) -> Mention:
    return Mention(
        start, end, Actor(id=f"person:{key.replace(' ', '-')}", name=name, **fields), "person", key
    )


def country(start: int, iso3: str) -> Mention:
    return Mention(start, start + 1, Actor(id=iso3, name=iso3, country=iso3), "country", iso3)


# names --------------------------------------------------------------------------------
def test_surname_links_to_the_one_full_name():
    keys = [("sims", None), ("joe sims", "USA"), ("okello", None)]
    assert link_short_names(keys) == {"sims": "joe sims"}


def test_vietnamese_names_are_called_by_the_last_word_and_chinese_by_the_first():
    keys = [("to lam", "VNM"), ("lam", None), ("wang yi", "CHN"), ("wang", None)]
    assert link_short_names(keys) == {"lam": "to lam", "wang": "wang yi"}


def test_a_short_name_two_full_names_share_stays_unlinked():
    keys = [("anna kovac", None), ("marko kovac", None), ("kovac", None)]
    assert link_short_names(keys) == {}
    assert "kovac" not in unique_short_names(keys)


def test_a_shorter_full_name_within_a_longer_one_is_that_person():
    keys = [
        ("recep tayyip erdogan", "TUR"),
        ("tayyip erdogan", None),
        ("anna maria kovac", None),
        ("anna lind", None),
    ]
    assert link_short_names(keys) == {"tayyip erdogan": "recep tayyip erdogan"}


def test_unique_short_names_map_each_short_form_to_its_full_name():
    keys = [("joe sims", "USA"), ("to lam", "VNM"), ("sims", None)]
    assert unique_short_names(keys) == {"sims": "joe sims", "lam": "to lam"}


# the table ------------------------------------------------------------------------------
def test_the_first_reading_of_a_token_wins():
    table = Entities()
    assert table.claim(person(0, 2, "Joe Sims", "joe sims"))
    assert not table.claim(country(1, "USA"))
    assert table.at(1) is not None and table.at(1).key == "joe sims"


def test_mentions_are_listed_once_in_text_order():
    table = Entities()
    table.claim(country(5, "VNM"))
    table.claim(person(0, 2, "Joe Sims", "joe sims"))
    assert [m.start for m in table.mentions()] == [0, 5]


def test_an_anaphor_takes_its_referent_on_its_own_tokens():
    table = Entities()
    sims = person(0, 2, "Joe Sims", "joe sims")
    table.claim(sims)
    table.put(sims, 9, 10)  # "He"
    assert table.at(9) is not None and (table.at(9).start, table.at(9).end, table.at(9).key) == (
        9,
        10,
        "joe sims",
    )
    assert len(table.mentions()) == 2


def test_rekey_moves_every_token_of_a_mention():
    table = Entities()
    short = person(4, 5, "Sims", "sims")
    table.claim(short)
    table.rekey(short, "joe sims")
    assert table.at(4) is not None and table.at(4).key == "joe sims"


def test_what_each_mention_tells_of_a_person_is_merged():
    table = Entities()
    table.learn("joe sims", Actor(id="person:joe-sims", name="Sims", role="co-chair"))
    table.learn("joe sims", Actor(id="person:joe-sims", name="Joe Sims", country="USA"))
    known = table.people["joe sims"]
    assert (known.name, known.role, known.country) == ("Joe Sims", "co-chair", "USA")


def test_fill_sets_only_what_is_missing():
    table = Entities()
    table.learn("anna kovac", Actor(id="person:anna-kovac", name="Anna Kovac", country="HRV"))
    table.fill("anna kovac", country="SRB", role="the Croatian leader", sector="GOV")
    known = table.people["anna kovac"]
    assert (known.country, known.role, known.sector) == ("HRV", "the Croatian leader", "GOV")


def test_actor_of_a_short_mention_is_the_full_person_with_the_mentions_role():
    table = Entities()
    table.learn("joe sims", Actor(id="person:joe-sims", name="Joe Sims", country="USA", role="co-chair"))
    m = person(7, 8, "Sims", "joe sims", role="national co-chair")
    actor = table.actor_of(m)
    assert (actor.name, actor.country, actor.role) == ("Joe Sims", "USA", "national co-chair")


def test_entities_group_mentions_by_person_and_by_actor():
    table = Entities()
    table.claim(person(0, 2, "Joe Sims", "joe sims"))
    table.claim(country(3, "VNM"))
    table.claim(person(6, 7, "Sims", "joe sims"))
    table.claim(country(9, "VNM"))
    table.learn("joe sims", Actor(id="person:joe-sims", name="Joe Sims"))
    found = {(e.kind, e.key): [m.start for m in e.mentions] for e in table.entities()}
    assert found == {("person", "joe sims"): [0, 6], ("country", "VNM"): [3, 9]}


@pytest.mark.model
def test_a_headline_the_tagger_read_as_one_body_is_its_subjects():
    from tidings.nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp("Vega, Rojas Discuss Fisheries Cooperation\n\n\nPeru and Chile have pledged to work together.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert not any("Discuss" in text or "\n" in text for text, _ in ents)
