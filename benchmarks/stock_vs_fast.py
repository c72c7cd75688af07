"""spaCy as shipped versus narratrace's pipeline (numpy products, cached rule components): CPU and output.

    python benchmarks/stock_vs_fast.py [--data ../shared/data/fa-kes/articles.csv] [--limit 646]

Loads the shared pipeline twice, once with ``NARRATRACE_STOCK_SPACY=1`` (BLIS, spaCy's own attribute
ruler, lemmatizer and entity decoder) and once as narratrace runs it (``narratrace/nlp_speed.py``,
``narratrace/nlp_ner.py``), parses the same
texts with each in this process (after a warm-up) and prints the CPU seconds of each and the number of
tokens whose text, tag, POS, morphology, lemma, dependency, head or entity differ (expected: 0).

Then the entity recognizer alone: spaCy's own greedy decoder against ``narratrace.nlp_ner.entities``
(the batch decoder the windowed NER uses) on the same parsed texts, in batches of ``--batch-size``,
CPU seconds of each (network included) and the number of texts whose entities differ (expected: 0).
"""
from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO / ".." / "shared" / "data" / "fa-kes" / "articles.csv"))
    ap.add_argument("--limit", type=int, default=646)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    logging.disable(logging.WARNING)

    from narratrace import nlp as N
    from narratrace.ingest import read_paths
    from narratrace.model import Article

    if not Path(args.data).is_file():
        raise SystemExit(f"{args.data}: not found (FA-KES articles.csv from ../shared/data)")
    texts = [a.text for a in read_paths([args.data]) if isinstance(a, Article)][: args.limit]
    stock, ours = N.get_nlp(stock=True), N.get_nlp(stock=False)
    list(stock.pipe(texts[:5]))
    list(ours.pipe(texts[:5]))
    c0 = time.process_time()
    a = list(stock.pipe(texts))
    c1 = time.process_time()
    b = list(ours.pipe(texts))
    c2 = time.process_time()

    def key(t):  # noqa: ANN001, ANN202
        return t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_

    tokens = sum(len(d) for d in a)
    differ = sum(key(x) != key(y) for da, db in zip(a, b) for x, y in zip(da, db))
    differ += sum(abs(len(da) - len(db)) for da, db in zip(a, b))
    print(f"{len(texts)} texts, {tokens} tokens: {differ} tokens differ | CPU s stock {c1 - c0:.1f}, "
          f"narratrace {c2 - c1:.1f} ({(c1 - c0) / (c2 - c1):.2f}x) | load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    from spacy.pipeline import EntityRecognizer

    from narratrace.nlp_ner import entities

    ner = ours.get_pipe("ner")  # narratrace's batch-decoding subclass; EntityRecognizer.* is spaCy's decoder
    with ours.select_pipes(disable=["ner"]):
        docs = list(ours.pipe(texts))
    spacy_cpu = batch_cpu = 0.0
    differ_docs = ents = 0
    for i in range(0, len(docs), args.batch_size):
        chunk = docs[i: i + args.batch_size]
        copies = [d.copy() for d in chunk]
        c0 = time.process_time()
        EntityRecognizer.set_annotations(ner, copies, EntityRecognizer.predict(ner, copies))
        c1 = time.process_time()
        got = entities(ner, chunk)
        c2 = time.process_time()
        spacy_cpu, batch_cpu = spacy_cpu + c1 - c0, batch_cpu + c2 - c1
        for d, g in zip(copies, got):
            want = [(e.start, e.end, e.label_) for e in d.ents]
            ents += len(want)
            differ_docs += want != g
    print(f"entity recognizer: {ents} entities, {differ_docs} of {len(docs)} texts differ | CPU s spaCy's "
          f"decoder {spacy_cpu:.1f}, batch decoder {batch_cpu:.1f} ({spacy_cpu / batch_cpu:.2f}x)")


if __name__ == "__main__":
    main()
