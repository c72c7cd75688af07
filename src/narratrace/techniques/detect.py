"""Both tasks together: technique spans for an article (model spans, labelled, plus rule spans)."""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, Sequence

import numpy as np

from narratrace.model import TechniqueSpan
from narratrace.techniques.rules import rule_spans
from narratrace.techniques.runtime import TechniqueModel, get_model

SECOND_LABEL_MIN = 0.35  # a span also gets its runner-up technique when that is at least this likely


def detect_techniques(text: str, model: TechniqueModel | None = None, rules: bool = True) -> list[TechniqueSpan]:
    """Find propaganda spans (SI), label each with its technique(s) (TC), add rule spans."""
    model = model or get_model()
    enc = model.encode(text)
    found = model.spans(text, enc)
    out = label_spans(text, [(s, e) for s, e, _ in found], model, enc)
    if rules:
        have = {(s.start, s.end, s.technique) for s in out}
        out += [r for r in rule_spans(text) if (r.start, r.end, r.technique) not in have]
    return sorted(out, key=lambda s: (s.start, s.end, s.technique))


def detect_many(texts: Iterable[str], model: TechniqueModel | None = None, rules: bool = True,
                workers: int = 2) -> Iterator[list[TechniqueSpan]]:
    """:func:`detect_techniques` over a stream of texts, ``workers`` articles at a time, in order.

    onnxruntime releases the GIL while it runs, so two articles on two single-threaded encoder
    runs use two cores better than one article on a two-thread run (docs/techniques.md: 8.0
    against 4.0 articles/s on the same busy machine). Without a model, one with a single
    intra-op thread is loaded when ``workers`` > 1. At most ``2 * workers`` texts are held.
    """
    if workers <= 1:
        model = model or get_model()
        for text in texts:
            yield detect_techniques(text, model, rules)
        return
    from concurrent.futures import ThreadPoolExecutor

    model = model or get_model(None, 1)
    pending: deque = deque()
    with ThreadPoolExecutor(workers) as pool:
        for text in texts:
            pending.append(pool.submit(detect_techniques, text, model, rules))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def label_spans(text: str, spans: Sequence[tuple[int, int]], model: TechniqueModel | None = None,
                enc: object = None, second_min: float = SECOND_LABEL_MIN) -> list[TechniqueSpan]:
    """Label given spans with their most likely technique (and the runner-up when likely too)."""
    model = model or get_model()
    probs = model.classify(text, spans, enc)  # type: ignore[arg-type]
    out = []
    for (s, e), p in zip(spans, probs):
        order = np.argsort(-p)
        for rank, j in enumerate(order[:2]):
            if rank == 0 or p[j] >= second_min:
                out.append(TechniqueSpan(s, e, text[s:e], model.labels[int(j)], round(float(p[j]), 4)))
    return out
