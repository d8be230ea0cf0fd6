"""The web desk and HTTP API (``eventdesk serve``).

Server-rendered pages (Jinja2, autoescape on) plus a JSON API under ``/api``.  Reads go through
one read-only SQLite connection per worker thread, so pages keep answering while an ingest
writes (WAL).  Writing (``POST /api/articles``) exists only when the server was started with a
token, and then only for requests that carry it.
"""

from __future__ import annotations

import hmac
import json
import os
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote_plus, urlencode, urlsplit

import anyio
import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventdesk.model import EVENT_TYPES
from eventdesk.serve import queries
from eventdesk.serve.queries import (
    DATE_PATTERN,
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_QUERY_CHARS,
    SORT_PATTERN,
    IncidentFilters,
    QueryError,
)
from eventdesk.serve.render import (
    Span,
    article_href,
    cite_summary,
    collect_spans,
    fmt_fact,
    highlight,
    incident_href,
    path_id,
    safe_url,
    snippet_html,
)
from eventdesk.serve.views import incident_view
from eventdesk.store.db import article_record

HERE = Path(__file__).parent
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#: Largest POST /api/articles body and article count per request.
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_POST_ARTICLES = 500
#: Worker threads for page and API reads ($EVENTDESK_THREADS).
READ_THREADS = max(1, int(os.environ.get("EVENTDESK_THREADS", "4")))
EVENT_TYPE_PATTERN = "^(" + "|".join(EVENT_TYPES) + ")$"


# --- security headers and query clean-up (plain ASGI: cheap on every request) -------------


class DeskMiddleware:
    """Adds the security headers to every response; drops blank query values on pages.

    Blank values come from the list page's filter form (an empty "min killed" box must mean
    "no filter", not a 422); the JSON API keeps its strict validation.
    """

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        qs: bytes = scope.get("query_string", b"")
        if qs and not path.startswith("/api/"):
            # Work on the raw bytes: only whole blank pairs go, the rest passes untouched.
            pairs = qs.split(b"&")
            kept = [
                p for p in pairs if unquote_plus(p.partition(b"=")[2].decode("latin-1")).strip()
            ]
            if len(kept) != len(pairs):
                scope = dict(scope, query_string=b"&".join(kept))

        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                # A route may set a stricter policy of its own (the raw-text page does).
                headers += [(k, v) for k, v in self.headers if k not in have]
                # Time spent in the app (the load benchmark separates it from queueing).
                took = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={took:.1f}".encode()))
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _csp(tiles_url: str | None) -> str:
    img = "'self' data:"
    if tiles_url:
        parts = urlsplit(tiles_url.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles_url else parts.netloc
            img += f" {parts.scheme}://{host}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


# --- database access ----------------------------------------------------------------------


class Readers:
    """One read-only connection per thread (sqlite3 connections are not shared)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            from eventdesk.store.db import Store

            conn = Store(self.path, readonly=True).conn
            self._local.conn = conn
        return conn


class Ingester:
    """The single writer behind POST /api/articles (the pipeline is loaded on first use)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lock = threading.Lock()
        self._desk: Any = None

    def ingest(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        with self.lock:
            if self._desk is None:
                from eventdesk.api import Desk

                # in this process: forking analysis workers from a threaded server is unsafe,
                # and a POST carries a few articles (bulk loads go through `eventdesk ingest`)
                self._desk = Desk(self.path, processes=1)
            errors: list[str] = []
            report = self._desk.ingest(items, on_error=errors.append)
        return {
            "read": report.read,
            "stored": report.stored,
            "duplicates": report.duplicates,
            "failed": report.failed,
            "errors": (errors or list(report.errors))[:100],
            "incidents": sorted(report.incidents_touched),
        }


# --- parameters ---------------------------------------------------------------------------


def incident_filters(
    date_from: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="Earliest date, YYYY[-MM[-DD]].")
    ] = None,
    date_to: Annotated[
        str | None,
        Query(pattern=DATE_PATTERN, description="Latest date, YYYY[-MM[-DD]] (inclusive)."),
    ] = None,
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code.")
    ] = None,
    admin1: Annotated[
        str | None, Query(max_length=100, description="State/region (exact, any case).")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=100, description="Place name (exact, any case).")
    ] = None,
    event_type: Annotated[
        str | None, Query(pattern=EVENT_TYPE_PATTERN, description="One of the schema's types.")
    ] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY_CHARS,
            description="Full-text search over title, summary and place (words are ANDed; "
            "a trailing * searches a prefix).",
        ),
    ] = None,
    sort: Annotated[
        str,
        Query(
            pattern=SORT_PATTERN,
            description="date, killed, injured, articles, place, country, type, title, "
            "updated or relevance (needs q); prefix '-' for descending.",
        ),
    ] = "-date",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 25,
) -> IncidentFilters:
    return IncidentFilters(
        date_from=date_from,
        date_to=date_to,
        country=country.upper() if country else None,
        admin1=admin1,
        place=place,
        event_type=event_type,
        min_killed=min_killed,
        q=q,
        sort=sort,
        page=page,
        per_page=per_page,
    )


Filters = Annotated[IncidentFilters, Depends(incident_filters)]
SearchQ = Annotated[
    str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="Words to search for.")
]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


# --- the app ------------------------------------------------------------------------------


def create_app(db_path: str, token: str | None = None, *, tiles_url: str | None = None) -> FastAPI:
    """The desk for the database at ``db_path``.

    ``token`` enables ``POST /api/articles`` for requests with ``Authorization: Bearer TOKEN``.
    ``tiles_url`` is the map tile template (default ``$EVENTDESK_TILES_URL`` or OpenStreetMap;
    "" turns tiles off: the map then shows the marker on a plain background).
    """
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no database at {db_path}")
    if tiles_url is None:
        tiles_url = os.environ.get("EVENTDESK_TILES_URL", DEFAULT_TILES)
    readers = Readers(db_path)
    ingester = Ingester(db_path)
    token = token or None
    ingest_limiter: list[anyio.CapacityLimiter] = []

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few worker threads: queries take a millisecond or two and SQLite releases the GIL,
        # so 40 threads (anyio's default) only fight over the GIL under load.
        anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
        # Ingest runs on its own thread so a long batch never takes a reader's place.
        ingest_limiter.append(anyio.CapacityLimiter(1))
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="eventdesk",
        version="1",
        summary="Deduplicated, source-attributed incidents built from news articles.",
        description="Every figure in an incident record points at the sentence it came from "
        "(`evidence`: article id and character offsets into the article's clean text).",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.add_middleware(DeskMiddleware, csp=_csp(tiles_url))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path_id"] = path_id
    env.filters["fact_value"] = fmt_fact
    env.globals.update(
        article_href=article_href,
        incident_href=incident_href,
        event_types=EVENT_TYPES,
        tiles_url=tiles_url or "",
    )
    templates = Jinja2Templates(env=env)

    counts_cache: dict[str, Any] = {"at": 0.0, "value": None}

    def db_counts() -> dict[str, int]:
        # Three COUNT(*)s per list page add up at 100k articles; a few seconds stale is fine.
        now = time.monotonic()
        if counts_cache["value"] is None or now - counts_cache["at"] > 5:
            counts_cache["value"] = queries.counts(readers.conn())
            counts_cache["at"] = now
        value: dict[str, int] = counts_cache["value"]
        return value

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Any:
        return templates.TemplateResponse(request, name, context, status_code=status)

    # --- errors -------------------------------------------------------------------------

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        if _is_api(request) or request.url.path == "/api":
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        return page(
            request,
            "error.html",
            {"status": exc.status_code, "message": str(exc.detail)},
            exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        # Never echo the offending input back (it can be large or hostile); say where and why.
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _is_api(request):
            return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
        message = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors
        )
        return page(request, "error.html", {"status": 400, "message": message}, 400)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Any:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return page(request, "error.html", {"status": 400, "message": str(exc)}, 400)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Any:
        # Starlette still logs the traceback; the client gets JSON (API) or a page, no details.
        if _is_api(request):
            return JSONResponse({"detail": "internal server error"}, status_code=500)
        return page(request, "error.html", {"status": 500, "message": "internal error"}, 500)

    @app.exception_handler(sqlite3.OperationalError)
    async def db_error(request: Request, exc: sqlite3.OperationalError) -> Any:
        message = "the database is busy or unavailable; retry shortly"
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=503)
        return page(request, "error.html", {"status": 503, "message": message}, 503)

    # --- JSON API -----------------------------------------------------------------------

    @app.get("/api/incidents", tags=["incidents"], summary="List and filter incidents")
    def api_incidents(f: Filters) -> JSONResponse:
        """Incidents (indexed columns only; fetch one for its full record), filtered, sorted,
        one page at a time: `total`, `page`, `per_page`, `pages`, `items`."""
        # JSONResponse directly: plain data, no need for FastAPI's generic encoder pass.
        return JSONResponse(queries.list_incidents(readers.conn(), f))

    @app.get(
        "/api/incidents/{incident_id:path}",
        tags=["incidents"],
        summary="One incident: the export record",
        responses={404: {"description": "No such incident"}},
    )
    def api_incident(
        incident_id: Annotated[str, PathParam(max_length=200)],
    ) -> Response:
        """The stored export record (see `eventdesk schema`)."""
        text = queries.incident_record_text(readers.conn(), incident_id)
        if text is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        # Stored as JSON already: sent as is, never parsed and re-encoded.
        return Response(text, media_type="application/json")

    @app.get(
        "/api/articles/{article_id:path}",
        tags=["articles"],
        summary="One article: clean text, metadata, facts, raw text",
        responses={404: {"description": "No such article"}},
    )
    def api_article(
        article_id: Annotated[str, PathParam(max_length=300)],
        raw: Annotated[bool, Query(description="Include the raw text as received.")] = True,
    ) -> JSONResponse:
        row = queries.article_row(readers.conn(), article_id)
        if row is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(article_record(row, with_facts=True, with_raw=raw))

    @app.get("/api/search", tags=["search"], summary="Full-text search")
    def api_search(
        q: SearchQ, limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20
    ) -> JSONResponse:
        """Incidents and articles matching every word of `q`, best first.  `snippet` is plain
        text; `matches` are [start, end) offsets of the matched words in it."""
        return JSONResponse(queries.strip_private(queries.search(readers.conn(), q, limit)))

    @app.get("/api/stats", tags=["search"], summary="Counts")
    def api_stats() -> dict[str, int]:
        return db_counts()

    @app.post(
        "/api/articles",
        tags=["articles"],
        summary="Ingest articles (needs the server token)",
        status_code=200,
        responses={
            401: {"description": "Missing or wrong bearer token"},
            403: {"description": "The server is read-only (started without a token)"},
            413: {"description": "Body too large"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                {"type": "array", "items": {"type": "object"}},
                                {
                                    "type": "object",
                                    "properties": {
                                        "articles": {"type": "array", "items": {"type": "object"}}
                                    },
                                },
                            ]
                        },
                        "example": [
                            {
                                "id": "a1",
                                "title": "…",
                                "text": "…",
                                "published": "2024-05-01",
                                "source": "Example Times",
                            }
                        ],
                    }
                },
            }
        },
    )
    async def api_ingest(request: Request) -> Any:
        """Articles as JSON (the JSONL reader's keys: id, text or html, title, published, url,
        source, ...), a list or `{"articles": [...]}`, at most 500 per request.  Needs
        `Authorization: Bearer TOKEN` matching the server's `--token`."""
        if token is None:
            raise HTTPException(403, "read-only server: start it with --token to allow ingest")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            raise HTTPException(413, f"body larger than {MAX_BODY_BYTES} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                raise HTTPException(413, f"body larger than {MAX_BODY_BYTES} bytes")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(400, f"body is not JSON: {exc}") from None
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise HTTPException(
                400, 'expected a JSON list of article objects or {"articles": [...]}'
            )
        if not data:
            raise HTTPException(400, "no articles given")
        if len(data) > MAX_POST_ARTICLES:
            raise HTTPException(413, f"at most {MAX_POST_ARTICLES} articles per request")
        limiter = ingest_limiter[0] if ingest_limiter else None
        result = await anyio.to_thread.run_sync(ingester.ingest, data, limiter=limiter)
        counts_cache["value"] = None
        return result

    # --- pages --------------------------------------------------------------------------

    def list_context(request: Request, f: IncidentFilters) -> dict[str, Any]:
        result = queries.list_incidents(readers.conn(), f)
        params = f.as_params()

        def url_with(**changes: Any) -> str:
            p = {**params, **changes}
            p = {k: v for k, v in p.items() if v not in (None, "")}
            return "/?" + urlencode(p) if p else "/"

        def sort_url(key: str) -> str:
            # Click a column: numbers and dates start descending, words ascending; click again
            # to flip.
            current = f.sort
            if current.lstrip("-") == key:
                new = key if current.startswith("-") else f"-{key}"
            else:
                new = (
                    f"-{key}"
                    if key in ("date", "killed", "injured", "articles", "updated")
                    else key
                )
            return url_with(sort=None if new == "-date" else new, page=None)

        first = (f.page - 1) * f.per_page + 1 if result["items"] else 0
        window = range(max(1, f.page - 3), min(result["pages"], f.page + 3) + 1)
        return {
            "f": f,
            "result": result,
            "counts": db_counts(),
            "first": first,
            "last": first + len(result["items"]) - 1 if result["items"] else 0,
            "url_with": url_with,
            "sort_url": sort_url,
            "window": list(window),
        }

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def list_page(request: Request, f: Filters) -> Any:
        return page(request, "list.html", list_context(request, f))

    @app.get("/incidents", include_in_schema=False)
    def list_redirect(request: Request) -> Any:
        qs = request.url.query
        return RedirectResponse("/" + (f"?{qs}" if qs else ""), status_code=307)

    @app.get("/incidents/{incident_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def incident_page(
        request: Request, incident_id: Annotated[str, PathParam(max_length=200)]
    ) -> Any:
        rec = queries.incident_record(readers.conn(), incident_id)
        if rec is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        summary = cite_summary(str(rec.get("summary") or ""), rec.get("summary_citations") or [])
        return page(
            request,
            "incident.html",
            {"rec": rec, "v": incident_view(rec), "summary_html": summary},
        )

    @app.get("/articles/{article_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def article_page(
        request: Request,
        article_id: Annotated[str, PathParam(max_length=300)],
        hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
    ) -> Any:
        row = queries.article_row(readers.conn(), article_id)
        if row is None:
            raise HTTPException(404, f"no article {article_id!r}")
        art = article_record(row, with_facts=True)
        text: str = art["text"] or ""
        spans = collect_spans(len(text), art["facts"], article_id)
        current = None
        if hl:
            s, e = (int(x) for x in hl.split("-"))
            if 0 <= s < e <= len(text):
                current = next((sp for sp in spans if (sp.start, sp.end) == (s, e)), None)
                if current is None:
                    current = Span(s, e, ["cited evidence"])
                    spans.append(current)
                current.current = True
        facts = []
        for fact in art["facts"]:
            if not isinstance(fact, dict):
                continue
            evs = [
                ev
                for ev in fact.get("evidence") or []
                if isinstance(ev, dict)
                and isinstance(ev.get("start"), int)
                and isinstance(ev.get("end"), int)
            ]
            facts.append({"fact": fact, "evidence": evs})
        return page(
            request,
            "article.html",
            {
                "a": art,
                "text_html": highlight(text, spans),
                "facts": facts,
                "current": current,
                "link": safe_url(art["url"]),
            },
        )

    @app.get("/raw/{article_id:path}", include_in_schema=False)
    def raw_page(article_id: Annotated[str, PathParam(max_length=300)]) -> Any:
        row = queries.article_row(readers.conn(), article_id)
        if row is None:
            raise HTTPException(404, f"no article {article_id!r}")
        # text/plain + nosniff + CSP sandbox: raw HTML is shown as source, never rendered.
        return PlainTextResponse(
            row["raw"] or "",
            headers={"Content-Security-Policy": "sandbox; default-src 'none'"},
        )

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None,
    ) -> Any:
        result = None
        if q:
            result = queries.search(readers.conn(), q, 30)
            for item in result["incidents"] + result["articles"]:
                item["snippet_html"] = snippet_html(item["_snip"])
        return page(request, "search.html", {"q": q or "", "result": result})

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Any:
        spec = app.openapi()
        ops = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                ops.append({"path": path, "method": method.upper(), "op": op})
        return page(request, "apidocs.html", {"spec": spec, "ops": ops})

    return app
