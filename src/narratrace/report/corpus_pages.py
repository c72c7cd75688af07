"""Corpus-level page data: recurring allegations, reuse clusters, "What followed", and the links from one
article into them. Each section says ``available: False`` when its feature has not run on this store."""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

from narratrace.report.pages import article_brief, cached, excerpt, has_table
from narratrace.store import Store

MAX_LINKS = 60
MAX_PASSAGES = 30


# ---------------------------------------------------------------- recurring allegations

def group_slug(accused: str, event_type: str) -> str:
    words = re.sub(r"[^\w]+", "-", accused.casefold(), flags=re.UNICODE).strip("-_") or "unnamed"
    return f"{words}--{re.sub(r'[^a-z0-9]+', '-', event_type.lower()).strip('-')}"


def _groups(store: Store) -> list[Any] | None:
    try:
        from narratrace.corpus.recurrence import group_store
    except ImportError:
        return None
    return cached(store, "groups", lambda: group_store(store))


def _summary(g: Any) -> dict[str, Any]:
    d = g.to_dict()
    d.pop("frames", None)
    return {"slug": group_slug(g.accused, g.event_type), **d}


GROUPS_PAGE = 100


def group_summaries(store: Store) -> dict[str, Any]:
    """Every recurring allegation without its frames, biggest first (computed once per database state)."""
    if _groups(store) is None:
        return {"available": False, "groups": []}
    return cached(store, "group_summaries",
                  lambda: {"available": True, "groups": [_summary(g) for g in _groups(store) or ()]})


def allegations(store: Store, page: int = 1) -> dict[str, Any]:
    """One page of recurring allegations and the over-time dots of the biggest ones."""
    d = group_summaries(store)
    total = len(d["groups"])
    page = max(1, page)
    return {"page": "allegations", "available": d["available"], "total": total, "page_number": page,
            "pages": max(1, -(-total // GROUPS_PAGE)),
            "groups": d["groups"][(page - 1) * GROUPS_PAGE: page * GROUPS_PAGE],
            "timeline": groups_timeline(store) if page == 1 else []}


def groups_timeline(store: Store, top: int = 25) -> list[dict[str, Any]]:
    """Dots for the allegations page: every dated frame of the ``top`` biggest groups, one lane per group."""
    out = []
    for g in (_groups(store) or ())[:top]:
        slug = group_slug(g.accused, g.event_type)
        for n, o in enumerate(g.occurrences):
            if o.date:
                out.append({"id": f"{slug}#{n}", "group": slug, "outlet": f"{g.accused} · {g.event_type}",
                            "date": o.date, "title": f"{o.outlet or 'unknown outlet'}: {excerpt(o.sentence, 90)}",
                            "republication": o.republication_of is not None})
    return out


def group_keys_for(frames: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """The recurring groups an article's frames belong to (slug and label), without grouping the corpus."""
    try:
        from narratrace.corpus.recurrence import UNNAMED, actor_key
    except ImportError:
        return []
    out: dict[str, str] = {}
    for attrs in frames:
        names = {actor_key(s["text"]) for s in attrs.get("accused") or () if s.get("text")} or {UNNAMED}
        for name in sorted(names):
            etype = attrs.get("event_type") or "other"
            out[group_slug(name, etype)] = f"{name} / {etype}"
    return [{"slug": k, "group": v} for k, v in out.items()]


def _frames_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    return [dict(a.attrs) for _, a in store.annotations(article_id=article_id, kind="allegation_frame")]


def _outcome_records(store: Store, article_id: str) -> dict[int, dict[str, Any]]:
    """The stored "What followed" check of each of the article's frames, by frame index."""
    if not has_table(store, "outcome_frames"):
        return {}
    try:
        from narratrace.record.store import stored_outcomes
    except ImportError:
        return {}
    return {int(rec.get("frame", i)): rec for i, rec in enumerate(stored_outcomes(store.conn, article_id))}


def _places(names: Iterable[str], records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places with coordinates: those the outcome check located, then the gazetteer's, never guessed."""
    found: dict[str, dict[str, Any]] = {}
    for rec in records:
        for p in rec.get("places") or ():
            if p.get("lat") is not None:
                found.setdefault(p["name"], {"name": p["name"], "lat": p["lat"], "lon": p["lon"], "count": 0})
    try:
        from narratrace.record.places import default_gazetteer

        gaz = default_gazetteer()
    except Exception:  # no gazetteer shipped yet: only the located places are drawn
        gaz = None
    counts: dict[str, int] = {}
    for name in names:
        for m in (gaz.resolve(name).matches if gaz is not None else ()):
            if m.place.kind == "country":  # a country is no place on a map of where it happened
                continue
            found.setdefault(m.place.name, {"name": m.place.name, "lat": m.place.lat, "lon": m.place.lon,
                                            "count": 0})
            counts[m.place.name] = counts.get(m.place.name, 0) + 1
    for name, n in counts.items():
        found[name]["count"] = n
    return sorted(found.values(), key=lambda p: p["name"])


def allegation_group(store: Store, slug: str) -> dict[str, Any] | None:
    """One recurring allegation: its instances in date order with republications folded under them."""
    groups = _groups(store)
    group = next((g for g in groups or () if group_slug(g.accused, g.event_type) == slug), None)
    if group is None:
        return None
    reuse_root = _reuse_roots(store, {o.article for o in group.occurrences})
    rows, records = [], []
    frames_cache: dict[str, list[dict[str, Any]]] = {}
    for o in group.occurrences:
        frames = frames_cache.setdefault(o.article, _frames_of(store, o.article))
        index = next((i for i, f in enumerate(frames) if (f.get("sentence") or {}).get("text") == o.sentence), None)
        frame = frames[index] if index is not None else {}
        outcome = _outcome_records(store, o.article).get(index) if index is not None else None
        if outcome:
            records.append(outcome)
        art = store.get_article(o.article)
        rows.append({**o.to_dict(), "title": art.title if art else None, "frame_index": index,
                     "evidence": (frame.get("evidence") or {}).get("text"),
                     "trigger": (frame.get("trigger") or {}).get("text"),
                     "republication_of": o.republication_of or reuse_root.get(o.article),
                     "what_followed": _followed(outcome)})
    instances = _fold(rows)
    evidence: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        evidence.setdefault(r["accuser"] or "(the article itself)", []).append(
            {"article": r["article"], "date": r["date"], "outlet": r["outlet"], "evidence": r["evidence"]})
    ids = [r["article"] for r in rows]
    return {"page": "allegation_group", **_summary(group), "entries": instances,
            "timeline": [{"article": r["article"], "date": r["date"], "outlet": r["outlet"],
                          "republication": r["republication_of"] is not None} for r in rows],
            "places_map": _places((p for r in rows for p in r["locations"]), records),
            "evidence": [{"accuser": k, "statements": v} for k, v in sorted(evidence.items())],
            "graph": propagation(store, ids)}


def _followed(rec: dict[str, Any] | None) -> dict[str, Any] | None:
    if not rec:
        return None
    return {"status": rec.get("status"), "date": rec.get("date"), "date_basis": rec.get("date_basis"),
            "places": [p.get("name") for p in rec.get("places") or ()],
            "outcomes": [{"date": (o.get("event") or {}).get("date"), "place": (o.get("event") or {}).get("place"),
                          "type": (o.get("event") or {}).get("type"),
                          "perpetrator": (o.get("event") or {}).get("perpetrator"),
                          "relation": o.get("relation"), "order": o.get("order"),
                          "distance_km": o.get("distance_km"), "lag_days": o.get("lag_days")}
                         for o in rec.get("outcomes") or ()]}


def _fold(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Heads (independent instances) in date order; each republication under the instance it copies."""
    heads: dict[str, dict[str, Any]] = {}
    by_instance: dict[int, dict[str, Any]] = {}
    out = []
    for r in rows:
        head = heads.get(r["republication_of"] or "") or (by_instance.get(r["instance"])
                                                          if r["republication_of"] else None)
        if head is not None and head["article"] != r["article"]:
            head["republications"].append(r)
            continue
        item = {**r, "republications": []}
        heads.setdefault(r["article"], item)
        by_instance.setdefault(r["instance"], item)
        out.append(item)
    return out


# ---------------------------------------------------------------- reuse

def _reuse_ready(store: Store) -> bool:
    return has_table(store, "reuse_links") and has_table(store, "reuse_clusters")


def _reuse_roots(store: Store, ids: set[str]) -> dict[str, str]:
    if not _reuse_ready(store) or not ids:
        return {}
    out = {}
    for aid in ids:
        row = store.conn.execute("SELECT cluster FROM reuse_cluster_members WHERE article_id = ?", (aid,)).fetchone()
        root = row[0][3:] if row and row[0].startswith("rc-") else None
        if root and root != aid:
            out[aid] = root
    return out


def reuse_summary(store: Store) -> dict[str, Any]:
    if not _reuse_ready(store):
        return {"available": False, "clusters": 0, "links": {}, "top": []}
    c = store.conn
    top = [{"cluster": r[0], "size": r[1], "earliest_date": r[2], "earliest_status": r[3]} for r in c.execute(
        "SELECT id, size, earliest_date, earliest_status FROM reuse_clusters ORDER BY size DESC, id LIMIT 10")]
    return {"available": True, "clusters": c.execute("SELECT count(*) FROM reuse_clusters").fetchone()[0],
            "links": {r[0]: r[1] for r in c.execute("SELECT kind, count(*) FROM reuse_links GROUP BY kind")},
            "top": top}


def propagation(store: Store, ids: list[str]) -> dict[str, Any]:
    """Articles as dated nodes and reuse links among them as edges (earlier -> later)."""
    ids = list(dict.fromkeys(ids))[:400]
    nodes = {}
    for chunk in range(0, len(ids), 400):
        part = ids[chunk:chunk + 400]
        for r in store.conn.execute(f"SELECT id, title, outlet, date FROM articles WHERE id IN "
                                    f"({','.join('?' * len(part))})", part):
            nodes[r["id"]] = article_brief(r)
    edges = []
    if _reuse_ready(store) and ids:
        marks = ",".join("?" * len(ids))
        for r in store.conn.execute(
                f"SELECT earlier, later, kind, share_of_later FROM reuse_links WHERE earlier IN ({marks}) "
                f"AND later IN ({marks}) ORDER BY id LIMIT 500", ids + ids):
            edges.append({"earlier": r[0], "later": r[1], "kind": r[2], "share_of_later": round(r[3], 3)})
    return {"nodes": list(nodes.values()), "edges": edges}


def reuse_cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    if not _reuse_ready(store):
        return None
    row = store.conn.execute("SELECT * FROM reuse_clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    members = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM reuse_cluster_members WHERE cluster = ? ORDER BY article_id", (cluster_id,))]
    graph = propagation(store, members)
    return {"page": "reuse_cluster", "cluster": row["id"], "size": row["size"],
            "earliest": {"status": row["earliest_status"], "date": row["earliest_date"],
                         "articles": json.loads(row["earliest"])},
            "undated": json.loads(row["undated"]), "path": json.loads(row["hops"]),
            "unplaced": json.loads(row["unplaced"]),
            "members": sorted(graph["nodes"], key=lambda n: (n["date"] or "9999", n["id"])),
            "graph": graph, "alignments": _alignments(store, members)}


def _alignments(store: Store, members: list[str]) -> list[dict[str, Any]]:
    """Shared passages of every link inside the cluster, earlier and later text side by side."""
    if not members:
        return []
    marks = ",".join("?" * len(members))
    out = []
    for link in store.conn.execute(
            f"SELECT * FROM reuse_links WHERE earlier IN ({marks}) AND later IN ({marks}) ORDER BY id LIMIT ?",
            members + members + [MAX_LINKS]).fetchall():
        e, l = store.get_article(link["earlier"]), store.get_article(link["later"])
        if e is None or l is None:
            continue
        passages = [{"earlier": {"start": p[0], "end": p[1], "text": e.text[p[0]:p[1]]},
                     "later": {"start": p[2], "end": p[3], "text": l.text[p[2]:p[3]]}, "boilerplate": bool(p[4])}
                    for p in store.conn.execute(
                        "SELECT earlier_start, earlier_end, later_start, later_end, boilerplate FROM reuse_passages "
                        "WHERE link_id = ? ORDER BY later_start LIMIT ?", (link["id"], MAX_PASSAGES))]
        out.append({"earlier": {"id": e.id, "outlet": e.outlet, "date": e.date, "title": e.title},
                    "later": {"id": l.id, "outlet": l.outlet, "date": l.date, "title": l.title},
                    "kind": link["kind"], "share_of_later": round(link["share_of_later"], 3),
                    "basis": link["basis"], "passages": passages})
    return out


def outlet_reuse(store: Store, outlet: str) -> dict[str, Any]:
    if not _reuse_ready(store):
        return {"available": False, "took_from": [], "gave_to": []}
    sql = ("SELECT coalesce(o.outlet, '(unknown)'), r.kind, count(*) FROM reuse_links r "
           "JOIN articles me ON me.id = r.{mine} JOIN articles o ON o.id = r.{other} "
           "WHERE me.outlet = ? GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20")
    def rows(mine: str, other: str) -> list[dict[str, Any]]:
        return [{"outlet": r[0], "kind": r[1], "count": r[2]}
                for r in store.conn.execute(sql.format(mine=mine, other=other), (outlet,))]
    return {"available": True, "took_from": rows("later", "earlier"), "gave_to": rows("earlier", "later")}


# ---------------------------------------------------------------- links from one article

def _shared_passages(store: Store, article_id: str, limit: int = 300) -> list[dict[str, Any]]:
    """This article's side of every passage it shares, with the partner it shares it with."""
    rows = store.conn.execute(
        "SELECT CASE WHEN l.later = ? THEN p.later_start ELSE p.earlier_start END AS start, "
        "CASE WHEN l.later = ? THEN p.later_end ELSE p.earlier_end END AS \"end\", p.boilerplate, l.kind, "
        "CASE WHEN l.later = ? THEN 'copied from' ELSE 'copied by' END AS direction, a.id, a.outlet, a.date "
        "FROM reuse_passages p JOIN reuse_links l ON l.id = p.link_id JOIN articles a ON a.id = "
        "CASE WHEN l.later = ? THEN l.earlier ELSE l.later END WHERE l.later = ? OR l.earlier = ? "
        "ORDER BY start LIMIT ?", (article_id,) * 6 + (limit,))
    return [{"start": r[0], "end": r[1], "boilerplate": bool(r[2]), "kind": r[3], "direction": r[4],
             "partner": r[5], "outlet": r[6], "date": r[7]} for r in rows]


def article_links(store: Store, art: Any, anns: list[dict[str, Any]]) -> dict[str, Any]:
    frames = [a["attrs"] for a in anns if a["kind"] == "allegation_frame"]
    out: dict[str, Any] = {"groups": group_keys_for(frames), "reuse": {"available": _reuse_ready(store),
                                                                        "cluster": None, "partners": []},
                           "what_followed": [], "citations": []}
    if _reuse_ready(store):
        row = store.conn.execute("SELECT cluster FROM reuse_cluster_members WHERE article_id = ?",
                                 (art.id,)).fetchone()
        out["reuse"]["cluster"] = row[0] if row else None
        for r in store.conn.execute(
                "SELECT r.*, a.title, a.outlet, a.date, a.id AS pid FROM reuse_links r JOIN articles a ON a.id = "
                "CASE WHEN r.earlier = ? THEN r.later ELSE r.earlier END WHERE r.earlier = ? OR r.later = ? "
                "ORDER BY a.date, a.id LIMIT ?", (art.id, art.id, art.id, MAX_LINKS)):
            out["reuse"]["partners"].append({
                "id": r["pid"], "title": r["title"], "outlet": r["outlet"], "date": r["date"], "kind": r["kind"],
                "direction": "copied from" if r["later"] == art.id else "copied by",
                "share_of_later": round(r["share_of_later"], 3)})
    out["shared_passages"] = _shared_passages(store, art.id) if _reuse_ready(store) else []
    for index, rec in sorted(_outcome_records(store, art.id).items()):
        out["what_followed"].append({"frame_index": index, "sentence": excerpt(rec.get("sentence") or "", 200),
                                     "accuser": rec.get("accuser"), "time": rec.get("time"),
                                     **(_followed(rec) or {})})
    if has_table(store, "citations"):
        out["citations"] = [dict(r) for r in store.conn.execute(
            'SELECT outlet, cited_as, cue, start, "end", self FROM citations WHERE article_id = ? ORDER BY start',
            (art.id,))]
    return out
