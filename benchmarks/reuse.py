"""Text-reuse scale benchmark on a generated corpus of news-length articles.

    nice python benchmarks/reuse.py --sizes 10000 100000 1000000

Each size runs in its own process (so peak RSS is that run's alone) and prints wall time per
phase, candidate pairs, links and peak RSS; then the throughput of a plain datasketch MinHash
(128 permutations, 5-word shingles, ``update_batch``) against narratrace's vectorized hashing on
the same articles, in the same run.

The corpus is generated, deterministic and streamed: article i is rebuilt from its index when
the alignment pass fetches it, so nothing holds the corpus. About 10% of articles copy an earlier
one (new lead, trimmed ending, changed words, another outlet), 3% carry a paragraph of an earlier
one, and every outlet appends a template paragraph to a fifth of its articles.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter

import numpy as np

from narratrace.model import Article

VOCAB = 40_000
WORDS = 340  # about 2,000 characters, FA-KES's mean
OUTLETS = 300
BASE = date(2015, 1, 1).toordinal()


@lru_cache(maxsize=1)
def _vocab() -> list[str]:
    rng = np.random.default_rng(0)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(2, 10, VOCAB)
    return ["".join(rng.choice(letters, n)) for n in lengths]


@lru_cache(maxsize=1)
def _zipf_cdf() -> np.ndarray:
    w = 1.0 / np.arange(1, VOCAB + 1) ** 1.05
    return np.cumsum(w) / w.sum()


def _words(rng: np.random.Generator, n: int) -> str:
    ids = np.searchsorted(_zipf_cdf(), rng.random(n))
    return " ".join(itemgetter(*ids.tolist())(_vocab()))


def _role(i: int) -> tuple[str, int]:
    r = (i * 2654435761) % 100
    if i >= 1000 and r < 10:
        return "copy", i - 1 - (i * 40503) % 900
    if i >= 1000 and r < 13:
        return "partial", i - 1 - (i * 7919) % 900
    return "base", i


def _base_text(i: int) -> str:
    rng = np.random.default_rng(i)
    text = _words(rng, WORDS)
    outlet = i % OUTLETS
    if (i // OUTLETS) % 5 == 0:
        text += " " + _words(np.random.default_rng(10_000_000 + outlet), 40)
    return text


def article(i: int) -> Article:
    role, src = _role(i)
    day = BASE + i // 300
    outlet = f"outlet{i % OUTLETS}"
    if role == "copy" and _role(src)[0] == "base":
        rng = np.random.default_rng(i)
        body = _base_text(src).split()
        body = body[: int(len(body) * rng.uniform(0.7, 1.0))]
        for j in rng.integers(0, len(body), 3):
            body[j] = "changed"
        text = _words(rng, 25) + " " + " ".join(body)
    elif role == "partial" and _role(src)[0] == "base":
        rng = np.random.default_rng(i)
        own, other = _base_text(i).split(), _base_text(src).split()
        s = int(rng.integers(0, len(other) - 60))
        text = " ".join(own[:150] + other[s:s + 60] + own[150:])
    else:
        text = _base_text(i)
    return Article(id=f"b{i}", text=text, outlet=outlet, date=date.fromordinal(day).isoformat())


def fetch(ids: list[str]) -> list[Article]:
    return [article(int(x[1:])) for x in ids]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_one(n: int) -> dict:
    from narratrace.corpus.clusters import Edge, build_clusters
    from narratrace.corpus.reuse import ReuseParams, align_pairs, assign_kinds, candidate_pairs

    params = ReuseParams()
    t0 = time.perf_counter()
    docs, pairs = candidate_pairs((article(i) for i in range(n)), params)
    t1 = time.perf_counter()
    links = list(align_pairs(pairs, docs, fetch, params))
    t2 = time.perf_counter()
    assign_kinds(links, docs, params)
    clusters = build_clusters([Edge(l.earlier, l.later, l.kind, l.share_of_later, l.containment) for l in links],
                              docs.dates, lambda i: docs.ids[i])
    t3 = time.perf_counter()
    kinds: dict[str, int] = {}
    for l in links:
        kinds[l.kind] = kinds.get(l.kind, 0) + 1
    sample = min(n, 20_000)
    g0 = time.perf_counter()
    for i in range(sample):
        article(i)
    gen = (time.perf_counter() - g0) * n / sample
    return {"articles": n, "total_s": round(t3 - t0, 1), "hash_and_candidates_s": round(t1 - t0, 1),
            "align_s": round(t2 - t1, 1), "kinds_and_clusters_s": round(t3 - t2, 1),
            "generation_s_estimated": round(gen, 1), "candidates": int(len(pairs)), "links": kinds,
            "clusters": len(clusters), "peak_rss_mb": round(peak_rss_mb(), 1), "cpu_s": round(cpu_s(), 1)}


def throughput(n: int = 1000, reps: int = 3) -> dict:
    """Articles per second, best of ``reps`` interleaved rounds (the machine is shared):
    datasketch MinHash (128 permutations) + MinHashLSH insert versus narratrace hashing
    (one-permutation MinHash band keys + winnowed anchors)."""
    from datasketch import MinHash, MinHashLSH

    from narratrace.corpus.minhash import anchor_keys, band_keys, hash_batch

    texts = [article(i).text for i in range(n)]
    best_ds = best_ours = 0.0
    for _ in range(reps):
        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        t = time.perf_counter()
        for k, text in enumerate(texts):
            w = text.lower().split()
            m = MinHash(num_perm=128)
            m.update_batch([" ".join(w[j:j + 5]).encode() for j in range(len(w) - 4)])
            lsh.insert(str(k), m)
        best_ds = max(best_ds, n / (time.perf_counter() - t))
        t = time.perf_counter()
        h = hash_batch(texts)
        band_keys(h, 0)
        anchor_keys(h, 0)
        best_ours = max(best_ours, n / (time.perf_counter() - t))
    return {"articles": n, "rounds": reps, "datasketch_minhash_lsh_per_s": round(best_ds),
            "narratrace_hashing_per_s": round(best_ours), "speedup": round(best_ours / best_ds, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description="text-reuse scale benchmark")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--throughput", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    if args.throughput:
        print(json.dumps(throughput()))
        return 0
    cmd = [sys.executable, __file__]
    print(json.dumps({"throughput": json.loads(subprocess.check_output(cmd + ["--throughput"]))}), flush=True)
    for n in args.sizes:
        print(json.dumps(json.loads(subprocess.check_output(cmd + ["--one", str(n)]))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
