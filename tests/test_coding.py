"""Coding rules on sentences written for these tests."""

from __future__ import annotations

import pytest

from tidings.ontology import event_types

pytestmark = pytest.mark.model


def _types(events):
    return [e["type"] for e in events]


def test_all_16_plover_types_exist():
    assert len(event_types()) == 16
    assert event_types()["CONSULT"].modes == ("visit", "third-party", "multilateral", "phone")


def test_meeting_with_source_target_date(code_text):
    [e] = code_text("Ghanaian President Kofi Mensah met Togolese Prime Minister Eric Amah in Lome on Monday.")
    assert e["type"] == "CONSULT"
    assert e["sources"][0]["country"] == "GHA" and e["targets"][0]["country"] == "TGO"
    assert e["date"] == "2024-10-07" and e["location"] == "Lome"


def test_negated_meeting_not_coded(code_text):
    assert "CONSULT" not in _types(
        code_text("Ghanaian President Kofi Mensah did not meet Togolese Prime Minister Eric Amah.")
    )


def test_hypothetical_not_coded(code_text):
    assert _types(code_text("Ghana could sanction Togo if talks fail.")) == []


def test_future_visit_is_agree(code_text):
    events = code_text("Ghanaian President Kofi Mensah will visit Togo next month.")
    assert _types(events) == ["AGREE"]


def test_host_receives_visitor_visitor_is_actor(code_text):
    [e] = code_text(
        "Togolese Prime Minister Eric Amah received Ghanaian President Kofi Mensah in Lome on Monday."
    )
    assert e["type"] == "CONSULT" and e["mode"] == "visit"
    assert e["sources"][0]["name"] == "Kofi Mensah" and e["targets"][0]["name"] == "Eric Amah"


def test_donation_is_aid_with_recipient(code_text):
    [e] = code_text("Japan donated ambulances to Ghana on Thursday.")
    assert e["type"] == "AID" and e["sources"][0]["country"] == "JPN" and e["targets"][0]["country"] == "GHA"


def test_praise_is_support_and_urge_is_request(code_text):
    assert _types(code_text("Ghana praised Togo for its restraint.")) == ["SUPPORT"]
    assert _types(code_text("The European Union urged Ghana to release the detained journalists.")) == [
        "REQUEST"
    ]


def test_accusation(code_text):
    [e] = code_text("Ghana accused Togo of harbouring smugglers.")
    assert e["type"] == "ACCUSE" and e["mode"] == "allege"


def test_noun_trigger_working_session(code_text):
    events = code_text(
        "At a working session with Ghanaian President Kofi Mensah, Eric Amah said relations were strong."
    )
    assert _types(events) == ["CONSULT"]
    assert events[0]["targets"][0]["name"] == "Kofi Mensah"


def test_compound_actor_is_one_event(code_text):
    events = code_text("Kenya and Uganda condemned the attack on the border post.")
    [e] = [e for e in events if e["type"] == "ACCUSE"]
    assert {a["country"] for a in e["sources"]} == {"KEN", "UGA"}


def test_pronoun_resolves_to_earlier_person(code_text):
    events = code_text(
        "Ghanaian President Kofi Mensah arrived in Lome on Monday. He praised Togo for its hospitality."
    )
    [e] = [e for e in events if e["type"] == "SUPPORT"]
    assert e["sources"][0]["name"] == "Kofi Mensah"


def test_appositive_role_and_acronym(code_text):
    events = code_text(
        "Kenyan officials met with Tran Van Duc, General Secretary of the Communist Party of Vietnam (CPV), "
        "on Monday."
    )
    [e] = events
    duc = e["targets"][0]
    assert duc["name"] == "Tran Van Duc" and duc["org"] == "CPV" and duc["country"] == "VNM"
    assert duc["sector"] == "PTY" and duc["role"] == "General Secretary"
