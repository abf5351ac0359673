"""`code` codes records without a store; `eval` scores the coder on gold records or articles."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from .. import api
from ..errors import TidingsError
from .app import app, err, fail, out

if TYPE_CHECKING:
    from ..evaluate import Report


@app.command("code")
def code_cmd(
    path: Annotated[str, typer.Argument(help="JSONL of {id, text, date?}, or - for stdin.")],
) -> None:
    """Code records without a store; one output line per input record: {id, events}."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    bad = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal bad
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                bad += 1
                yield {"id": f"line-{lineno}", "error": f"invalid JSON: {e.msg}"}

    for rec in api.code(records()):
        print(json.dumps(rec, ensure_ascii=False))
    if bad:
        err.print(f"[yellow]{bad} line(s) were not valid JSON[/yellow]")
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        str,
        typer.Argument(
            help="Gold JSONL (PLOVER gold standard or UniversalPetrarch), or a folder of articles "
            "with article-level gold (articles/NNN.txt, NNN.meta.json, gold/NNN.json)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    floors: Annotated[
        str | None,
        typer.Option(help='JSON file of minimum figures ({"accuracy": 0.85, ...}); exit 1 below any.'),
    ] = None,
    examples: Annotated[int, typer.Option(help="Misclassified examples to show.")] = 8,
) -> None:
    """Score the coder on gold records: per-type P/R/F1, accuracy, macro-F1, actor accuracy;
    on a folder of articles, recall, precision, dates and merging, lenient and strict."""
    from .. import evaluate  # noqa: PLC0415

    if os.path.isdir(gold):
        _eval_articles(gold, as_json, floors, examples)
        return
    try:
        records = evaluate.load_gold(gold)
        pinned = _floors(floors, "sentences")
        report = api.evaluate(records, gold_name=gold, examples=examples)
    except (TidingsError, OSError, json.JSONDecodeError) as e:
        fail(e)
    if as_json:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        _print_report(report)
    below = report.check(pinned)
    for message in below:
        err.print(f"[red]below floor:[/red] {message}")
    if below:
        raise typer.Exit(1)


def _floors(path: str | None, section: str) -> dict[str, float]:
    """The floors of one gold kind: a floors file has a section per kind ("sentences",
    "articles"); a flat file is the sentence floors."""
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        pinned = json.load(f)
    if "sentences" in pinned or "articles" in pinned:
        return pinned.get(section, {})
    return pinned if section == "sentences" else {}


def _eval_articles(folder: str, as_json: bool, floors: str | None, examples: int) -> None:
    from .. import article_eval  # noqa: PLC0415

    try:
        pinned = _floors(floors, "articles")
        report = api.evaluate_articles(folder, examples=examples, workers=min(2, os.cpu_count() or 1))
    except (TidingsError, OSError, json.JSONDecodeError) as e:
        fail(e)
    if as_json:
        print(json.dumps(report, indent=1, default=str))
    else:
        _print_article_report(report)
    below = article_eval.check(report, pinned)
    for message in below:
        err.print(f"[red]below floor:[/red] {message}")
    if below:
        raise typer.Exit(1)


def _print_article_report(report: dict) -> None:
    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    out.print(
        f"{report['gold']}: {report['articles']} articles, {report['predicted_events']} events predicted"
    )
    for f in report.get("not_coded", []):
        err.print(
            f"[red]not coded:[/red] article {f['article']} ({f['stage']}: {f['reason']}); "
            "it scores as finding nothing"
        )
    table = Table(
        "type", "gold", "found", "recall", "predicted", "correct", "precision", title="per type (lenient)"
    )
    for name, row in report["lenient"]["per_type"].items():
        table.add_row(
            name,
            str(row["gold"]),
            str(row["found"]),
            pct(row["recall"]),
            str(row["predicted"]),
            str(row["correct"]),
            pct(row["precision"]),
        )
    out.print(table)
    for kind in ("lenient", "strict"):
        r = report[kind]
        out.print(
            f"{kind:8} recall {pct(r['recall'])} ({r['found']}/{r['gold']})   precision "
            f"{pct(r['precision'])} ({r['correct']}/{r['predicted']})   F1 {pct(r['f1'])}   "
            f"dates {pct(r['date_acc'])}   merging: recall {pct(r['merge_recall'])} "
            f"({r['linked_pairs']} linked pairs), precision {pct(r['merge_precision'])} "
            f"({r['merged_pairs']} merged)"
        )
    for name in ("furniture_events", "bad_actors"):
        if name in report:
            found = report[name]
            out.print(
                f"{name.replace('_', ' ')}: {found['count']} of {found['of']}"
                + (f" (e.g. {', '.join(found['examples'][:5])})" if found.get("examples") else ""),
                highlight=False,
            )
    for ex in report["examples"]:
        out.print(f"[bold]article {ex['article']}[/bold]")
        for g in ex["misses"]:
            who = " / ".join(
                ", ".join(a.get("name") or a.get("org") or "?" for a in g.get(side) or ())
                for side in ("sources", "targets")
            )
            out.print(
                f"  [red]missed[/red] {g['type']} {g.get('date') or ''} {who}: {g['evidence']}",
                highlight=False,
            )
        for p in ex["false_positives"]:
            who = " / ".join(", ".join(n or "?" for n in p[side]) for side in ("sources", "targets"))
            out.print(
                f"  [yellow]extra[/yellow] {p['type']} {p.get('date') or ''} {who}: {p['evidence']}",
                highlight=False,
            )


def _print_report(report: Report) -> None:
    table = Table(
        "type",
        "precision",
        "recall",
        "F1",
        "support",
        "any-event recall",
        title=f"{report.gold}: {report.event_records} records with events, {report.records} in all",
    )
    for name, row in report.per_type.items():
        if row["support"]:
            table.add_row(
                name,
                f"{row['precision']:.2f}",
                f"{row['recall']:.2f}",
                f"{row['f1']:.2f}",
                str(row["support"]),
                f"{row['any_recall']:.2f}",
            )
    out.print(table)

    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    out.print(
        f"accuracy {pct(report.accuracy)}   macro-F1 {pct(report.macro_f1)}   "
        f"no-event rate {pct(report.no_event_rate)}   false alarms {pct(report.false_alarm_rate)}"
    )
    out.print(
        f"actor accuracy: source {pct(report.source_accuracy)}   target {pct(report.target_accuracy)}   "
        f"sector {pct(report.sector_accuracy)}   date {pct(report.date_accuracy)}"
    )
    if report.confusions:
        out.print(
            "worst confusions (gold -> predicted): "
            + ", ".join(f"{c['gold']}->{c['predicted']} {c['count']}" for c in report.confusions[:6])
        )
    for e in report.errors:
        out.print(
            f"  [dim]{e['id']}[/dim] gold {e['gold']}, got {e['predicted']} "
            f"({e['trigger'] or 'no event'}): {e['text']}",
            highlight=False,
        )
