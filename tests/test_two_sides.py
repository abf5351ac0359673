"""An event is an interaction between two sides (GUIDELINES.md section 1): contacts inside one
state, targets that are their own sources and standing states are none. Every text here is
written for these tests."""

from __future__ import annotations

import pytest

from tests.events import names as _names
from tests.events import only as _only

pytestmark = pytest.mark.model


def _types(events: list[dict]) -> list[str]:
    return [e["type"] for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "President Lorenzo Vidal of Peru called Ambassador Marta Quiroga, Peru's envoy to Chile, on Monday.",
        "The Peruvian president praised the Peruvian navy for the rescue.",
    ],
)
def test_a_contact_inside_one_state_is_no_event(code_text, text):
    assert [e for e in code_text(text) if e["type"] in ("CONSULT", "SUPPORT")] == []


def test_a_contact_between_a_state_and_its_citizens_groups_stays(code_text):
    e = _only(
        code_text(
            "President Lorenzo Vidal of Peru sent greetings to Marta Quiroga, "
            "President of the Andean Foundation for Rural Studies, on her birthday."
        ),
        "SUPPORT",
    )
    assert _names(e["targets"]) == {"Marta Quiroga"}
    assert e["targets"][0]["sector"] != "GOV"  # she heads a foundation, not a state


def test_an_envoys_country_is_the_one_that_sends_them(code_text):
    e = _only(
        code_text("President Lorenzo Vidal of Peru met Marta Quiroga, the U.S. Ambassador to Peru."),
        "CONSULT",
    )
    assert [a["country"] for a in e["targets"]] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru share an ironclad commitment to the alliance.",
        "The two ministers shared the view that the dispute must be settled peacefully.",
        "Chile and Bolivia share a long border.",
    ],
)
def test_sharing_a_view_or_a_commitment_is_a_state_not_an_act(code_text, text):
    assert "COOPERATE" not in _types(code_text(text))


def test_sharing_information_is_still_cooperation(code_text):
    e = _only(code_text("Chile shared intelligence with Peru on Monday."), "COOPERATE")
    assert _names(e["targets"]) == {"Peru"}


def test_a_target_that_is_its_own_source_goes_and_the_act_stays():
    from tidings.occasions import between_two
    from tidings.records import Actor, EventMention

    chile = Actor(id="CHL", name="Chile", country="CHL")
    police = Actor(id="CHL", name="police", country="CHL", sector="COP", role="police")
    arrest = EventMention("COERCE", "arrest", None, (police,), (chile, police), "x", 0, 1, "arrested")
    assert [e.targets for e in between_two([arrest])] == [(chile,)]
    alone = EventMention("COERCE", "arrest", None, (police,), (police,), "x", 0, 1, "arrested")
    assert [e.targets for e in between_two([alone])] == [()]


def test_the_guest_invited_to_visit_a_capital_is_not_of_that_country(code_text):
    e = _only(code_text("President Anna Kovac invited President Tom Ostrander to visit Lisbon."), "REQUEST")
    assert [a["country"] for a in e["sources"]] == ["PRT"]  # the inviter hosts
    assert [a["country"] for a in e["targets"]] == [None]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Chile condemned the arrest of Peruvian journalist Ana Soto.", "PER"),
        ("Chile condemned Ana Soto's arrest in Lima.", "PER"),
        ("Chile denounced the conviction of Bolivian activist Ana Soto.", "BOL"),
    ],
)
def test_condemning_an_arrest_accuses_the_state_not_the_one_arrested(code_text, text, country):
    e = _only(code_text(text), "ACCUSE")
    assert "Ana Soto" not in _names(e["targets"])
    assert [a["country"] for a in e["targets"]] == [country]


def test_condemning_an_arrest_by_someone_named_accuses_them(code_text):
    e = _only(code_text("Chile condemned Peru's arrest of Ana Soto."), "ACCUSE")
    assert _names(e["targets"]) == {"Peru"}


@pytest.mark.parametrize(
    "text",
    ["Chile sent 200 police officers to the border town on Monday.", "Peru has sent troopers to the port."],
)
def test_sending_police_is_a_deployment_not_aid(code_text, text):
    assert [e["type"] for e in code_text(text)] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "etype", "owner", "answerer"),
    [
        (
            "Rebels in Peru rejected President Ana Soto's call for them to disarm.",
            "REQUEST",
            "Ana Soto",
            "Peru",
        ),
        ("Chile accepted Peru's invitation to visit Lima.", "REQUEST", "Peru", "Chile"),
        ("Chile rejected Peru's demand for compensation.", "REQUEST", "Peru", "Chile"),
    ],
)
def test_an_owned_call_that_is_answered_is_its_owners_act(code_text, text, etype, owner, answerer):
    e = _only(code_text(text), etype)
    assert (_names(e["sources"]), _names(e["targets"])) == ({owner}, {answerer})


def test_an_arrest_owned_by_the_one_arrested_is_no_act_of_theirs(code_text):
    events = code_text("Chile condemned Ana Soto's arrest.")
    assert not [e for e in events if "Ana Soto" in _names(e["sources"])]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Bolivia have conducted four military exercises since 2005.",
        "More than 100 soldiers and police have been killed since the fighting resumed.",
        "Since his arrest, the activist has been seen on state television praising President Ana Soto.",
        "Chile released a statement on the talks.",
    ],
)
def test_tallies_pictures_and_published_statements_are_no_events(code_text, text):
    assert code_text(text) == []


def test_a_count_since_a_recent_day_is_still_news(code_text):
    e = _only(code_text("Police in Lima have arrested 200 protesters since Monday."), "COERCE")
    assert e["targets"]


def test_a_joint_statement_is_an_agreement_of_its_authors(code_text):
    e = _only(
        code_text("The foreign ministers of Chile and Peru released a joint statement on the border."),
        "AGREE",
    )
    assert {a["country"] for a in e["sources"] + e["targets"]} == {"CHL", "PER"}


@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        (
            "The EU said it was planning to impose sanctions targeting key Bolivian exports.",
            "THREATEN",
            "BOL",
        ),
        ("Peru imposed tariffs aimed at Chilean steel.", "SANCTION", "CHL"),
    ],
)
def test_measures_aimed_at_a_countrys_goods_target_that_country(code_text, text, etype, country):
    e = _only(code_text(text), etype)
    assert [a["country"] for a in e["targets"]] == [country]


def test_a_faction_named_by_its_people_keeps_its_name_wherever_it_is(code_text):
    e = _only(
        code_text("Chilean jets carried out airstrikes against Shiite rebels in northern Peru."), "ASSAULT"
    )
    assert _names(e["targets"]) == {"Shiite rebels"}


def test_a_statement_saying_an_act_violates_commitments_accuses_their_owner(pipeline):
    from tidings.records import RawDocument

    title = "Statement on the verdict against Ana Soto"
    text = (
        f"{title}\n\nThe conviction of Ana Soto shows a blatant disregard for justice and "
        "contravenes Peru's commitments under the Lima accords."
    )
    raw = RawDocument(
        "page", "text", text, title=title, outlet="U.S. Department of State", published="2024-06-05"
    )
    [result] = pipeline.process([raw])
    e = next(e for e in result.events if e.type == "ACCUSE")
    assert ([a.country for a in e.sources], [a.name for a in e.targets]) == (["USA"], ["Peru"])


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean Foreign Ministry said the detention of Ana Soto violates Peru's obligations.",
        "Chile said the Peruvian decision shows a blatant disregard for the ruling.",
    ],
)
def test_saying_an_act_does_wrong_accuses_its_owner(code_text, text):
    e = _only(code_text(text), "ACCUSE")
    assert (_names(e["targets"]), [a["country"] for a in e["sources"]]) == ({"Peru"}, ["CHL"])


def test_a_charge_before_a_countrys_court_is_brought_by_its_authorities(code_text):
    text = "Nine bloggers were charged with terrorism before Peru's Higher Court of Justice on Thursday."
    e = _only(code_text(text), "ACCUSE")
    assert [a["country"] for a in e["sources"]] == ["PER"]


def test_a_sentence_opening_conjunction_is_no_part_of_a_title(code_text):
    e = _only(code_text("But rebel leader Tomas Varga has refused to sign the deal with Peru."), "REJECT")
    assert [(a["role"], a["sector"]) for a in e["sources"]] == [("rebel leader", "REB")]


def test_gathering_against_an_action_is_a_protest(code_text):
    e = _only(
        code_text("Hundreds of Lima residents gathered on Sunday against the police action."), "PROTEST"
    )
    assert [a["sector"] for a in e["targets"]] == ["COP"]


def test_receiving_reinforcements_is_a_mobilization(code_text):
    e = _only(code_text("The insurgents said they were receiving reinforcements from the north."), "MOBILIZE")
    assert [a["sector"] for a in e["sources"]] == ["REB"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Chile imposed sanctions on three companies linked to the Andean Liberation Front.",
            "Andean Liberation Front",
        ),
        ("Peru sanctioned two officials tied to the Bolivian government.", "Bolivia"),
        ("The European Union adopted sanctions related to the Bolivian government's abuses.", "Bolivia"),
    ],
)
def test_sanctions_on_people_tied_to_a_body_are_aimed_at_it(code_text, text, target):
    e = _only(code_text(text), "SANCTION")
    assert _names(e["targets"]) == {target}


def test_a_protest_a_threat_serves_is_no_protest_of_its_own(code_text):
    text = "Peru has been threatening for weeks to launch strikes against Chile to protest Chilean drills."
    assert [e["type"] for e in code_text(text)] == ["THREATEN"]


def test_a_strike_placed_in_its_country_is_aimed_at_its_state(code_text):
    text = (
        "Peru's police arrested ten activists in Lima on Monday.\n\n"
        "Unions launched a strike last week to protest the new fuel tax."
    )
    e = _only(code_text(text), "PROTEST")
    assert [(a["country"], a["role"]) for a in e["targets"]] == [("PER", "implied recipient")]


def test_a_commander_stating_his_sides_refusal_is_its_actor(code_text):
    text = "Rebel commander Tomas Varga said Sunday that separatist fighters would not observe the truce."
    e = _only(code_text(text), "REJECT")
    assert _names(e["sources"]) == {"Tomas Varga"}


def test_someone_else_telling_a_groups_refusal_leaves_it_the_groups(code_text):
    e = _only(code_text("President Ana Soto said the rebels would not observe the truce."), "REJECT")
    assert _names(e["sources"]) == {"rebels"}


def test_meeting_needs_is_no_meeting(code_text):
    events = code_text(
        "Peru is airlifting relief supplies to save lives and meet the urgent needs of the Chilean people."
    )
    assert "CONSULT" not in [e["type"] for e in events]


def test_the_conjuncts_of_a_purpose_share_it(code_text):
    text = (
        "President Ana Soto and President Tomas Varga spoke about the situation in Somalia, agreeing to "
        "work with other members of the international community to help Somalia hold credible and "
        "peaceful elections and to support a regional strategy to counter al-Shabaab."
    )
    assert "SUPPORT" not in [e["type"] for e in code_text(text)]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Chilean warplanes struck rebel positions near the border.", "ASSAULT"),
        ("Thousands of workers struck on Monday in Santiago.", "PROTEST"),
    ],
)
def test_a_verb_with_an_object_takes_its_transitive_sense(code_text, text, etype):
    assert [e["type"] for e in code_text(text)] == [etype]


@pytest.mark.parametrize(
    "text", ["Peru pulled out of the talks with Chile.", "Chile withdrew from the peace talks on Monday."]
)
def test_withdrawing_from_talks_rejects_them_and_holds_none(code_text, text):
    assert [e["type"] for e in code_text(text)] == ["REJECT"]


def test_troops_withdrawing_from_a_town_still_retreat(code_text):
    assert [e["type"] for e in code_text("Chilean troops withdrew from the border town on Monday.")] == [
        "RETREAT"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces shelled the rebel-held town overnight.",
        "Chilean jets bombed the rebel-controlled district.",
    ],
)
def test_an_attack_on_a_place_named_by_its_holders_is_aimed_at_them(code_text, text):
    e = _only(code_text(text), "ASSAULT")
    assert [a["sector"] for a in e["targets"]] == ["REB"]
