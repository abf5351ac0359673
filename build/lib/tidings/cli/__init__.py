"""The `tidings` command: a thin layer over the Python API.

Exit status: 0 all went well; 1 the run finished but some documents failed (see
`tidings failures`); 2 bad usage or a store/model that cannot be opened.

app.py       the Typer app, the consoles and what every command shares
ingest.py    ingest, failures
events.py    events, dyad, show, export
actors.py    actors, actor (and its corrections), resolve
serve.py     serve
evaluate.py  code, eval
output.py    how records are printed (tables, timelines, marked evidence, JSONL, CSV)
"""

from __future__ import annotations

# isort: off
# each module registers its commands; this order is the order of `tidings --help`
from . import ingest, events, actors, serve, evaluate  # noqa: F401

# isort: on
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
