"""Exact passage alignment between two articles: the shared passages with offsets in both.

Seeds are shared 5-word shingles; seeds on one diagonal (same shift between the articles) chain
into runs, and runs close to each other in both articles merge into one passage, so a passage
with a few words changed, inserted or dropped stays one passage. A passage must cover at least
``min_words`` words of each article.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from narratrace.corpus.minhash import K, Tokens


@dataclass(frozen=True)
class AlignParams:
    min_words: int = 12  # shortest passage kept
    max_gap: int = 10  # words of difference tolerated inside one passage (both articles)


@dataclass(frozen=True)
class Match:
    """One shared passage as word ranges [a0, a1) in the earlier and [b0, b1) in the later article."""

    a0: int
    a1: int
    b0: int
    b1: int

    @property
    def words(self) -> int:
        return min(self.a1 - self.a0, self.b1 - self.b0)


def _seeds(a: Tokens, b: Tokens) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) shingle positions with equal hashes; for a shingle repeated in ``a`` its first position."""
    if len(a.shingles) == 0 or len(b.shingles) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(a.shingles, kind="stable")
    sa = a.shingles[order]
    pos = np.searchsorted(sa, b.shingles)
    pos[pos == len(sa)] = 0
    hit = sa[pos] == b.shingles
    j = np.flatnonzero(hit)
    return order[pos[hit]], j


def _runs(i: np.ndarray, j: np.ndarray, gap: int) -> list[Match]:
    """Chain seeds on the same diagonal into runs of words."""
    diag = j - i
    order = np.lexsort((j, diag))
    d, jj, ii = diag[order], j[order], i[order]
    brk = np.flatnonzero((np.diff(d) != 0) | (np.diff(jj) > gap + 1)) + 1
    starts = np.concatenate([[0], brk])
    ends = np.concatenate([brk, [len(d)]]) - 1
    return [Match(int(ii[s]), int(ii[e]) + K, int(jj[s]), int(jj[e]) + K) for s, e in zip(starts, ends)]


def _merge(runs: list[Match], gap: int) -> list[Match]:
    """Merge runs that follow each other closely in both articles (edits inside a passage)."""
    runs.sort(key=lambda m: (m.b0, -m.b1))
    out: list[Match] = []
    for r in runs:
        if out:
            c = out[-1]
            if r.b1 <= c.b1 and r.a0 >= c.a0 - gap and r.a1 <= c.a1 + gap:
                continue  # inside the current passage
            if r.b0 - c.b1 <= gap and -gap <= r.a0 - c.a1 <= gap:
                out[-1] = Match(min(c.a0, r.a0), max(c.a1, r.a1), c.b0, max(c.b1, r.b1))
                continue
        out.append(r)
    return out


def _drop_overlaps(matches: list[Match]) -> list[Match]:
    """Keep the longest passage where two claim the same words of the later article."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: -m.words):
        if all(m.b1 <= k.b0 or m.b0 >= k.b1 for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.b0)


def align(a: Tokens, b: Tokens, params: AlignParams = AlignParams()) -> list[Match]:
    """Shared passages of ``a`` (earlier) and ``b`` (later), in the later article's order."""
    return align_contained(a, b, params)[0]


def align_contained(a: Tokens, b: Tokens, params: AlignParams = AlignParams()) -> tuple[list[Match], float]:
    """The passages and the share of ``b``'s shingles found verbatim in ``a`` (containment)."""
    i, j = _seeds(a, b)
    if len(i) == 0:
        return [], 0.0
    merged = _merge(_runs(i, j, params.max_gap), params.max_gap)
    return _drop_overlaps([m for m in merged if m.words >= params.min_words]), len(j) / len(b.shingles)


def char_span(tokens: Tokens, w0: int, w1: int) -> tuple[int, int]:
    """Character offsets covering words [w0, w1)."""
    return int(tokens.starts[w0]), int(tokens.ends[w1 - 1])


def covered_words(matches: list[Match], side: str) -> int:
    """Words covered by the passages on one side ('a' or 'b'), overlaps counted once."""
    spans = sorted((m.a0, m.a1) if side == "a" else (m.b0, m.b1) for m in matches)
    total, end = 0, -1
    for s, e in spans:
        if e > end:
            total += e - max(s, end)
            end = e
    return total
