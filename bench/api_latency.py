"""API latency on a large store (issue 5).

    python bench/api_latency.py --events 100000 --actors 2000

Fills a fresh SQLite store with generated events (one report each, people of 60 countries,
each dealing with ten regular counterparts, over two years) through the real store path,
then times requests to the dyad, actor and event endpoints in process (FastAPI TestClient:
routing, validation, SQL and JSON, without a network hop) and prints p50, p95 and max.
Not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from merge import make_documents, make_people  # noqa: E402

from tidings.store import Store  # noqa: E402
from tidings.store.schema import event_actors  # noqa: E402


def timed(client, url: str) -> float:  # noqa: ANN001
    t = time.perf_counter()
    r = client.get(url)
    took = (time.perf_counter() - t) * 1000
    assert r.status_code == 200, (url, r.status_code, r.text[:200])
    return took


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="bench/out/api_latency.json")
    args = parser.parse_args()

    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from tidings.web import create_app

    rng = random.Random(args.seed)
    people = make_people(rng, args.actors)
    docs, _ = make_documents(rng, people, args.events, outlets=(1,), partners=10)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.db")
        store = Store(db)
        t = time.perf_counter()
        for i in range(0, len(docs), 200):
            store.add_results(docs[i : i + 200])
        fill = time.perf_counter() - t
        counts = store.counts()
        with store.engine.connect() as conn:
            pairs = conn.execute(
                select(event_actors.c.event_id, event_actors.c.actor_id)
                .where(event_actors.c.side == "source")
                .limit(50_000)
            ).all()
            targets = dict(
                conn.execute(
                    select(event_actors.c.event_id, event_actors.c.actor_id)
                    .where(event_actors.c.side == "target")
                    .limit(200_000)
                ).all()
            )
            busiest = conn.execute(
                select(func.count())
                .select_from(event_actors)
                .group_by(event_actors.c.actor_id)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar()
        client = TestClient(create_app(db))
        sample = rng.sample(pairs, args.requests)
        results = {
            "dyad": [timed(client, f"/api/dyad?a={a}&b={targets[e]}") for e, a in sample if e in targets],
            "actor": [timed(client, f"/api/actors/{a}") for _, a in sample],
            "event": [timed(client, f"/api/events/{e}") for e, _ in sample],
        }
        dyad_sizes = [
            client.get(f"/api/dyad?a={a}&b={targets[e]}").json()["total"]
            for e, a in sample[:50]
            if e in targets
        ]
    report = {
        "events": counts["events"],
        "actors": counts["actors"],
        "fill_seconds": round(fill, 1),
        "events_of_busiest_actor": busiest,
        "mean_dyad_events": round(statistics.mean(dyad_sizes), 1),
        **{name: summary(v) for name, v in results.items()},
    }
    print(json.dumps(report, indent=1))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
