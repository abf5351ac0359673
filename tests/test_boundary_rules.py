"""PLOVER boundary rules (shared/PLOVER.md section 3), one test each, on sentences written for
these tests. They pin behaviour, not accuracy: the figures come from `tidings eval`."""

from __future__ import annotations

import pytest

from tests.events import codes as _codes
from tests.events import only as _only

pytestmark = pytest.mark.model


def _types(events):
    return sorted({e["type"] for e in events})


# future acts (rule 3) ------------------------------------------------------
def test_future_meeting_in_reported_speech_is_agree(code_text):
    e = _only(code_text("Peru said on Monday it would meet Bolivian negotiators next week."), "AGREE")
    assert "PER" in _codes(e["sources"])
    assert "CONSULT" not in _types(
        code_text("Peru said on Monday it would meet Bolivian negotiators next week.")
    )


def test_readiness_to_send_troops_is_agree(code_text):
    e = _only(code_text("Uruguay is ready to send 300 troops to a peacekeeping force in Haiti."), "AGREE")
    assert "URY" in _codes(e["sources"])


def test_announced_withdrawal_is_concede_not_agree(code_text):
    events = code_text("Chad said it will withdraw its soldiers from the border with Niger.")
    assert "CONCEDE" in _types(events) and "RETREAT" not in _types(events)


def test_threatened_sanctions_are_threaten(code_text):
    events = code_text("Norway threatened to impose sanctions on Iceland over whaling.")
    assert _types(events) == ["THREATEN"]


# negation and refusals (rule 4) ----------------------------------------------
def test_negated_attack_is_not_coded(code_text):
    assert code_text("Mali's army did not attack the rebels in Kidal on Sunday.") == []


def test_will_not_release_is_a_refusal(code_text):
    e = _only(code_text("Eritrea said it will not release the detained Ethiopian soldiers."), "REJECT")
    assert "ERI" in _codes(e["sources"])


def test_refused_to_meet_is_reject(code_text):
    assert _types(code_text("Serbia refused to meet Kosovo's negotiators in Brussels.")) == ["REJECT"]


# hypotheticals (rule 5) --------------------------------------------------------
def test_analysts_could_is_not_coded(code_text):
    assert code_text("Analysts said Ecuador could expel Colombian diplomats.") == []


# reported speech and demands (rule 6) --------------------------------------------
def test_reported_accusation_codes_the_accuser(code_text):
    e = _only(code_text("Amnesty International accused Belarus of torturing detained protesters."), "ACCUSE")
    assert _codes(e["sources"]) == {"NGO"} and "BLR" in _codes(e["targets"])


def test_must_in_reported_speech_is_a_request_on_the_subject(code_text):
    e = _only(code_text("Germany said on Friday that Hungary must return the seized trucks."), "REQUEST")
    assert "DEU" in _codes(e["sources"]) and "HUN" in _codes(e["targets"])


def test_pronoun_in_reported_speech_is_the_speaker(code_text):
    e = _only(code_text("Kenya says it is willing to withdraw its police from Haiti."), "CONCEDE")
    assert "KEN" in _codes(e["sources"])


# participants (rule 6 of section 4.2, compound actors, passive voice) -------------
def test_reciprocal_meeting_has_all_participants_as_actors(code_text):
    e = _only(code_text("Brazil and Argentina held talks in Montevideo on Tuesday."), "CONSULT")
    assert {"BRA", "ARG"} <= _codes(e["sources"]) and e["targets"] == []


def test_compound_subject_is_one_event(code_text):
    events = code_text("France and Germany condemned the coup in Niger.")
    accuse = [e for e in events if e["type"] == "ACCUSE"]
    assert len(accuse) == 1 and {"FRA", "DEU"} <= _codes(accuse[0]["sources"])


def test_passive_voice_swaps_actor_and_recipient(code_text):
    e = _only(code_text("Two Somali soldiers were killed by al-Shabaab fighters near Baidoa."), "ASSAULT")
    assert "SOM" in _codes(e["targets"])


def test_passive_attack_without_agent_has_unidentified_attacker(code_text):
    e = _only(code_text("Four Nigerian policemen were killed in Maiduguri on Friday."), "ASSAULT")
    assert e["sources"][0]["sector"] == "UAF" and "NGA" in _codes(e["targets"])


# noun-phrase triggers ------------------------------------------------------------
def test_working_session_noun_is_consult(code_text):
    e = _only(
        code_text(
            "At a working session with Chilean Foreign Minister Ana Rojas, the Peruvian envoy "
            "discussed fishing rights."
        ),
        "CONSULT",
    )
    assert "CHL" in _codes(e["targets"])


def test_donation_of_noun_is_aid(code_text):
    e = _only(code_text("South Korea made a donation of rice to Laos on Monday."), "AID")
    assert "KOR" in _codes(e["sources"]) and "LAO" in _codes(e["targets"])


# actor codes --------------------------------------------------------------------
def test_demonym_group_and_capital_get_country_codes(code_text):
    e = _only(code_text("Polish officials criticized Minsk for the border closures."), "ACCUSE")
    assert "POL" in _codes(e["sources"]) and "BLR" in _codes(e["targets"])
    assert e["sources"][0]["sector"] == "GOV"


def test_group_nouns_get_sectors_and_the_country_of_their_phrase(code_text):
    e = _only(
        code_text("Thousands of students in Bangladesh demonstrated against the quota system."), "PROTEST"
    )
    assert "BGD" in _codes(e["sources"]) and e["sources"][0]["sector"] in ("EDU", "CVL")
    e = _only(code_text("Police in Nairobi arrested 40 protesters on Tuesday."), "COERCE")
    assert e["sources"][0]["sector"] == "COP" and "KEN" in _codes(e["sources"])


def test_igo_actor(code_text):
    e = _only(code_text("The UN Security Council condemned the attack on peacekeepers in Mali."), "ACCUSE")
    assert _codes(e["sources"]) == {"IGO"}


# background and relative clauses (rule 10) -----------------------------------------
def test_relative_clause_is_not_a_new_event(code_text):
    events = code_text("Ghana thanked Japan for the help that Tokyo has given to its hospitals.")
    assert _types(events) == ["SUPPORT"]


def test_the_topic_of_talks_is_not_a_second_event(code_text):
    events = code_text("Ecuador and Peru resumed negotiations on a troop pullback from the border.")
    assert _types(events) == ["CONSULT"]


# attempts, and one word with two readings ------------------------------------
def test_an_attempted_act_is_the_act(code_text):
    e = _only(
        code_text("Gunmen tried to assassinate the Mayor of Lagos on Friday, Nigerian police said."),
        "ASSAULT",
    )
    assert "NGA" in _codes(e["targets"])
    assert "ASSAULT" in _types(
        code_text("An attempt to assassinate the governor of Kano was thwarted on Monday.")
    )
    assert code_text("A plan to attack the embassy in Nairobi was foiled.") == []


def test_taking_part_in_an_event_is_doing_it(code_text):
    assert "ASSAULT" in _types(
        code_text("Sudanese militias were engaged in ethnic cleansing in Darfur, the UN said.")
    )
    e = _only(code_text("Kenya took part in the talks on Sudan in Jeddah."), "CONSULT")
    assert e["targets"] == []  # what the talks were about is not who was met


def test_welcoming_a_visitor_is_consult_and_welcoming_a_decision_is_support(code_text):
    assert "CONSULT" in _types(
        code_text(
            "Kenyan President William Ruto welcomed Ugandan Prime Minister Robinah Nabbanja in Nairobi."
        )
    )
    events = code_text("Kenya welcomed the decision of Uganda to reopen the border crossing.")
    assert "SUPPORT" in _types(events) and "CONSULT" not in _types(events)


# recipients a sentence implies ---------------------------------------------------
def test_a_protest_is_aimed_at_whom_its_purpose_names(code_text):
    e = _only(
        code_text(
            "Chilean miners went on strike on Monday to demand the resignation of President Gabriel Boric."
        ),
        "PROTEST",
    )
    assert [t["name"] for t in e["targets"]] == ["Gabriel Boric"]


def test_a_domestic_act_with_no_named_recipient_is_aimed_at_its_country(code_text):
    e = _only(code_text("Thousands of Peruvian farmers demonstrated in Lima on Thursday."), "PROTEST")
    assert _codes(e["targets"]) == {"PER"} and e["targets"][0]["role"] == "implied recipient"


def test_unidentified_attackers_belong_where_they_struck(code_text):
    e = _only(code_text("A roadside bomb killed four Malian soldiers near Gao on Sunday."), "ASSAULT")
    assert e["sources"][0]["sector"] == "UAF" and _codes(e["sources"]) == {"MLI"}


def test_an_ethnic_group_belongs_to_the_country_it_lives_in(code_text):
    e = _only(
        code_text("Ethnic Hungarians in Romania demanded autonomy from the government in Bucharest."),
        "REQUEST",
    )
    assert _codes(e["sources"]) == {"ROU"}


def test_rejecting_a_proposal_rejects_whoever_made_it(code_text):
    e = _only(code_text("Nepal rejected an Indian proposal for a joint dam on Tuesday."), "REJECT")
    assert _codes(e["targets"]) == {"IND"}
    e = _only(code_text("Ghana welcomed a Nigerian offer of mediation."), "SUPPORT")
    assert _codes(e["sources"]) == {"GHA"} and _codes(e["targets"]) == {"NGA"}


# object frames (data/object_frames.tsv) ------------------------------------------
def test_what_a_verb_acts_on_can_change_the_event(code_text):
    assert _types(code_text("Kenya withdrew its election observers from Uganda on Monday.")) == ["SANCTION"]
    assert _types(code_text("Chad withdrew its troops from the border with Niger on Monday.")) == ["RETREAT"]
    assert "REJECT" in _types(code_text("Egypt cancelled a planned visit to Israel by its foreign minister."))
    assert _types(code_text("Indian peacekeeping troops arrived in South Sudan on Friday.")) == ["AID"]
    assert _types(code_text("Qatar ended its mediation between the two Yemeni factions on Sunday.")) == [
        "SANCTION"
    ]
    assert _types(code_text("The United States suspended aid to Niger on Monday.")) == ["SANCTION"]
    assert _types(code_text("Houthi rebels violated the truce in Hodeidah on Sunday.")) == ["ASSAULT"]
    e = _only(code_text("Egypt opened the Rafah crossing to allow aid into Gaza."), "RETREAT")
    assert _codes(e["targets"]) == {"PSE"}
    assert code_text("Turkey opened a new consulate in Erbil.") == []
    assert _types(code_text("The Ethiopian army lifted its blockade of Mekelle on Friday.")) == ["RETREAT"]
    assert _types(code_text("Mali accepted demands from Tuareg leaders for a new constitution.")) == [
        "CONCEDE"
    ]
    assert _types(code_text("Belarus received a mission of observers from the OSCE on Monday.")) == [
        "RETREAT"
    ]
    assert _types(code_text("Swiss doctors handed over 700 kg of medicine to Iraqi hospitals.")) == ["AID"]
    assert "COERCE" in _types(code_text("Belarusian police prevented a demonstration by students in Minsk."))
    assert "PROTEST" not in _types(
        code_text("Belarusian police prevented a demonstration by students in Minsk.")
    )
    assert _types(
        code_text("Turkey has strengthened its forces along the Iraqi border, officials said.")
    ) == ["MOBILIZE"]
    assert _types(code_text("The IAEA dispatched inspectors to Iran on Monday.")) == ["ACCUSE"]


def test_a_state_the_actors_are_in_is_an_event(code_text):
    assert "MOBILIZE" in _types(code_text("Indian troops remained on high alert in Kashmir on Friday."))


# protests are events wherever the sentence puts them --------------------------------
def test_a_protest_needs_no_partner_and_a_purpose_protest_is_coded(code_text):
    assert "PROTEST" in _types(
        code_text("Thousands of Kenyan teachers converged on Nairobi for a rally on Monday.")
    )
    assert "PROTEST" in _types(
        code_text("Bolivian miners stayed away from work on Monday to protest against the new mining law.")
    )
    assert "PROTEST" in _types(
        code_text("Nepali students threw stones at police during demonstrations in Kathmandu.")
    )


def test_what_a_demand_asks_is_not_done(code_text):
    e = _only(
        code_text("The African Union reiterated its demand that Sudan ease restrictions on aid workers."),
        "REQUEST",
    )
    assert _codes(e["targets"]) == {"SDN"}
    assert "CONCEDE" not in _types(
        code_text("The African Union reiterated its demand that Sudan ease restrictions on aid workers.")
    )


def test_what_a_statement_says_is_the_act_of_who_issued_it(code_text):
    e = _only(code_text("Ghana sent a letter urging Togo to reopen the border."), "REQUEST")
    assert _codes(e["sources"]) == {"GHA"} and _codes(e["targets"]) == {"TGO"}


def test_exercises_evidence_and_wishes(code_text):
    assert _types(code_text("China is conducting military exercises near Taiwan.")) == ["MOBILIZE"]
    assert _types(code_text("Japan and India held joint military exercises in the Bay of Bengal.")) == [
        "COOPERATE"
    ]
    assert _types(code_text("Kenya presented evidence against Somalia at the court.")) == ["ACCUSE"]
    assert "ASSAULT" not in _types(code_text("Iran wants Syria to attack Israel."))


def test_a_demonym_before_an_event_noun_is_its_actor(code_text):
    e = _only(code_text("Somali riots against the Kenyan police continued on Monday."), "PROTEST")
    assert _codes(e["sources"]) == {"SOM"}


def test_forces_on_alert_abroad_are_aimed_at_that_country(code_text):
    e = _only(code_text("Rwandan troops remained on high alert in eastern Congo on Friday."), "MOBILIZE")
    assert _codes(e["targets"]) == {"COD"} and e["targets"][0]["role"] == "implied recipient"


def test_a_local_government_acts_under_its_own_name(code_text):
    e = _only(
        code_text("The government of Kerala state has ordered patrols by police after the riots."), "MOBILIZE"
    )
    assert e["sources"][0]["name"] == "government of Kerala state"
    assert e["sources"][0]["id"] != "group:government"  # not every "government" in the store


def test_a_list_of_three_countries_all_meet(code_text):
    e = _only(code_text("The US, Russia, and Switzerland met in Geneva yesterday."), "CONSULT")
    assert _codes(e["sources"]) | _codes(e["targets"]) == {"USA", "RUS", "CHE"}


def test_an_obligation_asserted_or_reminded_is_a_request(code_text):
    e = _only(
        code_text("The Kenyan foreign minister reiterated that Somalia must hand over the suspects."),
        "REQUEST",
    )
    assert _codes(e["sources"]) == {"KEN"} and _codes(e["targets"]) == {"SOM"}
    e = _only(
        code_text("Ghana issued a stern reminder to Togo that it must respect the border treaty."), "REQUEST"
    )
    assert _codes(e["sources"]) == {"GHA"} and _codes(e["targets"]) == {"TGO"}
    e = _only(
        code_text("Kenyan lawmakers are demanding that President William Ruto dissolve the cabinet."),
        "REQUEST",
    )
    assert [t["name"] for t in e["targets"]] == ["William Ruto"]


def test_what_a_subject_undergoes(code_text):
    e = _only(code_text("A Kenyan journalist was put under investigation in Uganda on Monday."), "ACCUSE")
    assert _codes(e["sources"]) == {"UGA"} and _codes(e["targets"]) == {"KEN"}
    e = _only(code_text("The Malian army base came under attack by jihadists on Sunday."), "ASSAULT")
    assert e["sources"][0]["sector"] == "REB" and _codes(e["targets"]) == {"MLI"}


# negative items: political actors, nothing to code (rules 5 and 10) -------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect Ghana and Togo to sign a trade deal next year.",
        "Ethiopia and Eritrea fought a border war from 1998 to 2000.",
        "Kenya has long supported the African Union mission in Somalia.",
        "The talks between Sudan and Chad could resume next week.",
        "No fighting was reported in the Malian capital on Sunday.",
        "Tanzanian President Samia Suluhu Hassan was born in Zanzibar in 1960.",
    ],
)
def test_nothing_to_code(code_text, sentence):
    assert code_text(sentence) == []


def test_abstract_actors_get_no_code(code_text):
    assert code_text("The West accused Russia of meddling in the election.") == []


def test_one_event_for_one_act(code_text):
    assert _types(code_text("Brazil and Argentina signed a trade agreement in Buenos Aires.")) == ["SUPPORT"]
    assert _types(code_text("Germany pledged 500 million euros in military aid to Ukraine.")) == ["AGREE"]
    assert _types(code_text("Pakistan summoned the Afghan envoy to protest cross-border attacks.")) == [
        "ACCUSE"
    ]
    e = _only(
        code_text("Israeli airstrikes killed 20 people in Gaza on Monday, health officials said."), "ASSAULT"
    )
    assert _codes(e["sources"]) == {"ISR"}


def test_protesters_of_no_named_country_protest_at_home(code_text):
    e = _only(
        code_text(
            "Islamist students went on a hunger strike to demand the resignation of "
            "Egyptian President Abdel Fattah el-Sisi."
        ),
        "PROTEST",
    )
    assert _codes(e["sources"]) == {"EGY"}
    e = _only(code_text("Demonstrators protesting the election results blocked roads in Maputo."), "PROTEST")
    assert _codes(e["sources"]) == {"MOZ"}


# stance passives, continued acts, subjunctives and conditional threats ----------------
def test_a_stance_passive_is_the_subjects_act(code_text):
    e = _only(code_text("Kenya is opposed to Ugandan mediation in its dispute with Somalia."), "REJECT")
    assert _codes(e["sources"]) == {"KEN"} and _codes(e["targets"]) == {"UGA"}
    e = _only(
        code_text("Ghana is committed to opening its markets to Togo, the finance minister said."), "AGREE"
    )
    assert _codes(e["sources"]) == {"GHA"}  # with no one it is for, a commitment is a stance (GUIDELINES 1)


def test_continuing_an_act_is_the_act_but_continued_support_is_a_state(code_text):
    e = _only(code_text("Russia continued to send weapons to Venezuela last year."), "AID")
    assert _codes(e["targets"]) == {"VEN"}
    assert code_text("Chile has continued to support Peru's bid for the seat.") == []


def test_a_mandative_clause_tells_what_is_asked(code_text):
    events = code_text("The European Union pressed hard for Serbia recognise the court's ruling.")
    e = _only(events, "REQUEST")
    assert _codes(e["targets"]) == {"SRB"} and "SUPPORT" not in _types(events)
    events = code_text("Ecuador insisted that Peru withdraw its troops from the border.")
    assert "RETREAT" not in _types(events) and "CONCEDE" not in _types(events)


def test_an_obligation_from_a_participle_misparsed_as_subject(code_text):
    e = _only(
        code_text("The Red Cross working in Yemen said Saudi forces must protect hospitals."), "REQUEST"
    )
    assert _codes(e["targets"]) == {"SAU"}


def test_defying_a_ban_is_reject_and_a_seat_names_a_country(code_text):
    e = _only(
        code_text("A newspaper based in Kinshasa defied a publication ban by President Felix Tshisekedi."),
        "REJECT",
    )
    assert _codes(e["sources"]) == {"COD"}


def test_a_negative_act_held_out_on_a_condition_is_a_threat(code_text):
    e = _only(
        code_text("The African Union may suspend its mediation in Sudan if the fighting continues."),
        "THREATEN",
    )
    assert _codes(e["sources"]) == {"IGO"}
    assert _types(code_text("Tuareg rebels have sworn to fight until they control Kidal.")) == ["THREATEN"]
    assert _types(code_text("Hungary plans to impose restrictions on migrants from Serbia.")) == ["THREATEN"]
    assert code_text("Analysts said Russia could attack Georgia if talks fail.") == []


def test_guilty_of_an_act_asserts_it(code_text):
    e = _only(
        code_text("Both the Sudanese army and the RSF are guilty of violating the truce, monitors said."),
        "ASSAULT",
    )
    assert len(e["sources"]) == 2
    assert code_text("Neither side is guilty of violating the truce, monitors said.") == []


def test_listed_demonyms_each_name_a_group_and_measure_phrases_tell_of_events(code_text):
    e = _only(
        code_text("Indian and French warships launched five days of war games off Goa on Monday."),
        "COOPERATE",
    )
    assert _codes(e["sources"]) == {"IND", "FRA"}
    e = _only(code_text("Kenyan and Somali negotiators returned to Nairobi on Monday for talks."), "CONSULT")
    assert _codes(e["sources"]) == {"KEN", "SOM"}


def test_training_fighters_is_mobilize_and_a_decided_sanction_is_imposed(code_text):
    e = _only(
        code_text("Iran has trained hundreds of hackers to attack Israeli networks, officials said."),
        "MOBILIZE",
    )
    assert _codes(e["sources"]) == {"IRN"}
    assert _types(code_text("The European Union decided to impose sanctions on Belarus.")) == ["SANCTION"]
    assert _types(code_text("Chad announced it would cut aid to Sudanese refugees in Abeche.")) == [
        "THREATEN"
    ]


def test_a_group_that_disarms_is_the_actor_of_its_demobilisation(code_text):
    e = _only(
        code_text("Hundreds of Tuareg rebels in Mali have been demobilized since the accord."), "RETREAT"
    )
    assert _codes(e["sources"]) == {"MLI"}


def test_a_petition_drive_is_a_protest_and_a_named_union_is_an_actor(code_text):
    e = _only(
        code_text("The Farmers Union began collecting signatures against the Kenyan land law on Monday."),
        "PROTEST",
    )
    assert e["sources"][0]["name"] == "Farmers Union"


def test_a_known_acronym_names_a_body_spelt_another_way(code_text):
    e = _only(
        code_text("The International Labor Office (ILO) urged Qatar to protect migrant workers."), "REQUEST"
    )
    assert _codes(e["sources"]) == {"IGO"}


def test_a_leaders_country_goes_without_saying(code_text):
    e = _only(code_text("Erdogan met Sheinbaum in Ankara on Monday."), "CONSULT")
    assert _codes(e["sources"]) == {"TUR"} and _codes(e["targets"]) == {"MEX"}


def test_victims_of_no_named_country_belong_where_they_were_hit(code_text):
    e = _only(code_text("Somali gunmen killed 12 people in Nairobi on Monday."), "ASSAULT")
    assert _codes(e["targets"]) == {"KEN"}


def test_steps_taken_to_act_are_the_act(code_text):
    e = _only(code_text("Bolivia took steps to restore press freedom on Monday."), "CONCEDE")
    assert _codes(e["sources"]) == {"BOL"}
