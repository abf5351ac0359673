"""Local parallelism: the batch function in worker processes, each loading the models once.

The main process reads and drops inputs already stored; workers run extraction, NLP and
coding on what is left (``Pipeline.process``); the main process writes each batch's results
in one transaction, in input order, so a run killed at any moment loses at most the batches
in flight, and a new run skips what was committed.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context

from .config import Options
from .pipeline import Pipeline
from .records import DocumentResult, RawDocument

_pipeline: Pipeline | None = None


def _start(options: Options) -> None:
    global _pipeline
    _pipeline = Pipeline(replace(options, processes=1))


def _code(raws: Sequence[RawDocument]) -> list[DocumentResult]:
    assert _pipeline is not None, "worker not started"
    return _pipeline.process(raws)


class Workers:
    """A pool of `n` processes running ``Pipeline.process``; results come back in order."""

    def __init__(self, options: Options, n: int) -> None:
        self.n = n
        # spawn: a fresh interpreter per worker (fork after loading models or threads is unsafe)
        self.pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"),
                                        initializer=_start, initargs=(options,))

    def map(self, batches: Iterable[tuple[object, Sequence[RawDocument]]]
            ) -> Iterator[tuple[object, list[DocumentResult]]]:
        """`(tag, items)` in, `(tag, results)` out, in input order, at most 2n batches in flight."""
        pending: deque[tuple[object, Future]] = deque()
        for tag, items in batches:
            pending.append((tag, self.pool.submit(_code, items)))
            if len(pending) >= 2 * self.n:
                tag0, fut = pending.popleft()
                yield tag0, fut.result()
        while pending:
            tag0, fut = pending.popleft()
            yield tag0, fut.result()

    def warm(self) -> None:
        """Start every worker (and load its models) now rather than on the first batch."""
        for f in [self.pool.submit(_code, []) for _ in range(self.n)]:
            f.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


__all__ = ["Workers"]
