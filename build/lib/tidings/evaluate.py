"""Scoring the coder against gold records: the figures analysts compare coders by.

Three gold formats are read (see ``../shared/eval/README.md`` and the evaluation-file
conventions at the end of ``../shared/PLOVER.md``):

* PLOVER gold standard records: one event per record, ``event_current`` (or ``event``),
  ``source``/``target`` lists of ``{text, code, sector}``;
* sentence-level evaluation records: ``event`` is one of the 16 types or null (a negative
  item: nothing should be coded), ``alt_events`` lists other defensible codings ("EVENT" or
  "EVENT:mode"), an actor's ``sector`` may be null (a bare country) with ``other_sectors`` as
  accepted alternatives, ``event_date`` is the day the sentence anchors the event to;
* UniversalPetrarch validation records: ``events[{source, target, plover}]`` with CAMEO actor
  codes (``USAGOV``, ``IGOUNO``); ``DROPPED`` events and ``noevents`` records expect nothing.

Metric definitions (fixed, so figures stay comparable over time):

* a record's predicted type is the type of its highest-confidence event; no event is a miss;
  accuracy, per-type precision/recall/F1 and macro-F1 over the 16 types follow from that;
* actor accuracy: among records whose type is right, the share whose predicted source codes
  (country ISO3, or IGO/NGO) overlap the gold source codes; likewise targets, leaving out
  records without gold targets;
* sector accuracy likewise, over gold actors with a known sector whose code was matched
  (a null sector is right when the coder gives none; ``other_sectors`` are right too);
* a type listed in ``alt_events`` counts as right;
* date accuracy: among records whose type is right and whose gold gives an ``event_date``,
  the share whose predicted event has that date;
* "any-event recall" of a type: the share of records expecting it where any predicted event
  has it (for multi-event records, such as pairwise meetings);
* the false-alarm rate: records expecting no event for which something was coded.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .ontology import EVENT_TYPES
from .records import EventMention

# Upstream typos of the PLOVER gold file, CAMEO's non-ISO codes, and bodies PLOVER codes IGO.
CODE_FIXES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "UKG": "GBR",
    "GMY": "DEU",
    "UNO": "IGO",
    "EUR": "IGO",
}
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")


@dataclass(frozen=True)
class GoldEvent:
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    # (code, accepted sectors) of each gold actor whose sector is given; "" = no sector
    sectors: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]  # empty: the record expects no event
    alternatives: frozenset[str] = frozenset()  # other types a careful coder could defend
    event_date: date | None = None  # the day the sentence anchors the event to, when it does

    @property
    def types(self) -> set[str]:
        return {e.type for e in self.events}

    @property
    def accepted(self) -> set[str]:
        return self.types | self.alternatives if self.events else set()


@dataclass
class Outcome:
    record: GoldRecord
    predicted: list[EventMention]

    @property
    def top(self) -> EventMention | None:
        return max(self.predicted, key=lambda e: e.confidence, default=None)

    @property
    def top_type(self) -> str | None:
        return self.top.type if self.top else None

    @property
    def gold_type(self) -> str:
        """The gold type this record is scored against (the predicted one when it is among
        several expected or among the alternatives)."""
        return self.top_type if self.top_type in self.record.accepted else sorted(self.record.types)[0]


@dataclass
class Report:
    gold: str
    records: int
    event_records: int
    accuracy: float
    macro_f1: float
    no_event_rate: float
    false_alarm_rate: float | None
    source_accuracy: float | None
    target_accuracy: float | None
    sector_accuracy: float | None
    date_accuracy: float | None
    per_type: dict[str, dict[str, float]]
    confusions: list[dict[str, Any]]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def check(self, floors: dict[str, float]) -> list[str]:
        """The figures below their floors, as messages (empty when all hold)."""
        out = []
        for name, floor in floors.items():
            value = getattr(self, name, None)
            if value is None and name.startswith("type_f1:"):
                value = self.per_type.get(name.split(":", 1)[1], {}).get("f1")
            if value is None or value < floor:
                out.append(
                    f"{name} = {value if value is None else round(value, 3)} is below the floor {floor}"
                )
        return out


# reading gold files ----------------------------------------------------------
def load_gold(path: str | Path) -> list[GoldRecord]:
    """Gold records from a JSONL file in either format; a bad line is an error with its number."""
    p = Path(path)
    if not p.is_file():
        raise InputError(
            f"gold file {str(p)!r} not found; pass a JSONL file such as ../shared/eval/plover_gsr.jsonl"
        )
    records = []
    for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(parse_gold(json.loads(line)))
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(
                f"{p}:{n}: not a gold record ({e}); expected PLOVER gold standard "
                "fields (text, event_current, source, target) or UniversalPetrarch "
                "fields (text, events)"
            ) from e
    return records


def parse_gold(obj: dict[str, Any]) -> GoldRecord:
    published = _day(obj.get("date"))
    if "events" in obj:  # UniversalPetrarch validation
        events = tuple(
            GoldEvent(e["plover"], _cameo_codes(e.get("source")), _cameo_codes(e.get("target")))
            for e in obj["events"]
            if e.get("plover") in EVENT_TYPES
        )
        return GoldRecord(str(obj.get("id", "")), obj["text"], published, events)
    etype = obj.get("event_current") or obj["event"]
    record_id, text = str(obj.get("id", "")), obj["text"]
    if etype is None:  # a negative item: political actors, nothing to code
        return GoldRecord(record_id, text, published, ())
    if etype not in EVENT_TYPES:
        raise ValueError(f"unknown event type {etype!r}")
    sources, targets = obj.get("source") or [], obj.get("target") or []
    sectors = tuple(
        (_code(a["code"]), accepted) for a in sources + targets if a.get("code") and (accepted := _sectors(a))
    )
    event = GoldEvent(
        etype,
        frozenset(_code(a["code"]) for a in sources if a.get("code")),
        frozenset(_code(a["code"]) for a in targets if a.get("code")),
        sectors,
    )
    alternatives = frozenset(str(alt).split(":", 1)[0] for alt in obj.get("alt_events") or ())
    unknown = sorted(alternatives - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r} in alt_events")
    return GoldRecord(record_id, text, published, (event,), alternatives, _day(obj.get("event_date")))


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _sectors(actor: dict[str, Any]) -> frozenset[str]:
    """The sectors accepted for a gold actor: empty when unknown ("***" in the PLOVER gold
    standard; absent), {""} and alternatives when the gold says none (a bare country)."""
    if "sector" not in actor or actor["sector"] == "***":
        return frozenset()
    primary = (actor["sector"] or "")[:3].upper()
    return frozenset({primary} | {str(s)[:3].upper() for s in actor.get("other_sectors") or ()})


def _code(code: str) -> str:
    code = code.upper()
    return CODE_FIXES.get(code, code)


def _cameo_codes(code: str | None) -> frozenset[str]:
    """Country part of a CAMEO actor code: ``USAGOV`` -> USA, ``IGOUNO`` -> IGO."""
    if not code:
        return frozenset()
    return frozenset({_code(code[:3])})


# scoring ---------------------------------------------------------------------
def predicted_codes(actors: Iterable[Any]) -> set[str]:
    """Country ISO3, or IGO/NGO, of predicted actors (those with no country are left out)."""
    return {_code(a.country) for a in actors if a.country}


def evaluate(
    records: Sequence[GoldRecord],
    coder: Callable[[Sequence[tuple[str, date | None]]], list[list[EventMention]]],
    gold_name: str = "",
    examples: int = 8,
) -> Report:
    predictions = coder([(r.text, r.published) for r in records])
    outcomes = [Outcome(r, list(p)) for r, p in zip(records, predictions, strict=True)]
    return score(outcomes, gold_name, examples)


def score(outcomes: Sequence[Outcome], gold_name: str = "", examples: int = 8) -> Report:
    with_events = [o for o in outcomes if o.record.events]
    empty = [o for o in outcomes if not o.record.events]
    right = [o for o in with_events if o.top_type == o.gold_type]
    dated = [o for o in right if o.record.event_date]
    per_type = _per_type(with_events)
    present = [t for t in EVENT_TYPES if per_type[t]["support"] > 0]
    macro = sum(per_type[t]["f1"] for t in present) / len(present) if present else 0.0

    src_hits = src_n = tgt_hits = tgt_n = sec_hits = sec_n = 0
    for o in right:
        gold = next(
            (e for e in o.record.events if e.type == o.gold_type), o.record.events[0]
        )  # or an alternative
        top = o.top
        assert top is not None
        psrc, ptgt = predicted_codes(top.sources), predicted_codes(top.targets)
        if gold.sources:
            src_n += 1
            src_hits += bool(psrc & gold.sources)
        if gold.targets:
            tgt_n += 1
            tgt_hits += bool(ptgt & gold.targets)
        psectors = {(_code(a.country), (a.sector or "")[:3]) for a in top.sources + top.targets if a.country}
        pcodes = psrc | ptgt
        for code, accepted in gold.sectors:
            if code in pcodes:
                sec_n += 1
                sec_hits += any((code, sector) in psectors for sector in accepted)

    confusion = Counter(
        (o.gold_type, o.top_type or "(none)") for o in with_events if o.top_type != o.gold_type
    )
    errors = [
        {
            "id": o.record.id,
            "text": o.record.text,
            "gold": o.gold_type,
            "predicted": o.top_type,
            "trigger": o.top.trigger if o.top else None,
        }
        for o in with_events
        if o.top_type != o.gold_type
    ][:examples]
    n = len(with_events)
    return Report(
        gold=gold_name,
        records=len(outcomes),
        event_records=n,
        accuracy=len(right) / n if n else 0.0,
        macro_f1=macro,
        no_event_rate=sum(1 for o in with_events if not o.predicted) / n if n else 0.0,
        false_alarm_rate=sum(1 for o in empty if o.predicted) / len(empty) if empty else None,
        source_accuracy=src_hits / src_n if src_n else None,
        target_accuracy=tgt_hits / tgt_n if tgt_n else None,
        sector_accuracy=sec_hits / sec_n if sec_n else None,
        date_accuracy=(
            sum(1 for o in dated if o.top and o.top.date == o.record.event_date) / len(dated)
            if dated
            else None
        ),
        per_type=per_type,
        confusions=[{"gold": g, "predicted": p, "count": c} for (g, p), c in confusion.most_common(10)],
        errors=errors,
    )


def _per_type(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    table = {}
    for t in EVENT_TYPES:
        tp = sum(1 for o in outcomes if o.gold_type == t and o.top_type == t)
        predicted = sum(1 for o in outcomes if o.top_type == t)
        support = sum(1 for o in outcomes if o.gold_type == t)
        expecting = [o for o in outcomes if t in o.record.types]
        any_hits = sum(1 for o in expecting if any(e.type == t for e in o.predicted))
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        table[t] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": support,
            "any_recall": any_hits / len(expecting) if expecting else 0.0,
        }
    return table
