"""Articles per second: parse + attribution versus a bare ``nlp.pipe`` pass, same texts, same run.

    python benchmarks/analyze.py [--data ../shared/data/fa-kes/articles.csv] [--limit 646]
                                 [--n-process 1 2] [--rounds 2]

Reads FA-KES through ``narratrace.ingest.read_paths``, keeps the texts, then for each ``--n-process``
value times (after a warm-up), alternating them ``--rounds`` times and keeping each one's best:
1. ``bare``: ``nlp.pipe`` over the whole texts with spaCy as shipped (the gazetteer EntityRuler
   included; BLIS matrix products, spaCy's own attribute ruler and lemmatizer: NARRATRACE_STOCK_SPACY=1);
2. ``full``: ``narratrace.analyze.pipeline.run`` with the attribution analyzer, whole texts parsed (with
   ``--n-process`` > 1 each worker process parses and analyzes its own chunks);
3. ``selective``: the same run parsing only the regions the analyzer asks for (analyze/regions.py).
Prints wall seconds and articles/s, the CPU seconds of this process plus its finished worker
processes (articles per CPU-second is what one free core would give), the load average, the share
of characters parsed, and the ratios to the bare pass.
"""
from __future__ import annotations

import argparse
import logging
import os
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO / ".." / "shared" / "data" / "fa-kes" / "articles.csv"))
    ap.add_argument("--limit", type=int, default=646)
    ap.add_argument("--n-process", type=int, nargs="+", default=[1])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--modes", nargs="+", default=["bare", "full", "selective"])
    args = ap.parse_args()
    logging.disable(logging.WARNING)

    from narratrace.analyze.attribution import AttributionAnalyzer
    from narratrace.analyze.pipeline import run
    from narratrace.analyze.regions import select
    from narratrace.ingest import read_paths
    from narratrace.model import Article
    from narratrace.nlp import get_nlp

    if not Path(args.data).is_file():
        raise SystemExit(f"{args.data}: not found (FA-KES articles.csv from ../shared/data)")
    articles = [a for a in read_paths([args.data]) if isinstance(a, Article)][: args.limit]
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    nlp = get_nlp(stock=True)  # the bare pass: spaCy as shipped (nlp_speed.py off)
    get_nlp()  # the pipeline narratrace runs (cached attribute ruler and lemmatizer), loaded before timing
    list(nlp.pipe(texts[:8]))  # warm-up
    analyzer = AttributionAnalyzer()
    c0 = time.process_time()
    parsed = sum(e - s for a in articles for s, e in analyzer.regions(a))
    select_secs = time.process_time() - c0
    found: dict[str, int] = {}

    def timed(mode: str, n_process: int) -> None:
        if mode == "bare":
            sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=n_process))
            return
        found[mode] = sum(len(anns) for _a, anns in run(articles, [analyzer], batch_size=args.batch_size,
                                                          n_process=n_process, selective=mode == "selective"))

    print(f"articles: {len(texts)} ({chars / len(texts):,.0f} chars on average), batch_size={args.batch_size}, "
          f"best of {args.rounds}; selective parsing parses {100 * parsed / chars:.1f}% of the characters "
          f"(selection itself: {1000 * select_secs / len(texts):.2f} ms CPU per article)")
    for n_process in args.n_process:
        best = {m: float("inf") for m in args.modes}
        cpu = {m: float("inf") for m in args.modes}
        for _ in range(args.rounds):
            for mode in args.modes:
                t0, c0 = time.perf_counter(), _cpu()
                timed(mode, n_process)
                best[mode] = min(best[mode], time.perf_counter() - t0)
                cpu[mode] = min(cpu[mode], _cpu() - c0)
        print(f"n_process={n_process}  (load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end)")
        for mode in args.modes:
            print(f"  {mode:>9}: {best[mode]:7.2f} s wall {len(texts) / best[mode]:6.1f} articles/s | "
                  f"{cpu[mode]:7.2f} CPU s {len(texts) / cpu[mode]:6.1f} articles per CPU-second"
                  + (f" | {found[mode]} attributions" if mode in found else ""))
        if "bare" in best:
            for mode in (m for m in args.modes if m != "bare"):
                print(f"  {mode} / bare: {best[mode] / best['bare']:.2f}x wall, {cpu[mode] / cpu['bare']:.2f}x CPU")
    if found.get("full") is not None and found.get("selective") is not None and found["full"] != found["selective"]:
        print(f"note: selective parsing found {found['selective']} attributions, the full parse {found['full']}")


if __name__ == "__main__":
    main()
