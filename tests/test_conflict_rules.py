"""Rules of conflict reporting (issue 15): judgements as accusations, arrests and beatings
whose doer is left unnamed, and the same force named again. Every sentence here is written
for these tests."""

from __future__ import annotations

import pytest

from tests.events import codes
from tests.events import names as _names
from tests.events import only as _only

pytestmark = pytest.mark.model


def _types(events: list[dict]) -> list[str]:
    return [e["type"] for e in events]


# whom the act is aimed at, one sentence each ---------------------------------------------
AIMED = [
    pytest.param(
        "Peru's foreign minister Ana Ruiz called the embargo imposed by Norway an act of aggression.",
        "ACCUSE",
        {"NOR"},
        id="calling-an-act-an-aggression-accuses-its-doer",
    ),
    pytest.param(
        "Officials in Lima branded the Chilean raid illegal.",
        "ACCUSE",
        {"CHL"},
        id="branding-a-raid-accuses-its-country",
    ),
    pytest.param(
        "Peru raised concerns about Chile's fishing fleet.",
        "ACCUSE",
        {"CHL"},
        id="raising-concerns-about-x-accuses-x",
    ),
    pytest.param(
        "Chile's Defense Ministry has warned Bolivia against rash behavior.",
        "REQUEST",
        {"BOL"},
        id="warning-x-against-an-act-asks-x-not-to",
    ),
    pytest.param(
        "Peru reiterated its call for Chile to withdraw its ships.",
        "REQUEST",
        {"CHL"},
        id="reiterating-a-call-is-the-call",
    ),
    pytest.param(
        "Soldiers opened fire on protesters in Bolivia on Monday.",
        "ASSAULT",
        {"BOL"},
        id="people-named-by-where-they-are-belong-there",
    ),
    pytest.param(
        "Chilean Foreign Minister Ana Ruiz offered to negotiate with the president of Bolivia.",
        "AGREE",
        {"BOL"},
        id="an-offer-to-negotiate-is-for-the-one-negotiated-with",
    ),
]


@pytest.mark.parametrize(("text", "etype", "targets"), AIMED)
def test_the_act_is_aimed_at_whom_the_pattern_names(code_text, text, etype, targets):
    assert codes(_only(code_text(text), etype)["targets"]) == targets


# judgements: "described X's actions as counterproductive" -------------------------
def test_describing_a_countrys_actions_as_wrong_accuses_it(code_text):
    e = _only(
        code_text("Peruvian President Luis Mora described Chile's new tariffs as counterproductive."),
        "ACCUSE",
    )
    assert _names(e["sources"]) == {"Luis Mora"}
    assert codes(e["targets"]) == {"CHL"}


def test_what_a_speaker_called_a_violation_is_their_accusation(code_text):
    text = (
        "Norwegian Prime Minister Ole Berg spoke in Oslo on Tuesday. He said he was saddened by "
        "what he called Sweden's violation of Norwegian waters."
    )
    e = _only(code_text(text), "ACCUSE")
    assert _names(e["sources"]) == {"Ole Berg"}
    assert codes(e["targets"]) == {"SWE"}


def test_a_judgement_about_no_one_is_no_accusation(code_text):
    assert "ACCUSE" not in _types(code_text("The governor described the situation as dangerous."))
    assert _types(code_text("Analysts see the deal as a step forward.")) == []


def test_what_a_country_is_called_is_no_event_of_its_own(code_text):
    events = code_text("Ecuador's foreign minister Luis Mora called Peru a threat to regional peace.")
    assert _types(events) == ["ACCUSE"]


def test_calling_a_country_is_still_a_phone_call(code_text):
    e = _only(code_text("Ecuador's foreign minister Luis Mora called Peru on Monday."), "CONSULT")
    assert e["mode"] == "phone"


def test_welcoming_what_someone_called_a_proposal_is_no_visit(code_text):
    events = code_text("Peru welcomed what it called a constructive proposal by Chile.")
    assert "CONSULT" not in _types(events)


# arrests and beatings with no doer named ------------------------------------------
def test_an_arrest_with_no_one_named_is_by_the_police_of_the_place(code_text):
    e = _only(code_text("Several teachers were arrested in Peru on Monday."), "COERCE")
    [police] = e["sources"]
    assert (police["country"], police["sector"]) == ("PER", "COP")


def test_a_beating_told_with_an_arrest_is_by_the_arresting_police(code_text):
    events = code_text(
        "The Chilean journalist Tomas Ferreira was beaten and arrested while trying to attend a vigil."
    )
    for etype in ("ASSAULT", "COERCE"):
        [police] = _only(events, etype)["sources"]
        assert (police["country"], police["sector"]) == ("CHL", "COP")  # the country of the arrested


def test_they_in_a_clause_under_a_passive_one_are_its_subject(code_text):
    text = (
        "Riot police in Bolivia charged the marchers on Friday. Many of the students were kicked "
        "or beaten as they were arrested."
    )
    e = _only(code_text(text), "COERCE")
    assert _names(e["targets"]) == {"students"}
    assert codes(e["sources"]) == {"BOL"}  # the police the paragraph has just named


def test_they_after_a_passive_with_an_agent_is_left_open(code_text):
    text = "Some hostages were later freed by the gang, but then they seized three Chilean tourists."
    assert all("hostages" not in _names(e["sources"]) for e in code_text(text))


def test_bare_police_after_a_countrys_police_are_that_police(code_text):
    text = (
        "Police in Bolivia dispersed a march on Monday.\n\nLater, police detained ten students in the square."
    )
    e = _only(code_text(text), "COERCE")
    assert codes(e["sources"]) == {"BOL"}


def test_bare_protesters_are_not_the_state_of_the_place(code_text):
    text = "Protesters in Bolivia marched on Monday.\n\nPolice later detained the protesters."
    e = _only(code_text(text), "COERCE")
    assert all(a["sector"] != "GOV" for a in e["targets"])


def test_using_means_to_beat_someone_is_a_beating(code_text):
    e = _only(code_text("Riot police in Chile used sticks to beat protesters."), "ASSAULT")
    assert codes(e["sources"]) == {"CHL"}
    assert _names(e["targets"]) == {"protesters"}


# pledges and agreements: whom the agreed act is for -------------------------------
def test_readiness_to_help_names_the_nations_helped(code_text):
    text = (
        "Canada stands ready to offer all appropriate assistance to those nations most affected "
        "including Peru and Bolivia."
    )
    e = _only(code_text(text), "AGREE")
    assert codes(e["targets"]) == {"PER", "BOL"}


def test_a_standing_commitment_with_no_one_is_no_agreement(code_text):
    assert "AGREE" not in _types(code_text("Chile is committed to opening up its economy."))
    assert "AGREE" not in _types(code_text("Peru stands ready to cooperate."))


def test_a_pledge_to_a_group_of_no_stated_country_names_no_one(code_text):
    text = "The Norwegian ambassador said Oslo will provide further support for maternal health clinics."
    assert all("clinics" not in _names(e["targets"]) for e in code_text(text))


def test_a_thing_accepted_is_an_agreement_without_a_named_partner(code_text):
    e = _only(code_text("Norway accepted a compromise formula on Tuesday, officials said."), "AGREE")
    assert codes(e["sources"]) == {"NOR"}


def test_the_president_of_a_country_named_before_is_that_person(code_text):
    text = (
        "Peruvian President Luis Mora met Chilean Foreign Minister Ana Soto in Lima. "
        "Later, Ana Soto offered to negotiate with the president of Peru on fishing rights."
    )
    e = _only(code_text(text), "AGREE")
    assert _names(e["targets"]) == {"Luis Mora"}


# long lists of titled names -----------------------------------------------------------
LIST = (
    "Chilean Foreign Minister Ana Soto concluded a visit to Peru, where she met with a broad range "
    "of officials, including President Mora, Speaker of Congress Vargas, Caretaker Prime Minister "
    "Quispe, Prime Minister-Designate Huaman, and the Commander of the Armed Forces Pedro Mora, "
    "among others."
)


def test_an_including_list_is_one_meeting_per_person_named(code_text):
    met = {n for e in code_text(LIST) if e["type"] == "CONSULT" for n in _names(e["targets"])}
    assert {"Mora", "Huaman", "Pedro Mora"} <= met


def test_an_including_list_the_parser_cuts_off_still_names_its_last_people(code_text):
    text = (
        "Deputy Foreign Minister Ana Soto concluded a three-day trip to Peru, where she met with "
        "a broad range of government officials, including President Vega, Speaker of Congress Ruiz, "
        "and Central Bank Governor Karl Montes."
    )
    met = {n for e in code_text(text) if e["type"] == "CONSULT" for n in _names(e["targets"])}
    assert {"Vega", "Karl Montes"} <= met


def test_a_list_followed_by_a_clause_of_its_own_is_not_read_past(code_text):
    text = "Ana Soto met officials, including President Vega, and Karl Montes praised the visit."
    met = {n for e in code_text(text) if e["type"] == "CONSULT" for n in _names(e["targets"])}
    assert "Karl Montes" not in met


def test_the_host_of_a_visit_who_holds_office_is_of_the_country_visited(code_text):
    text = "Deputy Foreign Minister Ana Soto traveled to Peru, where she met President Luis Vega."
    e = _only(code_text(text), "CONSULT")
    assert codes(e["targets"]) == {"PER"} and codes(e["sources"]) == {None}


def test_concerns_of_ones_own_do_not_accuse_oneself(code_text):
    text = "President Ana Soto raised her concerns about Peru's compliance with the fisheries treaty."
    e = _only(code_text(text), "ACCUSE")
    assert _names(e["targets"]) == {"Peru"} and _names(e["sources"]) == {"Ana Soto"}


def test_a_title_affix_is_not_a_first_name(code_text):
    met = {n for e in code_text(LIST) for n in _names(e["targets"])}
    assert "Designate Huaman" not in met and "Caretaker" not in met


def test_a_word_of_the_armed_forces_is_no_person(code_text):
    met = {n for e in code_text(LIST) for n in _names(e["targets"])}
    assert "Armed" not in met


def test_a_surname_before_its_full_name_in_one_sentence_is_another_person(code_text):
    met = [n for e in code_text(LIST) if e["type"] == "CONSULT" for n in _names(e["targets"])]
    assert met.count("Pedro Mora") == 1


# sanctions and concerns -----------------------------------------------------------------
def test_visa_restrictions_on_foreign_officials_are_a_sanction(code_text):
    e = _only(code_text("Chile imposed visa restrictions on Bolivian officials on Monday."), "SANCTION")
    assert codes(e["sources"]) == {"CHL"} and codes(e["targets"]) == {"BOL"}
    assert [x["type"] for x in code_text("Canada announced a travel ban on Bolivian officials.")] == [
        "SANCTION"
    ]


def test_restrictions_on_a_countrys_own_press_stay_coercion(code_text):
    assert "COERCE" in _types(code_text("Chile imposed restrictions on the press."))


def test_a_relative_clause_after_a_comma_tells_what_its_subject_did(code_text):
    text = "Canada is acting along with the European Union, which also adopted sanctions on Bolivia today."
    e = _only(code_text(text), "SANCTION")
    assert _names(e["sources"]) == {"European Union"}
    assert "SANCTION" not in _types(
        code_text("The sanctions that the European Union adopted on Bolivia were lifted.")
    )


def test_ending_a_strike_is_a_concession(code_text):
    assert "CONCEDE" in _types(code_text("Chilean labor unions ended a nationwide strike on Monday."))


def test_an_organisation_naming_the_occasion_is_no_party(code_text):
    text = "Vladimir Petrov and Luis Mora confirmed their agreement to meet this year at the G20 summit."
    assert all("G20" not in n and "Group of" not in n for e in code_text(text) for n in _names(e["targets"]))


# groups the text places only by the story's place ----------------------------------------
def _page_events(pipeline, text: str) -> list[dict]:
    """The events of a page whose first line is its headline."""
    from tidings.records import RawDocument

    raw = RawDocument("page", "text", text, title=text.split("\n")[0], published="2024-06-05")
    [result] = pipeline.process([raw])
    return [e.as_dict() for e in result.events]


def test_groups_of_no_stated_country_are_of_the_dateline_country(code_text):
    text = "QUITO, Ecuador (Reuters) - Police detained ten students on Tuesday after a march over bus fares."
    e = _only(code_text(text), "COERCE")
    assert codes(e["sources"]) == {"ECU"} and codes(e["targets"]) == {"ECU"}
    assert _names(e["targets"]) == {"students"}  # still the students, now of Ecuador


def test_groups_of_no_stated_country_are_of_the_one_country_the_lead_names(pipeline):
    text = "Fare protests spread across Ecuador\n\nPolice detained ten students on Tuesday after a march."
    e = _only(_page_events(pipeline, text), "COERCE")
    assert codes(e["targets"]) == {"ECU"}


def test_a_lead_naming_two_countries_places_no_group(pipeline):
    text = "Ecuador and Peru hold border talks\n\nPolice detained ten students on Tuesday after a march."
    e = _only(_page_events(pipeline, text), "COERCE")
    assert codes(e["targets"]) == {None}


def test_a_government_statement_filed_from_its_capital_places_no_group(pipeline):
    from tidings.records import RawDocument

    title = "Statement on the fare protests"
    text = (
        f"{title}\n\nWASHINGTON — The Department of State is following the events in the capital "
        "closely and calls on all sides to show restraint.\n\n"
        "Police detained ten students on Tuesday after a march over bus fares."
    )
    placed = {}
    for outlet in ("U.S. Department of State", "Radio of the Andes"):
        raw = RawDocument("page", "text", text, title=title, outlet=outlet, published="2024-06-05")
        [result] = pipeline.process([raw])
        e = next(e for e in result.events if e.type == "COERCE")
        placed[outlet] = {a.country for a in e.targets}
    # a news story is filed from where it happens; a government's, from its seat
    assert placed == {"Radio of the Andes": {"USA"}, "U.S. Department of State": {None}}


# one act, one event ------------------------------------------------------------------------
def test_victims_killed_when_a_named_doer_attacked_are_one_attack_by_that_doer(code_text):
    events = code_text("At least 12 villagers were killed when rebels attacked a market in Mali on Sunday.")
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert len(attacks) == 1
    assert _names(attacks[0]["sources"]) == {"rebels"} and "villagers" in _names(attacks[0]["targets"])


def test_an_act_read_with_and_without_its_target_is_one_event(code_text):
    text = (
        "Peruvian jets carried out airstrikes against armed groups in northern Bolivia, killing at least 30."
    )
    attacks = [e for e in code_text(text) if e["type"] == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0]["targets"]


# offers and invitations --------------------------------------------------------------------
def test_readiness_with_an_inserted_condition_is_still_an_offer(code_text):
    e = _only(code_text("Bolivia is ready, if asked, to send doctors to Chile."), "AGREE")
    assert codes(e["sources"]) == {"BOL"} and codes(e["targets"]) == {"CHL"}


def test_offering_to_assist_in_someones_investigation_is_an_offer_to_them(code_text):
    text = "Bolivia will be ready to assist in the Chilean authorities' investigation."
    e = _only(code_text(text), "AGREE")
    assert codes(e["targets"]) == {"CHL"}


def test_the_guest_a_country_invites_is_not_of_that_country(code_text):
    e = _only(code_text("Chile invited Luis Vega to visit Santiago next year."), "REQUEST")
    assert _names(e["targets"]) == {"Luis Vega"} and codes(e["targets"]) == {None}


def test_a_release_in_the_passive_is_by_the_doer_named_just_before(code_text):
    text = (
        "Rebels in the north of Chile have released two of their hostages.\n\n"
        "A third hostage, Canadian engineer Tom Birch, was released on Monday."
    )
    releases = [e for e in code_text(text) if e["type"] == "RETREAT"]
    birch = next(e for e in releases if "Tom Birch" in _names(e["targets"]))
    assert _names(birch["sources"]) == _names(releases[0]["sources"]) != set()


def test_reinforcing_a_preference_is_no_mobilisation_but_reinforcing_troops_is(code_text):
    text = "President Ana Soto reinforced her preference for a diplomatic solution to the crisis in Bolivia."
    assert not [e for e in code_text(text) if e["type"] == "MOBILIZE"]
    e = _only(code_text("Peru reinforced its troops along the border with Bolivia."), "MOBILIZE")
    assert codes(e["sources"]) == {"PER"}


def test_concerns_reiterated_at_a_call_are_one_accusation_of_its_own(code_text):
    text = (
        "President Ana Soto of Chile spoke today with President Luis Vega of Peru.\n\n"
        "President Soto reiterated her concerns about Peru's naval build-up."
    )
    accusations = [e for e in code_text(text) if e["type"] == "ACCUSE"]
    assert len(accusations) == 1 and accusations[0]["within"] is None


# what a stance is about is not reported as done ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("President Ana Soto voiced her concern for the attack on the Chilean embassy in Lima.", "ASSAULT"),
        ("Chile expressed support for the deployment of peacekeepers to Haiti.", "MOBILIZE"),
        ("Peru renewed its calls for the release of the Chilean sailors.", "RETREAT"),
        (
            "Peru demanded the recall of the Chilean envoy and an investigation into police use of force.",
            "ACCUSE",
        ),
        ("Chile rejected the offer of talks with Peru.", "CONSULT"),
    ],
    ids=[
        "concern-for-an-attack",
        "support-for-a-deployment",
        "calls-for-a-release",
        "a-demanded-investigation",
        "a-rejected-offer",
    ],
)
def test_an_act_a_stance_is_about_is_no_event_of_its_own(code_text, text, absent):
    assert absent not in _types(code_text(text))


def test_regards_sent_to_the_one_addressed_are_a_courtesy(code_text):
    assert not code_text("President Luis Vega sends you his regards.")


def test_what_protesters_demand_as_they_march_is_the_protests_demand(code_text):
    text = "Thousands of students marched in Lima, demanding the resignation of the education minister."
    assert _types(code_text(text)) == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Peru offered to withdraw its ships, but Chile immediately rejected the offer.", "REJECT"),
        ("Peru proposed a ceasefire on Monday.\n\nChile accepted the proposal on Tuesday.", "AGREE"),
    ],
    ids=["rejecting-the-offer-just-made", "accepting-the-proposal-told-before"],
)
def test_the_offer_accepted_or_rejected_is_of_whoever_just_made_it(code_text, text, etype):
    e = _only(code_text(text), etype)
    assert codes(e["sources"]) == {"CHL"} and codes(e["targets"]) == {"PER"}


def test_support_for_no_one_is_a_stance_but_condolences_to_no_one_named_are_a_message(code_text):
    assert "SUPPORT" not in _types(code_text("The Chilean government immediately welcomed the decision."))
    e = _only(code_text("President Ana Soto expressed her deep condolences over the tragedy."), "SUPPORT")
    assert _names(e["sources"]) == {"Ana Soto"}


def test_the_governments_of_two_countries_are_both_parties(code_text):
    e = _only(code_text("The governments of Chile and Peru signed an agreement on fisheries."), "SUPPORT")
    assert codes(e["sources"] + e["targets"]) == {"CHL", "PER"}


def test_a_protest_named_by_its_leaders_is_theirs_not_the_arresting_polices(code_text):
    events = code_text("Police arrested the leaders of the protest in Lima.")
    assert all("police" not in _names(e["sources"]) for e in events if e["type"] == "PROTEST")


def test_a_name_after_a_nationality_and_a_title_is_a_person(code_text):
    e = _only(
        code_text("Peruvian President Luis Vega sent his condolences to Chilean President Ana Soto."),
        "SUPPORT",
    )
    assert _names(e["targets"]) == {"Ana Soto"} and codes(e["targets"]) == {"CHL"}


@pytest.mark.parametrize(
    ("text", "etype", "state"),
    [
        ("Two Chilean journalists were charged with spying in Lima.", "ACCUSE", "PER"),
        ("A Chilean journalist was sentenced to 22 years in prison.", "SANCTION", "CHL"),
    ],
    ids=["charged-where-it-happens", "sentenced-of-their-country"],
)
def test_a_charge_or_sentence_with_no_one_named_is_by_the_state(code_text, text, etype, state):
    e = _only(code_text(text), etype)
    assert codes(e["sources"]) == {state}


@pytest.mark.parametrize(
    "text",
    [
        "Chile took a firm stand against Peru's fishing policy.",
        "Chile joined Brazil in taking a strong stand against the abuses of the Peruvian regime.",
        "Chile joined Brazil in condemning Peru's crackdown.",
    ],
    ids=["a-stand-against", "joining-in-a-stand", "joining-in-a-condemnation"],
)
def test_a_stand_against_a_country_and_joining_in_one_accuse_it(code_text, text):
    e = _only(code_text(text), "ACCUSE")
    assert codes(e["sources"]) >= {"CHL"} and codes(e["targets"]) == {"PER"}


def test_an_act_told_as_the_means_of_another_is_aimed_at_that_ones_object(code_text):
    text = "Peru's military said it is prepared to counter Chilean forces with a lightning strike."
    e = _only(code_text(text), "THREATEN")
    assert codes(e["sources"]) == {"PER"} and codes(e["targets"]) == {"CHL"}


def test_a_surrender_to_no_one_named_is_to_the_state_of_the_fighters(code_text):
    e = _only(code_text("Twenty Peruvian rebel fighters surrendered on Sunday."), "RETREAT")
    assert codes(e["targets"]) == {"PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Peru demanded the release of all prisoners being held in Chile.",
        "Peru demanded the release of all prisoners held by Chile.",
    ],
    ids=["held-in", "held-by"],
)
def test_a_demanded_release_asks_whoever_holds_the_captives(code_text, text):
    e = _only(code_text(text), "REQUEST")
    assert codes(e["targets"]) == {"CHL"}


def test_a_participles_side_clause_names_no_partner_of_the_act(code_text):
    text = (
        "Chile and Peru agreed to hold an economic dialogue in September, fulfilling "
        "President Karl Montes of Bolivia's call for regional talks."
    )
    e = _only(code_text(text), "AGREE")
    assert codes(e["sources"] + e["targets"]) == {"CHL", "PER"}


def test_a_resignation_with_no_one_named_is_from_ones_own_state(code_text):
    e = _only(code_text("Peru's interior minister resigned on Sunday amid a corruption inquiry."), "RETREAT")
    assert codes(e["targets"]) == {"PER"}


def test_plural_air_strikes_are_attacks_not_labour_strikes(code_text):
    e = _only(code_text("Peru carried out air strikes against rebels in Bolivia."), "ASSAULT")
    assert codes(e["sources"]) == {"PER"}
    assert "PROTEST" not in _types(code_text("Peru carried out air strikes against rebels in Bolivia."))


def test_the_attack_an_act_responds_to_is_not_the_responders(code_text):
    text = (
        "President Luis Vega of Peru ordered troops into the north in reaction to a deadly attack on a base."
    )
    assert all("Luis Vega" not in _names(e["sources"]) for e in code_text(text) if e["type"] == "ASSAULT")


def test_a_nationality_right_before_a_name_gives_the_persons_country(code_text):
    e = _only(code_text("Rebels released American Tom Birch on Monday."), "RETREAT")
    assert _names(e["targets"]) == {"Tom Birch"} and codes(e["targets"]) == {"USA"}
