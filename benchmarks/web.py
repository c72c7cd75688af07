"""p95 latency of the article and search pages with N articles in the store (target: < 150 ms at 100k).

    python benchmarks/web.py --n 100000 --db /tmp/web-bench.db      # builds the store once, then measures

The store is generated: articles of 250-600 words from a fixed vocabulary over 40 outlets and six years,
each with three attributions and three technique spans, one in ten (at random) with an allegation frame. Requests go through
FastAPI's TestClient (the full app: routing, queries, templates, headers), one at a time, after a warm-up.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from narratrace.ids import article_id
from narratrace.model import AllegationFrame, Annotation, Article, Attribution, Span
from narratrace.store import Store

WORDS = ("ministry said militants attack chemical staged video province village officials report civilians "
         "forces government army rebels group warned claimed statement town camp strike aid convoy border "
         "talks council envoy weapons inspectors evidence witnesses hospital school market bridge road night "
         "morning sources agency spokesman defence provocation footage residents").split()
TECHNIQUES = ("Loaded_Language", "Doubt", "Name_Calling,Labeling", "Exaggeration,Minimisation", "Flag-Waving")
START = date(2015, 1, 1)
SPEAKERS = ("the defence ministry", "a spokesman", "the envoy", "local officials", "the council")
VOCAB = list(WORDS) + [f"term{k}" for k in range(20_000)]  # Zipf-distributed, like words in news text
CUM: list[float] = []
for _r in range(len(VOCAB)):
    CUM.append((CUM[-1] if CUM else 0.0) + 1.0 / (_r + 1))


def make_article(i: int, rng: random.Random) -> Article:
    words = rng.choices(VOCAB, cum_weights=CUM, k=rng.randint(250, 600))
    text = " ".join(words).capitalize() + "."
    outlet = f"Outlet {i % 40:02d}"
    date = (START + timedelta(days=rng.randrange(6 * 365))).isoformat()
    return Article(article_id(text + str(i), outlet, None), text, title=" ".join(words[:8]).capitalize(),
                   outlet=outlet, date=date, name=f"a{i}")


def annotations(a: Article, i: int, rng: random.Random) -> dict[tuple[str, str], list[Annotation]]:
    text, out = a.text, {}
    spans = sorted(rng.sample(range(0, len(text) - 200, 50), 6))
    attrs = []
    for s in spans[:3]:
        att = Attribution(Span.of(text, s + 20, s + 120), "indirect", Span.of(text, s, s + 10), Span.of(text, s + 11, s + 18),
                          speaker=rng.choice(SPEAKERS), speaker_type="official_body")
        attrs.append(Annotation("attribution", "1", "attribution", s + 20, s + 120, "indirect", att.to_dict()))
    out[("attribution", "1")] = attrs
    out[("techniques", "1")] = [Annotation("techniques", "1", "technique", s, s + 40, rng.choice(TECHNIQUES),
                                           {"score": 0.8}) for s in spans[3:]]
    if rng.random() < 0.1:
        s = spans[0]
        f = AllegationFrame(Span.of(text, s, s + 150), Span.of(text, s + 30, s + 36), "chemical_attack", "future",
                            accuser=Span.of(text, s, s + 12), accused=(Span.of(text, s + 40, s + 50),),
                            locations=(Span.of(text, s + 90, s + 98),))
        out[("allegations", "1")] = [Annotation("allegations", "1", "allegation_frame", s, s + 150, "chemical_attack",
                                                f.to_dict())]
    return out


def build(db: Path, n: int) -> None:
    rng = random.Random(7)
    t0 = time.time()
    with Store.open(db) as store:
        batch, anns = [], []
        for i in range(n):
            a = make_article(i, rng)
            batch.append(a)
            anns += [(a.id, name, version, x) for (name, version), x in annotations(a, i, rng).items()]
            if len(batch) == 1000:
                store.add_batch(batch)
                store.write_analysis(anns)
                batch, anns = [], []
                print(f"\r{i + 1:,} articles", end="", flush=True)
        store.add_batch(batch)
        store.write_analysis(anns)
    print(f"\rbuilt {n:,} articles in {time.time() - t0:.0f} s → {db}")


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(db: Path, requests: int) -> None:
    from fastapi.testclient import TestClient

    from narratrace.web import create_app

    client = TestClient(create_app(db))
    rng = random.Random(11)
    with Store.open(db, readonly=True) as store:
        total = store.count_articles()
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (requests,))]
    n = requests // 4
    classes = {
        "common word": [f"q={rng.choice(WORDS[:10])}" for _ in range(n)],  # in most articles
        "mid word": [f"q=term{rng.randint(50, 2000)}" for _ in range(n)],
        "phrase+filters": [f"q=%22{rng.choice(WORDS)}+{rng.choice(WORDS)}%22&since=2017-01-01&has_frame=1&page=2"
                           for _ in range(n // 2)]
                          + [f"q=term{rng.randint(10, 500)}&outlet=Outlet+{rng.randint(0, 39):02d}" for _ in range(n // 2)],
        "facets only": [f"technique={rng.choice(TECHNIQUES)}&speaker={rng.choice(SPEAKERS).replace(' ', '+')}"
                        for _ in range(n // 2)] + [f"has_frame=1&page={rng.randint(1, 5)}" for _ in range(n // 2)],
    }
    queries = [q for qs in classes.values() for q in qs]
    for url in ("/", f"/articles/{ids[0]}", "/search?q=ministry"):  # warm-up (cached facets, templates)
        assert client.get(url).status_code == 200
    runs = [("article", [f"/articles/{i}" for i in ids]), ("search", [f"/search?{q}" for q in queries])]
    runs += [(f"  {k}", [f"/search?{q}" for q in qs]) for k, qs in classes.items()]
    for name, urls in runs:
        times = []
        for url in urls:
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, (url, r.status_code)
        print(f"{name:16s} {len(times):4d} requests over {total:,} articles: median {statistics.median(times):6.1f} ms, "
              f"p95 {p95(times):6.1f} ms, max {max(times):6.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/narratrace-web-bench.db"))
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.n)
    measure(args.db, args.requests)


if __name__ == "__main__":
    main()
