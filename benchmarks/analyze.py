"""Articles per second: parse + attribution versus a bare ``nlp.pipe`` pass, same texts, same run.

    python benchmarks/analyze.py [--data ../shared/data/fa-kes/articles.csv] [--limit 646] [--n-process 1]

Reads FA-KES through ``narratrace.ingest.read_paths``, keeps the texts, then times (after a warm-up)
1. ``nlp.pipe`` over the texts (the shared pipeline, gazetteer EntityRuler included) and
2. ``narratrace.analyze.pipeline.run`` with the attribution analyzer (parse + extraction),
alternating the two twice and keeping each one's best time. Prints articles/s and the ratio.
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO / ".." / "shared" / "data" / "fa-kes" / "articles.csv"))
    ap.add_argument("--limit", type=int, default=646)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    logging.disable(logging.WARNING)

    from narratrace.analyze.attribution import AttributionAnalyzer
    from narratrace.analyze.pipeline import run
    from narratrace.ingest import read_paths
    from narratrace.model import Article
    from narratrace.nlp import get_nlp

    if not Path(args.data).is_file():
        raise SystemExit(f"{args.data}: not found (FA-KES articles.csv from ../shared/data)")
    articles = [a for a in read_paths([args.data]) if isinstance(a, Article)][: args.limit]
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    nlp = get_nlp()
    list(nlp.pipe(texts[:8]))  # warm-up
    analyzer = AttributionAnalyzer()

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))

    found = [0]

    def full() -> int:
        n = 0
        found[0] = 0
        for _article, anns in run(articles, [analyzer], batch_size=args.batch_size, n_process=args.n_process):
            n += 1
            found[0] += len(anns)
        return n

    best = {"bare": float("inf"), "parse+attribution": float("inf")}
    cpu = {"bare": float("inf"), "parse+attribution": float("inf")}
    for _ in range(args.rounds):
        for name, fn in (("bare", bare), ("parse+attribution", full)):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
            cpu[name] = min(cpu[name], time.process_time() - c0)
    print(f"articles: {len(texts)} ({chars / len(texts):,.0f} chars on average), n_process={args.n_process}, "
          f"batch_size={args.batch_size}, best of {args.rounds}")
    one = args.n_process == 1  # with worker processes, this process's CPU time says nothing
    for name, secs in best.items():
        extra = (f"   (this process's CPU: {cpu[name]:7.2f} s, {len(texts) / cpu[name]:7.1f} articles per "
                 f"CPU-second)") if one else ""
        print(f"{name:>18}: {secs:7.2f} s wall  {len(texts) / secs:7.1f} articles/s{extra}")
    if one:
        print("CPU-second figures are what one free core would give; the machine's load shows in the wall figures")
    else:
        print("wall times include starting the worker processes and loading the pipeline in each")
    print(f"attributions found: {found[0]} ({found[0] / len(texts):.1f} per article)")
    print(f"ratio parse+attribution / bare: {best['parse+attribution'] / best['bare']:.2f}x wall"
          + (f", {cpu['parse+attribution'] / cpu['bare']:.2f}x CPU" if one else ""))
    from narratrace.analyze.attribution import extract

    docs = list(nlp.pipe(texts, batch_size=args.batch_size))  # the extraction alone, on parsed docs
    c0 = time.process_time()
    for doc, article in zip(docs, articles):
        extract(doc, article.body_start, text=article.text)
    secs = time.process_time() - c0
    share = f", {100 * secs / cpu['bare']:.0f}% of the bare parse's CPU" if one else ""
    print(f"attribution alone on parsed docs: {secs:.2f} CPU s, {1000 * secs / len(docs):.1f} ms per article{share}")


if __name__ == "__main__":
    main()
