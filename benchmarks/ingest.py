"""Ingest speed and memory: FA-KES (from ../shared) and a generated corpus.

    python benchmarks/ingest.py [--n 100000]

Each run happens in a child process so its peak RSS is measured alone.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WORDS = ("ministry warned militants preparing staged chemical attack province village civilians strikes "
         "government forces rebels coalition report said officials denied evidence sources camp town").split()


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(300, 700)))
            f.write(json.dumps({"title": f"Generated story {i}", "text": body, "date": f"20{10 + i % 13}-0{1 + i % 9}-1{i % 9}",
                                "source": rng.choice(["RT", "Sputnik", "TASS", "SANA", "Reuters"])}) + "\n")


def run_child(paths: list[str], db: Path) -> dict[str, float]:
    code = ("import json,time,sys; from narratrace import api; t=time.perf_counter(); "
            f"r=api.ingest({paths!r}, {str(db)!r}); "
            "print(json.dumps({'seconds': time.perf_counter()-t, 'added': r.added, 'seen': r.seen}))")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    result["articles_per_s"] = result["seen"] / result["seconds"]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000, help="generated articles")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        fakes = SHARED / "data" / "fa-kes" / "articles.csv"
        if fakes.exists():
            r = run_child([str(fakes)], tmpdir / "fakes.db")
            print(f"FA-KES: {r['seen']:,} articles in {r['seconds']:.2f} s = {r['articles_per_s']:,.0f} articles/s, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB")
        else:
            print("FA-KES: ../shared absent, skipped")
        gen = tmpdir / "generated.jsonl"
        t = time.perf_counter()
        generate(gen, args.n)
        size = gen.stat().st_size / 2**20
        print(f"generated {args.n:,} articles ({size:,.0f} MB) in {time.perf_counter() - t:.1f} s")
        r = run_child([str(gen)], tmpdir / "gen.db")
        print(f"generated: {r['seen']:,} articles in {r['seconds']:.1f} s = {r['articles_per_s']:,.0f} articles/s, "
              f"peak RSS {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
