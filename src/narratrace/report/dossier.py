"""Static dossiers: the web UI's pages written as files that open without a server.

``write_dossier(db, out, group=...)`` writes one recurring allegation (its timeline, map, evidence,
propagation graph) and every article in it with all annotation layers; ``query=...`` does the same for
the articles a full-text query finds. ``data.json`` holds exactly what the pages show.
"""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from narratrace.errors import NarratraceError
from narratrace.report import corpus_pages, pages
from narratrace.report.render import DossierLinks, month_chart, render
from narratrace.store import Store

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def _group_index(store: Store, group: str) -> tuple[dict[str, Any], list[str]]:
    data = corpus_pages.allegation_group(store, group)
    if data is None:
        known = [g["slug"] for g in corpus_pages.group_summaries(store)["groups"][:8]]
        raise NarratraceError(f"{store.path}: no recurring allegation {group!r}"
                              + (f"; groups include: {', '.join(known)}" if known else
                                 "; no allegation frames are stored (run narratrace analyze)"))
    ids = [r["article"] for inst in data["entries"] for r in (inst, *inst["republications"])]
    return data, list(dict.fromkeys(ids))


def _query_index(store: Store, query: str, limit: int) -> tuple[dict[str, Any], list[str]]:
    hits: list[dict[str, Any]] = []
    page = 1
    while len(hits) < limit:
        d = pages.search(store, pages.SearchParams(q=query, page=page))
        hits += d["hits"]
        if page >= d["pages"]:
            break
        page += 1
    hits = hits[:limit]
    months: dict[str, int] = {}
    for h in hits:
        if h["date"]:
            months[h["date"][:7]] = months.get(h["date"][:7], 0) + 1
    ids = [h["id"] for h in hits]
    data = {"page": "query", "query": query, "total": d["total"], "shown": len(hits), "hits": hits,
            "by_month": [{"month": k, "count": v} for k, v in sorted(months.items())],
            "graph": corpus_pages.propagation(store, ids)}
    return data, ids


def write_dossier(db: str | Path, out: str | Path, group: str | None = None, query: str | None = None,
                  limit: int = 200, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Write ``index.html``, one page per article, ``static/`` and ``data.json`` under ``out``."""
    if bool(group) == bool(query):
        raise NarratraceError("give exactly one of --group ID (a recurring allegation) or --query Q")
    out = Path(out)
    with Store.open(db, readonly=True) as store:
        index, ids = _group_index(store, group) if group else _query_index(store, query or "", limit)
        out.mkdir(parents=True, exist_ok=True)
        (out / "static").mkdir(exist_ok=True)
        shutil.copy2(STATIC / "style.css", out / "static" / "style.css")
        links = DossierLinks(ids, group)
        meta = {"generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "database": Path(store.path).name, "group": group, "query": query, "articles": len(ids)}
        if group:
            html = render("dossier_group.html", index, links, meta=meta, request_path="/",
                          filled=lambda n: not n.get("republication"))
        else:
            html = render("dossier_query.html", index, links, meta=meta, request_path="/",
                          month_chart=month_chart(index["by_month"]))
        (out / "index.html").write_text(html, encoding="utf-8")
        with (out / "data.json").open("w", encoding="utf-8") as fh:
            fh.write('{"dossier": ' + json.dumps(meta, ensure_ascii=False) + ',\n "index": '
                     + json.dumps(index, ensure_ascii=False, default=str) + ',\n "articles": [')
            for n, d in enumerate(_articles(store, ids)):
                page = render("article.html", d, links, request_path="/")
                (out / links.article(d["article"]["id"])).write_text(page, encoding="utf-8")  # type: ignore[operator]
                fh.write((",\n  " if n else "\n  ") + json.dumps(d, ensure_ascii=False, default=str))
                if progress:
                    progress(1)
            fh.write("\n]}\n")
    return {"out": str(out), **meta}


def _articles(store: Store, ids: Iterable[str]) -> Iterable[dict[str, Any]]:
    for aid in ids:
        d = pages.article(store, aid)
        if d is not None:
            yield d
