"""Rules that need the whole article (GUIDELINES.md sections 2, 3, 5, 6, 8): dispatch dates,
background, statements within a meeting, dateline context, and who may be an actor. Every
text here is written for these tests."""

from __future__ import annotations

import pytest

from tests.events import names as _names
from tests.events import only as _only

pytestmark = pytest.mark.model


# dates (section 6) ---------------------------------------------------------------
def test_lead_without_time_expression_takes_the_dispatch_date(code_text):
    text = (
        "Ruritanian President Anna Kovac met Prime Minister Ole Berg of Norway.\n\n"
        "The two sides discussed fisheries."
    )
    e = _only(code_text(text, "2023-05-17"), "CONSULT")
    assert (e["date"], e["date_basis"]) == ("2023-05-17", "dispatch")


def test_present_perfect_lead_takes_the_dispatch_date(code_text):
    e = _only(code_text("Chile has accused Peru of violating its airspace.", "2022-02-02"), "ACCUSE")
    assert (e["date"], e["date_basis"]) == ("2022-02-02", "dispatch")


def test_undated_sentence_after_the_lead_is_not_given_the_dispatch_date(code_text):
    text = (
        "The foreign ministers of Chile and Peru met in Lima on Tuesday.\n\n"
        "Separately, Bolivia accused Chile of blocking its exports."
    )
    e = _only(code_text(text, "2023-05-19"), "ACCUSE")
    assert e["date"] is None


def test_weekday_with_part_of_day_resolves_against_publication(code_text):
    e = _only(
        code_text(
            "Late Saturday morning, President Obama returned Prime Minister Singh's phone call.", "2009-10-11"
        ),
        "CONSULT",
    )
    assert (e["date"], e["mode"]) == ("2009-10-10", "phone")


def test_dateline_date_is_the_base_for_relative_dates(code_text):
    text = "LIMA, March 3 (Reuters) - Peru's foreign minister met his Chilean counterpart on Wednesday."
    e = _only(code_text(text, "2025-03-06"), "CONSULT")
    assert (
        e["date"] == "2025-02-26"
    )  # the Wednesday before the dateline's Monday, not the one before publication
    assert "Lima" not in _names(e["sources"] + e["targets"])
    assert "Reuters" not in _names(e["sources"] + e["targets"])


def test_lead_sentence_that_begins_with_its_dateline_takes_the_dispatch_date(code_text):
    text = "Accra -- Ghanaian farmers have taken to the streets of the capital to protest against new taxes."
    e = _only(code_text(text, "2021-03-09"), "PROTEST")  # the sentence holds the dateline
    assert (e["date"], e["date_basis"]) == ("2021-03-09", "dispatch")


def test_the_date_of_the_triggers_own_clause_wins(code_text):
    text = (
        "Iceland's foreign minister Eva Holm flew on March 2 to Oslo, where she met Norway's foreign "
        "minister Ole Berg on March 3 to discuss fisheries."
    )
    e = _only(code_text(text, "2023-03-06"), "CONSULT")
    assert e["date"] == "2023-03-03"


def test_an_announced_pledge_is_dated_by_its_announcement(code_text):
    text = "Ghana's president has announced he will release 12 Togolese fishermen."
    e = _only(code_text(text, "2020-07-01"), "CONCEDE")
    assert (e["date"], e["date_basis"]) == ("2020-07-01", "dispatch")
    assert not e["background"]


def test_an_old_date_in_a_relative_clause_does_not_make_the_lead_history(code_text):
    text = (
        "Ghana's president has announced he will release 12 Togolese fishermen, who were detained by its "
        "navy three months ago."
    )
    e = _only(code_text(text, "2020-07-01"), "CONCEDE")
    assert not e["background"]


def test_a_date_after_what_is_congratulated_is_that_occasions(code_text):
    text = (
        "Norway's prime minister Ole Berg spoke by telephone with Chile's president Ana Rojas.\n\n"
        "Ole Berg congratulated Ana Rojas on her victory in the presidential election on March 3."
    )
    events = code_text(text, "2024-03-20")
    e = _only(events, "SUPPORT")
    assert e["date"] != "2024-03-03"


def test_a_span_since_a_date_does_not_date_the_acts_within_it(code_text):
    text = (
        "Separately, Mali's army said 40 soldiers have been killed by rebels since the truce took effect "
        "on May 5."
    )
    e = _only(code_text(text, "2022-06-20"), "ASSAULT")
    assert e["date"] is None


def test_a_present_progressive_statement_is_of_the_dispatch_day(code_text):
    text = (
        "Canada imposed new tariffs on Mexican steel on Monday.\n\n"
        "Separately, Chile and Peru are sending a clear message of support to Ecuador."
    )
    e = _only(code_text(text, "2022-01-12"), "SUPPORT")
    assert e["date"] == "2022-01-12"


def test_past_perfect_in_reported_speech_is_news_not_history(code_text):
    text = "Mali's army said on Sunday that rebels had attacked two of its bases in the north."
    e = _only(code_text(text, "2022-01-12"), "ASSAULT")
    assert not e["background"]


def test_an_undated_page_takes_the_year_of_its_headline(pipeline):
    from tidings.records import RawDocument

    raw = RawDocument(
        "trip",
        "text",
        "Iceland's foreign minister Eva Holm traveled to Oslo, where she met Norway's foreign minister "
        "Ole Berg on June 4 to discuss fisheries.",
        title="Travel to Oslo, June 3-5, 2017",
    )
    [result] = pipeline.process([raw])
    e = next(e for e in result.events if e.type == "CONSULT")
    assert str(e.date) == "2017-06-04"


# background (section 8) -------------------------------------------------------------
def test_past_perfect_is_background(code_text):
    text = (
        "Kenya's president met Uganda's president in Kampala on Monday.\n\n"
        "Kenya's president had met Uganda's president in Nairobi to sign a trade pact."
    )
    events = code_text(text, "2024-06-05")
    assert not _only(events, "CONSULT")["background"]
    assert any(e["background"] for e in events)


def test_event_dated_years_before_the_news_is_background(code_text):
    text = (
        "Ghana's foreign minister met Japan's ambassador in Accra on Monday.\n\n"
        "Japan donated ambulances to Ghana on 4 May 2019."
    )
    events = code_text(text, "2024-06-05")
    assert not _only(events, "CONSULT")["background"]
    assert _only(events, "AID")["background"]


# occasions (sections 2 and 3) --------------------------------------------------------
def test_praise_at_a_meeting_is_within_it_and_takes_its_date(code_text):
    text = (
        "Foreign Minister Lena Ortiz of Ecuador met Foreign Minister Tomas Varga of Hungary in Quito "
        "on Monday.\n\nOrtiz praised Hungary for its support."
    )
    events = code_text(text, "2024-06-05")
    meeting, praise = _only(events, "CONSULT"), _only(events, "SUPPORT")
    assert praise["date"] == meeting["date"] == "2024-06-03"
    assert praise["date_basis"] == "inherited"
    assert praise["within"] is not None


def test_deed_told_after_a_meeting_keeps_its_own_date(code_text):
    text = (
        "Vietnam's Party chief met leaders of the Communist Party USA in New York on Sunday.\n\n"
        "During the pandemic, the Communist Party of Vietnam donated masks to the Communist Party USA."
    )
    aid = _only(code_text(text, "2024-09-24"), "AID")
    assert aid["date"] is None and aid["within"] is None


# actors (section 5) -----------------------------------------------------------------
def test_title_of_country_before_a_name(code_text):
    e = _only(
        code_text(
            "Vladimir Putin had a telephone conversation with President of the Republic of "
            "Ruritania Tomas Berg and Prime Minister of Japan Kenji Sato."
        ),
        "CONSULT",
    )
    assert "Tomas Berg" in _names(e["targets"]) or "Kenji Sato" in _names(e["targets"])


def test_government_of_a_state_is_that_state(code_text):
    events = code_text(
        "Today, the Government of the United States of America and the Government of the "
        "Republic of Palau signed a memorandum of understanding."
    )
    e = next(e for e in events if e["type"] in ("AGREE", "SUPPORT"))
    actors = e["sources"] + e["targets"]
    assert {a["country"] for a in actors} == {"USA", "PLW"}
    assert not any(a["name"].endswith(("of the", "of")) for a in actors)


def test_documents_and_occasions_are_not_actors(code_text):
    events = code_text(
        "The foreign minister hosted the Annual Harbour Dinner with the ambassadors of "
        "Chile and Peru, and praised the Coastal Fisheries Agreement."
    )
    names = {a["name"] for e in events for a in e["sources"] + e["targets"]}
    assert "Annual Harbour Dinner" not in names and "Coastal Fisheries Agreement" not in names


def test_condolences_and_messages_are_support(code_text):
    e = _only(
        code_text(
            "On behalf of the people of Chile, President Ana Rojas extended her deepest "
            "condolences to the people of Turkey."
        ),
        "SUPPORT",
    )
    assert "TUR" in {a["country"] for a in e["targets"]}


def test_meetings_listed_together_are_one_event_each_and_the_trip_is_not_another(code_text):
    events = code_text(
        "Deputy Secretary Ana Ruiz concluded a two-day trip to Ruritania, where she met with "
        "President Otto Berg and Speaker of Parliament Karl Wenz."
    )
    meetings = [e for e in events if e["type"] == "CONSULT"]
    assert sorted(n for e in meetings for n in _names(e["targets"])) == ["Karl Wenz", "Otto Berg"]
    assert all(e["mode"] == "visit" for e in meetings)


def test_a_visitor_does_not_take_the_country_she_went_to(code_text):
    e = _only(
        code_text("Senator Ana Ruiz traveled to Lebanon, where she met with President Michel Aoun."),
        "CONSULT",
    )
    assert e["sources"][0]["country"] != "LBN"


def test_a_call_with_two_leaders_is_one_event(code_text):
    events = code_text(
        "Putin had a telephone conversation with Chancellor Olaf Scholz and President Emmanuel Macron."
    )
    assert len([e for e in events if e["type"] == "CONSULT"]) == 1


def test_names_are_whole_and_clean(code_text):
    e = _only(code_text("Secretary Antony J. Blinken met Vladimir Putin\u2019s envoy in Geneva."), "CONSULT")
    names = _names(e["sources"] + e["targets"])
    assert "Antony J. Blinken" in names and not any(n.endswith(("'s", "\u2019s", "'")) for n in names)


def test_concern_over_someone_is_accuse_and_concern_over_a_thing_is_nothing(code_text):
    e = _only(code_text("The Chilean president voiced deep concern over Peru's naval build-up."), "ACCUSE")
    assert "PER" in {a["country"] for a in e["targets"]}
    assert not code_text("The minister expressed concern over rising food prices.")


def test_a_statement_by_a_ministry_speaks_for_it(pipeline):
    from tidings.records import RawDocument

    raw = RawDocument(
        "statement",
        "text",
        "We congratulate President Ana Rojas of Chile on her election.\n\n"
        "We look forward to working with her government.",
        outlet="U.S. Department of State",
        published="2024-06-05",
    )
    [result] = pipeline.process([raw])
    e = next(e for e in result.events if e.type == "SUPPORT")
    assert e.sources[0].country == "USA" and e.targets[0].name == "Ana Rojas"


def test_the_two_leaders_are_both_people_just_named(code_text):
    text = (
        "Chilean President Ana Rojas called Peruvian President Luis Vega on Friday.\n\n"
        "The two leaders spoke by telephone for an hour."
    )
    calls = [e for e in code_text(text, "2024-06-08") if e["mode"] == "phone"]
    assert calls and {"Ana Rojas", "Luis Vega"} <= _names(calls[0]["sources"] + calls[0]["targets"])


def test_a_title_with_of_country_after_the_name_gives_the_country(code_text):
    e = _only(
        code_text("President Ana Rojas met Prime Minister Karl Wenz of Austria in Santiago."), "CONSULT"
    )
    assert {a["country"] for a in e["targets"]} == {"AUT"}


def test_a_date_of_something_else_does_not_date_the_event(code_text):
    e = _only(
        code_text(
            "Ahead of the summit scheduled to take place on December 9 in Paris, the Chilean "
            "president met the Peruvian president.",
            "2024-11-20",
        ),
        "CONSULT",
    )
    assert e["date"] != "2024-12-09"


def test_a_message_of_condolence_sent_is_support_not_aid(code_text):
    events = code_text(
        "President Ana Rojas sent a message of condolences to Prime Minister Karl Wenz of Austria "
        "after the floods."
    )
    assert _only(events, "SUPPORT") and not [e for e in events if e["type"] == "AID"]


def test_a_date_written_without_on_dates_the_talks(code_text):
    e = _only(
        code_text(
            "Chilean Trade Minister Ana Ruiz held talks December 7, 2018, with Peruvian Trade "
            "Minister Luis Vega in Lima.",
            "2018-12-09",
        ),
        "CONSULT",
    )
    assert (e["date"], e["date_basis"]) == ("2018-12-07", "explicit")


def test_thanks_to_you_in_remarks_is_no_event(code_text):
    assert not [
        e
        for e in code_text("FOREIGN MINISTER ROJAS: Thank you very much, Mr. Secretary.")
        if e["type"] == "SUPPORT"
    ]


def test_a_statements_further_words_are_of_its_day(code_text):
    text = (
        "Chile has condemned the arrest of opposition leader Ana Ruiz by Peru.\n\n"
        "Chile also called on Peru to release all political prisoners."
    )
    e = _only(code_text(text, "2024-03-05"), "REQUEST")
    assert (e["date"], e["date_basis"]) == ("2024-03-05", "inherited")


def test_condemning_an_act_accuses_whoever_did_it(code_text):
    e = _only(code_text("Chile has condemned the arrest of opposition leader Ana Ruiz by Peru."), "ACCUSE")
    assert {a["country"] for a in e["targets"]} == {"PER"}
    e = _only(code_text("The United Nations condemned Israel's shelling of the school."), "ACCUSE")
    assert {a["country"] for a in e["targets"]} == {"ISR"}


def test_the_capitalised_bare_title_is_the_pages_principal(code_text):
    text = (
        "President Ana Rojas spoke today with Peruvian President Luis Vega.\n\n"
        "The President reiterated her concerns about Peru's naval build-up."
    )
    e = _only(code_text(text, "2024-06-05"), "ACCUSE")
    assert _names(e["sources"]) == {"Ana Rojas"}


def test_the_parties_who_sign_are_the_two_just_named(code_text):
    text = (
        "Trade Minister Ana Ruiz of Chile met Trade Minister Luis Vega of Peru in Lima.\n\n"
        "The parties signed a memorandum of understanding on fisheries."
    )
    e = next(e for e in code_text(text) if e["type"] in ("AGREE", "SUPPORT"))
    assert _names(e["sources"] + e["targets"]) == {"Ana Ruiz", "Luis Vega"}


def test_placing_sanctions_is_imposing_them(code_text):
    e = _only(
        code_text("Canada and Norway said they would place sanctions on Ruritanian officials."), "THREATEN"
    )
    assert {"CAN", "NOR"} <= {a["country"] for a in e["sources"]}


@pytest.mark.parametrize(
    "text",
    [
        "The Indian army is repositioning troops from Punjab to the border with Pakistan.",
        "Russia redeployed 3,000 troops to its border with Georgia on Friday.",
        "India moved tanks near the border on Friday.",
    ],
)
def test_moving_troops_is_mobilizing(code_text, text):
    assert _only(code_text(text, "2024-03-05"), "MOBILIZE")


def test_a_headline_that_states_the_lead_is_one_event(pipeline):
    from tidings.records import RawDocument

    headline = "Hollande Meets Merkel in Berlin"
    raw = RawDocument(
        "story",
        "text",
        f"{headline}\n\nFrench President Francois Hollande met German "
        "Chancellor Angela Merkel in Berlin on Monday. They talked about the budget of the "
        "European Union and the war in the east of Ukraine.",
        title=headline,
        published="2014-06-03",
    )
    [result] = pipeline.process([raw])
    meetings = [e for e in result.events if e.type == "CONSULT" and not e.within]
    assert len(meetings) == 1 and meetings[0].evidence != headline and str(meetings[0].date) == "2014-06-02"


def test_a_headline_verb_is_not_part_of_a_name(code_text):
    events = code_text("Hollande Meets Merkel in Berlin\n\nThe talks lasted an hour.", "2014-06-03")
    assert all("Meets" not in n for e in events for n in _names(e["sources"] + e["targets"]))


def test_meetings_with_several_listed_are_one_each(code_text):
    text = (
        "Chile's foreign minister Ana Rojas held separate meetings with Luis Vega and Maria Soto "
        "in Lima on Monday."
    )
    meetings = [e for e in code_text(text, "2024-06-05") if e["type"] == "CONSULT"]
    assert len(meetings) == 2


def test_a_headline_naming_countries_is_the_body_event_of_their_ministers(pipeline):
    from tidings.records import RawDocument

    headline = "Chile and Peru agree to reopen border crossing"
    text = (
        f"{headline}\n\nChilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Vega "
        "in Lima on Monday, the first stop of her regional tour.\n\nThe two ministers agreed to reopen "
        "the Chacalluta border crossing, which has been closed to trucks since November."
    )
    raw = RawDocument("story", "text", text, title=headline, published="2024-06-05")
    [result] = pipeline.process([raw])
    agreements = [e for e in result.events if e.type == "AGREE"]
    assert len(agreements) == 1 and agreements[0].evidence != headline


def test_i_in_a_signed_statement_is_its_signatory_and_we_the_body(pipeline):
    from tidings.records import RawDocument

    headline = "Statement by Secretary Ana Rojas on the Earthquake in Peru"
    text = (
        f"{headline}\n\nOn behalf of the American people, I extend my deepest condolences to the people "
        "of Peru and to the families of the victims.\n\nWe stand ready to offer assistance to Peru."
    )
    raw = RawDocument(
        "statement", "text", text, title=headline, outlet="U.S. Department of State", published="2024-06-05"
    )
    [result] = pipeline.process([raw])
    condolences = next(e for e in result.events if e.type == "SUPPORT")
    assert [a.name for a in condolences.sources] == ["Ana Rojas"] and condolences.sources[0].country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "Chile's foreign minister Ana Rojas chastised Peru for its fishing policy.",
        "Chile's foreign minister Ana Rojas reprimanded Peru over the border incident.",
        "Chile's foreign minister Ana Rojas censured Peru for expelling its diplomats.",
    ],
)
def test_reproaches_are_accusations(code_text, text):
    e = _only(code_text(text, "2024-06-05"), "ACCUSE")
    assert "PER" in {a["country"] for a in e["targets"]}


def test_a_group_backed_by_a_country_is_not_that_country(code_text):
    e = _only(
        code_text("Mali's army accused Algerian-backed rebels of attacking a convoy.", "2024-06-05"), "ACCUSE"
    )
    assert all(a["country"] != "DZA" for a in e["targets"]) and "rebels" in _names(e["targets"])
    led = _only(code_text("French-led forces attacked the rebel camp on Monday.", "2024-06-05"), "ASSAULT")
    assert "FRA" in {a["country"] for a in led["sources"]}  # those who lead act


@pytest.mark.parametrize("group", ["Democratic senators", "Sunni militias"])
def test_a_party_or_faction_group_is_named_by_its_phrase(code_text, group):
    text = f"Chilean President Ana Rojas criticized {group} for their ties to Peru."
    e = _only(code_text(text, "2024-06-05"), "ACCUSE")
    assert group in _names(e["targets"])


def test_a_regime_named_by_its_ruler_is_that_country_s_government(code_text):
    text = (
        "President Nicolas Maduro spoke in Caracas on Monday.\n\n"
        "Chile's foreign minister Ana Rojas condemned the Maduro regime for the arrests."
    )
    e = _only(code_text(text, "2024-06-05"), "ACCUSE")
    assert "VEN" in {a["country"] for a in e["targets"]} and "GOV" in {a["sector"] for a in e["targets"]}


def test_sanctioning_designations_and_costs_threatened_by_litotes(code_text):
    e = _only(
        code_text("Canada designated five officials of the Government of Belarus on Monday.", "2024-06-05"),
        "SANCTION",
    )
    assert "BLR" in {a["country"] for a in e["targets"]}
    t = _only(
        code_text("Canada will not hesitate to impose further costs on Belarus.", "2024-06-05"), "THREATEN"
    )
    assert "BLR" in {a["country"] for a in t["targets"]}


def test_outlet_names_are_those_of_news_organisations():
    from tidings.credits import outlet_names

    assert outlet_names("Radio Kestrel International (via an aggregator)") == {
        "Radio Kestrel International",
        "RKI",
    }
    assert outlet_names("Ministry of Foreign Affairs of Chile") == set()  # an actor's own website
    assert outlet_names(None) == set()


def test_the_reporting_outlet_is_no_actor_even_where_the_tagger_cut_its_name(pipeline):
    from tidings.records import RawDocument

    raw = RawDocument(
        "outlet",
        "text",
        "Rojas and Vega Meet in Lima\n\n"
        "Chilean President Ana Rojas met Peruvian President Luis Vega in Lima on Friday, "
        "the first visit by a Chilean leader in a decade.\n\n"
        "The two leaders discussed trade and fisheries, officials said.\n\n"
        "The Radio of the Andes provides news and information in five languages to people in the region.",
        outlet="Radio of the Andes",
        published="2024-06-08",
    )
    [result] = pipeline.process([raw])
    named = {a.name for e in result.events for a in (*e.sources, *e.targets)}
    assert "Ana Rojas" in named
    assert not {"Radio", "Andes", "Radio of the Andes"} & named
    assert all(e.type != "AID" for e in result.events)


def test_the_presidents_with_no_number_are_the_two_just_named(code_text):
    text = (
        "President Ama Okafor of Ghana spoke with President Ole Lind of Norway by telephone on Monday.\n\n"
        "The Presidents reached a practical agreement on contacts between their security services."
    )
    e = _only(code_text(text, "2024-06-05"), "AGREE")
    assert _names(e["sources"] + e["targets"]) == {"Ama Okafor", "Ole Lind"}
    assert _names(e["sources"]) == {"Ama Okafor"}  # the side named first leads (GUIDELINES 5)


def test_the_ministers_of_one_country_are_not_a_pair(code_text):
    text = (
        "Ghanaian Foreign Minister Ama Okafor met Ghanaian Finance Minister Kofi Mensah on Monday.\n\n"
        "The ministers agreed on a budget for the embassy network."
    )
    events = [e for e in code_text(text, "2024-06-05") if e["type"] == "AGREE"]
    assert not any({"Ama Okafor", "Kofi Mensah"} <= _names(e["sources"] + e["targets"]) for e in events)


def test_a_one_sided_consult_does_not_replace_the_meeting():
    from datetime import date

    from tidings.occasions import attach_to_meetings
    from tidings.records import Actor, EventMention

    arlen, wells = (
        Actor("person:jim-arlen", "Jim Arlen", country="USA"),
        Actor("person:tom-wells", "Tom Wells"),
    )

    def event(kind: str, at: int, sources: tuple, targets: tuple, day: date | None) -> EventMention:
        return EventMention(kind, None, None, sources, targets, f"sentence {at}", at, at + 10, "t", day)

    events = [
        event("CONSULT", 0, (arlen,), (wells,), date(2024, 6, 5)),
        event("CONSULT", 20, (wells,), (), date(2024, 6, 6)),  # "He also ... acknowledged": one side only
        event("AGREE", 40, (arlen,), (wells,), None),  # "The two leaders pledged ..."
    ]
    assert attach_to_meetings(events)[2].date == date(2024, 6, 5)


def test_his_counterpart_named_in_apposition_is_the_person_met(code_text):
    text = "Defence Secretary Jim Arlen met his British counterpart Tom Wells at the Pentagon on Wednesday."
    e = _only(code_text(text, "2024-06-06"), "CONSULT")
    [target] = e["targets"]
    assert (target["name"], target["country"]) == ("Tom Wells", "GBR")


def test_a_subject_pronoun_is_not_the_person_its_own_clause_names(code_text):
    text = (
        "Defence Secretary Jim Arlen met his British counterpart Tom Wells at the Pentagon on Wednesday.\n\n"
        "He also thanked Secretary Wells for Britain's leadership in the alliance."
    )
    e = _only(code_text(text, "2024-06-06"), "SUPPORT")
    assert _names(e["sources"]) == {"Jim Arlen"} and _names(e["targets"]) == {"Tom Wells"}


def test_officials_including_a_list_are_one_meeting_each(code_text):
    text = (
        "Under Secretary Tom Brandt concluded a three-day trip to Norway, where he met with a broad range "
        "of government officials, including President Anna Kovac, Speaker of Parliament Ivo Berg, "
        "and others."
    )
    met = [e for e in code_text(text, "2024-06-06") if e["type"] == "CONSULT" and e["targets"]]
    assert sorted(n for e in met for n in _names(e["targets"])) == ["Anna Kovac", "Ivo Berg"]
    assert all(_names(e["sources"]) == {"Tom Brandt"} for e in met)


def test_tear_gas_fired_to_disperse_protesters_is_aimed_at_them(code_text):
    e = _only(
        code_text(
            "Police in Lagos on Monday fired tear gas to disperse hundreds of protesters.", "2024-06-11"
        ),
        "ASSAULT",
    )
    assert "protesters" in _names(e["targets"])


def test_a_headline_occasion_is_cut_from_a_name(code_text):
    text = (
        "Secretary of State Tom Brandt Press Availability with Foreign Minister Ivo Berg\n\n"
        "Secretary Brandt met Foreign Minister Ivo Berg of Norway in Oslo on Monday."
    )
    named = {n for e in code_text(text, "2024-06-11") for n in _names(e["sources"] + e["targets"])}
    assert "Tom Brandt" in named and not any("Availability" in n for n in named)


def test_a_visitor_is_not_given_the_country_of_the_place_visited(code_text):
    text = "The people of Bergen welcomed the fact that Secretary Tom Brandt visited the harbour monument."
    for e in code_text(text, "2024-06-11"):
        assert all(a["country"] != "NOR" for a in e["sources"] if a["name"] == "Tom Brandt")


def test_a_national_body_named_by_its_country_adjective_gives_its_heads_country(code_text):
    e = _only(
        code_text(
            "Norwegian Parliament speaker Ivo Berg held talks with Danish leaders on Tuesday.", "2024-06-12"
        ),
        "CONSULT",
    )
    assert [a["country"] for a in e["sources"]] == ["NOR"]


def test_x_called_y_on_a_day_is_a_telephone_call(code_text):
    e = _only(code_text("President Ama Okafor called President Ole Lind on Monday.", "2024-06-12"), "CONSULT")
    assert e["mode"] == "phone" and _names(e["targets"]) == {"Ole Lind"}


def test_called_someone_a_name_or_called_elections_is_no_call(code_text):
    events = code_text("The opposition called President Ama Okafor a traitor. Okafor called early elections.")
    assert not any(e["type"] == "CONSULT" for e in events)


def test_a_month_in_a_date_is_no_march(code_text):
    assert code_text("On March 2, former president Ole Lind turned 91.", "2024-03-05") == []


def test_a_conjunct_of_a_passive_verb_is_passive(code_text):
    e = _only(
        code_text("Many of the protesters were kicked or beaten as they were arrested.", "2024-03-05"),
        "ASSAULT",
    )
    assert "protesters" in _names(e["targets"]) and "protesters" not in _names(e["sources"])


def test_talks_someone_is_ready_to_facilitate_are_not_held(code_text):
    text = "He reiterated Norway's readiness to facilitate negotiations between Chile and Peru on the border."
    assert not any(e["type"] == "CONSULT" for e in code_text(text, "2024-03-05"))


def test_a_meeting_needs_two_sides(code_text):
    text = "The people of Bergen were glad that Secretary Tom Brandt visited the harbour monument."
    assert not any(e["type"] == "CONSULT" for e in code_text(text, "2024-03-05"))


def test_doing_something_by_blaming_someone_is_an_accusation(code_text):
    text = "Chile's Foreign Ministry previewed the talks by blaming Peru for the breakdown in relations."
    e = _only(code_text(text, "2024-03-05"), "ACCUSE")
    assert _names(e["targets"]) == {"Peru"}


def test_a_leaders_administration_is_the_government_of_their_country(code_text):
    text = (
        "Norwegian Prime Minister Ole Lind ordered troops to the north on Wednesday.\n\n"
        "Ole's administration blames the rebels for the attack."
    )
    e = _only(code_text(text, "2024-03-05"), "ACCUSE")
    assert [(a["country"], a["sector"]) for a in e["sources"]] == [("NOR", "GOV")]


def test_troops_ordered_into_a_country_are_mobilized_against_it_not_asked(code_text):
    e = _only(
        code_text("Prime Minister Ole Lind of Norway ordered troops into Sweden.", "2024-03-05"), "MOBILIZE"
    )
    assert [a["country"] for a in e["targets"]] == ["SWE"]


def test_demonstrating_flexibility_is_no_protest_but_encouraging_someone_is_a_request(code_text):
    events = code_text(
        "Under Secretary Tom Brandt encouraged Prime Minister Ole Lind to demonstrate flexibility."
    )
    assert [e["type"] for e in events] == ["REQUEST"]
    assert _names(events[0]["targets"]) == {"Ole Lind"}
    assert code_text("Minister Ivo Berg encouraged investment in the north.") == []  # no one is asked


def test_what_someone_denies_is_not_reported_as_done(code_text):
    events = code_text("Ruritania denied that its jets bombed the hospital in the north.", "2024-03-05")
    assert [e["type"] for e in events] == ["REJECT"]
    assert "ASSAULT" in {e["type"] for e in code_text("Norway said Ruritanian jets bombed the hospital.")}


def test_a_release_with_no_one_named_is_by_the_authorities_where_it_happens(code_text):
    e = _only(
        code_text("Dozens of dissidents were freed from Burmese jails on Tuesday.", "2024-03-06"), "RETREAT"
    )
    assert [(a["country"], a["sector"]) for a in e["sources"]] == [("MMR", "GOV")]
    assert "dissidents" in _names(e["targets"])


def test_future_meetings_with_no_one_named_are_no_events(code_text):
    text = "While in New York, Secretary Ana Ruiz will conduct a number of meetings with her counterparts."
    assert code_text(text, "2024-03-06") == []


def test_a_missile_fired_into_the_sea_or_test_fired_is_a_show_of_force(code_text):
    for text in (
        "Iran fired several short-range projectiles into the sea on Sunday.",
        "Iran test-fired a ballistic missile on Sunday.",
    ):
        e = _only(code_text(text, "2024-03-05"), "MOBILIZE")
        assert e["mode"] == "weapons"
    assert "ASSAULT" in {e["type"] for e in code_text("Rebels fired rockets at the Norwegian embassy.")}


def test_support_an_official_gives_their_own_state_is_no_interaction(code_text):
    own = code_text("Norwegian Foreign Minister Ivo Berg praised Norway for its patience.", "2024-03-05")
    assert not any(e["type"] == "SUPPORT" for e in own)
    other = _only(
        code_text("Norwegian Foreign Minister Ivo Berg praised Sweden for its help.", "2024-03-05"), "SUPPORT"
    )
    assert [a["country"] for a in other["targets"]] == ["SWE"]


def test_a_passive_participle_is_done_by_its_agent_to_the_noun_it_modifies(code_text):
    text = (
        "Peruvian President Luis Vega has announced he will free 15 Chilean sailors and marines, "
        "captured by Peruvian forces in the Pacific nearly two weeks ago."
    )
    e = _only(code_text(text, "2024-03-05"), "ASSAULT")
    assert [a["country"] for a in e["sources"]] == ["PER"]
    assert "Luis Vega" not in _names(e["sources"] + e["targets"])
    assert "CHL" in {a["country"] for a in e["targets"]}


def test_a_lead_that_opens_with_its_day_has_its_subject_after_a_headline(code_text):
    text = (
        "Talks with Peruvian President Ana Soto\n\n"
        "On Friday President Tomas Varga of Chile spoke by telephone with President of Peru Ana Soto."
    )
    e = _only(code_text(text, "2024-10-08"), "CONSULT")
    assert _names(e["sources"] + e["targets"]) == {"Tomas Varga", "Ana Soto"}


def test_the_headline_names_the_people_the_body_names_by_surname(code_text):
    text = (
        "Remarks with Peruvian Foreign Minister Ana Soto\n\n"
        "Soto welcomed the Chilean delegation to Lima on Monday."
    )
    e = _only(code_text(text, "2024-10-08"), "CONSULT")
    assert [a["country"] for a in e["targets"] if a["name"] == "Ana Soto"] == ["PER"]


def test_they_opening_a_sentence_is_the_group_the_sentence_before_had_as_subject(code_text):
    text = (
        "The Andean Liberation Front, a previously unknown group, claimed the kidnapping. "
        "They were demanding the release of all prisoners held in Peru."
    )
    e = _only(code_text(text), "REQUEST")
    assert _names(e["sources"]) == {"Andean Liberation Front"}


def test_a_name_an_appositive_calls_a_group_is_an_actor(code_text):
    text = (
        "Condor Southern Brigades, a previously unknown group, claims responsibility for the attack. "
        "They demanded the release of all prisoners held in Peru."
    )
    e = _only(code_text(text), "REQUEST")
    assert _names(e["sources"]) == {"Condor Southern Brigades"}


def test_a_request_or_condolence_in_a_call_with_no_one_named_is_to_the_other_side(code_text):
    text = (
        "President Ana Soto of Peru had a telephone conversation with Chilean President Tomas Varga.\n\n"
        "Ms Soto made a request to assist Bolivia in releasing the detained observers.\n\n"
        "Mr Varga expressed his deep condolences over the floods."
    )
    events = code_text(text)
    request, condolences = _only(events, "REQUEST"), _only(events, "SUPPORT")
    assert (_names(request["sources"]), _names(request["targets"])) == ({"Ana Soto"}, {"Tomas Varga"})
    assert (_names(condolences["sources"]), _names(condolences["targets"])) == ({"Tomas Varga"}, {"Ana Soto"})


def test_a_speaker_of_another_meeting_of_the_same_country_is_not_its_side(code_text):
    text = (
        "President Ana Soto of Peru had a telephone conversation with Chilean President Tomas Varga.\n\n"
        "Peruvian senator Luis Prado invited the Bolivian leader without informing the government."
    )
    events = [e for e in code_text(text) if e["type"] == "REQUEST"]
    assert all("Tomas Varga" not in _names(e["targets"]) for e in events)


def test_they_after_a_sentence_about_protests_are_its_protesters(code_text):
    text = (
        "The first protests started Thursday in Lima, where protesters unfurled banners. "
        "They were quickly arrested by police."
    )
    e = _only(code_text(text), "COERCE")
    assert _names(e["targets"]) == {"protesters"}


@pytest.mark.parametrize(
    "text",
    [
        "President Ana Soto praised Tomas Varga.\n\nThe journalist Luisa Prado was arrested in Lima.",
        "President Ana Soto praised Tomas Varga.\n\n"
        "The Peruvian journalist and blogger Luisa Prado was beaten and arrested in Lima.",
    ],
)
def test_a_title_before_a_name_is_no_reference_to_someone_told_before(code_text, text):
    e = _only(code_text(text), "COERCE")
    assert "Luisa Prado" in _names(e["targets"]) and "Tomas Varga" not in _names(e["targets"])
    assert [a["sector"] for a in e["sources"]] == ["COP"]


@pytest.mark.parametrize(
    ("text", "met"),
    [
        (
            "Following a bilateral meeting with Chilean President Tomas Varga on June 8, "
            "Vice President Ana Soto announced new aid.",
            "Tomas Varga",
        ),
        (
            "Mr Ostrander arrived for a meeting with the Chilean President after his talks with "
            "Chile's Foreign Minister Tomas Varga.",
            "Tomas Varga",
        ),
    ],
)
def test_a_meeting_a_time_phrase_tells_for_the_first_time_is_an_event(code_text, text, met):
    assert any(met in _names(e["sources"] + e["targets"]) for e in code_text(text) if e["type"] == "CONSULT")


def test_a_meeting_a_time_phrase_refers_back_to_is_no_new_event(code_text):
    assert not [
        e
        for e in code_text("Following the meeting with Chile, President Ana Soto left Lima.")
        if e["type"] == "CONSULT"
    ]


def test_a_countrys_title_is_no_person_of_unknown_country(code_text):
    events = code_text("Mr Ostrander arrived for a meeting with the Chilean President on Monday.")
    assert all(a["country"] != "CHL" for e in events for a in e["sources"] if a["name"] == "Ostrander")


def test_a_trip_home_is_no_visit(code_text):
    events = code_text("President Ana Soto of Peru arrived in Lima on Monday.")
    assert not [e for e in events if e["type"] == "CONSULT"]


def test_an_exercise_or_operation_named_after_its_noun_is_no_actor(pipeline):
    from spacy.tokens import Span

    from tidings.actors import DocActors
    from tidings.turns import read_turns

    text = "Troops from Chile are taking part in exercise Condor Shield and in Operation Pacific Guard."
    doc = pipeline.nlp(text)
    names = {"Condor Shield": (8, 10), "Pacific Guard": (13, 15)}
    assert [doc[a:b].text for a, b in names.values()] == list(names)
    doc.ents = [e for e in doc.ents if e.end <= 8] + [Span(doc, a, b, label="ORG") for a, b in names.values()]
    actors = DocActors(doc, pipeline.kb, pipeline.lexicon.nouns, None, set(), None, None, read_turns(text))
    assert not {m.actor.name for m in actors.mentions()} & set(names)
