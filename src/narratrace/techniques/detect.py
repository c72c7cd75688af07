"""Both tasks together: technique spans for an article (model spans, labelled, plus rule spans)."""
from __future__ import annotations

from typing import Sequence

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
