"""`serve`: the read-only workbench, web pages and HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import DEFAULT_DB
from ..errors import TidingsError
from .app import DbOption, app, err, fail


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the read-only workbench: web pages at / and the HTTP API at /api (docs at /docs)."""
    import uvicorn  # noqa: PLC0415

    from ..web import create_app  # noqa: PLC0415

    try:
        web = create_app(db)
    except TidingsError as e:
        fail(e)
    err.print(f"tidings: serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(web, host=host, port=port, log_level="warning")
