"""Build a text-reuse gold set from FA-KES (or any CSV/JSONL narratrace can read) at run time.

    python benchmarks/make_reuse_gold.py [--source ../shared/data/fa-kes/articles.csv] [--out DIR] [--seed 7]

Writes ``DIR/articles.jsonl`` (one article per line: id, text, title, outlet, date) and
``DIR/gold.json`` (clusters, earliest article per cluster, parent of every copy, reuse pairs with
kinds, boilerplate groups). DIR defaults to /tmp/narratrace-reuse-gold: outside the repository,
because the texts come from ../shared and are never committed.

What the gold holds:

- **natural reuse** already in the source: pairs of original articles sharing a verbatim run of at
  least 12 words, found by exact 12-gram matching over all pairs (independent of narratrace's
  hashing and alignment); ``copy`` when the shared 12-grams cover at least half of the later
  article (the more covered one on the same day), else ``partial``. Originals in natural relations are not used for synthetic roles.
- **synthetic copies** of isolated originals: a new lead (sometimes "<Outlet> reports:"), a trimmed
  ending, a dropped middle sentence, a few words changed, a different outlet and a later date; a
  share of copies are made from an earlier copy (copy chains, for propagation paths).
- **partial reuse**: two to four consecutive sentences of one original pasted into a later one.
- **boilerplate**: one outlet's articles that all carry the same background paragraph (taken from
  an article that is then left out) under their own news.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from narratrace.errors import InputError
from narratrace.ingest import read_paths

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / "../shared/data/fa-kes/articles.csv"
SENT = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z0-9\"'(])")
WORD = re.compile(r"\w+")
LEADS = [  # each under 12 words, so two copies never share a lead passage
    "{cited} reports:",
    "As first reported by {cited}:",
    "{cited} said on {weekday}:",
    "Here is the latest on this story.",
    "Our correspondent filed this update.",
    "Reports reaching the newsroom say:",
    "Local sources confirmed the following details.",
]
COPY_OUTLETS = ["Levant Courier", "Gulf Wire Daily", "Eastern Mirror", "Capital Dispatch", "Northern Herald",
                "Desert Post", "Coastal Times", "Mountain Tribune", "River Gazette", "Harbor News"]
SWAPS = {"killed": "slain", "said": "stated", "people": "persons", "attack": "assault", "city": "town",
         "civilians": "residents", "forces": "troops", "Monday": "Tuesday", "Syrian": "Syria's",
         "government": "authorities", "rebels": "insurgents", "injured": "wounded", "several": "a number of"}


def load(source: str) -> list[dict]:
    out = []
    for item in read_paths([str(source)]):
        if isinstance(item, InputError) or not item.date or not item.text.strip():
            continue
        out.append({"id": f"fk{len(out):05d}", "text": item.text, "title": item.title,
                    "outlet": item.outlet, "date": item.date})
    return out


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def natural_pairs(arts: list[dict], n: int = 12) -> list[dict]:
    """Pairs of originals sharing a verbatim run of at least ``n`` words (exact n-gram match).

    The kind comes from how much of the later article the shared n-grams cover: ``copy`` from
    half, else ``partial`` (on the same day, the more covered article counts as the later).
    """
    toks = [words(a["text"]) for a in arts]
    grams = [[tuple(t[i:i + n]) for i in range(len(t) - n + 1)] for t in toks]
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for d, gs in enumerate(grams):
        for g in gs:
            index[g].add(d)
    cands = {(x, y) for docs in index.values() for x in docs for y in docs if x < y}

    def share(d: int, other: int) -> float:
        covered = [False] * len(toks[d])
        for i, g in enumerate(grams[d]):
            if other in index[g]:
                covered[i:i + n] = [True] * n
        return sum(covered) / len(toks[d])

    pairs = []
    for x, y in sorted(cands):
        sx, sy = share(x, y), share(y, x)
        dx, dy = arts[x]["date"], arts[y]["date"]
        later = (y if sy >= sx else x) if dx == dy else (y if dy > dx else x)
        earlier = x if later == y else y
        pairs.append({"earlier": arts[earlier]["id"], "later": arts[later]["id"], "source": "natural",
                      "kind": "copy" if max(sx, sy) >= 0.5 and (sx if later == x else sy) >= 0.5 else "partial"})
    return pairs


def sentences(text: str) -> list[str]:
    return [s for s in SENT.split(text.strip()) if s]


def later(d: str, rng: random.Random, lo: int = 1, hi: int = 21) -> str:
    return (date.fromisoformat(d) + timedelta(days=rng.randint(lo, hi))).isoformat()


def make_copy(parent: dict, cid: str, outlet: str, rng: random.Random) -> dict:
    sents = sentences(parent["text"])
    keep = max(3, int(len(sents) * rng.uniform(0.7, 1.0)))
    body = sents[:keep]
    if len(body) > 6 and rng.random() < 0.4:
        del body[rng.randrange(2, len(body) - 2)]
    text = " ".join(body)
    for _ in range(rng.randint(1, 4)):
        options = [w for w in SWAPS if re.search(rf"\b{w}\b", text)]
        if options:
            w = rng.choice(options)
            text = re.sub(rf"\b{w}\b", SWAPS[w], text, count=1)
    new_date = later(parent["date"], rng)
    lead = rng.choice(LEADS).format(cited=parent["outlet"] or "agencies",
                                    weekday=date.fromisoformat(new_date).strftime("%A"))
    if rng.random() < 0.5 and parent.get("title"):
        lead = f"{lead} {parent['title'].strip()}."
    return {"id": cid, "text": f"{lead} {text}", "title": parent.get("title"), "outlet": outlet, "date": new_date}


def build(source: str, seed: int, n_copy_sources: int, n_partial: int, n_template_groups: int) -> tuple[list, dict]:
    rng = random.Random(seed)
    originals = load(source)
    natural = natural_pairs(originals)
    involved = {p[k] for p in natural for k in ("earlier", "later")}
    isolated = [a for a in originals if a["id"] not in involved and len(sentences(a["text"])) >= 6]
    rng.shuffle(isolated)
    by_id = {a["id"]: a for a in originals}
    pairs = list(natural)
    parents: dict[str, str] = {}
    copies: list[dict] = []
    sources, isolated = isolated[:n_copy_sources], isolated[n_copy_sources:]
    for src in sources:
        family = [src]
        used = {src["outlet"]}
        for n in range(rng.choice([1, 1, 2, 2, 3, 4])):
            parent = rng.choice(family) if rng.random() < 0.3 else src
            outlet = rng.choice([o for o in COPY_OUTLETS if o not in used])
            used.add(outlet)
            c = make_copy(parent, f"{src['id']}-c{n + 1}", outlet, rng)
            family.append(c)
            copies.append(c)
            parents[c["id"]] = parent["id"]
    # partial reuse: sentences of an earlier original pasted into a later one
    hosts_used: set[str] = set()
    partial_sources, isolated = isolated[:n_partial], isolated[n_partial:]
    for src in partial_sources:
        host = next((h for h in isolated if h["date"] > src["date"] and h["id"] not in hosts_used), None)
        if host is None:
            continue
        hosts_used.add(host["id"])
        s, h = sentences(src["text"]), sentences(host["text"])
        k = rng.randint(2, 4)
        start = rng.randrange(1, max(2, len(s) - k))
        at = rng.randrange(1, len(h))
        host["text"] = " ".join(h[:at] + s[start:start + k] + h[at:])
        pairs.append({"earlier": src["id"], "later": host["id"], "kind": "partial", "source": "synthetic"})
    isolated = [a for a in isolated if a["id"] not in hosts_used]
    # boilerplate: one outlet's background paragraph under different news
    groups: list[list[str]] = []
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for a in isolated:
        by_outlet[a["outlet"]].append(a)
    dropped: set[str] = set()
    for outlet, arts in sorted(by_outlet.items(), key=lambda kv: -len(kv[1]))[:n_template_groups]:
        donor, members = arts[0], arts[1:rng.randint(4, 6)]
        s = sentences(donor["text"])
        template = " ".join(s[1:4])
        dropped.add(donor["id"])
        for m in members:
            m["text"] = f"{m['text']} {template}"
        groups.append([m["id"] for m in members])
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                e, l = sorted([x, y], key=lambda a: (a["date"], a["id"]))
                pairs.append({"earlier": e["id"], "later": l["id"], "kind": "boilerplate", "source": "synthetic"})
    articles = [a for a in originals if a["id"] not in dropped] + copies
    clusters = _clusters(articles, pairs, parents)
    gold = {"seed": seed, "source": str(source), "clusters": clusters, "parents": parents, "pairs": pairs,
            "boilerplate_groups": groups, "articles": len(articles)}
    return articles, gold


def _clusters(articles: list[dict], pairs: list[dict], parents: dict[str, str]) -> list[dict]:
    """Components over copy relations; the earliest member, or None when the earliest date is tied."""
    link: dict[str, str] = {}

    def find(x: str) -> str:
        while link.get(x, x) != x:
            x = link[x]
        return x

    edges = [(c, p) for c, p in parents.items()] + [(p["earlier"], p["later"]) for p in pairs if p["kind"] == "copy"]
    for x, y in edges:
        rx, ry = find(x), find(y)
        if rx != ry:
            link[max(rx, ry)] = min(rx, ry)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[find(a["id"])].append(a["id"])
    dates = {a["id"]: a["date"] for a in articles}
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(dates[m] for m in members)
        earliest = [m for m in members if dates[m] == first]
        out.append({"members": sorted(members), "earliest": earliest[0] if len(earliest) == 1 else None})
    return sorted(out, key=lambda c: c["members"][0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    ap.add_argument("--out", default="/tmp/narratrace-reuse-gold")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--copy-sources", type=int, default=100)
    ap.add_argument("--partial", type=int, default=30)
    ap.add_argument("--template-groups", type=int, default=4)
    args = ap.parse_args(argv)
    if not Path(args.source).exists():
        print(f"{args.source}: no such file (FA-KES is expected at ../shared/data/fa-kes/articles.csv)",
              file=sys.stderr)
        return 2
    articles, gold = build(args.source, args.seed, args.copy_sources, args.partial, args.template_groups)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    kinds = defaultdict(int)
    for p in gold["pairs"]:
        kinds[f"{p['source']}/{p['kind']}"] += 1
    print(f"{out}: {len(articles)} articles, {len(gold['clusters'])} clusters, "
          f"{len(gold['parents'])} synthetic copies, pairs {dict(kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
