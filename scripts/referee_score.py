"""Referee scorer for article-level event gold (issue 13), written from the definitions alone.

    python scripts/referee_score.py GOLD_FOLDER EVENTS_JSONL

GOLD_FOLDER holds gold/NNN.json (or is that gold/ folder itself); EVENTS_JSONL is the output of
`tidings events --format jsonl`. Prints {"lenient": {...}, "strict": {...}}, each with its raw counts.
Stdlib only; it imports nothing from tidings, so it can cross-check tidings' own scorer.

Readings chosen where the definitions leave room:
- An exported event belongs to article NNN when one of its reports has `source_id` NNN; an
  event reported by two articles is a predicted event of each. Its evidence for an article is
  that article's reports' evidence (and their mentions'); its date is the event's date.
- Lenient actor match: both ISO3 countries set and equal, or the content words of the gold
  name, mention and org meet those of the predicted name and org. Strict: a gold actor with a
  name must share a content word of the name alone (not the mention, which is often "the
  President") with the predicted name or org; a gold actor without a name is matched as lenient.
- "For CONSULT" means the gold type is CONSULT. Gold participants are counted one by one; two
  of them may match the same predicted participant.
- The assignment runs over all gold events of the article (background and optional too), so a
  prediction whose best pair is a background or optional event does not also earn recall on a
  main one. Candidate pairs are event matches in the mode scored (strict pairs only, in
  strict). Pairs are taken greedily by (strict match first, smaller date gap (missing date =
  infinite), more evidence words in common, gold order, prediction order).
- Recall counts assigned main (neither background nor optional) gold events. Date accuracy
  and merging are over all assigned gold events, as written (optional ones included).
- Evidence words: lower-cased, diacritics removed, 3 letters or more, not function words.
- Precision is pooled over articles. A prediction is neutral when it matches only optional
  gold events, or, matching none, when it is a SUPPORT, AGREE, COOPERATE or REQUEST whose
  actors agree (by the CONSULT rule) with a CONSULT of the article, optional or not.
- Pairs of gold events from one article never count for merging; a figure with a zero
  denominator is null.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

Actor = dict[str, Any]
Event = dict[str, Any]


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = wordset(
    "the and for with from into onto upon over under about against between among after before "
    "its his her hers their our your this that these those who whom whose which what was were are "
    "has have had been being not but nor yet also than then there here she him they them you all "
    "any some such other via per off out one two mrs"
)
GENERIC_WORDS = wordset(
    "president presidents vice prime minister ministers secretary general foreign chairman chairwoman "
    "chair leader leaders official officials delegation delegations ambassador ambassadors party "
    "communist government governments state states national central committee council ministry "
    "union republic people peoples democratic united deputy assistant chief head spokesman "
    "spokeswoman spokesperson office department affairs federal federation kingdom king queen prince "
    "emir sheikh premier chancellor senator governor mayor envoy special representative high "
    "commissioner director administration agency organization organisation international "
    "excellency member members group senior acting former top defense defence security military "
    "armed forces force interior external parliament assembly embassy mission consulate"
)
NEUTRAL_IN_MEETING = {"SUPPORT", "AGREE", "COOPERATE", "REQUEST"}


def words(text: str | None) -> set[str]:
    """Lower-cased, diacritics-free words of 3 letters or more that are not function words."""
    if not text:
        return set()
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z]+", plain.lower()) if len(w) >= 3 and w not in FUNCTION_WORDS}


def content(*texts: str | None) -> set[str]:
    return set().union(*(words(t) for t in texts)) - GENERIC_WORDS


def actor_match(gold: Actor, pred: Actor, strict: bool) -> bool:
    pred_words = content(pred.get("name"), pred.get("org"))
    if strict and gold.get("name"):
        return bool(content(gold["name"]) & pred_words)
    if gold.get("country") and gold.get("country") == pred.get("country"):
        return True
    return bool(content(gold.get("name"), gold.get("mention"), gold.get("org")) & pred_words)


def any_match(golds: list[Actor], preds: list[Actor], strict: bool) -> bool:
    return any(actor_match(g, p, strict) for g in golds for p in preds)


def participants_agree(gold: Event, pred: Event, strict: bool) -> bool:
    gold_parts = gold["sources"] + gold["targets"]
    pred_parts = pred["sources"] + pred["targets"]
    matched = sum(any(actor_match(g, p, strict) for p in pred_parts) for g in gold_parts)
    return matched >= min(2, len(gold_parts))


def actors_agree(gold: Event, pred: Event, strict: bool) -> bool:
    if gold["type"] == "CONSULT" or not gold["targets"]:
        return participants_agree(gold, pred, strict)
    return any_match(gold["sources"], pred["sources"], strict) and any_match(
        gold["targets"], pred["targets"], strict
    )


def event_match(gold: Event, pred: Event, strict: bool) -> bool:
    types = {gold["type"], *(gold.get("alt_types") or [])}
    return pred["type"] in types and actors_agree(gold, pred, strict)


def to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def day_gap(gold: Event, pred: Event) -> float:
    g, p = to_date(gold.get("date")), to_date(pred.get("date"))
    return abs((g - p).days) if g and p else float("inf")


def load_gold(folder: Path) -> dict[str, list[Event]]:
    gold_dir = folder / "gold" if (folder / "gold").is_dir() else folder
    return {f.stem: json.loads(f.read_text())["events"] for f in sorted(gold_dir.glob("*.json"))}


def load_predictions(path: Path, articles: set[str]) -> dict[str, list[Event]]:
    """Each article's predicted events, with `_evidence` set to that article's evidence words."""
    by_article: dict[str, list[Event]] = {a: [] for a in articles}
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        for article in sorted({str(r.get("source_id")) for r in event.get("reports", [])} & articles):
            reports = [r for r in event["reports"] if str(r.get("source_id")) == article]
            texts = [r.get("evidence") for r in reports]
            texts += [m.get("evidence") for r in reports for m in r.get("mentions", [])]
            by_article[article].append({**event, "_evidence": set().union(*map(words, texts))})
    return by_article


def assign(golds: list[Event], preds: list[Event], strict: bool) -> dict[int, int]:
    """One-to-one gold index -> prediction index, best pairs first."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if event_match(g, p, strict):
                shared = len(words(g.get("evidence")) & p["_evidence"])
                pairs.append((not event_match(g, p, True), day_gap(g, p), -shared, gi, pi))
    taken: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in sorted(pairs):
        if gi not in taken and pi not in used:
            taken[gi] = pi
            used.add(pi)
    return taken


def is_main(event: Event) -> bool:
    return not event.get("background") and not event.get("optional")


def precision_status(golds: list[Event], pred: Event, strict: bool) -> str:
    """'hit', 'miss' or 'neutral' for one predicted event of an article."""
    matched = [g for g in golds if event_match(g, pred, strict)]
    if any(not g.get("optional") for g in matched):
        return "hit"
    if matched:
        return "neutral"
    meeting = any(g["type"] == "CONSULT" and participants_agree(g, pred, strict) for g in golds)
    return "neutral" if pred["type"] in NEUTRAL_IN_MEETING and meeting else "miss"


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score(gold: dict[str, list[Event]], preds: dict[str, list[Event]], strict: bool) -> dict[str, Any]:
    main = hits = misses = dated = dated_ok = 0
    recalled = 0
    assigned: list[tuple[str, Event, str]] = []  # (article, gold event, predicted event id)
    for article, golds in gold.items():
        article_preds = preds.get(article, [])
        main += sum(map(is_main, golds))
        for gi, pi in assign(golds, article_preds, strict).items():
            g, p = golds[gi], article_preds[pi]
            recalled += is_main(g)
            assigned.append((article, g, p["id"]))
            if to_date(g.get("date")):
                dated += 1
                dated_ok += day_gap(g, p) <= 1
        statuses = [precision_status(golds, p, strict) for p in article_preds]
        hits += statuses.count("hit")
        misses += statuses.count("miss")
    linked = merged = both = 0
    for (art_a, a, pa), (art_b, b, pb) in combinations(assigned, 2):
        if art_a == art_b:
            continue
        is_linked = b["id"] in (a.get("same_event_as") or []) or a["id"] in (b.get("same_event_as") or [])
        linked += is_linked
        merged += pa == pb
        both += is_linked and pa == pb
    recall, precision = ratio(recalled, main), ratio(hits, hits + misses)
    f1 = round(2 * recall * precision / (recall + precision), 4) if recall and precision else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "date_acc": ratio(dated_ok, dated),
        "merge_recall": ratio(both, linked),
        "merge_precision": ratio(both, merged),
        "counts": {
            "gold_main": main,
            "recalled": recalled,
            "pred_hit": hits,
            "pred_miss": misses,
            "dated": dated,
            "dated_ok": dated_ok,
            "linked_pairs": linked,
            "merged_pairs": merged,
            "linked_and_merged": both,
        },
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    gold = load_gold(Path(argv[1]))
    preds = load_predictions(Path(argv[2]), set(gold))
    report = {"lenient": score(gold, preds, strict=False), "strict": score(gold, preds, strict=True)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
