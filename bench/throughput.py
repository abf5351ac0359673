"""End-to-end throughput against the bare spaCy pass over the same texts (issue 2).

    python bench/throughput.py --articles 500
    python bench/throughput.py --articles 600 --processes 2 --workers 2 --ray --repeat 3

Generates N articles of about 500 words (HTML pages) and ingests them into a fresh SQLite
store, `--chunk` articles at a time; after each chunk it runs the plain en_core_web_sm
pipeline over the texts just stored, so that the two passes run on the same machine state
(its speed drifts by a fifth over tens of seconds). The bare pass runs under the
garbage-collector setting tidings uses for its batches, `pipeline.batch_collection`, so the
two passes differ only in what tidings does beyond spaCy. Prints
articles/s, words/s, peak memory and the ratio to the bare spaCy pass. Not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

COUNTRIES = [
    ("Kenyan", "Kenya"),
    ("Ghanaian", "Ghana"),
    ("Japanese", "Japan"),
    ("Brazilian", "Brazil"),
    ("Indian", "India"),
    ("Turkish", "Turkey"),
    ("Chilean", "Chile"),
    ("Polish", "Poland"),
]
FIRST = ["Amina", "Kofi", "Hiro", "Lucas", "Priya", "Emre", "Sofia", "Jan", "Grace", "Tomas"]
LAST = ["Wekesa", "Mensah", "Sato", "Silva", "Rao", "Yilmaz", "Rojas", "Nowak", "Otieno", "Novak"]
ROLES = ["Foreign Minister", "President", "Prime Minister", "Trade Minister"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "{a_dem} {a_role} {a_name} met {b_dem} {b_role} {b_name} in {city} on {day}.",
    "{a_country} donated medical equipment to {b_country} on {day}, officials said.",
    "{a_name} praised {b_country} for its support during the negotiations.",
    "{b_dem} officials urged {a_country} to reopen the border crossing before the harvest season.",
    "{a_country} and {b_country} signed an agreement on fishing rights.",
    "Opposition lawmakers accused the government of hiding the cost of the new port.",
    "The two delegations discussed trade, energy, migration and the security of shipping lanes.",
    "Analysts said the visit could open the way to a wider regional accord later in the year.",
    "Thousands of farmers protested in the capital against rising fertiliser prices.",
    "The ministry said the talks were constructive and that both sides would continue consultations.",
]
FILLER = (
    "Officials from both countries described the atmosphere as cordial and said technical teams "
    "would follow up on customs procedures, shipping schedules and visa rules in the coming weeks."
)


def make_article(rng: random.Random, i: int) -> str:
    (a_dem, a_country), (b_dem, b_country) = rng.sample(COUNTRIES, 2)
    fields = dict(
        a_dem=a_dem,
        a_country=a_country,
        b_dem=b_dem,
        b_country=b_country,
        a_role=rng.choice(ROLES),
        b_role=rng.choice(ROLES),
        a_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        b_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        city=rng.choice(["Nairobi", "Accra", "Tokyo", "Warsaw"]),
        day=rng.choice(WEEKDAYS),
    )
    paras, words = [], 0
    while words < 500:
        s = rng.choice(SENTENCES).format(**fields) + " " + FILLER
        paras.append(f"<p>{s}</p>")
        words += len(s.split())
    return (
        f"<html><head><title>Report {i}</title><meta property='article:published_time' "
        f"content='2025-03-{1 + i % 28:02d}'></head><body><nav><a href='/'>Home</a> "
        "<a href='/s'>Subscribe</a>"
        f"</nav><article><h1>{a_country} and {b_country} hold talks ({i})</h1>{''.join(paras)}</article>"
        f"<footer>Donate now. All rights reserved.</footer></body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=1, help="spaCy n_process inside one pipeline")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="also ingest with 1 and with N worker processes (tidings ingest --workers) and compare",
    )
    parser.add_argument("--ray", action="store_true", help="with --workers: also Ray Data with N actors")
    parser.add_argument(
        "--pairs",
        type=int,
        default=1,
        help="measure end to end and the bare pass this many times, back to back, and report "
        "medians (this machine's speed drifts between runs)",
    )
    parser.add_argument(
        "--chunk",
        type=int,
        default=50,
        help="ingest this many articles at a time, each followed by the bare pass over their texts "
        "(0: all at once), so that both passes see the same machine when its speed drifts",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="with --workers: run each configuration this many times, compare medians",
    )
    args = parser.parse_args()

    import spacy

    import tidings
    from tidings.config import resolve_options
    from tidings.pipeline import Pipeline, batch_collection
    from tidings.records import RawDocument

    rng = random.Random(args.seed)
    bare = None
    runs = []  # (end-to-end seconds, bare seconds) of each pair, measured back to back
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        for i in range(args.articles):
            (corpus / f"a{i:05d}.html").write_text(make_article(rng, i), encoding="utf-8")
        files = sorted(str(f) for f in corpus.iterdir())
        chunk = args.chunk or len(files)
        pipeline = None
        for k in range(max(1, args.pairs)):
            options = resolve_options(
                db=str(Path(tmp, f"bench{k}.db")), processes=args.processes, batch_size=64 * args.processes
            )
            # model loading is not part of the throughput: the pipeline is loaded once, like the
            # bare model, and both are warm after the first pair
            if pipeline is None:
                pipeline, bare = Pipeline(options), spacy.load(options.model)
                # what loads on first use (date parser languages, extractor settings) is loading too
                pipeline.process([RawDocument("warm.html", "html", make_article(random.Random(0), 0))])
                list(bare.pipe(["A warm-up sentence."]))
            elapsed = bare_elapsed = 0.0
            seen = 0
            for start in range(0, len(files), chunk):
                t0 = time.perf_counter()
                summary = tidings.ingest(files[start : start + chunk], options=options, pipeline=pipeline)
                elapsed += time.perf_counter() - t0
                texts = _texts(options.db, after=seen)
                seen += len(texts)
                t0 = time.perf_counter()
                with batch_collection():  # the collector as tidings sets it: like for like
                    for _ in bare.pipe(texts, batch_size=64, n_process=args.processes):
                        pass
                bare_elapsed += time.perf_counter() - t0
            runs.append((elapsed, bare_elapsed))
        texts = _texts(options.db)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(t.split()) for t in texts)
    elapsed = statistics.median(e for e, _ in runs)
    bare_elapsed = statistics.median(b for _, b in runs)
    ratio = statistics.median(b / e for e, b in runs)
    n, counts = len(texts), summary.store
    print(
        f"end to end : {n} articles, {words} words, {counts['mentions']} event reports "
        f"({counts['events']} events) in {elapsed:.1f}s -> "
        f"{n / elapsed:.1f} articles/s, {words / elapsed:,.0f} words/s, peak RSS {peak_mb:,.0f} MB"
    )
    print(f"processes  : {args.processes} (both passes)")
    print(f"bare spaCy : {len(texts) / bare_elapsed:.1f} articles/s, {words / bare_elapsed:,.0f} words/s")
    if len(runs) > 1:
        print(
            f"pairs      : {len(runs)}, ratios "
            + ", ".join(f"{b / e:.0%}" for e, b in runs)
            + " (medians shown)"
        )
    print(f"ratio      : {ratio:.0%} of the bare spaCy pass")
    if args.workers:
        _compare_workers(args, rng)


def _compare_workers(args, rng) -> None:  # noqa: ANN001
    """The same corpus with 1 and with N worker processes, models loaded before timing."""
    import tidings
    from tidings.config import resolve_options
    from tidings.workers import Workers

    rates: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        for i in range(args.articles):
            (corpus / f"a{i:05d}.html").write_text(
                make_article(random.Random(args.seed + i), i), encoding="utf-8"
            )
        # warm: worker processes start and load their models before the clock starts (how a
        # long ingest behaves). cold: they start inside the timing, as Ray Data's actors must
        # (it starts them with each dataset), so Ray is compared with cold local workers.
        runs = [(f"workers {n} warm", n, "warm") for n in sorted({1, args.workers})]
        runs += (
            [
                (f"workers {args.workers} cold", args.workers, "cold"),
                (f"ray {args.workers} cold", args.workers, "ray"),
            ]
            if args.ray
            else []
        )
        for k in range(max(1, args.repeat)):
            for label, n, how in runs:
                options = resolve_options(db=str(Path(tmp, f"{label.replace(' ', '-')}-{k}.db")))
                t0 = time.perf_counter()
                if how == "ray":
                    from tidings.engine_ray import RayWorkers

                    ray_start = time.perf_counter()
                    pool = RayWorkers(options, n)  # ray.init is a fixed cost of the session, not of a run
                    t0 += time.perf_counter() - ray_start
                else:
                    pool = Workers(options, n)
                    if how == "warm":
                        pool.warm()
                        t0 = time.perf_counter()
                summary = tidings.ingest([str(corpus)], options=options, pool=pool)
                rates.setdefault(label, []).append(summary.ingested / (time.perf_counter() - t0))
                pool.close()
                print(
                    f"{label:<16}: {summary.ingested} articles -> {rates[label][-1]:.1f} articles/s",
                    flush=True,
                )
    med = {label: statistics.median(values) for label, values in rates.items()}
    if args.repeat > 1:
        for label, values in rates.items():
            print(
                f"{label:<16}: median {med[label]:.1f} articles/s of {', '.join(f'{v:.1f}' for v in values)}"
            )
    one, many = med.get("workers 1 warm"), med.get(f"workers {args.workers} warm")
    if one and many and args.workers > 1:
        print(f"speed-up        : {many / one:.2f}x with {args.workers} workers over 1 (warm)")
    if args.ray:
        cold = med[f"workers {args.workers} cold"]
        print(
            f"ray / local     : {med[f'ray {args.workers} cold'] / cold:.0%} of local workers at equal "
            f"parallelism, both starting their workers inside the timing"
        )
        if args.repeat > 1:
            pairs = zip(rates[f"ray {args.workers} cold"], rates[f"workers {args.workers} cold"], strict=True)
            print(f"ray / local runs: {', '.join(f'{r / c:.0%}' for r, c in pairs)}")


def _texts(db: str, after: int = 0) -> list[str]:
    """The clean texts the store holds, in ingestion order, after the first `after`."""
    from sqlalchemy import select

    from tidings.store import Store
    from tidings.store.schema import documents

    store = Store(db)
    with store.engine.connect() as conn:
        query = select(documents.c.text).order_by(documents.c.seq).offset(after)
        return [r.text for r in conn.execute(query)]


if __name__ == "__main__":
    main()
