"""Jinja rendering shared by the web UI and the static dossier.

The two differ only in how they link: the web UI links every route; a dossier links the pages it
contains (relative files) and prints the rest as plain text. Autoescaping is always on; the only
``Markup`` that reaches a template comes from :mod:`layers` and :mod:`charts`, which escape every
piece of text themselves.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from narratrace.report import charts, layers

CSP_META = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
            "form-action 'self'; base-uri 'none'")
CSP = CSP_META + "; frame-ancestors 'none'"  # frame-ancestors only works as a header


class WebLinks:
    """Links of the served site (every page exists)."""

    dossier = False
    nav = (("Overview", "/"), ("Search", "/search"), ("Allegations", "/allegations"))

    def static(self, name: str) -> str:
        return "/static/" + quote(name)

    def home(self) -> str:
        return "/"

    def article(self, article_id: str | None) -> str | None:
        return f"/articles/{quote(article_id, safe='')}" if article_id else None

    def group(self, slug: str | None) -> str | None:
        return f"/allegations/{quote(slug, safe='')}" if slug else None

    def cluster(self, cluster_id: str | None) -> str | None:
        return f"/reuse/{quote(cluster_id, safe='')}" if cluster_id else None

    def outlet(self, name: str | None) -> str | None:
        return f"/outlets/{quote(name, safe='')}" if name else None

    def search(self, query: str = "") -> str | None:
        return "/search" + ("?" + query if query else "")

    def allegations(self) -> str | None:
        return "/allegations"

    def json(self, path: str) -> str | None:
        return path + ".json" if path != "/" else "/index.json"


class DossierLinks(WebLinks):
    """Links inside a static dossier: relative files for the pages it holds, nothing for the rest."""

    dossier = True
    nav = (("Dossier", "index.html"),)

    def __init__(self, articles: Iterable[str] = (), group: str | None = None) -> None:
        self.articles = set(articles)
        self.current_group = group

    def static(self, name: str) -> str:
        return "static/" + quote(name)

    def home(self) -> str:
        return "index.html"

    def article(self, article_id: str | None) -> str | None:
        return f"article-{quote(article_id, safe='')}.html" if article_id in self.articles else None

    def group(self, slug: str | None) -> str | None:
        return "index.html" if slug and slug == self.current_group else None

    def cluster(self, cluster_id: str | None) -> str | None:
        return None

    def outlet(self, name: str | None) -> str | None:
        return None

    def search(self, query: str = "") -> str | None:
        return None

    def allegations(self) -> str | None:
        return None

    def json(self, path: str) -> str | None:
        return "data.json"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("narratrace.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        render_text=layers.render_text, legend=layers.legend, layer_names=layers.LAYERS, css=layers.css_token,
        hbars=charts.hbars, vbars=charts.vbars, lanes_chart=charts.lanes_chart, place_map=charts.place_map,
        csp=CSP_META,
    )
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    return env


def render(template: str, data: dict[str, Any], links: WebLinks, **extra: Any) -> str:
    return environment().get_template(template).render(d=data, links=links, **extra)


def outlet_chart(by_outlet: list[dict[str, Any]], links: WebLinks, top: int = 15) -> Any:
    rows = [(o["outlet"] or "(unknown)", o["count"], links.outlet(o["outlet"])) for o in by_outlet[:top]]
    return charts.hbars(rows, "articles by outlet")


def month_chart(by_month: list[dict[str, Any]]) -> Any:
    return charts.vbars([(m["month"], m["count"]) for m in _fill_months(by_month)], "articles by month")


def _fill_months(by_month: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Months with no article get a zero bar, so the axis is time (capped at 50 years)."""
    known = {m["month"]: m["count"] for m in by_month if m["month"] and len(m["month"]) == 7}
    if not known:
        return by_month
    lo, hi = min(known), max(known)
    y, mo = int(lo[:4]), int(lo[5:7])
    out = []
    while f"{y:04d}-{mo:02d}" <= hi and len(out) < 600:
        key = f"{y:04d}-{mo:02d}"
        out.append({"month": key, "count": known.get(key, 0)})
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out
