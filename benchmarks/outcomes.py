"""Outcome matching at scale: N synthetic allegation frames against M synthetic events.

    python benchmarks/outcomes.py [--frames 100000] [--events 1000000] [--workers 2] [--seed 7]

Events are spread over 12 years: 35 % uniformly over a Syria-sized box (5 x 6.7 degrees, about 29k events a year
there, denser than ACLED's Syria record) and the rest over the Middle East and Ukraine; frames name one or two
Syrian places from the packaged gazetteer (villages to provinces), with random dates, three in four future-tense. Prints the time to build the
index and the time to check every frame, and how many frames were followed by an incident. The index is built
once; with --workers 2 the frames are checked in two forked processes sharing it.
"""
from __future__ import annotations

import argparse
import os
import random
import time
from datetime import date, timedelta
from multiprocessing import get_context

from narratrace.corpus.outcomes import FrameRef, OutcomeMatcher
from narratrace.model import AllegationFrame, Span
from narratrace.record.loaders import load_record
from narratrace.record.model import DateRange, Event, Finding

SYRIA = (32.3, 37.3, 35.7, 42.4)  # lat min, lat max, lon min, lon max
REGION = (12.0, 52.0, 25.0, 60.0)  # the Middle East and Ukraine
SYRIA_SHARE = 0.35  # share of events in the Syria box (ACLED-like concentration in one theatre)
START = date(2012, 1, 1)
DAYS = 12 * 365
TYPES = ["strike_on_civilians", "armed_strike", "chemical_attack", "massacre", "other"]
PERPS = ["Syrian Arab Army", "Russian Air Force", "Hayat Tahrir al-Sham", "Islamic State", None]

_MATCHER: OutcomeMatcher | None = None


def synthetic_events(n: int, rng: random.Random):
    finding = (Finding(body="Synthetic Monitor", finding="synthetic"),)
    for i in range(n):
        day = START + timedelta(days=rng.randrange(DAYS))
        box = SYRIA if rng.random() < SYRIA_SHARE else REGION
        yield Event(f"e{i}", DateRange(day, day), "synthetic", rng.uniform(box[0], box[1]),
                    rng.uniform(box[2], box[3]), rng.choice(TYPES), rng.choice(PERPS), finding)


def synthetic_frames(n: int, rng: random.Random, place_names: list[str]):
    for i in range(n):
        places = rng.sample(place_names, rng.choice([1, 1, 2]))
        text = "Militants are preparing to stage an attack in " + " and ".join(places) + " to blame the regime."
        spans, at = [], 0
        for p in places:
            at = text.index(p, at)
            spans.append(Span(at, at + len(p), p))
        blame = text.index("the regime")
        frame = AllegationFrame(sentence=Span(0, len(text), text), trigger=Span(13, 29, text[13:29]),
                                event_type=rng.choice(["attack_on_civilians", "chemical_attack"]),
                                time=rng.choice(["future", "future", "future", "past"]),
                                accuser=None, locations=tuple(spans),
                                blame_target=(Span(blame, blame + 10, "the regime"),))
        day = START + timedelta(days=rng.randrange(DAYS))
        yield FrameRef(f"a{i}", 0, frame, day, "Synthetic Wire", None, "")


def _check_chunk(refs: list[FrameRef]) -> tuple[int, int, int, float]:
    assert _MATCHER is not None
    cpu = time.process_time()
    followed = outcomes = 0
    for ref in refs:
        c = _MATCHER.check(ref)
        followed += c.status in ("followed", "findings")
        outcomes += len(c.outcomes)
    return len(refs), followed, outcomes, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--frames", type=int, default=100_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    global _MATCHER
    rng = random.Random(args.seed)
    record = load_record(builtin=False)
    syrian = [p.name for p in record.places.places if p.country == "Syria" and p.kind != "country"]
    t0 = time.perf_counter()
    record.events.extend(synthetic_events(args.events, rng))
    t1 = time.perf_counter()
    _MATCHER = OutcomeMatcher(record)
    t2 = time.perf_counter()
    refs = list(synthetic_frames(args.frames, rng, syrian))
    t3 = time.perf_counter()
    if args.workers > 1:
        chunks = [refs[i::args.workers] for i in range(args.workers)]
        with get_context("fork").Pool(args.workers) as pool:
            parts = pool.map(_check_chunk, chunks)
    else:
        parts = [_check_chunk(refs)]
    t4 = time.perf_counter()
    n, followed, outcomes, cpu = (sum(x) for x in zip(*parts))
    print(f"events generated: {args.events:,} in {t1 - t0:.1f} s")
    print(f"index built: {t2 - t1:.1f} s")
    print(f"frames generated: {n:,} in {t3 - t2:.1f} s")
    print(f"frames checked: {n:,} in {t4 - t3:.1f} s with {args.workers} worker(s) on {os.cpu_count()} cpu(s) "
          f"({n / (t4 - t3):,.0f} frames/s); {followed:,} with a match, {outcomes:,} matches")
    print(f"CPU time of the check: {cpu:.1f} s in all; per worker {', '.join(f'{p[3]:.1f} s' for p in parts)} "
          f"(on a shared machine the wall time above also counts waiting for the CPU)")
    print(f"index + check: {t4 - t3 + t2 - t1:.1f} s wall")


if __name__ == "__main__":
    main()
