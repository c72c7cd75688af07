"""Vectorized word-shingle hashing, MinHash-LSH band keys and winnowed anchors for reuse candidates.

Everything is computed with numpy over a *batch* of texts at once (one concatenated code-point
array), so hashing costs a few microseconds per article instead of one Python call per word.
Hashes are content-determined (no per-process salt): the same text gives the same shingles,
anchors and band keys in every run, on every machine.

Two candidate sources share the shingle hashes:

- **MinHash-LSH** (one-permutation MinHash, Li, Owen & Zhang 2012): each 5-word shingle hash is
  dropped into one of ``BINS`` bins by its top bits; the per-bin minimum is the signature; bands of
  ``ROWS`` bins give LSH keys. Two articles sharing a band key are near-duplicate candidates.
- **Winnowed anchors** (Schleimer, Wilkerson & Aiken 2003): the minimum shingle hash in every window
  of ``window`` shingles. Any passage longer than ``window + k - 1`` words shared by two articles
  yields at least one common anchor, whatever surrounds it, so a paragraph copied into a different
  article is found even though the two articles' Jaccard similarity is low.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Sequence

import numpy as np

K = 5  # words per shingle
BINS = 64  # one-permutation MinHash bins
ROWS = 4  # bins per LSH band -> BINS // ROWS bands; P(candidate) = 0.5 near Jaccard 0.45
WINDOW = 20  # winnowing window (shingles)

_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_P = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible mod 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2 ** 64))
_R = np.uint64(0x9E3779B97F4A7C15)
_VAL_MASK = np.uint64((1 << 58) - 1)
_EMPTY = np.uint64((1 << 58) - 1)


def _word_table() -> np.ndarray:
    """Which of the first 65,536 code points belong to words (letters, digits, marks, underscore)."""
    import unicodedata

    table = np.zeros(0x10000, dtype=bool)
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        table[cp] = cat[0] in "LNM" or cp == 0x5F
    table[0xFFFF] = True  # stands for every code point past the BMP (emoji, rare scripts)
    return table


_WORD = _word_table()
_POW: dict[str, np.ndarray] = {}


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i mod 2**64 for i < n (cached, grown by doubling)."""
    have = _POW.get("p")
    if have is None or len(have) < n:
        size = max(n, 2 * (0 if have is None else len(have)), 1 << 16)
        with np.errstate(over="ignore"):
            _POW["p"] = np.cumprod(np.concatenate([[np.uint64(1)], np.full(size - 1, _P)]), dtype=np.uint64)
            _POW["i"] = np.cumprod(np.concatenate([[np.uint64(1)], np.full(size - 1, _P_INV)]), dtype=np.uint64)
    return _POW["p"], _POW["i"]


def mix64(z: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads every input bit over the output (vectorized)."""
    with np.errstate(over="ignore"):
        z = z.astype(np.uint64, copy=True)
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return z


def lowered(text: str) -> str:
    """Lower-cased text with the same length (characters whose lower case is longer are kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True)
class Tokens:
    """Word tokens of one text: character offsets, token hashes and 5-word shingle hashes."""

    starts: np.ndarray  # int64 char offsets
    ends: np.ndarray
    hashes: np.ndarray  # uint64 per token
    shingles: np.ndarray  # uint64 per shingle i (tokens i .. i+K-1); empty when < K tokens

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class BatchHashes:
    """Shingle hashes of a batch of texts: ``shingles[offsets[d]:offsets[d+1]]`` belong to text d."""

    shingles: np.ndarray
    offsets: np.ndarray
    n_tokens: np.ndarray


def _tokenize_codepoints(joined: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    word = _WORD[np.minimum(cps, 0xFFFF)]  # code points past the BMP count as word characters
    edge = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    pw, ipw = _powers(len(cps) + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(cps) + 1, dtype=np.uint64)
        np.cumsum((cps.astype(np.uint64) + np.uint64(1)) * pw[: len(cps)], out=prefix[1:])
        tok = mix64((prefix[ends] - prefix[starts]) * ipw[starts])
    return starts, ends, tok


def _shingle(tok: np.ndarray) -> np.ndarray:
    n = len(tok) - K + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        acc = tok[:n].copy()
        for j in range(1, K):
            acc = acc * _R + tok[j:j + n]
    return mix64(acc)


def tokenize(text: str) -> Tokens:
    """Word tokens with offsets into ``text`` and their content hashes."""
    starts, ends, tok = _tokenize_codepoints(lowered(text))
    return Tokens(starts, ends, tok, _shingle(tok))


def hash_batch(texts: Sequence[str]) -> BatchHashes:
    """Shingle hashes of many texts in one vectorized pass (shingles never cross two texts)."""
    joined = "\x00".join(lowered(t) for t in texts)
    starts, _, tok = _tokenize_codepoints(joined)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    text_starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    doc = np.searchsorted(text_starts, starts, side="right") - 1
    n_tokens = np.bincount(doc, minlength=len(texts)) if len(doc) else np.zeros(len(texts), dtype=np.int64)
    sh = _shingle(tok)
    valid = doc[: len(sh)] == doc[K - 1:K - 1 + len(sh)] if len(sh) else np.zeros(0, dtype=bool)
    sh_doc = doc[: len(sh)][valid]
    counts = np.bincount(sh_doc, minlength=len(texts)) if len(sh_doc) else np.zeros(len(texts), dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return BatchHashes(sh[valid], offsets, n_tokens)


def band_keys(batch: BatchHashes, first_doc: int, rows: int = ROWS) -> np.ndarray:
    """Packed LSH keys ``(band hash << 32) | doc`` for every complete band of every text."""
    n_docs = len(batch.offsets) - 1
    doc = np.repeat(np.arange(n_docs), np.diff(batch.offsets))
    sig = np.full(n_docs * BINS, _EMPTY, dtype=np.uint64)
    if len(doc):
        np.minimum.at(sig, doc * BINS + (batch.shingles >> np.uint64(58)).astype(np.int64),
                      batch.shingles & _VAL_MASK)
    bands = sig.reshape(n_docs, BINS // rows, rows)
    complete = ~(bands == _EMPTY).any(axis=2)
    with np.errstate(over="ignore"):
        acc = np.arange(BINS // rows, dtype=np.uint64)[None, :] * _R
        for r in range(rows):
            acc = acc * _P + bands[:, :, r]
        h = mix64(acc)
    docs = np.broadcast_to(np.arange(n_docs, dtype=np.uint64)[:, None] + np.uint64(first_doc), h.shape)
    return ((h[complete] >> np.uint64(32)) << np.uint64(32)) | docs[complete]


def anchor_keys(batch: BatchHashes, first_doc: int, window: int = WINDOW) -> np.ndarray:
    """Packed winnowing anchors ``(shingle hash >> 32 << 32) | doc``, one per selected position."""
    sh = batch.shingles
    n_docs = len(batch.offsets) - 1
    doc = np.repeat(np.arange(n_docs), np.diff(batch.offsets))
    picks = []
    if len(sh) >= window:
        win = np.lib.stride_tricks.sliding_window_view(sh, window)
        inside = doc[: len(win)] == doc[window - 1:]
        pos = np.flatnonzero(inside)
        picks.append(pos + win[pos].argmin(axis=1))
    short = np.flatnonzero((np.diff(batch.offsets) > 0) & (np.diff(batch.offsets) < window))
    for d in short:  # texts shorter than one window: their single minimum
        lo = batch.offsets[d]
        picks.append(np.array([lo + int(sh[lo:batch.offsets[d + 1]].argmin())]))
    if not picks:
        return np.zeros(0, dtype=np.uint64)
    pos = np.concatenate(picks)  # non-decreasing within the windows: drop repeats without sorting
    pos = pos[np.concatenate([[True], pos[1:] != pos[:-1]])]
    return ((sh[pos] >> np.uint64(32)) << np.uint64(32)) | (doc[pos].astype(np.uint64) + np.uint64(first_doc))


_LOW = np.uint64(0xFFFFFFFF)


def split_sorted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort packed keys in place; return (32-bit hashes, docs) as views, without copying."""
    keys.sort()
    if sys.byteorder == "little":
        halves = keys.view(np.uint32).reshape(-1, 2)
        return halves[:, 1], halves[:, 0]
    return (keys >> np.uint64(32)).astype(np.uint32), (keys & _LOW).astype(np.uint32)


def gather(chunks: list[np.ndarray]) -> np.ndarray:
    """Concatenate key chunks into one array, freeing each chunk as it is copied."""
    out = np.empty(sum(len(c) for c in chunks), dtype=np.uint64)
    pos = 0
    chunks.reverse()
    while chunks:
        c = chunks.pop()
        out[pos:pos + len(c)] = c
        pos += len(c)
    return out


def collisions(hi: np.ndarray, lo: np.ndarray, chain: int, min_shared: int, small_group: int = 8) -> np.ndarray:
    """Doc pairs packed ``(a << 32) | b`` (a < b) that share at least ``min_shared`` keys.

    ``hi``/``lo`` come from ``split_sorted``. Groups of equal hashes up to ``small_group`` docs give
    every pair; in a bigger group (a template paragraph, a formula) each doc pairs with its next
    ``chain`` docs in doc order, so a key shared by n docs costs O(n * chain), not O(n**2).
    Keys held by one doc only (most of them) are dropped first, so the work is on shared keys.
    """
    if len(hi) < 2:
        return np.zeros(0, dtype=np.uint64)
    dup = hi[1:] == hi[:-1]
    shared = np.zeros(len(hi), dtype=bool)
    shared[1:] |= dup
    shared[:-1] |= dup
    del dup
    idx = np.flatnonzero(shared)
    del shared
    hi, lo = hi[idx], lo[idx]
    del idx
    if len(hi) < 2:
        return np.zeros(0, dtype=np.uint64)
    starts = np.flatnonzero(np.concatenate([[True], hi[1:] != hi[:-1]]))
    sizes = np.diff(np.concatenate([starts, [len(hi)]]))
    big = np.repeat(sizes > small_group, sizes)
    found = []
    for d in range(1, max(chain, small_group - 1) + 1):
        if len(hi) <= d:
            break
        same = (hi[:-d] == hi[d:]) & (lo[:-d] != lo[d:])
        if d > chain:
            same &= ~big[:-d]
        if same.any():
            found.append((lo[:-d][same].astype(np.uint64) << np.uint64(32)) | lo[d:][same].astype(np.uint64))
    if not found:
        return np.zeros(0, dtype=np.uint64)
    pairs = np.concatenate(found)
    if min_shared <= 1:
        return np.unique(pairs)
    uniq, counts = np.unique(pairs, return_counts=True)
    return uniq[counts >= min_shared]
