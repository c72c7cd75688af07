"""Where selective parsing's CPU goes: parsing the selected pieces, parsing whole texts, and building the
Doc over the whole text two ways (``nlp._assemble``: tokenizer + gazetteer over the whole text, parsed
annotations copied in; ``nlp._joined``: only the unparsed pieces tokenized, pieces joined by Doc.from_docs).

    nice python benchmarks/assemble.py [--data ../shared/data/fa-kes/articles.csv] [--limit 300]

Prints CPU seconds of each step (each assembly route twice, alternating) and how many Docs differ between
the two routes (tokens, offsets, dependencies, heads, entity types, sentences).
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _sig(doc):
    return ([(t.idx, t.text, t.dep_, t.head.i, t.ent_type_) for t in doc], [(s.start, s.end) for s in doc.sents])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO / ".." / "shared" / "data" / "fa-kes" / "articles.csv"))
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    logging.disable(logging.WARNING)

    from narratrace import nlp as N
    from narratrace.analyze.attribution import AttributionAnalyzer
    from narratrace.ingest import read_paths
    from narratrace.model import Article

    if not Path(args.data).is_file():
        raise SystemExit(f"{args.data}: not found (FA-KES articles.csv from ../shared/data)")
    arts = [a for a in read_paths([args.data]) if isinstance(a, Article)][: args.limit]
    nlp, analyzer = N.get_nlp(), AttributionAnalyzer()
    list(nlp.pipe([a.text for a in arts[:8]]))  # warm-up
    plans = [(a.text, N._plan(a.text, analyzer.regions(a))) for a in arts]
    pieces = [t[s:e] for t, plan in plans for s, e, p in plan if p]

    def cpu(f):
        c0 = time.process_time()
        got = f()
        return time.process_time() - c0, got

    secs, docs = cpu(lambda: list(nlp.pipe(pieces, batch_size=32)))
    print(f"{len(arts)} articles, {len(pieces)} pieces, {100 * sum(map(len, pieces)) / sum(len(t) for t, _ in plans):.1f}% "
          f"of the characters; parse of the pieces: {secs:.2f} CPU s")
    secs, _ = cpu(lambda: sum(1 for _ in nlp.pipe([t for t, _ in plans], batch_size=32)))
    print(f"parse of the whole texts: {secs:.2f} CPU s")
    it = iter(docs)
    groups = [[next(it) for p in plan if p[2]] for _t, plan in plans]
    out = {}
    for name in ("_assemble", "_joined", "_assemble", "_joined"):
        f = getattr(N, name)
        secs, out[name] = cpu(lambda: [f(nlp, t, plan, g) for (t, plan), g in zip(plans, groups) if g])
        print(f"{name}: {secs:.2f} CPU s")
    diff = sum(1 for a, b in zip(out["_assemble"], out["_joined"]) if _sig(a) != _sig(b))
    print(f"docs differing between the two routes: {diff} of {len(out['_joined'])}")


if __name__ == "__main__":
    main()
