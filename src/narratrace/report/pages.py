"""What each page shows, as plain JSON-ready dicts: the web UI renders them, the ``.json`` twins return
them, and the static dossier writes them to ``data.json``.

Every function takes an open :class:`~narratrace.store.Store` (read-only is enough) and only reads.
Features whose tables or modules are missing (reuse, recurrence, outcomes) give empty sections with
``available: False`` instead of failing, so a corpus that was only ingested still browses.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass, asdict
from typing import Any, Callable

from narratrace.errors import QueryError
from narratrace.store import Store

PAGE_SIZE = 20
SNIP_OPEN, SNIP_CLOSE = "\x02", "\x03"
_PHRASE = re.compile(r'"|\bNEAR\b')
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CACHE: dict[tuple[str, str], tuple[float, Any]] = {}


# ---------------------------------------------------------------- helpers

def db_version(store: Store) -> float:
    """Changes whenever the database (or its WAL) is written, so cached corpus views refresh."""
    stamp = 0.0
    for suffix in ("", "-wal"):
        try:
            stamp = max(stamp, os.stat(store.path + suffix).st_mtime)
        except OSError:
            pass
    return stamp


def cached(store: Store, key: str, build: Callable[[], Any]) -> Any:
    """``build()`` once per database state (corpus-wide aggregates are costly on large stores)."""
    version = db_version(store)
    hit = _CACHE.get((store.path, key))
    if hit is not None and hit[0] == version:
        return hit[1]
    value = build()
    _CACHE[(store.path, key)] = (version, value)
    return value


def has_table(store: Store, name: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                              (name,)).fetchone() is not None


def excerpt(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def article_brief(row: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "title": row["title"], "outlet": row["outlet"], "date": row["date"]}


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet with match markers as (text, is_match) pieces (the template escapes each piece)."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{SNIP_OPEN}{SNIP_CLOSE}]", snippet)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


# ---------------------------------------------------------------- overview

def corpus_counts(store: Store) -> dict[str, Any]:
    def build() -> dict[str, Any]:
        c = store.conn
        return {
            "articles": store.count_articles(),
            "by_outlet": [{"outlet": r[0], "count": r[1]} for r in c.execute(
                "SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet")],
            "by_month": [{"month": r[0], "count": r[1]} for r in c.execute(
                "SELECT substr(date, 1, 7) m, count(*) FROM articles WHERE date IS NOT NULL GROUP BY m ORDER BY m")],
            "undated": c.execute("SELECT count(*) FROM articles WHERE date IS NULL").fetchone()[0],
            "annotations": [{"analyzer": r[0], "version": r[1], "kind": r[2], "count": r[3]} for r in c.execute(
                "SELECT analyzer, version, kind, count(*) FROM annotations GROUP BY 1, 2, 3 ORDER BY 1, 3")],
            "techniques": [{"technique": r[0], "count": r[1]} for r in c.execute(
                "SELECT label, count(*) FROM annotations WHERE kind = 'technique' GROUP BY label "
                "ORDER BY count(*) DESC, label")],
        }
    return cached(store, "counts", build)


def top_speakers(store: Store, limit: int = 60) -> list[dict[str, Any]]:
    def build() -> list[dict[str, Any]]:
        rows = store.conn.execute(
            "SELECT json_extract(attrs, '$.speaker') s, count(*) FROM annotations WHERE kind = 'attribution' "
            "AND s IS NOT NULL GROUP BY s ORDER BY count(*) DESC, s LIMIT ?", (limit,))
        return [{"speaker": r[0], "count": r[1]} for r in rows]
    return cached(store, f"speakers:{limit}", build)


def latest_frames(store: Store, limit: int = 8) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        f"SELECT m.rowid AS r, n.attrs FROM {_cards(store)} m JOIN annotations n ON n.article_id = m.id "
        "AND +n.kind = 'allegation_frame' ORDER BY m.date DESC, m.rowid DESC, n.start LIMIT ?", (limit,)).fetchall()
    out = []
    for r in rows:
        attrs = json.loads(r["attrs"])
        art = store.conn.execute("SELECT id, title, outlet, date FROM articles WHERE rowid = ?", (r["r"],)).fetchone()
        out.append({**article_brief(art), "sentence": excerpt((attrs.get("sentence") or {}).get("text", ""), 240),
                    "accuser": attrs.get("accuser_resolved") or (attrs.get("accuser") or {}).get("text"),
                    "accused": [s.get("text") for s in attrs.get("accused") or ()],
                    "event_type": attrs.get("event_type"), "time": attrs.get("time")})
    return out


def ingest_errors(store: Store, limit: int = 10) -> dict[str, Any]:
    c = store.conn
    return {"count": c.execute("SELECT count(*) FROM ingest_errors").fetchone()[0],
            "recent": [dict(r) for r in c.execute(
                "SELECT source, locator, reason, at FROM ingest_errors ORDER BY id DESC LIMIT ?", (limit,))]}


def overview(store: Store) -> dict[str, Any]:
    from narratrace.report.corpus_pages import group_summaries, reuse_summary

    groups = group_summaries(store)
    return {"page": "overview", "db": os.path.basename(store.path), **corpus_counts(store),
            "top_allegations": {"available": groups["available"], "groups": groups["groups"][:10],
                                "total": len(groups["groups"])},
            "latest_frames": latest_frames(store), "ingest_errors": ingest_errors(store),
            "reuse": reuse_summary(store)}


# ---------------------------------------------------------------- search

@dataclass
class SearchParams:
    q: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    has_frame: bool = False
    technique: str = ""
    speaker: str = ""
    page: int = 1

    def validate(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise QueryError(f"{name}={value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        self.page = max(1, min(int(self.page), 10_000))

    def query_string(self, **change: Any) -> str:
        from urllib.parse import urlencode

        values = {**asdict(self), **change}
        values["has_frame"] = "1" if values["has_frame"] else ""
        return urlencode({k: v for k, v in values.items() if v and not (k == "page" and v == 1)})


COUNT_CAP = 200  # beyond this, counts say "200+" (counting every match of a broad query costs seconds)
RANK_LIMIT = 5000  # queries matching more articles are listed newest-added first instead of by BM25
FACET_SMALL = 2000  # facet values on fewer annotations select rowids up front; others are checked per article


def _facet(store: Store, cond: str, args: list[Any], every_row: bool) -> str:
    """A WHERE clause for one annotation facet. When every matching row is visited anyway (a text query) or
    few annotations carry the value, the article ids are selected once from the covering index; when
    browsing newest first through a common value, each article is checked until the page is full."""
    n = 0 if every_row else store.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM annotations WHERE {cond.format(n='')} LIMIT {FACET_SMALL})",
        args).fetchone()[0]
    if n < FACET_SMALL:
        return f"m.id IN (SELECT article_id FROM annotations WHERE {cond.format(n='')})"
    # "+n.kind" keeps SQLite on the per-article index: a few rows per article, never all of a kind
    return f"EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = m.id AND +{cond.format(n='n.')})"


def _search_where(store: Store, p: SearchParams) -> tuple[list[str], list[Any]]:
    """Filters over ``m``: the article cards (id, outlet, date) or, in an older store, the articles."""
    where: list[str] = []
    params: list[Any] = []
    if p.outlet:
        outlets = [o["outlet"] for o in corpus_counts(store)["by_outlet"] if o["outlet"]]
        where.append("m.outlet = ?")  # the stored spelling, so the outlet index applies
        params.append(next((o for o in outlets if o.casefold() == p.outlet.casefold()), p.outlet))
    if p.since:
        where.append("m.date >= ?")
        params.append(p.since)
    if p.until:
        where.append("m.date <= ?")
        params.append(p.until + ("~" if len(p.until) < 10 else ""))
    facets = []
    if p.has_frame:
        facets.append(("{n}kind = 'allegation_frame'", []))
    if p.technique:
        facets.append(("{n}kind = 'technique' AND {n}label = ?", [p.technique]))
    if p.speaker:
        facets.append(("{n}kind = 'attribution' AND lower(json_extract({n}attrs, '$.speaker')) = lower(?)",
                       [p.speaker]))
    for cond, args in facets:
        where.append(_facet(store, cond, args, every_row=bool(p.q.strip())))
        params += args
    return where, params


def _cards(store: Store) -> str:
    """``article_cards`` (id, outlet, date beside the rowid) when the store has it: filtering and counting
    then never read an article row, whose outlet and date sit after the long text."""
    return "article_cards" if has_table(store, "article_cards") else "articles"


def search(store: Store, p: SearchParams) -> dict[str, Any]:
    """One page of hits with facets: by BM25 when the words are in at most ``RANK_LIMIT`` articles, most
    recently added first when they are in more, newest first when there are no words."""
    p.validate()
    try:
        where, params = _search_where(store, p)
        matches = None
        if p.q.strip():  # how broad is it? (counting stops past RANK_LIMIT; scoring costs more than counting)
            matches = store.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts "
                                         f"MATCH ? LIMIT {RANK_LIMIT + 1})", (p.q,)).fetchone()[0]
            if matches <= RANK_LIMIT and not _PHRASE.search(p.q):  # words: SQLite ranks and stops at the page
                return _scan(store, p, where, params, matches, ranked=True)
            if matches <= RANK_LIMIT:  # phrases cost most to match: match once, keep rowids and scores
                scored = store.conn.execute("SELECT rowid, bm25(articles_fts, 3.0, 1.0) FROM articles_fts "
                                            "WHERE articles_fts MATCH ?", (p.q,)).fetchall()
                return _ranked(store, p, dict(scored), where, params)
        return _scan(store, p, where, params, matches)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"search query {p.q!r} is not valid FTS5 syntax ({exc}); put phrases in balanced "
                         "double quotes and write AND/OR/NOT between terms") from exc


def _ranked(store: Store, p: SearchParams, score: dict[int, float], where: list[str],
            params: list[Any]) -> dict[str, Any]:
    """Few enough matches to hold their rowids: the text query runs once, filters and facets are exact."""
    cards, conn = _cards(store), store.conn
    keep = list(score)
    if where and keep:
        keep = [r[0] for r in conn.execute(
            f"SELECT m.rowid FROM {cards} m WHERE m.rowid IN (SELECT value FROM json_each(?)) AND "
            + " AND ".join(where), [json.dumps(keep), *params])]
    keep.sort(key=lambda r: (score[r], r))
    offset = (p.page - 1) * PAGE_SIZE
    rows = [_hit_row(store, r, _snippet(store, p.q, r)) for r in keep[offset:offset + PAGE_SIZE]]
    by_outlet = conn.execute(f"SELECT outlet, count(*) FROM {cards} m WHERE m.rowid IN (SELECT value FROM "
                             "json_each(?)) GROUP BY outlet ORDER BY count(*) DESC LIMIT 12",
                             (json.dumps(keep),)).fetchall()
    return _result(store, p, rows, (len(keep), False), False, by_outlet, "relevance")


def _snippet(store: Store, q: str, rowid: int) -> str:
    row = store.conn.execute(f"SELECT snippet(articles_fts, 1, '{SNIP_OPEN}', '{SNIP_CLOSE}', ' … ', 24) "
                             "FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?", (q, rowid)).fetchone()
    return row[0] if row else ""


def _scan(store: Store, p: SearchParams, where: list[str], params: list[Any],
          matches: int | None, ranked: bool = False) -> dict[str, Any]:
    """Walk an index in order (the text index by rowid, or the cards by date) until the page is full;
    counts and outlet facets stop after ``COUNT_CAP`` rows."""
    cards, offset = _cards(store), (p.page - 1) * PAGE_SIZE
    known: tuple[int, bool] | None
    if matches is not None:
        # CROSS JOIN: the text index drives; a lookup per card would run the match once per article
        base = (f"FROM articles_fts CROSS JOIN {cards} m ON m.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
                + "".join(" AND " + w for w in where))
        args = [p.q, *params]
        snip = f"snippet(articles_fts, 1, '{SNIP_OPEN}', '{SNIP_CLOSE}', ' … ', 24)"
        order, label = ((" ORDER BY bm25(articles_fts, 3.0, 1.0)", "relevance") if ranked
                        else (" ORDER BY articles_fts.rowid DESC", "added"))
        known = (min(matches, RANK_LIMIT), matches > RANK_LIMIT) if not where else None
    else:
        base = f"FROM {cards} m" + (" WHERE " + " AND ".join(where) if where else "")
        args = list(params)
        snip = "NULL"  # the article's lead, read for the shown hits only
        order, label = " ORDER BY m.date DESC, m.rowid DESC", "date"  # both in the date index: no sort
        known = (store.count_articles(), False) if not where else None
    page = store.conn.execute(f"SELECT m.rowid AS r, {snip} AS snip {base} {order} LIMIT ? OFFSET ?",
                              [*args, PAGE_SIZE + 1, offset]).fetchall()
    rows = [_hit_row(store, r["r"], r["snip"]) for r in page]
    if known is None:
        n = store.conn.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1})", args).fetchone()[0]
        known = (min(n, COUNT_CAP), n > COUNT_CAP)
    by_outlet = store.conn.execute(
        f"SELECT outlet, count(*) FROM (SELECT m.outlet AS outlet {base} LIMIT {COUNT_CAP}) "
        "GROUP BY outlet ORDER BY count(*) DESC LIMIT 12", args).fetchall()
    return _result(store, p, rows, known, len(rows) > PAGE_SIZE, by_outlet, label,
                   sample=COUNT_CAP if known[1] or known[0] > COUNT_CAP else None)


def _result(store: Store, p: SearchParams, rows: list[dict[str, Any]], known: tuple[int, bool], more: bool,
            by_outlet: list[Any], order: str, sample: int | None = None) -> dict[str, Any]:
    total, capped = known
    hits = [{**r, "snippet_parts": snippet_parts(r["snippet"])} for r in rows[:PAGE_SIZE]]
    d = _search_result(store, p, total, hits, [{"outlet": o, "count": n} for o, n in by_outlet])
    if capped:
        d["pages"] = max(d["pages"], p.page + int(more))
    d.update(total_is_lower_bound=capped, order=order, facet_sample=sample)
    return d


def _hit_row(store: Store, rowid: int, snip: str | None) -> dict[str, Any]:
    r = store.conn.execute("SELECT id, title, outlet, date, substr(text, body_start + 1, 240) AS lead FROM articles "
                           "WHERE rowid = ?", (rowid,)).fetchone()
    return {**article_brief(r), "snippet": excerpt(snip if snip is not None else r["lead"] or "", 400)}


def empty_search(store: Store, p: SearchParams) -> dict[str, Any]:
    """The search page's data with no hits (shown beside an error message)."""
    return _search_result(store, p, 0, [], [])


def _search_result(store: Store, p: SearchParams, total: int, hits: list[dict[str, Any]],
                   by_outlet: list[dict[str, Any]]) -> dict[str, Any]:
    counts = corpus_counts(store)
    return {"page": "search", "params": asdict(p), "total": total, "page_size": PAGE_SIZE,
            "pages": max(1, -(-total // PAGE_SIZE)), "hits": hits, "total_is_lower_bound": False,
            "order": "relevance", "facet_sample": None,
            "facets": {"outlet": by_outlet,
                       "outlets": [o["outlet"] for o in counts["by_outlet"] if o["outlet"]],
                       "techniques": [t["technique"] for t in counts["techniques"]],
                       "speakers": [s["speaker"] for s in top_speakers(store)]}}


# ---------------------------------------------------------------- article

def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article, every annotation (numbered, with its text), and its links into the corpus."""
    from narratrace.report.corpus_pages import article_links

    art = store.get_article(article_id)
    if art is None:
        return None
    anns = []
    for i, (_, a) in enumerate(store.annotations(article_id=art.id)):
        d = a.to_dict()
        d.update(index=i, text=excerpt(art.text[max(0, a.start):max(0, a.end)], 200))
        anns.append(d)
    runs = [dict(r) for r in store.conn.execute(
        "SELECT analyzer, version, analyzed_at FROM analysis_runs WHERE article_id = ? ORDER BY analyzer",
        (art.id,))]
    layers: dict[str, int] = {}
    for a in anns:
        layers[a["kind"]] = layers.get(a["kind"], 0) + 1
    links = article_links(store, art, anns)
    if links["shared_passages"]:
        layers["reuse_passage"] = len(links["shared_passages"])
    return {"page": "article", "article": art.to_dict(), "annotations": anns, "layers": layers,
            "analysis_runs": runs, **links}


# ---------------------------------------------------------------- outlet

def outlet(store: Store, name: str, page: int = 1) -> dict[str, Any] | None:
    """An outlet's articles (newest first), months, annotation counts and reuse partners."""
    c, cards = store.conn, _cards(store)
    canonical = next((o["outlet"] for o in corpus_counts(store)["by_outlet"]
                      if o["outlet"] and o["outlet"].casefold() == name.casefold()), None)
    if canonical is None:
        return None
    total = next(o["count"] for o in corpus_counts(store)["by_outlet"] if o["outlet"] == canonical)
    page = max(1, page)
    articles = [article_brief(c.execute("SELECT id, title, outlet, date FROM articles WHERE rowid = ?",
                                        (r[0],)).fetchone()) for r in c.execute(
        f"SELECT m.rowid FROM {cards} m WHERE m.outlet = ? ORDER BY m.date DESC, m.rowid DESC LIMIT ? OFFSET ?",
        (canonical, PAGE_SIZE, (page - 1) * PAGE_SIZE)).fetchall()]
    by_month = [{"month": r[0], "count": r[1]} for r in c.execute(
        f"SELECT substr(date, 1, 7) mo, count(*) FROM {cards} WHERE outlet = ? AND date IS NOT NULL "
        "GROUP BY mo ORDER BY mo", (canonical,))]
    kinds = [{"kind": r[0], "label": r[1], "count": r[2]} for r in c.execute(
        "SELECT n.kind, CASE WHEN n.kind = 'technique' THEN n.label END, count(*) FROM annotations n "
        f"JOIN {cards} m ON m.id = n.article_id WHERE m.outlet = ? GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 30",
        (canonical,))]
    from narratrace.report.corpus_pages import outlet_reuse

    return {"page": "outlet", "outlet": canonical, "articles_total": total, "page_number": page,
            "pages": max(1, -(-total // PAGE_SIZE)), "articles": articles, "by_month": by_month,
            "annotations": kinds, "reuse": outlet_reuse(store, canonical)}
