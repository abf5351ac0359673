"""Transcripts of remarks: speaker turns, who "I" and "you" are in them, and the formulas of
remarks ("allow me to welcome you", "thank you"). Every text here is written for these tests."""

from __future__ import annotations

import pytest

from tests.events import names, only
from tidings.turns import read_turns, vocative

EXCHANGE = (
    "Remarks With Foreign Minister Ilse Marwick\n\n"
    "FOREIGN MINISTER MARWICK: (Via interpreter) Distinguished Secretary of State, dear colleagues, "
    "allow me to welcome all of you cordially to Lisbon. We are glad to see you here.\n\n"
    "SECRETARY OSTRANDER: Well, Madam Minister, thank you very much. I want to thank you for making time.\n"
)


# turns (no model) ------------------------------------------------------------------
def test_labels_at_paragraph_starts_make_turns():
    turns = read_turns(EXCHANGE).turns
    assert [t.label for t in turns] == ["FOREIGN MINISTER MARWICK", "SECRETARY OSTRANDER"]
    assert EXCHANGE[turns[1].start :].startswith("Well, Madam Minister")
    assert not any(t.anonymous for t in turns)


def test_title_case_label_with_title_and_an_unlabelled_reply():
    text = (
        "President of Ruritania Anna Kovac: Mr Secretary, let me welcome you to Strelsau.\n\n"
        ": Mr President, thank you.\n"
    )
    turns = read_turns(text).turns
    assert [t.label for t in turns] == ["President of Ruritania Anna Kovac", ""]
    assert turns[1].anonymous


def test_one_label_or_only_roles_in_the_room_is_no_transcript():
    assert not read_turns("Note: the minister spoke in Lisbon.\n\nShe left on Friday.")
    assert not read_turns("QUESTION: When?\n\nMODERATOR: Next question.\n")


def test_headings_of_a_digest_are_no_speakers():
    text = (
        "Press Releases: Independence Day Statement to Chile\n\nOn behalf of Peru, I send my best wishes.\n\n"
        "Press Releases: Minister Vega Meets Chilean Envoy\n\nThe two discussed trade.\n"
    )
    assert not read_turns(text)


def test_vocative_after_an_interpreters_note_and_well():
    assert vocative("(Via interpreter) Mr. President, thank you.") == ["mr", "president"]
    assert vocative("Well, Sergio, thank you very much.") == ["sergio"]
    assert vocative("Ladies and gentlemen, today we had long talks in the capital of the country.") == []
    assert vocative("(In progress) ready to start the press conference.") == []
    assert vocative("Today we had long talks in the capital of the country, and now we are here.") == []


# who speaks to whom (model) ----------------------------------------------------------


@pytest.mark.model
def test_a_welcome_in_the_hosts_turn_is_the_visit(code_text):
    e = only(code_text(EXCHANGE, "2024-05-07"), "CONSULT")
    assert names(e["sources"]) == {"Ostrander"} and names(e["targets"]) == {"Ilse Marwick"}
    assert e["date"] == "2024-05-07"


@pytest.mark.model
def test_thanks_and_leave_formulas_are_no_events(code_text):
    events = code_text(EXCHANGE, "2024-05-07")
    assert [e["type"] for e in events] == ["CONSULT"]  # no "thank you" SUPPORT, no CONCEDE from "allow"


@pytest.mark.model
def test_speaker_label_and_title_words_are_no_actors(code_text):
    events = code_text(EXCHANGE, "2024-05-07")
    named = {n for e in events for n in names(e["sources"] + e["targets"])}
    assert not named & {"State", "FOREIGN MINISTER MARWICK", "SECRETARY OSTRANDER"}


@pytest.mark.model
def test_unlabelled_reply_is_by_the_one_addressed(code_text):
    text = (
        "Meeting with Secretary of State Tom Ostrander\n\n"
        "President of Portugal Anna Kovac: Mr Secretary, colleagues, let me welcome you to Lisbon.\n\n"
        ": Mr President, thank you. I would like to invite you to visit Washington.\n"
    )
    request = only(code_text(text, "2024-05-07"), "REQUEST")
    assert names(request["sources"]) == {"Tom Ostrander"} and names(request["targets"]) == {"Anna Kovac"}


@pytest.mark.model
def test_our_pleasure_to_welcome_you_is_the_speakers_welcome(code_text):
    text = (
        "MINISTER ARVAN: Secretary Tom Ostrander and dear guests, "
        "it is our pleasure to welcome you to Lisbon.\n\n"
        "SECRETARY OSTRANDER: Thank you, Minister.\n"
    )
    e = only(code_text(text, "2024-05-07"), "CONSULT")
    assert names(e["sources"]) == {"Tom Ostrander"} and names(e["targets"]) == {"Arvan"}


@pytest.mark.model
def test_you_outside_a_transcript_stays_unresolved(code_text):
    events = code_text("Minister Arvan said: we welcome you all to Lisbon.", "2024-05-07")
    assert not any("Arvan" in names(e["targets"]) for e in events)


# invitations (GUIDELINES 4) ---------------------------------------------------------
@pytest.mark.model
def test_an_invitation_is_a_request_from_the_inviter(code_text):
    e = only(
        code_text("President Okafor invited Prime Minister Lind to visit Accra.", "2024-05-07"), "REQUEST"
    )
    assert e["mode"] == "meet"
    assert names(e["sources"]) == {"Okafor"} and names(e["targets"]) == {"Lind"}


def test_a_meeting_a_host_tells_of_with_their_own_president_is_the_guests(code_text):
    text = (
        "Remarks With Foreign Minister Ilse Marwick of Portugal\n\n"
        "FOREIGN MINISTER MARWICK: Secretary of State Paul Ostrander, welcome to Lisbon. The meeting "
        "with the President of Portugal is just over.\n\n"
        "SECRETARY OSTRANDER: Thank you, Madam Minister.\n"
    )
    met = [
        e for e in code_text(text) if e["type"] == "CONSULT" and "PRT" in {t["country"] for t in e["targets"]}
    ]
    assert any(names(e["sources"]) == {"Paul Ostrander"} for e in met)
