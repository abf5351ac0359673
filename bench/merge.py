"""Actor resolution and cross-source merging at scale (issue 4).

    python bench/merge.py --mentions 100000 --actors 2000

Generates synthetic coded documents (no NLP: the coder's output is made up) about OCCURRENCES
between ACTORS people of 60 countries over two years, each occurrence reported by one to
three outlets, some with the date and some without, people named in full, with a title or by
their short name. Documents arrive in publication order, in batches of about 1,000 mentions,
and go through the real store path: documents, wire-copy bands, document actors, mentions,
actor resolution and merging, in one transaction per batch. Prints the time per 1,000 new
mentions as the store grows, the total (and the part spent resolving and merging), and how
well merging recovered the occurrences (events vs occurrences generated).
Not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tidings.actors import person_id
from tidings.records import Actor, Article, DocActor, DocumentResult, EventMention, content_hash
from tidings.store import Store, write

TYPES = ["CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "AID", "REJECT", "THREATEN"]
TITLES = ["President", "Foreign Minister", "Prime Minister", "Minister"]


def make_people(rng: random.Random, n: int) -> list[dict]:
    import pycountry

    countries = [c.alpha_3 for c in list(pycountry.countries)[:60]]

    def word() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(
            rng.choices("aeioulmnrstkdg", k=rng.randint(3, 7))
        )

    return [
        {"name": f"{word()} {word()}", "country": rng.choice(countries), "role": rng.choice(TITLES)}
        for _ in range(n)
    ]


def make_documents(
    rng: random.Random,
    people: list[dict],
    mentions: int,
    outlets: tuple[int, ...] = (1, 1, 2, 2, 3),
    partners: int = 0,
) -> tuple[list[DocumentResult], int]:
    """Documents of about five mentions each, in publication order; returns them and the
    number of occurrences they report. With `partners`, each person deals with that many
    others only (dyads with a history, as in real news)."""
    circle = {p["name"]: rng.sample(people, partners) for p in people} if partners else {}
    start = date(2023, 1, 1)
    reports = []  # (published, mention fields)
    occurrences = 0
    while len(reports) < mentions:
        occurrences += 1
        a, b = rng.sample(people, 2)
        if circle:
            b = rng.choice([p for p in circle[a["name"]] if p is not a] or [b])
        kind = rng.choice(TYPES)
        day = start + timedelta(days=rng.randrange(730))
        for outlet in rng.sample(range(40), rng.choice(outlets)):
            published = day + timedelta(days=rng.choice([0, 1, 1, 2]))
            reports.append((published, outlet, kind, day if rng.random() < 0.7 else None, a, b, occurrences))
    reports = sorted(reports[:mentions], key=lambda r: (r[0], r[1]))
    docs: list[DocumentResult] = []
    i = 0
    while i < len(reports):
        batch = reports[i : i + 5]
        i += 5
        published, outlet = batch[0][0], batch[0][1]
        words = " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(60))
        text = f"Report {len(docs)} of outlet {outlet}. {words}"
        events, actors = [], {}
        for _, _, kind, day, a, b, occ in batch:
            sides = []
            for p in (a, b):
                said = rng.choice([p["name"], f"{p['role']} {p['name']}", p["name"]])
                pid = person_id(p["name"])
                actors[pid] = DocActor(
                    pid, "person", p["name"], (said,), None, p["role"], p["country"], "GOV"
                )
                sides.append((Actor(pid, p["name"], role=p["role"], country=p["country"], sector="GOV"),))
            evidence = f"{a['name']} and {b['name']} ({kind}, occurrence {occ})."
            events.append(
                EventMention(
                    kind,
                    None,
                    None,
                    sides[0],
                    sides[1],
                    evidence,
                    0,
                    len(evidence),
                    kind.lower(),
                    date=day,
                    date_precision="day" if day else "unknown",
                )
            )
        article = Article(
            content_hash(text), f"bench:{len(docs)}", text, outlet=f"Outlet {outlet}", published=published
        )
        docs.append(DocumentResult(article, tuple(events), actors=tuple(actors.values())))
    return docs, len({r[6] for r in reports})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--batch", type=int, default=1_000, help="mentions per transaction")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="bench/out/merge.json")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    people = make_people(rng, args.actors)
    docs, occurrences = make_documents(rng, people, args.mentions)
    per_batch = max(1, args.batch // 5)
    merging = [0.0]  # seconds inside resolution and merging, apart from storing documents and mentions
    inner = write.derive

    def timed(conn, resolution, kb, doc_ids):  # noqa: ANN001
        t = time.perf_counter()
        inner(conn, resolution, kb, doc_ids)
        merging[0] += time.perf_counter() - t

    write.derive = timed  # the write path calls it by its module's name
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        rows, done, t0 = [], 0, time.perf_counter()
        for i in range(0, len(docs), per_batch):
            chunk = docs[i : i + per_batch]
            n = sum(len(d.events) for d in chunk)
            t = time.perf_counter()
            store.add_results(chunk)
            took = time.perf_counter() - t
            done += n
            rows.append({"mentions": done, "seconds_per_1000": round(took / n * 1000, 4)})
        total = time.perf_counter() - t0
        counts = store.counts()
    by_k = {r["mentions"]: r["seconds_per_1000"] for r in rows}

    def near(k: int) -> float:  # mean cost of the five batches ending at about k mentions
        idx = min(range(len(rows)), key=lambda j: abs(rows[j]["mentions"] - k))
        window = rows[max(0, idx - 4) : idx + 1]
        return sum(r["seconds_per_1000"] for r in window) / len(window)

    small, large = near(10_000), near(args.mentions)
    result = {
        "mentions": args.mentions,
        "actors_generated": args.actors,
        "occurrences": occurrences,
        "events": counts["events"],
        "actors": counts["actors"],
        "documents": counts["documents"],
        "total_seconds": round(total, 1),
        "resolve_and_merge_seconds": round(merging[0], 1),
        "seconds_per_1000_at_10k": round(small, 4),
        f"seconds_per_1000_at_{args.mentions // 1000}k": round(large, 4),
        "growth": round(large / small, 2),
    }
    print(json.dumps(result, indent=1))
    for k in (1_000, 10_000, 25_000, 50_000, 75_000, 100_000):
        if k <= args.mentions:
            print(f"  per 1,000 new mentions at {k:>7,} stored: {near(k):.3f} s")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"summary": result, "batches": rows, "by_mentions": by_k}, indent=1))


if __name__ == "__main__":
    main()
