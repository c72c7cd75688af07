"""Allegation frames over the whole EUvsDisinfo index plus FA-KES: wall time, texts/s, frames.

    nice python benchmarks/allegations.py [--shared ../shared]

Reads the CSVs as a stream (titles for EUvsDisinfo; title + content for FA-KES), runs the
extractor (regex pre-filter, then spaCy on candidate sentences only) and prints the figures.
Target: under 60 s on 2 cores. Skips with a message when ../shared is absent.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

from narratrace.analyze.allegations import iter_frames
from narratrace.evaluate.allegations import row_text


def texts(shared: Path) -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    for corpus, rel in (("euvsdisinfo", "data/euvsdisinfo/posts.csv"), ("fa-kes", "data/fa-kes/articles.csv")):
        with (shared / rel).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield row_text(corpus, row)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared")
    args = ap.parse_args()
    if not (args.shared / "data" / "euvsdisinfo" / "posts.csv").exists():
        print(f"skipped: {args.shared}/data is absent")
        return 0
    from narratrace.nlp import get_nlp

    t0 = time.perf_counter()
    get_nlp()
    load = time.perf_counter() - t0
    n = chars = 0
    types: Counter[str] = Counter()
    t1 = time.perf_counter()
    stream = texts(args.shared)

    def counted() -> Iterator[str]:
        nonlocal n, chars
        for t in stream:
            n += 1
            chars += len(t)
            yield t

    frames = 0
    for found in iter_frames(counted()):
        frames += len(found)
        types.update(f.event_type for f in found)
    run = time.perf_counter() - t1
    print(f"texts {n:,}  chars {chars:,}  frames {frames:,}  ({dict(types.most_common())})")
    print(f"pipeline load {load:.1f} s  extraction {run:.1f} s  total {load + run:.1f} s  {n / run:,.0f} texts/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
