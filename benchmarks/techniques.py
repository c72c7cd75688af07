"""Technique detection speed: model load time and articles/s for SI + TC together.

    python benchmarks/techniques.py [--n 60] [--workers 2] [--threads 1]

By default two articles run at once, each on a single-threaded encoder run, as
``narratrace techniques`` does; ``--workers 1 --threads 2`` runs one article at a time on two
intra-op threads.

Articles are the PTC training articles in ../shared/data/ptc (the first N by name); without
them, generated texts of the same average length (about 5,700 characters).
"""
from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WORDS = ("the ministry warned that militants are preparing a staged so-called attack to blame government "
         "forces while officials denied every report and sources said the evidence was fake").split()


def articles(n: int) -> list[str]:
    folder = SHARED / "data" / "ptc" / "train-articles"
    if folder.is_dir():
        files = sorted(folder.glob("*.txt"))[:n]
        return [f.read_bytes().decode("utf-8") for f in files]
    rng = random.Random(7)
    return [" ".join(rng.choice(WORDS) for _ in range(1000)) for _ in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60, help="articles to run")
    ap.add_argument("--threads", type=int, default=1, help="onnxruntime intra-op threads")
    ap.add_argument("--workers", type=int, default=2, help="articles at once (detect_many)")
    ap.add_argument("--model", default=None, help="default, fast or a model directory")
    args = ap.parse_args()
    texts = articles(args.n)

    t0 = time.perf_counter()
    from narratrace.techniques.runtime import TechniqueModel, default_model_dir, model_dir_for

    model = TechniqueModel(model_dir_for(args.model) if args.model else default_model_dir(), threads=args.threads)
    load = time.perf_counter() - t0
    from narratrace.techniques.detect import detect_many, detect_techniques

    detect_techniques(texts[0], model)  # warm-up
    t1, c1 = time.perf_counter(), time.process_time()
    spans = sum(len(found) for found in detect_many(texts, model, workers=args.workers))
    run, cpu = time.perf_counter() - t1, time.process_time() - c1
    chars = sum(map(len, texts))
    print(f"model: {model.dir} ({model.config['onnx']}, windows {model.layout}, step {model.step})")
    print(f"model load (imports + session + tokenizer): {load:.2f} s")
    print(f"SI+TC: {len(texts)} articles, {chars / len(texts):,.0f} chars avg, {run:.2f} s "
          f"-> {len(texts) / run:.1f} articles/s, {spans / len(texts):.1f} spans/article, "
          f"workers={args.workers}, threads={args.threads}")
    # CPU time of all this process's threads: on a shared machine wall time depends on the others
    print(f"CPU: {cpu:.2f} CPU-s ({cpu / len(texts) * 1000:.0f} ms/article; {len(texts) / cpu:.1f} articles per "
          f"CPU-second; {os.getloadavg()[0]:.1f} load average)")


if __name__ == "__main__":
    main()
