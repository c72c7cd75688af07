"""The analyst's workspace: a read-only FastAPI app over one narratrace database.

Every page has a ``.json`` twin holding exactly the data the page shows. The database is opened
read-only (one connection per worker thread), every route is a GET that changes nothing, every
response carries a Content-Security-Policy that allows only this site's own stylesheet, and all
text from the corpus is escaped by the templates.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from narratrace.errors import QueryError
from narratrace.report import corpus_pages, pages
from narratrace.report.render import CSP, WebLinks, month_chart, outlet_chart, render
from narratrace.store import Store

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class NotFound(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _bool(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes", "on")


def _int(value: str | None, default: int = 1) -> int:
    try:
        return max(1, int(value or default))
    except ValueError:
        return default


def _warm(path: str) -> None:
    """Compute the corpus-wide aggregates once, in the background, so the first visitor does not wait."""
    try:
        with Store.open(path, readonly=True) as store:
            pages.corpus_counts(store)
            pages.top_speakers(store)
            corpus_pages.group_summaries(store)
    except Exception:  # a warm-up must never take the server down; the pages compute on demand
        log.debug("warm-up of %s failed", path, exc_info=True)


def create_app(db_path: str | os.PathLike[str], warm: bool = False) -> FastAPI:
    """The web app over ``db_path`` (opened read-only; a missing file fails here, with its name).

    ``warm`` computes the corpus-wide aggregates in a background thread right away (``serve`` does).
    """
    path = str(db_path)
    Store.open(path, readonly=True).close()
    if warm:
        threading.Thread(target=_warm, args=(path,), daemon=True, name="narratrace-warm").start()
    local = threading.local()
    links = WebLinks()

    def store() -> Store:
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = Store.open(path, readonly=True)
        return s

    app = FastAPI(title="narratrace", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def get(path: str, **kw: Any) -> Callable[..., Any]:
        return app.api_route(path, methods=["GET", "HEAD"], **kw)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def html(template: str, data: dict[str, Any], request: Request, code: int = 200, **extra: Any) -> HTMLResponse:
        return HTMLResponse(render(template, data, links, request_path=request.url.path, **extra), status_code=code)

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return html("error.html", {}, request, status, status=status, message=message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, exc.message)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: f"No page at {request.url.path}.", 405: "This site only reads: use GET."}.get(
            exc.status_code, str(exc.detail))
        response = error(request, exc.status_code, message)
        if exc.status_code == 405:
            response.headers["Allow"] = "GET, HEAD"
        return response

    # -- overview ------------------------------------------------------------------------------
    @get("/index.json")
    def overview_json() -> Any:
        return pages.overview(store())

    @get("/", response_class=HTMLResponse)
    def overview_page(request: Request) -> Any:
        d = pages.overview(store())
        return html("overview.html", d, request, outlet_chart=outlet_chart(d["by_outlet"], links),
                    month_chart=month_chart(d["by_month"]))

    # -- search --------------------------------------------------------------------------------
    def search_params(request: Request) -> pages.SearchParams:
        q = request.query_params
        return pages.SearchParams(q=q.get("q", ""), outlet=q.get("outlet", ""), since=q.get("since", ""),
                                  until=q.get("until", ""), has_frame=_bool(q.get("has_frame")),
                                  technique=q.get("technique", ""), speaker=q.get("speaker", ""),
                                  page=_int(q.get("page")))

    @get("/search.json")
    def search_json(request: Request) -> Any:
        d = pages.search(store(), search_params(request))
        for h in d["hits"]:
            h.pop("snippet_parts", None)
        return d

    @get("/search", response_class=HTMLResponse)
    def search_page(request: Request) -> Any:
        p = search_params(request)
        try:
            d, err = pages.search(store(), p), None
        except QueryError as exc:
            d, err = pages.empty_search(store(), p), str(exc)
        return html("search.html", d, request, code=400 if err else 200, error=err,
                    query_with=p.query_string, page_href=lambda n: "/search?" + p.query_string(page=n))

    # -- article -------------------------------------------------------------------------------
    def article_data(article_id: str) -> dict[str, Any]:
        d = pages.article(store(), article_id)
        if d is None:
            raise NotFound(f"No article {article_id!r} in this corpus; find ids with the search page.")
        return d

    @get("/articles/{article_id}.json")
    def article_json(article_id: str) -> Any:
        return article_data(article_id)

    @get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> Any:
        return html("article.html", article_data(article_id), request)

    # -- allegations ---------------------------------------------------------------------------
    @get("/allegations.json")
    def allegations_json(page: str | None = None) -> Any:
        return corpus_pages.allegations(store(), _int(page))

    @get("/allegations", response_class=HTMLResponse)
    def allegations_page(request: Request, page: str | None = None) -> Any:
        return html("allegations.html", corpus_pages.allegations(store(), _int(page)), request,
                    filled=lambda n: not n.get("republication"),
                    group_href=lambda dot_id: links.group(dot_id.split("#", 1)[0]),
                    page_href=lambda n: f"/allegations?page={n}")

    def group_data(group: str) -> dict[str, Any]:
        d = corpus_pages.allegation_group(store(), group)
        if d is None:
            raise NotFound(f"No recurring allegation {group!r}; the list is at /allegations.")
        return d

    @get("/allegations/{group}.json")
    def group_json(group: str) -> Any:
        return group_data(group)

    @get("/allegations/{group}", response_class=HTMLResponse)
    def group_page(request: Request, group: str) -> Any:
        return html("group.html", group_data(group), request, filled=lambda n: not n.get("republication"))

    # -- reuse ---------------------------------------------------------------------------------
    def cluster_data(cluster: str) -> dict[str, Any]:
        d = corpus_pages.reuse_cluster(store(), cluster)
        if d is None:
            raise NotFound(f"No reuse cluster {cluster!r}" + ("" if corpus_pages._reuse_ready(store()) else
                           " (text reuse has not been computed for this corpus)") + ".")
        return d

    @get("/reuse/{cluster}.json")
    def cluster_json(cluster: str) -> Any:
        return cluster_data(cluster)

    @get("/reuse/{cluster}", response_class=HTMLResponse)
    def cluster_page(request: Request, cluster: str) -> Any:
        return html("reuse.html", cluster_data(cluster), request)

    # -- outlets -------------------------------------------------------------------------------
    def outlet_data(name: str, page: int) -> dict[str, Any]:
        d = pages.outlet(store(), name, page)
        if d is None:
            raise NotFound(f"No outlet {name!r} in this corpus.")
        return d

    @get("/outlets/{name}.json")
    def outlet_json(name: str, page: str | None = None) -> Any:
        return outlet_data(name, _int(page))

    @get("/outlets/{name}", response_class=HTMLResponse)
    def outlet_page(request: Request, name: str, page: str | None = None) -> Any:
        d = outlet_data(name, _int(page))
        href = links.outlet(d["outlet"])
        return html("outlet.html", d, request, month_chart=month_chart(d["by_month"]),
                    page_href=lambda n: f"{href}?page={n}")

    return app
