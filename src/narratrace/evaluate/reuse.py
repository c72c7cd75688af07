"""Score text reuse against a gold set made by ``benchmarks/make_reuse_gold.py``.

Metrics (all from counts):

- **pairs**: unordered article pairs with reuse of any kind; a cluster stands for all pairs of its
  members (gold and predicted alike). P/R/F1 overall and per gold kind (recall) / predicted kind.
- **ARI**: adjusted Rand index of the copy clusters over every article (singletons included),
  computed from the contingency table (Hubert & Arabie 1985).
- **earliest-source accuracy**: per gold cluster with a unique earliest article, whether the
  predicted cluster holding most of its members names that article as its unique earliest.
- **boilerplate**: P/R/F1 of boilerplate pairs; **direction**: share of found gold pairs with
  the earlier article right; **parent**: share of synthetic copies whose propagation hop names
  the article they were made from.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from math import comb
from pathlib import Path
from typing import Any, Iterable, Iterator

from narratrace.corpus.reuse import Progress, ReuseParams
from narratrace.errors import InputError
from narratrace.model import Article
from narratrace.store import Store


def load_gold(folder: str | Path) -> tuple[Path, dict[str, Any]]:
    folder = Path(folder)
    articles, gold_path = folder / "articles.jsonl", folder / "gold.json"
    for p in (articles, gold_path):
        if not p.exists():
            raise InputError(str(p), None, "missing; build the gold set with benchmarks/make_reuse_gold.py")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for key in ("clusters", "pairs", "parents", "boilerplate_groups"):
        if key not in gold:
            raise InputError(str(gold_path), None, f"no {key!r} key; rebuild it with benchmarks/make_reuse_gold.py")
    return articles, gold


def iter_gold_articles(path: Path) -> Iterator[Article]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                d = json.loads(line)
                yield Article(id=d["id"], text=d["text"], title=d.get("title"), outlet=d.get("outlet"),
                              date=d.get("date"), source=str(path), locator=f"line {n}", name=d["id"])
            except (json.JSONDecodeError, KeyError) as exc:
                raise InputError(str(path), f"line {n}", f"bad gold article ({exc})") from exc


def ari(labels_true: dict[str, str], labels_pred: dict[str, str]) -> float:
    """Adjusted Rand index from the contingency table of two labelings of the same items."""
    items = list(labels_true)
    table = Counter((labels_true[i], labels_pred[i]) for i in items)
    a = Counter(labels_true[i] for i in items)
    b = Counter(labels_pred[i] for i in items)
    index = sum(comb(n, 2) for n in table.values())
    sa, sb = sum(comb(n, 2) for n in a.values()), sum(comb(n, 2) for n in b.values())
    expected = sa * sb / comb(len(items), 2) if len(items) > 1 else 0.0
    top = (sa + sb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _closure(groups: Iterable[Iterable[str]], kind: str) -> dict[frozenset[str], str]:
    out: dict[frozenset[str], str] = {}
    for g in groups:
        g = sorted(g)
        for i, x in enumerate(g):
            for y in g[i + 1:]:
                out[frozenset((x, y))] = kind
    return out


def score(gold: dict[str, Any], ids: list[str], pred_links: list[dict[str, Any]],
          pred_clusters: list[dict[str, Any]]) -> dict[str, Any]:
    """All metrics for predicted links and clusters (as ``reuse_store`` stores them)."""
    g_pairs = _closure((c["members"] for c in gold["clusters"]), "copy")
    direction = {frozenset((p["earlier"], p["later"])): p["earlier"] for p in gold["pairs"]}
    for p in gold["pairs"]:
        g_pairs.setdefault(frozenset((p["earlier"], p["later"])), p["kind"])
    p_pairs = _closure((c["members"] for c in pred_clusters), "copy")
    p_dir = {}
    for l in pred_links:
        key = frozenset((l["earlier"], l["later"]))
        p_pairs.setdefault(key, l["kind"])
        if l["basis"] == "date":
            p_dir[key] = l["earlier"]
    out: dict[str, Any] = {"articles": len(ids), "pairs": prf(len(g_pairs.keys() & p_pairs.keys()), len(p_pairs),
                                                           len(g_pairs))}
    natural = {frozenset((p["earlier"], p["later"])) for p in gold["pairs"] if p["source"] == "natural"}
    out["pairs_by_source"] = {
        src: {"recall": round(sum(1 for p in gold["pairs"] if p["source"] == src
                                  and frozenset((p["earlier"], p["later"])) in p_pairs)
                              / max(1, sum(1 for p in gold["pairs"] if p["source"] == src)), 4)}
        for src in ("synthetic", "natural")}
    # kinds are known by construction for synthetic pairs only: natural pairs are left out here
    gk = {x: v for x, v in g_pairs.items() if x not in natural}
    pk = {x: v for x, v in p_pairs.items() if x not in natural}
    out["pairs_by_kind"] = {k: prf(sum(1 for x, v in pk.items() if v == k and gk.get(x) == k),
                                   sum(1 for v in pk.values() if v == k), sum(1 for v in gk.values() if v == k))
                            for k in ("copy", "partial", "boilerplate")}
    found_dir = [k for k in direction if k in p_dir]
    out["direction_accuracy"] = round(sum(p_dir[k] == direction[k] for k in found_dir) / max(1, len(found_dir)), 4)
    g_label = {i: i for i in ids}
    for n, c in enumerate(gold["clusters"]):
        for m in c["members"]:
            g_label[m] = f"g{n}"
    p_label = {i: i for i in ids}
    for c in pred_clusters:
        for m in c["members"]:
            p_label[m] = c["cluster"]
    out["ari"] = round(ari(g_label, p_label), 4)
    out["earliest_source"] = _earliest(gold, pred_clusters)
    out["parent_accuracy"] = _parents(gold, pred_clusters)
    return out


def _earliest(gold: dict[str, Any], pred_clusters: list[dict[str, Any]]) -> dict[str, Any]:
    by_member = {m: c for c in pred_clusters for m in c["members"]}
    right = total = 0
    for c in gold["clusters"]:
        if c["earliest"] is None:
            continue
        total += 1
        votes = Counter(by_member[m]["cluster"] for m in c["members"] if m in by_member)
        if not votes:
            continue
        best = next(p for p in pred_clusters if p["cluster"] == votes.most_common(1)[0][0])
        right += best["earliest"]["status"] == "unique" and best["earliest"]["articles"] == [c["earliest"]]
    return {"accuracy": round(right / total, 4) if total else 0.0, "right": right, "clusters": total,
            "skipped_gold_ties": sum(1 for c in gold["clusters"] if c["earliest"] is None)}


def _parents(gold: dict[str, Any], pred_clusters: list[dict[str, Any]]) -> dict[str, Any]:
    hop_parent = {h["later"]: h["earlier"] for c in pred_clusters for h in c["path"]}
    parents = gold["parents"]
    right = sum(hop_parent.get(child) == parent for child, parent in parents.items())
    return {"accuracy": round(right / len(parents), 4) if parents else 0.0, "right": right, "copies": len(parents)}


def evaluate_reuse(folder: str | Path, params: ReuseParams = ReuseParams(),
                   progress: Progress | None = None) -> dict[str, Any]:
    """Run the reuse analysis on the gold articles in a temporary store and score it."""
    from narratrace.corpus.reuse_store import iter_clusters, run_reuse

    articles_path, gold = load_gold(folder)
    with tempfile.TemporaryDirectory(prefix="narratrace-eval-reuse-") as tmp:
        with Store.open(Path(tmp) / "gold.db") as store:
            store.add_articles(iter_gold_articles(articles_path))
            summary = run_reuse(store, params, progress)
            ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
            links = [dict(r) for r in store.conn.execute("SELECT earlier, later, kind, basis FROM reuse_links")]
            clusters = list(iter_clusters(store))
    result = score(gold, ids, links, clusters)
    result["run"] = summary
    return result


def gold_kinds(gold: dict[str, Any]) -> dict[str, int]:
    kinds: dict[str, int] = defaultdict(int)
    for p in gold["pairs"]:
        kinds[f"{p['source']}/{p['kind']}"] += 1
    return dict(kinds)
