"""What the technique model sees: token windows over an article, and per-span cue features.

Everything here is plain Python and numpy so that training (torch) and run time (onnxruntime)
compute exactly the same inputs.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

import numpy as np
import yaml

from narratrace.evaluate.ptc import TECHNIQUES

CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
_WORD_RE = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Lexicon:
    """The techniques.yaml resource as typed data."""

    definitions: dict[str, str]
    cues: dict[str, tuple[str, ...]]
    quote_pairs: tuple[tuple[str, str], ...]
    quote_max_words: int
    intensifiers: frozenset[str]
    labelling_prefixes: tuple[str, ...]
    labelling_technique: str
    labelling_max_words: int
    scare_quote_technique: str


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("narratrace.resources").joinpath("techniques.yaml").read_text("utf-8"))
    techs = raw["techniques"]
    missing = set(TECHNIQUES) - set(techs)
    if missing:
        raise ValueError(f"techniques.yaml: no entry for {', '.join(sorted(missing))}")
    rules = raw["rules"]
    return Lexicon(
        definitions={t: techs[t]["definition"] for t in TECHNIQUES},
        cues={t: tuple(c.lower() for c in techs[t].get("cues") or ()) for t in TECHNIQUES},
        quote_pairs=tuple((a, b) for a, b in raw["quotes"]["pairs"]),
        quote_max_words=int(raw["quotes"]["max_words"]),
        intensifiers=frozenset(w.lower() for w in raw["intensifiers"]),
        labelling_prefixes=tuple(p.lower() for p in rules["labelling_prefixes"]),
        labelling_technique=rules["labelling_technique"],
        labelling_max_words=int(rules["labelling_max_words"]),
        scare_quote_technique=rules["scare_quote_technique"],
    )


@lru_cache(maxsize=64)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])", re.I)


# ------------------------------------------------------------------ token windows


@dataclass(frozen=True)
class Encoded:
    """An article's word pieces: ids and character offsets (no special tokens)."""

    ids: np.ndarray  # int64 [n]
    offsets: np.ndarray  # int64 [n, 2]


def encode(tokenizer: Any, text: str) -> Encoded:
    enc = tokenizer.encode(text, add_special_tokens=False)
    ids = np.asarray(enc.ids, dtype=np.int64)
    offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
    return Encoded(ids, offs)


def window_starts(n: int, size: int, step: int) -> list[int]:
    """Start indices of windows of ``size`` tokens every ``step`` tokens covering ``n`` tokens."""
    if n <= size:
        return [0]
    starts = list(range(0, n - size, step))
    starts.append(n - size)
    return starts


def spread_windows(n: int, size: int, step: int, shrink: bool = False) -> tuple[list[int], int]:
    """Run-time windows: as few as cover ``n`` tokens with ``size`` tokens each and at least
    ``size - step`` tokens of overlap, evenly spread (the spare tokens become overlap between
    every pair of neighbours, not all in the last window). With ``shrink``, the windows are
    shortened to the least common length that still covers with that overlap. Returns the
    starts and the window length (``n`` for a short article: one window, no padding)."""
    if n <= size:
        return [0], n
    overlap = size - max(1, min(step, size))
    k = math.ceil((n - overlap) / (size - overlap))
    length = min(size, math.ceil((n + (k - 1) * overlap) / k)) if shrink else size
    return [round(i * (n - length) / (k - 1)) for i in range(k)], length


def batch_windows(ids: np.ndarray, starts: Sequence[int], size: int) -> tuple[np.ndarray, np.ndarray]:
    """input_ids and attention_mask [len(starts), size + 2] with [CLS] ... [SEP] and padding."""
    n = len(ids)
    width = min(size, n) + 2
    inp = np.full((len(starts), width), PAD_ID, dtype=np.int64)
    mask = np.zeros_like(inp)
    for i, s in enumerate(starts):
        piece = ids[s:s + size]
        inp[i, 0], inp[i, 1:len(piece) + 1], inp[i, len(piece) + 1] = CLS_ID, piece, SEP_ID
        mask[i, :len(piece) + 2] = 1
    return inp, mask


def best_window(tok_lo: int, tok_hi: int, starts: Sequence[int], size: int) -> int:
    """Index of the window holding most of tokens [tok_lo, tok_hi), ties to the most central."""
    def key(i: int) -> tuple[int, float]:
        s = starts[i]
        inside = max(0, min(tok_hi, s + size) - max(tok_lo, s))
        centre = abs((tok_lo + tok_hi) / 2 - (s + size / 2))
        return inside, -centre
    return max(range(len(starts)), key=key)


def token_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Tokens overlapping characters [start, end) as a half-open token range (may be empty)."""
    if len(offsets) == 0:
        return 0, 0
    lo = int(np.searchsorted(offsets[:, 1], start, side="right"))
    hi = int(np.searchsorted(offsets[:, 0], end, side="left"))
    return lo, max(lo, hi)


# ------------------------------------------------------------------ cue features


def _norm(s: str) -> str:
    return " ".join(_WORD_RE.findall(s.lower()))


def _count_occurrences(haystack: str, needle: str) -> int:
    if not needle:
        return 0
    return len(re.findall(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack))


class ArticleFeatures:
    """Per-article state for span features (normalised text, title end, word counts)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = _norm(text)
        nl = text.find("\n")
        self.title_end = nl if nl >= 0 else len(text)
        self.lex = load_lexicon()
        self.quote_chars = {c for pair in self.lex.quote_pairs for c in pair}

    def span(self, start: int, end: int) -> list[float]:
        t = self.text[start:end]
        words = _WORD_RE.findall(t)
        lw = [w.lower() for w in words]
        key = _norm(t)
        reps = _count_occurrences(self.norm, key) if key else 0
        before = self.text[max(0, start - 12):start].lower()
        letters = [c for c in t if c.isalpha()]
        f = [
            math.log1p(len(t)) / 6.0,
            math.log1p(len(words)) / 4.0,
            math.log1p(max(0, reps - 1)),
            1.0 if reps > 1 else 0.0,
            1.0 if (start > 0 and self.text[start - 1] in self.quote_chars) or (t[:1] in self.quote_chars) else 0.0,
            1.0 if "so-called" in before or "so called" in before or "so-called" in t.lower() else 0.0,
            1.0 if "?" in t else 0.0,
            1.0 if "!" in t else 0.0,
            1.0 if start < self.title_end else 0.0,
            (sum(c.isupper() for c in letters) / len(letters)) if letters else 0.0,
            1.0 if any(c.isdigit() for c in t) else 0.0,
            min(1.0, sum(w in self.lex.intensifiers for w in lw) / 2.0),
            start / max(1, len(self.text)),
            1.0 if t.rstrip()[-1:] in ".!?" else 0.0,
            1.0 if len(words) <= 3 else 0.0,
        ]
        for tech in TECHNIQUES:
            rx = _cue_re(self.lex.cues[tech])
            f.append(1.0 if rx is not None and rx.search(t) else 0.0)
        return f


N_FEATURES = 15 + len(TECHNIQUES)


def repeated_around(text: str, spans: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """For each span, whether its words (case-folded, any non-word characters between them) occur as whole
    words before it starts, and whether they occur after it ends: in PTC, 63% of the labelled spans whose words
    came earlier in their article are Repetition, against 3% of those that occur first."""
    low = text.lower()
    found = list(re.finditer(r"\w+", low))
    words = [m.group() for m in found]
    at: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        at.setdefault(w, []).append(i)
    before = np.zeros(len(spans), dtype=bool)
    after = np.zeros(len(spans), dtype=bool)
    for k, (start, end) in enumerate(spans):
        seq = re.findall(r"\w+", low[start:end])
        n = len(seq)
        if not n:
            continue
        # the runs of the same whole words: the places its first word occurs, followed in order
        for i in at.get(seq[0], ()):
            if i + n <= len(words) and words[i:i + n] == seq:
                if found[i + n - 1].end() <= start:
                    before[k] = True
                elif found[i].start() >= end:
                    after[k] = True
                    break  # the runs come in text order: none after this one is earlier
    return before, after


def span_features(text: str, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    af = ArticleFeatures(text)
    out = np.asarray([af.span(s, e) for s, e in spans], dtype=np.float32)
    return out.reshape(len(spans), N_FEATURES)
