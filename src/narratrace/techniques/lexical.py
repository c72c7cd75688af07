"""A lexical technique classifier: hashed span n-grams and context words plus the cue features,
with a linear (multinomial logistic) model. It is trained with scikit-learn but runs on numpy,
and its probabilities are blended with the neural head's (weight ``lexical_weight`` in config).
"""
from __future__ import annotations

import re
import zlib
from typing import Sequence

import numpy as np

from narratrace.techniques import features as F

N_HASH = 1 << 16
_TOK = re.compile(r"[\w'’]+|[^\w\s]")


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) % N_HASH


def span_keys(text: str, start: int, end: int) -> list[str]:
    """Sparse feature names of one span: words, bigrams, short-span identity, context words."""
    words = [w.lower() for w in _TOK.findall(text[start:end])]
    keys = [f"w:{w}" for w in words]
    keys += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    if len(words) <= 4:
        keys.append("s:" + " ".join(words))
    left = [w.lower() for w in _TOK.findall(text[max(0, start - 40):start])][-3:]
    right = [w.lower() for w in _TOK.findall(text[end:end + 40])][:3]
    keys += [f"l:{w}" for w in left] + [f"r:{w}" for w in right]
    keys.append(f"n:{min(len(words), 12)}")
    return keys


def design(text: str, spans: Sequence[tuple[int, int]],
           dense: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse part as (rows, cols) of ones, L2-normalised per row by the caller, and dense cues
    (``dense``: the spans' cue features when the caller has them already)."""
    rows, cols = [], []
    for i, (s, e) in enumerate(spans):
        for c in sorted({_h(k) for k in span_keys(text, s, e)}):
            rows.append(i)
            cols.append(c)
    if dense is None:
        dense = F.span_features(text, spans)
    return np.asarray(rows, np.int64), np.asarray(cols, np.int64), dense


def to_csr(text: str, spans: Sequence[tuple[int, int]]):  # type: ignore[no-untyped-def]
    """A scipy CSR matrix [n, N_HASH + N_FEATURES] (training only)."""
    from scipy.sparse import csr_matrix, hstack

    rows, cols, dense = design(text, spans)
    counts = np.bincount(rows, minlength=len(spans)).astype(np.float32)
    vals = 1.0 / np.sqrt(np.maximum(counts[rows], 1.0))
    sparse = csr_matrix((vals, (rows, cols)), shape=(len(spans), N_HASH), dtype=np.float32)
    return hstack([sparse, csr_matrix(dense)], format="csr")


def predict_proba(weights: np.ndarray, bias: np.ndarray, text: str, spans: Sequence[tuple[int, int]],
                  dense: np.ndarray | None = None) -> np.ndarray:
    """Class probabilities [n, n_classes] from weights [n_classes, N_HASH + N_FEATURES]."""
    rows, cols, dense = design(text, spans, dense)
    counts = np.bincount(rows, minlength=len(spans)).astype(np.float32)
    logits = np.einsum("nf,cf->nc", dense, weights[:, N_HASH:].astype(np.float32)) + bias
    if len(rows):
        contrib = weights[:, cols].T.astype(np.float32) / np.sqrt(np.maximum(counts[rows], 1.0))[:, None]
        np.add.at(logits, rows, contrib)
    e = np.exp(logits - logits.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)
