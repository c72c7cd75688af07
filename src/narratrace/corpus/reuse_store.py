"""Reuse and citations in the store: run, write, read back, and the questions other analyses ask.

``republication_of(store, article_id)`` is what the allegation grouping calls to count
independent instances versus republications.
"""
from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from narratrace.corpus.citations import iter_citations
from narratrace.corpus.clusters import OutletGraph, iso
from narratrace.corpus.reuse import Progress, ReuseParams, ReuseResult, find_reuse
from narratrace.model import Article, Passage, ReuseLink, Span
from narratrace.store import Store

TABLES = ("reuse_passages", "reuse_links", "reuse_cluster_members", "reuse_clusters", "citations")


def run_reuse(store: Store, params: ReuseParams = ReuseParams(), progress: Progress | None = None) -> dict[str, Any]:
    """Find reuse and citations over the whole store and replace the stored results; return a summary."""
    result = find_reuse(store.iter_articles(), lambda ids: store.iter_articles(ids=ids), params, progress)
    n_cit = write_results(store, result, iter_citations(store.iter_articles()))
    kinds: dict[str, int] = {}
    for l in result.links:
        kinds[l.kind] = kinds.get(l.kind, 0) + 1
    status: dict[str, int] = {}
    for c in result.clusters:
        status[c.earliest_status] = status.get(c.earliest_status, 0) + 1
    return {"articles": len(result.docs), "candidates": result.candidates, "links": kinds,
            "clusters": len(result.clusters), "earliest": status, "citations": n_cit}


def write_results(store: Store, result: ReuseResult, citations: Iterable[tuple[str, Any]]) -> int:
    """Replace the reuse tables with ``result`` and the citations table, in one transaction."""
    docs = result.docs
    ids = docs.ids
    with store.conn:
        for t in TABLES:
            store.conn.execute(f"DELETE FROM {t}")
        for l in result.links:
            cluster = result.cluster_of.get(l.later) if l.kind == "copy" else None
            cur = store.conn.execute(
                "INSERT INTO reuse_links (earlier, later, kind, share_of_later, share_of_earlier, basis, cluster) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ids[l.earlier], ids[l.later], l.kind, l.share_of_later, l.share_of_earlier, l.basis, cluster))
            store.conn.executemany(
                "INSERT INTO reuse_passages VALUES (?, ?, ?, ?, ?, ?)",
                [(cur.lastrowid, *p, int(b)) for p, b in zip(l.passages, l.boilerplate)])
        for c in result.clusters:
            hops = [{"earlier": ids[h.earlier], "later": ids[h.later], "from_outlet": docs.outlet(h.earlier),
                     "to_outlet": docs.outlet(h.later), "from_date": iso(docs.dates[h.earlier]),
                     "to_date": iso(docs.dates[h.later]), "days": h.days, "share_of_later": h.share_of_later}
                    for h in c.hops]
            store.conn.execute(
                "INSERT INTO reuse_clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (c.id, len(c.members), c.earliest_status, iso(c.earliest_date),
                 json.dumps([ids[m] for m in c.earliest]), json.dumps([ids[m] for m in c.undated]),
                 json.dumps(hops, ensure_ascii=False), json.dumps([ids[m] for m in c.unplaced])))
            store.conn.executemany("INSERT INTO reuse_cluster_members VALUES (?, ?)",
                                   [(ids[m], c.id) for m in c.members])
        n = 0
        for article_id, cit in citations:
            store.conn.execute(
                'INSERT INTO citations (article_id, outlet, cited_as, cue, start, "end", self) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, cit.outlet, cit.cited_as.text, cit.cue, cit.cited_as.start, cit.cited_as.end,
                 int(cit.self)))
            n += 1
    return n


# -- questions ------------------------------------------------------------------------------

def republication_of(store: Store, article_id: str) -> str | None:
    """The article whose text ``article_id`` republishes, or None when it is an independent instance.

    A republication is a member of a copy cluster other than its root; the answer is the root
    (the earliest dated member; among same-day members the smallest id, a tie that the cluster
    record states in ``earliest_status``). Partial and boilerplate reuse never make a republication.
    """
    row = store.conn.execute("SELECT cluster FROM reuse_cluster_members WHERE article_id = ?",
                             (article_id,)).fetchone()
    if row is None:
        return None
    root = row[0][len("rc-"):]
    return None if root == article_id else root


def passage_origin(store: Store, article_id: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Where the text at ``[start, end)`` of ``article_id`` was taken from: (earlier article, start, end).

    The span must lie inside a passage the article shares with a strictly earlier article (by
    date) through a copy or partial link; offsets in the earlier article are shifted by the same
    amount (exact for verbatim passages, approximate inside edited ones). None otherwise.
    """
    row = store.conn.execute(
        "SELECT l.earlier, p.earlier_start, p.earlier_end, p.later_start FROM reuse_passages p "
        "JOIN reuse_links l ON l.id = p.link_id WHERE l.later = ? AND l.basis = 'date' "
        "AND l.kind != 'boilerplate' AND p.later_start <= ? AND p.later_end >= ? "
        "ORDER BY l.share_of_later DESC, l.earlier LIMIT 1", (article_id, start, end)).fetchone()
    if row is None:
        return None
    shift = row[1] - row[3]
    return row[0], max(row[1], start + shift), min(row[2], end + shift)


def boilerplate_spans(store: Store, article_id: str) -> list[tuple[int, int]]:
    """Character spans of ``article_id`` marked as template text (merged, sorted)."""
    rows = store.conn.execute(
        "SELECT CASE WHEN l.earlier = ? THEN p.earlier_start ELSE p.later_start END, "
        "CASE WHEN l.earlier = ? THEN p.earlier_end ELSE p.later_end END "
        "FROM reuse_passages p JOIN reuse_links l ON l.id = p.link_id "
        "WHERE p.boilerplate = 1 AND (l.earlier = ? OR l.later = ?)", (article_id,) * 4).fetchall()
    merged: list[tuple[int, int]] = []
    for s, e in sorted(tuple(r) for r in rows):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def iter_links(store: Store, kind: str | None = None) -> Iterator[tuple[ReuseLink, Article, Article]]:
    """Stored links as ``ReuseLink`` (passages with their text) with both articles."""
    sql = "SELECT * FROM reuse_links" + (" WHERE kind = ?" if kind else "") + " ORDER BY id"
    cur = store.conn.cursor()
    for row in cur.execute(sql, (kind,) if kind else ()):
        e, l = store.get_article(row["earlier"]), store.get_article(row["later"])
        if e is None or l is None:
            continue
        passages = tuple(
            Passage(Span.of(e.text, p[0], p[1]), Span.of(l.text, p[2], p[3]), bool(p[4]))
            for p in store.conn.execute("SELECT earlier_start, earlier_end, later_start, later_end, boilerplate "
                                        "FROM reuse_passages WHERE link_id = ? ORDER BY later_start", (row["id"],)))
        yield (ReuseLink(row["earlier"], row["later"], passages, row["share_of_later"], row["kind"],
                         row["cluster"], row["share_of_earlier"], row["basis"]), e, l)


def link_row(link: ReuseLink, earlier: Article, later: Article) -> dict[str, Any]:
    """The JSONL shape ``narratrace reuse`` prints."""
    def side(a: Article) -> dict[str, Any]:
        return {"article": a.id, "file": a.source, "outlet": a.outlet, "date": a.date}

    return {"earlier": side(earlier), "later": side(later), "kind": link.kind,
            "share_of_later": link.share_of_later, "share_of_earlier": link.share_of_earlier,
            "basis": link.basis, "passages": [p.to_dict() for p in link.passages], "cluster": link.cluster}


def iter_clusters(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.conn.execute("SELECT * FROM reuse_clusters ORDER BY id"):
        members = [r[0] for r in store.conn.execute(
            "SELECT article_id FROM reuse_cluster_members WHERE cluster = ? ORDER BY article_id", (row["id"],))]
        yield {"cluster": row["id"], "size": row["size"], "members": members,
               "earliest": {"status": row["earliest_status"], "date": row["earliest_date"],
                            "articles": json.loads(row["earliest"])},
               "undated": json.loads(row["undated"]), "path": json.loads(row["hops"]),
               "unplaced": json.loads(row["unplaced"])}


def outlet_graph(store: Store) -> OutletGraph:
    """Outlets as nodes; reuse links (earlier outlet -> later outlet, by kind) and cites as edges."""
    g = OutletGraph()
    for outlet, n in store.conn.execute("SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY 1"):
        g.nodes[outlet] = n
    for e, l, kind, n in store.conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)'), coalesce(b.outlet, '(unknown)'), r.kind, count(*) "
            "FROM reuse_links r JOIN articles a ON a.id = r.earlier JOIN articles b ON b.id = r.later "
            "GROUP BY 1, 2, 3"):
        g.edges[(e, l)][kind] += n
    for src, cited, n in store.conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)'), c.outlet, count(*) FROM citations c "
            "JOIN articles a ON a.id = c.article_id WHERE c.self = 0 GROUP BY 1, 2"):
        g.nodes.setdefault(cited, 0)
        g.edges[(src, cited)]["cites"] += n
    return g


def has_results(store: Store) -> bool:
    try:
        return store.conn.execute("SELECT 1 FROM reuse_links LIMIT 1").fetchone() is not None or \
            store.conn.execute("SELECT 1 FROM citations LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:
        return False


def export_reuse(store: Store, folder: str | Path) -> dict[str, str]:
    """Write links.jsonl, clusters.jsonl, outlets.graphml and outlets.json into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: folder / name for name in ("links.jsonl", "clusters.jsonl", "outlets.graphml", "outlets.json")}
    with open(files["links.jsonl"], "w", encoding="utf-8") as f:
        for link, e, l in iter_links(store):
            f.write(json.dumps(link_row(link, e, l), ensure_ascii=False) + "\n")
    with open(files["clusters.jsonl"], "w", encoding="utf-8") as f:
        for c in iter_clusters(store):
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    graph = outlet_graph(store)
    files["outlets.graphml"].write_text(graph.to_graphml(), encoding="utf-8")
    files["outlets.json"].write_text(graph.dumps(), encoding="utf-8")
    return {k: str(v) for k, v in files.items()}


def reuse_files(paths: Sequence[str], params: ReuseParams = ReuseParams(),
                on_error: Callable[[str], None] | None = None, progress: Progress | None = None,
                export: str | Path | None = None) -> Iterator[dict[str, Any]]:
    """Reuse links among the articles in files and folders (a temporary store), as JSONL rows."""
    from narratrace.api import ingest

    with tempfile.TemporaryDirectory(prefix="narratrace-reuse-") as tmp:
        db = Path(tmp) / "reuse.db"
        ingest(paths, db, on_error=(lambda e: on_error(e.line())) if on_error else None)
        with Store.open(db) as store:
            run_reuse(store, params, progress)
            if export:
                export_reuse(store, export)
            for link, e, l in iter_links(store):
                yield link_row(link, e, l)
