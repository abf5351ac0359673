"""The analyst's workbench: a read-only HTTP API (``/api/...``, OpenAPI at ``/docs``) and
web pages rendered on the server (Jinja2 templates, SVG charts), both over one store.

    tidings serve --db events.db        # http://127.0.0.1:8000

Every error of an API route has one JSON shape,
``{"error": {"status": 422, "message": "...", "details": [...]}}``, and every status an API
route can answer (200, 404, 422; 500 should the store fail) is in its OpenAPI schema, with
the shape of the answer. Every parameter's bounds and format are in the schema too, and the
handlers take what the schema allows and nothing else: a number the database cannot take
never reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi.types import DecoratedCallable
from markupsafe import Markup
from pydantic import BeforeValidator
from starlette.exceptions import HTTPException  # what the router raises too (no route: 404, 405)

from ..errors import NotFound, StoreError, TidingsError
from ..ontology import EVENT_TYPES
from ..store import EventFilters, Store, event_day
from . import charts, schemas

HERE = Path(str(resources.files("tidings").joinpath("web")))
PAGE_SIZE = 50
MAX_OFFSET = 2**31 - 1  # an integer every database and every JSON client takes
# PLOVER types in any case: CONSULT, consult, Consult
TYPE_PATTERN = (
    "^("
    + "|".join("".join(f"[{c}{c.lower()}]" if c.isalpha() else re.escape(c) for c in t) for t in EVENT_TYPES)
    + ")$"
)
DYAD_PATTERN = r"^\s*[^,\s][^,]*,\s*[^,\s][^,]*$"  # two names, one comma; spaces around them are dropped
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HINTS = {  # what to say instead of "String should match pattern ..."
    "type": "{input!r} is not a PLOVER type; use one of " + ", ".join(EVENT_TYPES),
    "dyad": "give two actors separated by a comma, e.g. dyad=CPV,CPUSA (got {input!r})",
}
ANSWERS: dict[int, str] = {
    404: "No such event or actor (the message says which), or no such route.",
    422: "A parameter is wrong: `details` says which and how.",
    500: "The store could not be read (a problem of the server, not of the request).",
}


def _answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of a route, for its OpenAPI schema: all have the one error shape."""
    return {s: {"model": schemas.Problem, "description": ANSWERS[s]} for s in (*statuses, 500)}


def _iso_day(value: Any) -> Any:
    """YYYY-MM-DD and nothing else (pydantic alone would take "0" or a timestamp as a date)."""
    if isinstance(value, str) and not DAY.match(value):
        raise ValueError("give a date as YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]


def create_app(db: str) -> FastAPI:
    """The app over the store at `db` (a path or SQLAlchemy URL); only GET routes."""
    if "://" not in db and not Path(db).expanduser().is_file():
        raise StoreError(f"no store at {db!r}: ingest articles first (tidings ingest ARTICLES --db {db})")
    store = Store(db)
    app = FastAPI(
        title="tidings",
        version="1",
        description=(
            "Political events coded from news (PLOVER), with the evidence sentence of every report. "
            "Read-only."
        ),
    )
    app.state.store = store
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(
        colour=charts.type_colour,
        legend=charts.legend(),
        marked=marked,
        qs=urlencode,
        snippet=lambda text: Markup(str(escape(text)).replace("\x02", "<mark>").replace("\x03", "</mark>")),
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _errors(app, templates)
    _api(app, store)
    _pages(app, store, templates)
    return app


# errors ----------------------------------------------------------------------------
def _problem(status: int, message: str, details: list[Any] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message, "details": details or []}}, status)


def _errors(app: FastAPI, templates: Jinja2Templates) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": _hint(e)} for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return _problem(422, f"invalid request: {message}", details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 404 and exc.detail == "Not Found":
            return _problem(
                404, f"no {'route' if request.url.path.startswith('/api/') else 'page'} at {request.url.path}"
            )
        problem = _problem(exc.status_code, str(exc.detail))
        problem.headers.update(exc.headers or {})  # a 405 says which methods there are (Allow)
        return problem

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return _problem(404, str(exc))
        return templates.TemplateResponse(
            request, "missing.html", {"message": str(exc), "title": "Not found"}, status_code=404
        )

    @app.exception_handler(TidingsError)
    async def failed(request: Request, exc: TidingsError) -> JSONResponse:
        return _problem(500, str(exc))

    @app.exception_handler(Exception)
    async def broken(request: Request, exc: Exception) -> JSONResponse:  # a bug: still the one shape
        return _problem(500, f"internal error ({type(exc).__name__}); the server's log has the details")


def _hint(error: dict[str, Any]) -> Any:
    where = error.get("loc", ())[-1:]
    if error.get("type") == "string_pattern_mismatch" and where and where[0] in HINTS:
        return HINTS[where[0]].format(input=error.get("input"))
    return error.get("msg")


def _dyad(value: str | None) -> tuple[str, str] | None:
    """`A,B` (as DYAD_PATTERN lets through) as the two names."""
    if value is None:
        return None
    a, b = (p.strip() for p in value.split(","))
    return a, b


# the API ---------------------------------------------------------------------------
def _api(app: FastAPI, store: Store) -> None:
    def route(
        path: str, model: type, *errors: int, **kw: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """A GET route whose every answer is documented: `model` for 200, the error shape for
        the others. Answers are not checked against `model` when served (the tests do that)."""
        return app.get(
            path, response_model=None, responses={200: {"model": model}, **_answers(*errors)}, **kw
        )

    @route(
        "/api/events",
        schemas.EventPage,
        422,
        tags=["events"],
        summary="Events, oldest first, filtered and paginated",
    )
    def list_events(
        actor: Annotated[
            str | None, Query(description="name, acronym, code or id", examples=["Kenya"])
        ] = None,
        dyad: Annotated[
            str | None,
            Query(
                pattern=DYAD_PATTERN,
                examples=["Kenya,Tanzania"],
                description="two actors, comma-separated: CPV,CPUSA",
            ),
        ] = None,
        type: Annotated[
            str | None,
            Query(pattern=TYPE_PATTERN, examples=["CONSULT"], description="PLOVER type, in any case"),
        ] = None,
        since: Annotated[Day | None, Query(description="YYYY-MM-DD, on or before until")] = None,
        until: Annotated[Day | None, Query(description="YYYY-MM-DD")] = None,
        outlet: str | None = None,
        text: Annotated[str | None, Query(min_length=2, description="words of the evidence")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        filters: EventFilters = {
            "actor": actor,
            "dyad": _dyad(dyad),
            "type": type and type.upper(),
            "since": since,
            "until": until,
            "outlet": outlet,
            "text": text,
        }
        if since and until and since > until:
            raise RequestValidationError([{"loc": ("query", "since"), "msg": "since is after until"}])
        return {
            "total": store.count_events(**filters),
            "limit": limit,
            "offset": offset,
            "events": store.query_events(**filters, limit=limit, offset=offset),
        }

    @route(
        "/api/events/{event_id}",
        schemas.Event,
        404,
        422,
        tags=["events"],
        summary="One event with all its reports",
    )
    def get_event(event_id: str) -> dict[str, Any]:
        return store.event(event_id)

    @route(
        "/api/actors",
        schemas.ActorList,
        422,
        tags=["actors"],
        summary="Actors, busiest first; search by name",
    )
    def list_actors(
        q: Annotated[str | None, Query(min_length=1, description="part of a name")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = PAGE_SIZE,
    ) -> dict[str, Any]:
        return {"actors": store.find_actors(q, limit)}

    @route(
        "/api/actors/{actor_id:path}",
        schemas.ActorProfile,
        404,
        422,
        tags=["actors"],
        summary="One actor: aliases, roles over time, events by type, counterparts",
    )
    def get_actor(actor_id: str) -> dict[str, Any]:
        return store.actor(actor_id)

    @route(
        "/api/dyad",
        schemas.Dyad,
        404,
        422,
        tags=["events"],
        summary="Two actors' timeline with counts per month and type; what was said at a meeting "
        "is listed under it",
    )
    def get_dyad(
        a: Annotated[str, Query(min_length=1, examples=["Kenya"])],
        b: Annotated[str, Query(min_length=1, examples=["Tanzania"])],
        background: Annotated[
            bool, Query(description="include history the articles mention in passing")
        ] = False,
    ) -> dict[str, Any]:
        return store.dyad(a, b, background=background)

    @route(
        "/api/search",
        schemas.SearchResults,
        422,
        tags=["search"],
        summary="Full-text search over evidence and article text",
    )
    def search(
        q: Annotated[str, Query(min_length=2, examples=["border"])],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        return {"q": q, "hits": store.search(q, limit, offset)}

    @route("/api/stats", schemas.Stats, tags=["corpus"], summary="Counts for charts")
    def stats() -> dict[str, Any]:
        return store.stats()

    @route(
        "/api/failures",
        schemas.FailureList,
        tags=["corpus"],
        summary="Documents that could not be processed, with reasons",
    )
    def failures() -> dict[str, Any]:
        rows = store.list_failures()
        return {"failures": [{**r, "recorded_at": r["recorded_at"].isoformat()} for r in rows]}


# pages ----------------------------------------------------------------------------
def _pages(app: FastAPI, store: Store, templates: Jinja2Templates) -> None:
    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        s = store.stats()
        return page(
            request,
            "home.html",
            s=s,
            by_type=Markup(charts.bars(s["events_by_type"])),
            by_month=Markup(
                charts.bars(dict(list(s["events_by_month"].items())[-24:]), colour_by_type=False)
            ),
            title="tidings",
        )

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad(request: Request, a: str = "", b: str = "", background: bool = False) -> HTMLResponse:
        if not a or not b:
            return page(request, "dyad.html", d=None, a=a, b=b, title="Dyad")
        d = store.dyad(
            a, b, background=background
        )  # an unknown actor: NotFound, shown as the "not found" page
        return page(
            request,
            "dyad.html",
            d=d,
            a=a,
            b=b,
            background=background,
            timeline=Markup(charts.timeline(d["events"])),
            title=f"{a} \u2194 {b}",
        )

    @app.get("/actor/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor(request: Request, actor_id: str) -> HTMLResponse:
        r = store.actor(actor_id)
        by_year: dict[str, dict[str, int]] = {}
        for e in store.query_events(actor=r["id"]):
            day = event_day(e)
            if day:
                by_year.setdefault(day[:4], {}).setdefault(e["type"], 0)
                by_year[day[:4]][e["type"]] += 1
        return page(
            request,
            "actor.html",
            r=r,
            network=Markup(charts.network(r, r["counterparts"])),
            by_year=by_year,
            title=r["name"],
        )

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, event_id: str) -> HTMLResponse:
        e = store.event(event_id)
        return page(request, "event.html", e=e, title=f"{e['type']} {e['date'] or ''}")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = "") -> HTMLResponse:
        hits = store.search(q, 50, marks=("\x02", "\x03")) if len(q.strip()) >= 2 else []
        return page(request, "search.html", q=q, hits=hits, title=f"Search: {q}")

    @app.get("/failures", response_class=HTMLResponse, include_in_schema=False)
    def failures(request: Request) -> HTMLResponse:
        return page(request, "failures.html", rows=store.list_failures(), title="Failures")


def marked(sentence: str, spans: list[dict]) -> Markup:
    """The evidence sentence as HTML, with trigger and actors marked."""
    out, at = [], 0
    for s in sorted(spans, key=lambda s: s["start"]):
        if s["start"] < at:
            continue
        out.append(escape(sentence[at : s["start"]]))
        out.append(
            f'<mark class="{escape(s["label"])}" title="{escape(s["label"])}">'
            f"{escape(sentence[s['start'] : s['end']])}</mark>"
        )
        at = s["end"]
    out.append(escape(sentence[at:]))
    return Markup("".join(out))


__all__ = ["create_app", "marked"]
