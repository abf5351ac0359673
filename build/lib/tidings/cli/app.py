"""The `tidings` Typer app, its consoles, and what every command shares."""

from __future__ import annotations

from datetime import date
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from ..errors import TidingsError

app = typer.Typer(
    help="News in, political events out: PLOVER-coded, dated, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", envvar="TIDINGS_DB", help="SQLite path or SQLAlchemy URL.")]


def fail(e: Exception) -> NoReturn:
    """Print the error and exit with status 2."""
    err.print(f"[red]error:[/red] {e}")
    raise typer.Exit(2)


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(TidingsError(f"date {value!r} is not YYYY-MM-DD"))
