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
from typing import Protocol, TypeVar

from .config import Options
from .pipeline import Pipeline
from .records import DocumentResult, RawDocument

_pipeline: Pipeline | None = None
Tag = TypeVar("Tag")  # what the caller sends with a batch and gets back with its results


class Pool(Protocol):
    """What runs the batch function on batches: :class:`Workers` here, or
    :class:`tidings.engine_ray.RayWorkers`."""

    def map(
        self, batches: Iterable[tuple[Tag, Sequence[RawDocument]]]
    ) -> Iterator[tuple[Tag, list[DocumentResult]]]:
        """`(tag, items)` in, `(tag, results)` out, in input order."""
        ...

    def warm(self) -> None:
        """Start the workers (and load their models) now rather than on the first batch."""
        ...

    def close(self) -> None: ...


def _start(options: Options) -> None:
    global _pipeline
    _pipeline = Pipeline(replace(options, processes=1))
    one_thread_each()


def one_thread_each() -> None:
    """One BLAS/OpenMP thread per worker: n workers on n cores, not n workers times n threads.

    Native thread pools default to one thread per core in every process; with a worker per
    core they oversubscribe the machine (measured: 2 workers went from 1.56x to 1.69x of one).
    """
    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    threadpool_limits(1)


def _code(raws: Sequence[RawDocument]) -> list[DocumentResult]:
    assert _pipeline is not None, "worker not started"
    return _pipeline.process(raws)


class Workers:
    """A pool of `n` processes running ``Pipeline.process``; results come back in order."""

    def __init__(self, options: Options, n: int) -> None:
        self.n = n
        # spawn: a fresh interpreter per worker (fork after loading models or threads is unsafe)
        self.pool = ProcessPoolExecutor(
            max_workers=n, mp_context=get_context("spawn"), initializer=_start, initargs=(options,)
        )

    def map(
        self, batches: Iterable[tuple[Tag, Sequence[RawDocument]]]
    ) -> Iterator[tuple[Tag, list[DocumentResult]]]:
        """`(tag, items)` in, `(tag, results)` out, in input order, at most 2 batches in flight.

        Each batch is cut into one chunk per worker, so every worker has a share of every
        batch and none idles while another finishes the last batch alone.
        """
        pending: deque[tuple[Tag, list[Future[list[DocumentResult]]]]] = deque()
        for tag, items in batches:
            pending.append((tag, [self.pool.submit(_code, chunk) for chunk in chunks(items, self.n)]))
            if len(pending) >= 2:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())

    def warm(self) -> None:
        """Start every worker (and load its models) now rather than on the first batch."""
        for f in [self.pool.submit(_code, []) for _ in range(self.n)]:
            f.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def chunks(items: Sequence[RawDocument], n: int) -> list[Sequence[RawDocument]]:
    """`items` cut into at most `n` near-equal chunks (one, possibly empty, when there are none)."""
    size = -(-len(items) // n) or 1
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def _collect(tag: Tag, futures: list[Future[list[DocumentResult]]]) -> tuple[Tag, list[DocumentResult]]:
    return tag, [r for f in futures for r in f.result()]


__all__ = ["Pool", "Workers", "chunks", "one_thread_each"]
