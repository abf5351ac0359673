"""Actor resolution and cross-source merging (issue 4), on texts written for these tests,
the bundled sample corpus and, when ../shared is present, the seeds."""

from __future__ import annotations

from dataclasses import replace

import pytest

import tidings
from tests.conftest import CORPUS
from tidings.kb import load_kb
from tidings.merge import Occurrence, Who, agreement, same_actor
from tidings.names import org_key, person_key, short_form
from tidings.records import DocActor
from tidings.resolve import ActorIndex, Decisions
from tidings.store import Store

pytestmark = pytest.mark.model


# names -----------------------------------------------------------------------
def test_person_keys_ignore_diacritics_case_and_titles():
    kb = load_kb()
    keys = {
        person_key(n, kb)
        for n in ("Tô Lâm", "To Lam", "General Secretary To Lam", "Comrade To Lam", "TO LAM")
    }
    assert keys == {"to lam"}
    assert person_key("President Lam", kb) == "lam"


def test_short_forms_follow_the_naming_order():
    assert short_form("to lam", "VNM") == "lam"  # Vietnamese: called by the given name, last
    assert short_form("nguyen van an", None) == "an"
    assert short_form("xi jinping", "CHN") == "xi"  # Chinese: called by the family name, first
    assert short_form("joe sims", "USA") == "sims"
    assert short_form("ursula von der leyen", None) == "von der leyen"


def test_organisation_keys_read_country_names_and_ignore_order():
    kb = load_kb()
    assert org_key("Communist Party USA", kb) == org_key(
        "Communist Party of the United States of America", kb
    )
    assert org_key("Vietnamese Communist Party", kb) == org_key("Communist Party of Vietnam", kb)
    assert org_key("Labour Party of Kenya", kb) != org_key("Labour Party of Uganda", kb)


# resolution across documents -----------------------------------------------------
def _person(name, country=None, org=None, role=None, names=()):
    from tidings.actors import person_id

    return DocActor(person_id(name), "person", name, names or (name,), org, role, country)


def test_one_person_across_spellings_and_titles():
    index = ActorIndex(load_kb())
    a = index.resolve(_person("Tô Lâm", "VNM", "CPV", "General Secretary"))
    b = index.resolve(_person("General Secretary To Lam", "VNM"))
    c = index.resolve(_person("President Lam", None, None, "President"))  # a short name, one fits
    assert a.id == b.id == c.id


def test_same_name_different_country_is_two_people():
    index = ActorIndex(load_kb())
    a = index.resolve(_person("John Smith", "GBR"))
    b = index.resolve(_person("John Smith", "AUS"))
    assert a.id != b.id


def test_a_short_name_with_two_candidates_stays_apart():
    index = ActorIndex(load_kb())
    index.resolve(_person("Anna Berg", "SWE"))
    index.resolve(_person("Lars Berg", "SWE"))
    lone = index.resolve(_person("Berg", "SWE"))
    assert lone.id == "person:berg"


def test_acronyms_and_long_names_of_an_unknown_party_are_one():
    index = ActorIndex(load_kb())
    a = index.resolve(
        DocActor(
            "people-s-renewal-party-of-ruritania",
            "org",
            "People's Renewal Party of Kenya",
            ("People's Renewal Party of Kenya", "PRPK"),
            country="KEN",
        )
    )
    b = index.resolve(DocActor("prpk", "org", "PRPK", ("PRPK",), country="KEN"))
    c = index.resolve(
        DocActor("kenyan-people-s-renewal-party", "org", "Kenyan People's Renewal Party", (), country="KEN")
    )
    assert a.id == b.id == c.id


def test_decisions_rewrite_resolution():
    d = Decisions()
    d.add("merge", {"into": "person:a-b", "merge": ["person:c-d"]})
    d.add("split", {"actor": "person:x-y", "key": "person:x y", "new_id": "person:x-y~2", "name": "X Y"})
    assert d.apply("person:c-d", []) == "person:a-b"
    assert d.apply("person:x-y", ["person:x y"]) == "person:x-y~2"
    assert d.apply("person:x-y", ["person:other"]) == "person:x-y"


# within a document --------------------------------------------------------------
def test_short_names_pronouns_and_role_anaphors_resolve_within_a_document(pipeline):
    from tidings.coding import code_document

    text = (
        "Tran Duc Thanh, Vietnam's deputy foreign minister, met Ruritanian activist Clara Weiss in Hanoi on "
        "Monday. Thanh praised Weiss for her support. The Vietnamese official thanked her. "
        "She praised Vietnam."
    )
    doc = pipeline.nlp(text)
    events, actors = code_document(doc, pipeline.kb, pipeline.lexicon, None)
    people = {a.id: a for a in actors if a.kind == "person"}
    assert set(people) == {"person:tran-duc-thanh", "person:clara-weiss"}, people
    assert "Thanh" in people["person:tran-duc-thanh"].names
    assert all(
        a.id in people or a.kind != "person"
        for e in events
        for a in (*e.sources, *e.targets)
        if a.id.startswith("person:")
    )


def test_a_headline_short_name_links_to_the_full_name_below(pipeline):
    from tidings.coding import code_document

    text = (
        "Okafor, Lindqvist hold talks in Abuja\n"
        "Nigerian President Daniel Okafor met Swedish Prime Minister Eva Lindqvist in Abuja on Monday."
    )
    events, actors = code_document(pipeline.nlp(text), pipeline.kb, pipeline.lexicon, None)
    ids = {a.id for e in events for a in (*e.sources, *e.targets)}
    assert "person:okafor" not in ids and "person:daniel-okafor" in ids


def test_the_party_refers_back(pipeline):
    from tidings.coding import code_document

    text = (
        "The Workers' Party of Ruritania (WPR) sent a delegation to Kenya. Party leader Jan Novak said the "
        "party thanked Kenya for its hospitality."
    )
    events, actors = code_document(pipeline.nlp(text), pipeline.kb, pipeline.lexicon, None)
    org = next(a for a in actors if a.kind == "org")
    assert "WPR" in org.names


# merging -------------------------------------------------------------------------
def _who(i, kind="person", org=None, country=None, sector="GOV"):
    return Who(id=i, name=i, kind=kind, org=org, country=country, sector=sector)


def test_a_meeting_reported_as_talks_and_as_received_agrees():
    from datetime import date

    kb = load_kb()
    a, b = _who("person:a", country="KEN"), _who("person:b", country="TZA")
    met = Occurrence("m1", "CONSULT", date(2025, 3, 3), date(2025, 3, 4), "Dodoma", [a], [b], {"d1"})
    received = Occurrence("m2", "CONSULT", date(2025, 3, 3), date(2025, 3, 4), None, [b], [a], {"d2"})
    by_country = Occurrence(
        "m3",
        "CONSULT",
        None,
        date(2025, 3, 4),
        None,
        [_who("KEN", "country", country="KEN", sector=None)],
        [b],
        {"d3"},
    )
    assert agreement(received, met, kb) is not None
    assert agreement(by_country, met, kb) is not None  # a minister acts for her country
    later = Occurrence("m4", "CONSULT", date(2025, 4, 3), date(2025, 4, 4), None, [a], [b], {"d4"})
    other = Occurrence(
        "m5",
        "CONSULT",
        date(2025, 3, 3),
        date(2025, 3, 4),
        None,
        [a],
        [_who("person:c", country="UGA")],
        {"d5"},
    )
    elsewhere = Occurrence("m6", "CONSULT", date(2025, 3, 3), date(2025, 3, 4), "Kampala", [a], [b], {"d6"})
    assert agreement(later, met, kb) is None  # the same pair a month later
    assert agreement(other, met, kb) is None  # another counterpart on the same trip
    assert agreement(elsewhere, met, kb) is None  # another country's city


def test_directed_events_keep_their_direction():
    from datetime import date

    kb = load_kb()
    a, b = (
        _who("KEN", "country", country="KEN", sector=None),
        _who("UGA", "country", country="UGA", sector=None),
    )
    one = Occurrence("m1", "ACCUSE", date(2025, 3, 3), None, None, [a], [b], {"d1"})
    back = Occurrence("m2", "ACCUSE", date(2025, 3, 3), None, None, [b], [a], {"d2"})
    assert agreement(back, one, kb) is None


def test_two_statements_of_one_kind_in_one_text_stay_two_but_two_tellings_of_a_meeting_are_one():
    from datetime import date

    kb = load_kb()
    a, b = (
        _who("KEN", "country", country="KEN", sector=None),
        _who("UGA", "country", country="UGA", sector=None),
    )
    day = date(2025, 3, 3)
    first = Occurrence("m1", "ACCUSE", day, None, None, [a], [b], {"d1"})
    second = Occurrence("m2", "ACCUSE", day, None, None, [a], [b], {"d1"})
    elsewhere = Occurrence("m3", "ACCUSE", day, None, None, [a], [b], {"d2"})
    assert agreement(second, first, kb) is None  # the coder told them apart
    assert agreement(elsewhere, first, kb) is not None  # another outlet's report of it
    met = Occurrence("m4", "CONSULT", day, None, None, [a], [b], {"d1"})
    again = Occurrence("m5", "CONSULT", day, None, None, [b], [a], {"d1"})
    assert agreement(again, met, kb) is not None


def test_an_undated_report_joins_by_its_weekday_and_only_one_event():
    from datetime import date

    from tidings.merge import Merger

    kb = load_kb()
    a, b = _who("person:ana-rojas", country="CHL"), _who("person:luis-vega", country="PER")
    friday = Occurrence("e1", "CONSULT", date(2024, 8, 2), date(2024, 8, 2), None, [a], [b], {"d1"})
    monday = Occurrence("e2", "CONSULT", date(2024, 4, 29), date(2024, 4, 29), None, [a], [b], {"d2"})
    undated = Occurrence("m1", "CONSULT", None, None, None, [b], [a], {"d3"}, weekday=4)
    no_day = Occurrence("m2", "CONSULT", None, None, None, [b], [a], {"d4"})
    assert agreement(undated, friday, kb) is not None
    assert agreement(undated, monday, kb) is None  # a Friday report is not of a Monday
    assert agreement(no_day, friday, kb) is None  # nothing tells which call it was
    merger = Merger(kb)
    merger.add([friday, monday])
    event, why = merger.place(undated)
    assert event.id == "e1" and "Friday" in (why or "")


def test_two_undated_reports_merge_only_on_the_same_place():
    kb = load_kb()
    a, b = _who("person:ana-rojas", country="CHL"), _who("person:luis-vega", country="PER")
    lima = Occurrence("e1", "CONSULT", None, None, "Lima", [a], [b], {"d1"})
    also_lima = Occurrence("m1", "CONSULT", None, None, "Lima", [a], [b], {"d2"})
    a_call = Occurrence("m2", "CONSULT", None, None, None, [a], [b], {"d3"})
    assert agreement(also_lima, lima, kb) is not None
    assert agreement(a_call, lima, kb) is None
    by_country = Occurrence(
        "m3", "CONSULT", None, None, "Lima", [_who("CHL", "country", country="CHL")], [b], {"d4"}
    )
    assert agreement(by_country, lima, kb) is None  # undated: people only


def test_a_first_name_alone_is_the_person_of_the_full_name():
    from datetime import date

    kb = load_kb()
    full = Occurrence(
        "e1",
        "CONSULT",
        date(2024, 5, 12),
        None,
        None,
        [_who("person:john-kerry", country="USA")],
        [_who("person:putin", country="RUS")],
        {"d1"},
    )
    first = Occurrence(
        "m1",
        "CONSULT",
        date(2024, 5, 12),
        None,
        None,
        [Who(id="person:john", name="John", kind="person", country="USA")],
        [_who("person:putin", country="RUS")],
        {"d2"},
    )
    full = replace(
        full, sources=[Who(id="person:john-kerry", name="John Kerry", kind="person", country="USA")]
    )
    assert agreement(first, full, kb) is not None


def test_sample_corpus_meeting_is_one_event_with_its_reports(store_db, pipeline):
    db = store_db
    summary = tidings.ingest([str(CORPUS)], options=tidings.resolve_options(db=db), pipeline=pipeline)
    assert not summary.failed
    store = Store(db)
    meetings = store.query_events(dyad=("Amina Wekesa", "Halima Mrisho"), type="CONSULT")
    assert len(meetings) == 1, [m["reports"][0]["evidence"] for m in meetings]
    [dodoma] = meetings
    outlets = {r["outlet"] for r in dodoma["reports"]}
    assert {"The Lakeside Herald", "Coastal Chronicle", "East Africa Wire"} == outlets
    assert dodoma["independent_sources"] == 2  # the wire copy and the paper that ran it are one source
    assert any(r["copy_of"] for r in dodoma["reports"])
    kampala = store.query_events(dyad=("Amina Wekesa", "Joseph Okello"), type="CONSULT")
    assert len(kampala) == 1 and kampala[0]["id"] != dodoma["id"]  # same trip, another meeting

    # a re-run of resolution keeps the event id; any report's id leads to the event
    store.rebuild()
    again = Store(db).query_events(dyad=("Amina Wekesa", "Halima Mrisho"), type="CONSULT")
    assert [e["id"] for e in again] == [dodoma["id"]]
    for report in dodoma["reports"]:
        assert store.event(report["mention_id"])["id"] == dodoma["id"]


def test_merge_split_and_rename_survive_resolution_and_new_documents(tmp_path, store_db, pipeline):
    db = store_db
    opts = tidings.resolve_options(db=db)
    first = tmp_path / "a.txt"
    first.write_text(
        "Swedish Foreign Minister Ana Petrova met Kenyan President William Ruto in Nairobi on Monday, "
        "the first stop of a tour of East Africa that will also take her to Uganda and Tanzania. "
        "Petrova praised Kenya for its work on regional security.\n",
        encoding="utf-8",
    )
    tidings.ingest([str(first)], options=opts, pipeline=pipeline)
    store = Store(db)
    store.decide("merge", {"into": "person:william-ruto", "merge": ["person:ana-petrova"]})
    assert store.actor("Ana Petrova")["id"] == "person:william-ruto"
    store.decide("rename", {"actor": "person:william-ruto", "name": "W. S. Ruto"})
    store.decide(
        "split",
        {
            "actor": "person:william-ruto",
            "key": "person:ana petrova",
            "new_id": "person:ana-petrova~1",
            "name": "Ana Petrova",
        },
    )
    second = tmp_path / "b.txt"
    second.write_text(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on Friday to "
        "discuss the oil pipeline, trade across the border and security in the region, officials said. "
        "Ana Petrova, the Swedish foreign minister, praised Kenya for its work.\n",
        encoding="utf-8",
    )
    tidings.ingest([str(second)], options=opts, pipeline=pipeline)
    store = Store(db)
    store.rebuild()
    ruto = store.actor("William Ruto")
    assert ruto["name"] == "W. S. Ruto" and ruto["id"] == "person:william-ruto"
    assert store.actor("Ana Petrova")["id"] == "person:ana-petrova~1"
    assert len(store.list_decisions()) == 3


# the seeds -------------------------------------------------------------------------
def test_seeds_resolve_to_two_parties_and_one_actor_per_person(seeds_db):
    store = Store(seeds_db)
    parties = [a for a in store.find_actors(limit=500) if a["sector"] == "PTY" and a["kind"] == "org"]
    assert sorted(a["actor_id"] for a in parties) == ["CPUSA", "CPV"]
    cpusa = store.actor("Communist Party of the United States of America")
    assert cpusa["id"] == store.actor("Communist Party USA")["id"] == store.actor("CPUSA")["id"]
    for name, role in (
        ("To Lam", "General Secretary"),
        ("Joe Sims", "Co-Chair"),
        ("Rossana Cambron", "co-Chair"),
        ("Merle Ratner", "activist"),
    ):
        people = [a for a in store.find_actors(search=name.split()[-1], limit=50) if a["kind"] == "person"]
        assert len(people) == 1, people
        record = store.actor(name)
        assert role.lower() in [r["role"].lower() for r in record["roles"]], record["roles"]
    for name in ("Tô Lâm", "General Secretary Lam", "Comrade To Lam", "Lam"):
        assert store.actor(name)["id"] == "person:to-lam"
    records = store.query_events(dyad=("CPV", "CPUSA"))
    assert len({r["reports"][0]["published"][:4] for r in records}) == 2  # both documents


def test_actor_commands(store_db, pipeline):
    from typer.testing import CliRunner

    from tidings.cli import app

    db = store_db
    tidings.ingest([str(CORPUS)], options=tidings.resolve_options(db=db), pipeline=pipeline)
    run = CliRunner().invoke
    listed = run(app, ["actors", "--search", "wekesa", "--db", db])
    assert listed.exit_code == 0 and "Amina Wekesa" in listed.output
    shown = run(app, ["actor", "Foreign Minister Amina Wekesa", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Foreign Minister" in shown.output and "Halima Mrisho" in shown.output  # role, counterpart
    missing = run(app, ["actor", "Nobody Atall", "--db", db])
    assert missing.exit_code == 2 and "tidings actors --search" in missing.output
    merged = run(app, ["actor", "merge", "Kenya", "Amina Wekesa", "--db", db])
    assert merged.exit_code == 0, merged.output
    assert run(app, ["actor", "Wekesa", "--db", db, "--json"]).output.count('"id": "KEN"') == 1
    again = run(app, ["resolve", "--db", db])
    assert again.exit_code == 0 and "events" in again.output
    assert '"id": "KEN"' in run(app, ["actor", "Amina Wekesa", "--db", db, "--json"]).output


def test_later_documents_join_stored_events_and_ids_stay(store_db, pipeline):
    db = store_db
    opts = tidings.resolve_options(db=db)
    html = CORPUS / "html"
    tidings.ingest(
        [str(html / "coastal-chronicle-2025-03-04-wekesa-mrisho.html")], options=opts, pipeline=pipeline
    )
    [before] = Store(db).query_events(dyad=("Amina Wekesa", "Halima Mrisho"), type="CONSULT")
    tidings.ingest(
        [str(html / "lakeside-herald-2025-03-04-dodoma-talks.html"), str(CORPUS / "jsonl")],
        options=opts,
        pipeline=pipeline,
    )
    [after] = Store(db).query_events(dyad=("Amina Wekesa", "Halima Mrisho"), type="CONSULT")
    assert after["id"] == before["id"] and len(after["reports"]) == 3 and after["independent_sources"] == 2


def test_a_pronoun_acts_for_the_person_named_before(pipeline):
    from tidings.coding import code_document

    text = (
        "Kenyan Foreign Minister Amina Wekesa arrived in Dodoma on Monday for talks on the border. "
        "She praised Tanzania for its patience during the dispute."
    )
    events, _ = code_document(pipeline.nlp(text), pipeline.kb, pipeline.lexicon, None)
    [praise] = [e for e in events if e.type == "SUPPORT"]
    assert [a.id for a in praise.sources] == ["person:amina-wekesa"] and praise.sources[0].country == "KEN"


def test_a_title_and_surname_name_the_one_leader_with_both():
    from collections import Counter

    kb = load_kb()
    leaders = {leader for leader in kb.leaders.values()}
    pairs = Counter((leader.role.lower(), leader.name.split()[-1].lower()) for leader in leaders)
    leader = next(
        x
        for x in sorted(leaders, key=lambda x: x.name)
        if pairs[(x.role.lower(), x.name.split()[-1].lower())] == 1
    )
    assert kb.titled_leader(leader.role, leader.name.split()[-1]) == leader
    assert kb.titled_leader("Astronaut", leader.name.split()[-1]) is None


def test_a_country_named_by_one_office_is_not_the_holder_of_another():
    minister = replace(_who("person:ana-soto", country="PER"), role="Foreign Minister")
    office = Who(id="PER", name="Peru", kind="country", country="PER", role="President")
    assert not same_actor(minister, office)  # "the President of Peru" is not the foreign minister
    assert same_actor(minister, replace(office, role=None))  # a report that says only "Peru"
    assert same_actor(replace(minister, role="President"), office)


def test_a_country_whose_code_a_body_shares_is_never_that_body(code_text):
    e = next(
        e
        for e in code_text("President Ana Soto of Peru met the President of Cabo Verde in Lima on Monday.")
        if e["type"] == "CONSULT"
    )
    [cape_verde] = [a for a in e["sources"] + e["targets"] if a["country"] == "CPV"]
    assert cape_verde["id"] != "CPV"  # the knowledge base's id of the Communist Party of Vietnam
    index = ActorIndex(load_kb())
    entry = index.resolve(
        DocActor(cape_verde["id"], "country", "Cabo Verde", ("Cabo Verde",), None, None, "CPV")
    )
    party = index.resolve(DocActor("CPV", "org", "Communist Party of Vietnam", (), None, None, "VNM"))
    assert entry.id != party.id and "Vietnam" not in entry.name


def test_one_texts_two_office_holders_of_one_surname_stay_two():
    from datetime import date

    kb = load_kb()
    president = replace(_who("person:varga", country="CHL"), name="Varga", role="President")
    commander = replace(_who("person:tomas-varga"), name="Tomas Varga", role="Commander of the Armed Forces")
    guest = _who("person:ana-soto", country="PER")
    day = date(2025, 3, 3)
    one = Occurrence("m1", "CONSULT", day, day, None, [guest], [president], {"d1"})
    other = Occurrence("m2", "CONSULT", day, day, None, [guest], [commander], {"d1"})
    assert agreement(other, one, kb) is None  # the same text names both: two meetings
    elsewhere = Occurrence("m3", "CONSULT", day, day, None, [guest], [replace(commander, role=None)], {"d2"})
    assert agreement(elsewhere, one, kb) is not None  # another outlet's "Tomas Varga" may be him


def test_one_texts_people_with_two_offices_resolve_to_two_actors():
    index = ActorIndex(load_kb())
    full = index.resolve(_person("Tomas Varga", None, None, "Commander of the Armed Forces"))
    short = index.resolve(_person("Varga", "CHL", None, "President"), frozenset({full.id}))
    assert short.id != full.id
    again = index.resolve(_person("Varga", "CHL", None, "President"))
    assert again.id == short.id
