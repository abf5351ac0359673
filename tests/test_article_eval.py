"""The article-level scorer on invented gold and predictions (no model needed)."""

from __future__ import annotations

from tidings.article_eval import GoldArticle, actor_match, content_words, event_match, score


def person(name, country=None, org=None, mention=None):
    return {"name": name, "country": country, "org": org, "mention": mention}


def gold(gid, etype, sources, targets, **extra):
    return {
        "id": gid,
        "type": etype,
        "sources": sources,
        "targets": targets,
        "evidence": extra.pop("evidence", ""),
        "date": extra.pop("date", None),
        **extra,
    }


def predicted(pid, etype, sources, targets, article="1", date=None, evidence=""):
    return {
        "id": pid,
        "type": etype,
        "date": date,
        "sources": sources,
        "targets": targets,
        "reports": [{"source_id": article, "evidence": evidence, "mentions": [{"evidence": evidence}]}],
    }


def test_content_words_drop_titles_and_diacritics():
    assert content_words("Foreign Minister Đặng Văn Hùng of the Republic") == {"dang", "van", "hung"}


def test_lenient_and_strict_actor_match():
    g = person("Antony Blinken", "USA", mention="the Secretary")
    assert actor_match(g, person("United States", "USA"))
    assert not actor_match(g, person("United States", "USA"), strict=True)
    assert actor_match(g, person("Antony J. Blinken", None), strict=True)
    assert actor_match(
        person(None, None, org="Ministry of Defence of Ruritania"), person(None, None, org="Ruritania")
    )


def test_consult_needs_two_participants_other_types_need_source_and_target():
    a, b = person("Ann Lee", "AAA"), person("Bo Ng", "BBB")
    g = gold("1-e1", "CONSULT", [a], [b])
    assert event_match(g, predicted("p", "CONSULT", [b], [a]))  # direction does not matter
    assert not event_match(g, predicted("p", "CONSULT", [a], []))
    accuse = gold("1-e2", "ACCUSE", [a], [b])
    assert not event_match(accuse, predicted("p", "ACCUSE", [b], [a]))
    assert event_match(
        gold("1-e3", "AGREE", [a], [b], alt_types=["SUPPORT"]), predicted("p", "SUPPORT", [a], [b])
    )


def test_recall_precision_neutral_and_merging():
    a, b, c = person("Ann Lee", "AAA"), person("Bo Ng", "BBB"), person("Cy Oz", "CCC")
    one = GoldArticle(
        "1",
        "",
        {},
        (
            gold("1-e1", "CONSULT", [a], [b], date="2024-01-02", same_event_as=["2-e1"]),
            gold("1-e2", "SUPPORT", [a], [b], optional=True, within="1-e1"),
            gold("1-e3", "ACCUSE", [a], [c], background=True),
        ),
    )
    two = GoldArticle(
        "2", "", {}, (gold("2-e1", "CONSULT", [b], [a], date="2024-01-02", same_event_as=["1-e1"]),)
    )
    meeting = predicted("m", "CONSULT", [a], [b], date="2024-01-03")
    meeting["reports"].append({"source_id": "2", "evidence": "", "mentions": [{"evidence": ""}]})
    records = [
        meeting,
        predicted("s", "AGREE", [a], [b]),  # inside the meeting: neutral
        predicted("x", "ACCUSE", [a], [c]),  # background gold: right
        predicted("y", "THREATEN", [c], [a]),
    ]  # wrong
    report = score([one, two], records)
    lenient = report["lenient"]
    assert lenient["recall"] == 1.0 and lenient["gold"] == 2
    assert lenient["predicted"] == 4 and lenient["correct"] == 3  # meeting counted in both articles
    assert lenient["date_acc"] == 1.0
    assert lenient["merge_recall"] == 1.0 and lenient["merge_precision"] == 1.0
