"""The batch function on Ray: Ray Data with an actor pool, each actor loading the models once.

    tidings ingest corpus/ --engine ray --workers 4                # a local Ray, started here
    tidings ingest corpus/ --engine ray --address ray://head:10001 # an existing cluster

The main process still reads, drops inputs already stored and writes each batch in its own
transaction (so resuming works as with local workers); Ray runs ``Pipeline.process``
(extraction, NLP, coding) on the batches and streams the results back in input order. Batches
go to Ray a window at a time (``WINDOW`` batches per dataset), so memory stays bounded; each
window starts its actor pool afresh, which costs one model load per actor per window.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

from .config import Options
from .errors import TidingsError
from .records import DocumentResult, RawDocument
from .workers import Tag, chunks, one_thread_each

WINDOW = 256  # batches per Ray dataset


class _Coder:
    """A Ray Data actor: the models are loaded once, in __init__."""

    def __init__(self, options: Options) -> None:
        from .pipeline import Pipeline  # noqa: PLC0415

        self.pipeline = Pipeline(replace(options, processes=1))
        one_thread_each()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = [pickle.dumps(self.pipeline.process(pickle.loads(blob))) for blob in batch["items"]]
        return {"i": list(batch["i"]), "results": results}


class RayWorkers:
    """The same interface as :class:`tidings.workers.Workers`, on Ray Data."""

    def __init__(self, options: Options, n: int, address: str | None = None) -> None:
        try:
            import ray  # noqa: PLC0415
        except ImportError as e:
            raise TidingsError("the ray engine needs Ray: pip install 'tidings[ray]'") from e
        self.options, self.n = options, n
        import logging  # noqa: PLC0415
        import warnings  # noqa: PLC0415

        logging.getLogger("ray").setLevel(logging.WARNING)
        warnings.filterwarnings("ignore", module="ray")
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"address": address} if address else {"num_cpus": n}
            ray.init(include_dashboard=False, log_to_driver=False, ignore_reinit_error=True, **kwargs)
        from ray.data import DataContext  # noqa: PLC0415

        ctx = DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False

    def map(
        self, batches: Iterable[tuple[Tag, Sequence[RawDocument]]]
    ) -> Iterator[tuple[Tag, list[DocumentResult]]]:
        import ray  # noqa: PLC0415
        from ray.data import ActorPoolStrategy  # noqa: PLC0415

        stream = iter(batches)
        while window := list(islice(stream, WINDOW)):
            # each batch cut into one chunk per actor, as local workers do, so no actor idles
            # while another codes the last batch alone; two chunks in flight per actor, so the
            # next chunk's input is there when one finishes
            rows = [
                {"i": i, "items": pickle.dumps(list(chunk))}
                for i, (_, items) in enumerate(window)
                for chunk in chunks(items, self.n)
            ]
            ds = ray.data.from_items(rows, override_num_blocks=len(rows))
            coded = ds.map_batches(
                _Coder,
                fn_constructor_kwargs={"options": self.options},
                batch_size=1,
                num_cpus=1,
                compute=ActorPoolStrategy(size=self.n, max_tasks_in_flight_per_actor=2),
            )
            done: list[DocumentResult] = []
            current = 0
            for row in coded.iter_rows():  # in input order: the chunks of batch 0, then of batch 1...
                if row["i"] != current:
                    yield window[current][0], done
                    done, current = [], row["i"]
                done += pickle.loads(row["results"])
            yield window[current][0], done

    def warm(self) -> None:
        """Ray starts actors per dataset; nothing to start ahead."""

    def close(self) -> None:
        import ray  # noqa: PLC0415

        ray.shutdown()


__all__ = ["RayWorkers"]
