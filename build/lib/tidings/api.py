"""The Python API: what the CLI does, as functions.

>>> import tidings
>>> summary = tidings.ingest(["articles/"], db="events.db")
>>> records = tidings.code([{"id": "1", "text": "Kenya and Uganda met.", "date": "2024-01-02"}])
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from .config import Options, resolve_options
from .dates import parse_published
from .errors import IngestStopped, StoreWriteError
from .fetch import Fetcher
from .ingest import iter_documents
from .pipeline import Pipeline, batch_collection
from .records import DocumentResult, Failure, IngestSummary, RawDocument, content_hash
from .store import Store

if TYPE_CHECKING:
    from .evaluate import GoldRecord, Report
    from .workers import Pool

Progress = Callable[[int], None]


def ingest(
    sources: Iterable[str],
    db: str | None = None,
    *,
    options: Options | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    pool: Pool | None = None,
) -> IngestSummary:
    """Read, extract, code and store every document of the sources; never stops on a bad one.

    The batch function (:meth:`Pipeline.process`: extraction, NLP, coding) runs in this
    process, in `workers` local processes, or in a given `pool` (local or Ray), models loaded
    once in each. The main process reads, skips inputs already stored (by a hash of the raw
    input) and commits each batch on its own: a run that is killed and started again codes
    each document once and counts the ones already done in `duplicates`.

    When the store takes no more writes (a full disk, a read-only store), the run stops with
    :class:`IngestStopped`, whose `summary` lists what was not stored; what was committed
    before stays in the store.
    """
    options = options or resolve_options(db=db)
    store = Store(options.db)
    summary = IngestSummary()
    own_pool = pool is None and workers > 1
    if own_pool:
        from .workers import Workers  # noqa: PLC0415

        pool = Workers(options, workers)
    elif pool is None:
        pipeline = pipeline or Pipeline(options)
    try:
        fetcher = Fetcher(
            timeout=options.fetch_timeout,
            retries=options.fetch_retries,
            host_interval=options.host_interval,
            max_bytes=options.max_bytes,
        )
        batches = _fresh_batches(iter_documents(sources, options.max_bytes, fetcher), options, store, summary)
        if pool is not None:
            coded = pool.map(batches)
        else:
            assert pipeline is not None
            coded = ((tag, pipeline.process(raws)) for tag, raws in batches)
        with batch_collection():  # the store's writes too, in this process
            for (read_failures, n), results in coded:
                _commit(store, results, read_failures, summary)
                if progress:
                    progress(n)
    finally:
        if own_pool and pool is not None:
            pool.close()
    summary.store = store.counts()
    return summary


def _commit(
    store: Store, results: list[DocumentResult], read_failures: list[Failure], summary: IngestSummary
) -> None:
    """Store one batch and count it; a store that takes no more writes stops the run."""
    added: set[str] = set()
    stored: list[DocumentResult] = []
    lost: list[Failure] = []
    try:
        added, stored, lost = _store_results(store, results)
        store.add_failures([*read_failures, *lost])
    except StoreWriteError as e:
        _tally(summary, stored, [], added)  # the documents went in; the read failures did not
        summary.not_stored = [f.origin for f in (*read_failures, *lost)] + (
            [] if stored else [_origin(r) for r in results]
        )
        with contextlib.suppress(Exception):  # the counts are a courtesy; the error is what matters
            summary.store = store.counts()
        raise IngestStopped(
            f"{e} The run stopped: {len(summary.not_stored)} input(s) of the batch being "
            "stored were not stored, and the inputs after them were not read.",
            summary,
        ) from e
    _tally(summary, stored, read_failures, added)


def _store_results(
    store: Store, results: list[DocumentResult]
) -> tuple[set[str], list[DocumentResult], list[Failure]]:
    """Store a batch in one transaction; should that fail for another reason than the store
    taking no writes, each document alone, so that only a document at fault is lost (it
    becomes a failure of stage "store"). Returns the ids added, the results (the lost ones
    as failures) and the failures of the lost ones."""
    try:
        return store.add_results(results), results, []
    except StoreWriteError:
        raise
    except Exception:  # noqa: BLE001  (which document is at fault is found below)
        pass
    added: set[str] = set()
    kept: list[DocumentResult] = []
    lost: list[Failure] = []
    for r in results:
        try:
            added |= store.add_results([r])
            kept.append(r)
        except StoreWriteError:
            raise
        except Exception as e:  # noqa: BLE001
            failure = Failure(
                _origin(r),
                "store",
                f"cannot be stored ({type(e).__name__}: {getattr(e, 'orig', None) or e})",
                r.article.source_id if r.article else None,
            )
            lost.append(failure)
            kept.append(DocumentResult(None, failure=failure))
    return added, kept, lost


def _origin(result: DocumentResult) -> str:
    item = result.article if result.article is not None else result.failure
    return item.origin if item is not None else "?"


def _fresh_batches(
    stream: Iterator[RawDocument | Failure], options: Options, store: Store, summary: IngestSummary
) -> Iterator[tuple[tuple[list[Failure], int], list[RawDocument]]]:
    """Batches of raw inputs not yet stored (by the hash of the raw input), with read failures."""
    seen: set[str] = set()
    while batch := list(islice(stream, options.batch_size)):
        raws = [d for d in batch if isinstance(d, RawDocument)]
        read_failures = [d for d in batch if isinstance(d, Failure)]
        known = store.known_inputs(r.key for r in raws)
        fresh = []
        for r in raws:
            if r.key in known or r.key in seen:
                summary.duplicates += 1
                continue
            seen.add(r.key)
            fresh.append(r)
        yield (read_failures, len(batch)), fresh


def _tally(
    summary: IngestSummary, results: list[DocumentResult], read_failures: list[Failure], added: set[str]
) -> None:
    summary.failed.extend(read_failures)
    for r in results:
        if r.failure is not None:
            summary.failed.append(r.failure)
        elif r.article is not None and r.article.doc_id not in added:
            summary.duplicates += 1  # another input with the same clean text
        else:
            summary.ingested += 1
            summary.events += len(r.events)


def code(
    records: Iterable[dict[str, Any]], *, options: Options | None = None, pipeline: Pipeline | None = None
) -> Iterator[dict[str, Any]]:
    """Code records `{id, text, date?}` without a store: yields `{id, events: [...]}`.

    A record without usable text yields `{id, events: [], error: ...}` instead of raising.
    """
    options = options or resolve_options()
    pipeline = pipeline or Pipeline(options)
    stream = iter(records)
    while batch := list(islice(stream, options.batch_size)):
        good = [
            r for r in batch if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip()
        ]
        coded = pipeline.code_texts((r["text"], parse_published(_str(r.get("date")))) for r in good)
        by_pos = {id(r): events for r, events in zip(good, coded, strict=True)}
        for r in batch:
            rid = r.get("id") if isinstance(r, dict) else None
            if id(r) not in by_pos:
                yield {"id": rid, "events": [], "error": "record has no 'text'"}
                continue
            yield {"id": rid, "events": [dict(id=e.id, **e.as_dict()) for e in by_pos[id(r)]]}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


__all__ = ["IngestSummary", "code", "content_hash", "ingest"]


def evaluate(
    records: Sequence[GoldRecord],
    *,
    gold_name: str = "",
    examples: int = 8,
    options: Options | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Score the coder on gold records (see :mod:`tidings.evaluate` for the metric definitions)."""
    from . import evaluate as ev  # noqa: PLC0415

    pipe = pipeline or Pipeline(options or resolve_options())
    return ev.evaluate(records, pipe.code_texts, gold_name=gold_name, examples=examples)


def evaluate_articles(
    folder: str, *, examples: int = 0, workers: int = 1, options: Options | None = None
) -> dict[str, Any]:
    """Ingest an article gold folder (``news_dev`` layout) into a fresh store and score its
    events (see :mod:`tidings.article_eval` for the definitions)."""
    from . import article_eval as ae  # noqa: PLC0415
    from .checks import CHECKS  # noqa: PLC0415

    articles = ae.load_folder(folder)
    failed: list[Failure] = []

    def run(sources: list[str], db: str) -> IngestSummary:
        opts = options.with_overrides(db=db) if options else resolve_options(db=db)
        summary = ingest(sources, options=opts, workers=workers)
        failed.extend(summary.failed)
        return summary

    records = ae.predict(articles, run, lambda db: Store(db).query_events())
    report = ae.score(articles, records, examples, CHECKS)
    report["gold"] = folder
    # an article that could not be read, coded or stored scores as finding nothing: say so
    report["not_coded"] = [
        {"article": f.source_id or f.origin, "stage": f.stage, "reason": f.reason} for f in failed
    ]
    return report
