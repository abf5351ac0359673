"""Scoring whole articles against article-level gold (``../shared/eval/news_dev`` layout).

A gold folder holds ``articles/NNN.txt`` (the page as stored), ``articles/NNN.meta.json``
(``url``, ``outlet``, ``published``, ``title``) and ``gold/NNN.json`` (GUIDELINES.md). The
articles are ingested through the normal path into a fresh store, the events exported, and
each article's predicted events (those with a report from it) scored against its gold.

The definitions are fixed, so figures compare over time and with independent scorers:

* actor match, lenient: same ISO3 country, or the gold actor's name, ``mention`` or ``org``
  shares a content word (:func:`content_words`) with the predicted actor's name or org;
  strict: when the gold actor has a name, a content word of that name must be shared;
* event match: the type is the gold type or one of its ``alt_types``, and the actors agree:
  for a gold CONSULT or a gold event without targets, at least min(2, number of gold
  participants) gold participants each match some predicted participant; otherwise a gold
  source matches a predicted source and, when the gold has targets, a gold target a target;
* per article, a one-to-one assignment of matching pairs, best first (strict match, then
  closer date, then more evidence words in common);
* recall: assigned gold events / gold events neither ``background`` nor ``optional``;
* precision: predictions matching some non-optional gold event / predictions, leaving out as
  neutral those matching only optional gold events, and SUPPORT, AGREE, COOPERATE or REQUEST
  predictions whose actors match a CONSULT of the article (a statement inside a meeting);
* date accuracy: over assigned gold events with a date, the predicted date within one day;
* merging: over pairs of assigned gold events of different articles, "linked" when
  ``same_event_as`` links them, "merged" when both were assigned the same predicted event.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from anyascii import anyascii

from .errors import InputError

WORD = re.compile(r"[a-z]+")
STATEMENT_TYPES = {"SUPPORT", "AGREE", "COOPERATE", "REQUEST"}
Actor = dict[str, Any]


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("tidings").joinpath("data/eval_stopwords.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def content_words(*texts: str | None) -> set[str]:
    """Lower-cased, diacritics removed, 3 letters or more, not function, title or generic words."""
    out: set[str] = set()
    for t in texts:
        if not t:
            continue
        plain = anyascii(t).lower()
        out |= {w for w in WORD.findall(plain) if len(w) >= 3 and w not in stopwords()}
    return out


# reading the folder --------------------------------------------------------------
@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    meta: dict[str, Any]
    events: tuple[dict[str, Any], ...]


def load_folder(folder: str | Path) -> list[GoldArticle]:
    root = Path(folder)
    if not (root / "articles").is_dir() or not (root / "gold").is_dir():
        raise InputError(
            f"{str(root)!r} is not an article gold folder: expected articles/NNN.txt, "
            "articles/NNN.meta.json and gold/NNN.json (as ../shared/eval/news_dev)"
        )
    out = []
    for gold_file in sorted((root / "gold").glob("*.json")):
        aid = gold_file.stem
        text_file, meta_file = root / "articles" / f"{aid}.txt", root / "articles" / f"{aid}.meta.json"
        try:
            gold = json.loads(gold_file.read_text("utf-8"))
            meta = json.loads(meta_file.read_text("utf-8")) if meta_file.is_file() else {}
            text = text_file.read_text("utf-8")
        except (OSError, ValueError) as e:
            raise InputError(f"{gold_file}: cannot read the article or its gold ({e})") from e
        out.append(GoldArticle(aid, text, meta, tuple(gold.get("events") or ())))
    if not out:
        raise InputError(f"no gold files in {root / 'gold'}")
    return out


def as_records(articles: Iterable[GoldArticle]) -> Iterable[dict[str, Any]]:
    """The articles as an analyst's crawl gives them: JSONL records with their metadata."""
    for a in articles:
        yield {
            "id": a.id,
            "text": a.text,
            "url": a.meta.get("url"),
            "outlet": a.meta.get("outlet"),
            "published": a.meta.get("published"),
            "title": a.meta.get("title"),
        }


def predict(
    articles: Sequence[GoldArticle],
    ingest: Callable[[list[str], str], Any],
    export: Callable[[str], list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """Ingest the articles into a fresh temporary store and export its event records."""
    with tempfile.TemporaryDirectory(prefix="tidings-eval-") as tmp:
        src, db = Path(tmp) / "articles.jsonl", str(Path(tmp) / "eval.db")
        src.write_text("".join(json.dumps(r) + "\n" for r in as_records(articles)), "utf-8")
        ingest([str(src)], db)
        return export(db)


# matching --------------------------------------------------------------------------
def actor_match(g: Actor, p: Actor, strict: bool = False) -> bool:
    theirs = content_words(p.get("name"), p.get("org"))
    if strict and g.get("name"):
        return bool(content_words(g["name"]) & theirs)
    if g.get("country") and g.get("country") == p.get("country"):
        return True
    return bool(content_words(g.get("name"), g.get("mention"), g.get("org")) & theirs)


def actors_agree(g: dict[str, Any], p: dict[str, Any], strict: bool = False) -> bool:
    gs, gt = g.get("sources") or [], g.get("targets") or []
    ps, pt = p.get("sources") or [], p.get("targets") or []
    if g["type"] == "CONSULT" or not gt:
        need = min(2, len(gs) + len(gt))
        found = sum(1 for a in gs + gt if any(actor_match(a, b, strict) for b in ps + pt))
        return found >= need
    if not any(actor_match(a, b, strict) for a in gs for b in ps):
        return False
    return any(actor_match(a, b, strict) for a in gt for b in pt)


def event_match(g: dict[str, Any], p: dict[str, Any], strict: bool = False) -> bool:
    return p["type"] in {g["type"], *(g.get("alt_types") or ())} and actors_agree(g, p, strict)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _date_gap(g: dict[str, Any], p: dict[str, Any]) -> int:
    gd, pd = _day(g.get("date")), _day(p.get("date"))
    return abs((gd - pd).days) if gd and pd else 10**6


def evidence_of(p: dict[str, Any], article_id: str) -> str:
    """The predicted event's evidence sentences from one article."""
    return " ".join(
        m["evidence"]
        for r in p.get("reports") or ()
        if str(r.get("source_id")) == article_id
        for m in r.get("mentions") or [r]
    )


def assign(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]], article_id: str, strict: bool
) -> dict[int, int]:
    """One-to-one pairs (gold index -> predicted index), best first."""
    pairs = []
    for i, g in enumerate(gold):
        gwords = content_words(g.get("evidence"))
        for j, p in enumerate(predicted):
            if event_match(g, p, strict):
                common = len(gwords & content_words(evidence_of(p, article_id)))
                pairs.append((not event_match(g, p, True), _date_gap(g, p), -common, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, i, j in sorted(pairs):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


# scoring -----------------------------------------------------------------------------
@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    dated: int = 0
    dates_right: int = 0
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    assigned: dict[str, str] = field(default_factory=dict)  # gold event id -> predicted event id

    def figures(self, linked: set[frozenset[str]]) -> dict[str, Any]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        merged = {
            frozenset((a, b))
            for a, b in combinations(sorted(self.assigned), 2)
            if a.split("-")[0] != b.split("-")[0] and self.assigned[a] == self.assigned[b]
        }
        scored_links = {pair for pair in linked if pair <= self.assigned.keys()}
        hits = len(merged & scored_links)
        return {
            "recall": recall,
            "precision": precision,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "date_acc": self.dates_right / self.dated if self.dated else None,
            "merge_recall": hits / len(scored_links) if scored_links else None,
            "merge_precision": hits / len(merged) if merged else None,
            "gold": self.gold,
            "found": self.found,
            "predicted": self.predicted,
            "correct": self.correct,
            "linked_pairs": len(scored_links),
            "merged_pairs": len(merged),
            "per_type": {
                t: {
                    "gold": c["gold"],
                    "found": c["found"],
                    "predicted": c["predicted"],
                    "correct": c["correct"],
                    "recall": c["found"] / c["gold"] if c["gold"] else None,
                    "precision": c["correct"] / c["predicted"] if c["predicted"] else None,
                }
                for t, c in sorted(self.per_type.items())
            },
        }


def score_article(
    article: GoldArticle,
    predicted: Sequence[dict[str, Any]],
    strict: bool,
    tally: Tally,
    examples: list[dict[str, Any]] | None = None,
) -> None:
    gold = article.events
    main = [i for i, g in enumerate(gold) if not g.get("background") and not g.get("optional")]
    pairs = assign(gold, predicted, article.id, strict)
    tally.gold += len(main)
    for i in main:
        tally.per_type[gold[i]["type"]]["gold"] += 1
        if i in pairs:
            tally.found += 1
            tally.per_type[gold[i]["type"]]["found"] += 1
    for i, j in pairs.items():
        tally.assigned[gold[i]["id"]] = predicted[j]["id"]
        if gold[i].get("date"):
            tally.dated += 1
            tally.dates_right += _date_gap(gold[i], predicted[j]) <= 1
    false_positives = []
    for p in predicted:
        verdict = _verdict(gold, p, strict)
        if verdict == "neutral":
            continue
        tally.predicted += 1
        tally.per_type[p["type"]]["predicted"] += 1
        if verdict == "right":
            tally.correct += 1
            tally.per_type[p["type"]]["correct"] += 1
        else:
            false_positives.append(p)
    if examples is not None:
        misses = [gold[i] for i in main if i not in pairs]
        if misses or false_positives:
            examples.append(
                {
                    "article": article.id,
                    "misses": misses,
                    "false_positives": [_brief(p, article.id) for p in false_positives],
                }
            )


def _verdict(gold: Sequence[dict[str, Any]], p: dict[str, Any], strict: bool) -> str:
    if any(event_match(g, p, strict) for g in gold if not g.get("optional")):
        return "right"
    if any(event_match(g, p, strict) for g in gold if g.get("optional")):
        return "neutral"
    if p["type"] in STATEMENT_TYPES and any(
        g["type"] == "CONSULT" and actors_agree(g, p, strict) for g in gold
    ):
        return "neutral"
    return "wrong"


def _brief(p: dict[str, Any], article_id: str) -> dict[str, Any]:
    return {
        "id": p["id"],
        "type": p["type"],
        "date": p.get("date"),
        "sources": [a.get("name") for a in p.get("sources") or ()],
        "targets": [a.get("name") for a in p.get("targets") or ()],
        "evidence": evidence_of(p, article_id),
    }


def linked_pairs(articles: Iterable[GoldArticle]) -> set[frozenset[str]]:
    out = set()
    for a in articles:
        for g in a.events:
            for other in g.get("same_event_as") or ():
                if other.split("-")[0] != g["id"].split("-")[0]:
                    out.add(frozenset((g["id"], other)))
    return out


def by_article(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each article's predicted events: the events with a report from it."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        for source_id in dict.fromkeys(str(rep.get("source_id")) for rep in r.get("reports") or ()):
            out[source_id].append(r)
    return out


def score(
    articles: Sequence[GoldArticle],
    records: Sequence[dict[str, Any]],
    examples: int = 0,
    checks: dict[str, Callable[..., int]] | None = None,
) -> dict[str, Any]:
    """Lenient and strict figures for the predicted records; `checks` add counts of problems."""
    predicted = by_article(records)
    linked = linked_pairs(articles)
    report: dict[str, Any] = {"articles": len(articles), "predicted_events": len(records)}
    shown: list[dict[str, Any]] = []
    for name, strict in (("lenient", False), ("strict", True)):
        tally = Tally()
        for a in articles:
            score_article(a, predicted.get(a.id, []), strict, tally, shown if not strict else None)
        report[name] = tally.figures(linked)
    report["examples"] = shown[:examples] if examples else []
    for name, check in (checks or {}).items():
        report[name] = check(articles, predicted)
    return report


def check(report: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """The figures below their floors ("lenient.f1": 0.4), and the articles that could not be
    coded, as messages."""
    out = [
        f"article {f['article']} was not coded ({f['stage']}: {f['reason']})"
        for f in report.get("not_coded", [])
    ]
    for name, floor in floors.items():
        value: Any = report
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or value < floor:
            shown = value if value is None else round(value, 3)
            out.append(f"{name} = {shown} is below the floor {floor}")
    return out
