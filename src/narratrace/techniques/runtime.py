"""Run the shipped technique model with onnxruntime and tokenizers (no torch).

The model directory holds ``config.json``, ``tokenizer.json``, the encoder with its span
identification head as ONNX (``model.onnx``; its outputs are per-token BIO logits and the last
hidden states) and the technique classification head as numpy arrays (``tc_head.npz``).
One encoder pass per article serves both tasks.
"""
from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from narratrace.errors import ModelUnavailable
from narratrace.techniques import features as F

MODEL_ENV = "NARRATRACE_TECHNIQUES_MODEL"
# the models that ship with the package: the default (six encoder layers) and a faster one (three layers,
# about twice the articles per second, a little lower SI; docs/techniques.md)
PACKAGED_MODELS = {"default": "techniques", "fast": "techniques-fast"}


def model_dir_for(name: str | None) -> Path:
    """A packaged model's directory by name ("default", "fast"), or ``name`` itself as a directory."""
    name = name or "default"
    if name in PACKAGED_MODELS:
        return Path(str(resources.files("narratrace.models").joinpath(PACKAGED_MODELS[name])))
    return Path(name)


def default_model_dir() -> Path:
    """``$NARRATRACE_TECHNIQUES_MODEL`` (a packaged model's name or a directory), else the default model."""
    return model_dir_for(os.environ.get(MODEL_ENV))


def use_model(name: str | None) -> None:
    """Make ``name`` (a packaged model's name or a directory) the model every later ``get_model()`` loads."""
    if name is None:
        return
    if not (model_dir_for(name) / "config.json").exists():
        raise ModelUnavailable(f"{name}: no technique model (expected one of {', '.join(PACKAGED_MODELS)} "
                               f"or a directory with config.json)")
    os.environ[MODEL_ENV] = name
    get_model.cache_clear()


@dataclass
class Encoded:
    """One encoder pass over an article."""

    tokens: F.Encoded
    starts: list[int]
    probs: np.ndarray  # [n_tokens, 3] BIO probabilities (O, B, I)
    hidden: np.ndarray  # [n_windows, width + 2, H]
    width: int = 0  # tokens per window (all windows of an article have the same length)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


class TechniqueModel:
    """Span identification and technique classification with one encoder pass per article."""

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.dir = Path(model_dir) if model_dir else default_model_dir()
        cfg_path = self.dir / "config.json"
        if not cfg_path.exists():
            raise ModelUnavailable(f"{cfg_path}: no technique model here; train one with "
                                   f"`narratrace train techniques` or reinstall narratrace")
        self.config = json.loads(cfg_path.read_text("utf-8"))
        self.labels: list[str] = self.config["labels"]
        self.window = int(self.config["window"])
        self.step = int(self.config["step"])
        self.layout = str(self.config.get("window_layout", "fixed"))  # or "even", "shrink": F.spread_windows
        self.threshold = float(self.config["si_threshold"])
        self.gap = int(self.config.get("si_gap", 0))
        self.min_chars = int(self.config.get("si_min_chars", 0))
        self.snap = float(self.config.get("si_snap", 0.0))
        # a span ending before a space runs on to the clause's end when that is this near (characters), or
        # this far when it ends on a function word (0, 0: off; docs/techniques.md, session 11)
        self.extend = (int(self.config.get("si_extend_near", 0)), int(self.config.get("si_extend_far", 0)))
        self.tokenizer = Tokenizer.from_file(str(self.dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # idle worker threads sleep instead of spinning: on a shared machine spinning burns CPU
        # that the tokenizer, the numpy heads and other processes need
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(self.dir / self.config["onnx"]), opts,
                                            providers=["CPUExecutionProvider"])
        head = np.load(self.dir / "tc_head.npz")
        self.head = {k: head[k].astype(np.float32) for k in head.files}
        self.lexical_weight = float(self.config.get("lexical_weight", 0.0))
        # added to Repetition for a span whose words came earlier in the article (then renormalised);
        # chosen by nested cross-validation (docs/techniques.md)
        self.repetition_bonus = float(self.config.get("repetition_bonus", 0.0))
        self.repetition = self.labels.index("Repetition") if "Repetition" in self.labels else None
        # taken off Repetition for a span whose words come again later but never before (it is the first
        # mention, not the repetition), and a share of the mean probabilities of the spans that overlap a
        # span taken off its own: in PTC, 2 of 731 overlapping labelled pairs share a technique
        self.later_penalty = float(self.config.get("later_only_penalty", 0.0))
        self.overlap_repulsion = float(self.config.get("overlap_repulsion", 0.0))
        self.lexical = None
        if self.lexical_weight > 0 and (self.dir / "lexical.npz").exists():
            lx = np.load(self.dir / "lexical.npz")
            self.lexical = (lx["weights"].astype(np.float32), lx["bias"].astype(np.float32))

    # ---------------------------------------------------------------- encoder

    def encode(self, text: str) -> Encoded:
        tokens = F.encode(self.tokenizer, text)
        n = len(tokens.ids)
        if self.layout in ("even", "shrink"):
            starts, width = F.spread_windows(n, self.window, self.step, shrink=self.layout == "shrink")
        else:
            starts, width = F.window_starts(n, self.window, self.step), min(n, self.window)
        if n == 0:
            return Encoded(tokens, starts, np.zeros((0, 3), np.float32), np.zeros((1, 2, 1), np.float32), 0)
        inp, mask = F.batch_windows(tokens.ids, starts, width)
        logits, hidden = self.session.run(None, {"input_ids": inp, "attention_mask": mask})
        probs = np.zeros((n, 3), dtype=np.float32)
        best = np.full(n, -1.0)
        for w, s in enumerate(starts):
            m = min(width, n - s)
            idx = np.arange(s, s + m)
            margin = np.minimum(idx - s, s + m - 1 - idx).astype(float)
            take = margin > best[idx]
            probs[idx[take]] = _softmax(logits[w, 1:m + 1][take])
            best[idx[take]] = margin[take]
        return Encoded(tokens, starts, probs, hidden, width)

    # ---------------------------------------------------------------- SI

    def spans(self, text: str, enc: Encoded | None = None, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Propaganda spans as ``(start, end, score)``, score = mean token probability."""
        enc = enc or self.encode(text)
        thr = self.threshold if threshold is None else threshold
        spans = decode_spans(text, enc.tokens.offsets, 1.0 - enc.probs[:, 0], thr)
        spans = join_close_spans(text, spans, self.gap, self.min_chars)
        spans = snap_to_sentences(text, spans, self.snap) if self.snap else spans
        return extend_to_clause_end(text, spans, *self.extend) if any(self.extend) else spans

    # ---------------------------------------------------------------- TC

    def classify(self, text: str, spans: Sequence[tuple[int, int]], enc: Encoded | None = None) -> np.ndarray:
        """Technique probabilities [len(spans), len(labels)] for given character spans."""
        if not spans:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        enc = enc or self.encode(text)
        reps = span_representations(enc.tokens.offsets, enc.starts, enc.width, enc.hidden, spans)
        feats = F.span_features(text, spans)
        probs = tc_head_forward(self.head, np.concatenate([reps, feats], axis=1))
        if self.lexical is not None:
            from narratrace.techniques import lexical

            lex = lexical.predict_proba(*self.lexical, text, spans, feats)
            probs = (1.0 - self.lexical_weight) * probs + self.lexical_weight * lex
        later_only = np.zeros(len(spans), dtype=bool)
        if (self.repetition_bonus or self.later_penalty) and self.repetition is not None:
            before, after = F.repeated_around(text, spans)
            if self.repetition_bonus and before.any():
                probs[before, self.repetition] += self.repetition_bonus
                probs[before] /= probs[before].sum(1, keepdims=True)
            if self.later_penalty:
                later_only = after & ~before
        shift = overlap_shift(spans, probs, self.overlap_repulsion) if self.overlap_repulsion else None
        if shift is not None or later_only.any():
            scores = probs - shift if shift is not None else probs.copy()
            if later_only.any():
                scores[later_only, self.repetition] -= self.later_penalty
            changed = later_only | (shift.any(1) if shift is not None else False)
            probs[changed] = _as_distribution(scores[changed])
        return probs


# what ends a clause for extend_to_clause_end, and words a PTC span almost never ends on (0.1% of gold spans
# end on "of", "the" or "and", against 0.7-1.2% of the model's)
_CLAUSE_END = re.compile(r"[\n.,;:!?”\"()]")
_FUNCTION_WORDS = frozenset("of the and in a an to for with by on at or as from than that is are was were be will "
                            "would his her their its our your my this these those".split())
_LAST_WORD = re.compile(r"(\w+)\W*$")


def extend_to_clause_end(text: str, spans: list[tuple[int, int, float]], near: int,
                         far: int) -> list[tuple[int, int, float]]:
    """Run a span that stops before a space (not a line break) on to the end of its clause, the next of
    ``\\n . , ; : ! ? ” " ( )``, when that is at most ``near`` characters on, or ``far`` when the span ends on a
    function word ("the regime of"); the new end is the last letter or digit before the mark. Gold PTC spans
    end at clause boundaries more often than the model's (12% end before a comma, against 5%)."""
    out = []
    starts = sorted(s for s, _, _ in spans)
    for start, end, score in spans:
        if start >= end:
            out.append((start, end, score))
            continue
        k = bisect.bisect_right(starts, start)
        limit = starts[k] if k < len(starts) else len(text)  # never into the next span
        last = _LAST_WORD.search(text, start, end)
        dangling = last is not None and last.group(1).lower() in _FUNCTION_WORDS
        if (end < len(text) and text[end].isspace() and text[end] != "\n") or dangling:
            mark = _CLAUSE_END.search(text, end, min(limit, end + max(near, far if dangling else 0) + 1))
            if mark is not None and (mark.start() - end <= near or (dangling and mark.start() - end <= far)):
                new = mark.start()
                while new > end and not text[new - 1].isalnum():
                    new -= 1
                end = new
        out.append((start, end, score))
    return out


def _as_distribution(scores: np.ndarray) -> np.ndarray:
    """Rows of adjusted scores back to probabilities in the same order: a score pushed below 0 becomes (nearly)
    0 and the rest keep their size, so a confident label stays confident; a vanishing term ranked by score keeps
    every tie ordered as the scores were."""
    lo, hi = scores.min(1, keepdims=True), scores.max(1, keepdims=True)
    rank = (scores - lo) / np.where(hi > lo, hi - lo, 1.0)
    rows = np.maximum(scores, 0.0) + 1e-6 * (rank + 1e-3)
    return rows / rows.sum(1, keepdims=True)


def overlap_shift(spans: Sequence[tuple[int, int]], probs: np.ndarray, weight: float) -> np.ndarray | None:
    """``weight`` times the mean probabilities of the other spans that overlap each span (zeros for a span
    that overlaps none), or None when no two spans overlap."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    shift = np.zeros_like(probs)
    count = np.zeros(len(spans))
    for a, i in enumerate(order):  # sorted by start: the spans overlapping i that start later follow it
        for j in order[a + 1:]:
            if spans[j][0] >= spans[i][1]:
                break
            if spans[j] != spans[i]:
                shift[i] += probs[j]
                shift[j] += probs[i]
                count[i] += 1
                count[j] += 1
    if not count.any():
        return None
    hit = count > 0
    shift[hit] *= weight / count[hit, None]
    return shift


def decode_spans(text: str, offsets: np.ndarray, pos: np.ndarray, thr: float) -> list[tuple[int, int, float]]:
    """Runs of tokens whose propaganda probability reaches ``thr``, widened to whole words."""
    out: list[tuple[int, int, float]] = []
    i, n = 0, len(pos)
    while i < n:
        if pos[i] < thr:
            i += 1
            continue
        j = i
        while j < n and pos[j] >= thr:
            j += 1
        s, e = int(offsets[i, 0]), int(offsets[j - 1, 1])
        while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-'’") and text[s - 1] != "\n":
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        if out and s < out[-1][1]:
            ps, pe, psc = out.pop()
            s, e = ps, max(e, pe)
        out.append((s, e, float(pos[i:j].mean())))
        i = j
    return out


def join_close_spans(text: str, spans: list[tuple[int, int, float]], gap: int,
                     min_chars: int) -> list[tuple[int, int, float]]:
    """Join spans at most ``gap`` characters apart on one line; drop those shorter than ``min_chars``."""
    out: list[tuple[int, int, float]] = []
    for s, e, sc in spans:
        if out and s - out[-1][1] <= gap and "\n" not in text[out[-1][1]:s]:
            ps, pe, psc = out[-1]
            out[-1] = (ps, e, max(psc, sc))
        else:
            out.append((s, e, sc))
    return [x for x in out if x[1] - x[0] >= min_chars]


# a sentence for snapping: a run without line breaks or end marks (a point before a digit is no end: "3.5"),
# with the end marks and any closing quotes or brackets after it
_SENTENCE_RE = re.compile(r"(?:[^\n.!?]|\.(?=\d))+[.!?]*[\"”’')\]]*")
_OPENERS = " \t\"“‘'("


def snap_to_sentences(text: str, spans: list[tuple[int, int, float]], cover: float) -> list[tuple[int, int, float]]:
    """Widen a span that starts and ends in one sentence and covers at least ``cover`` of it to the whole
    sentence (without its end marks and outer spaces); spans that then overlap merge.

    PTC annotators often mark a whole sentence (Doubt, Appeal_to_fear-prejudice, ...) where the model
    finds most of it; chosen by cross-validation for the default model (docs/techniques.md).
    """
    sentences = [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text)]
    starts = [a for a, _ in sentences]
    out: list[tuple[int, int, float]] = []
    for s, e, sc in spans:
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and s < sentences[k][1]:
            a, b = sentences[k]
            while a < b and text[a] in _OPENERS:
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?\"”’')]"):
                b -= 1
            if e <= b + 2 and e - s >= cover * (b - a):
                s, e = min(s, a), max(e, b)
        while out and s < out[-1][1]:  # a widened span may cover several kept before it
            ps, pe, psc = out.pop()
            s, e, sc = min(s, ps), max(e, pe), max(sc, psc)
        out.append((s, e, sc))
    return out


def span_representations(offsets: np.ndarray, starts: Sequence[int], window: int, hidden: np.ndarray,
                         spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """[mean of the span's tokens, its first token, the window's [CLS]] for each span."""
    H = hidden.shape[-1]
    out = np.zeros((len(spans), 3 * H), dtype=np.float32)
    for k, (s, e) in enumerate(spans):
        lo, hi = F.token_range(offsets, s, e)
        if hi <= lo:
            continue
        w = F.best_window(lo, hi, starts, window)
        a, b = max(lo, starts[w]) - starts[w] + 1, min(hi, starts[w] + window) - starts[w] + 1
        if b <= a:
            continue
        out[k] = np.concatenate([hidden[w, a:b].mean(0), hidden[w, a], hidden[w, 0]])
    return out


def tc_head_forward(head: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The classification MLP: LayerNorm -> Linear -> GELU -> Linear -> softmax.

    The products go through ``np.einsum`` rather than ``@``: a BLAS call of this size starts
    OpenBLAS worker threads that keep spinning afterwards and take the CPU from the next
    onnxruntime run (measured: the head then cost 20x its own time; docs/techniques.md).
    """
    mu = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    x = (x - mu) / np.sqrt(var + 1e-5) * head["ln.weight"] + head["ln.bias"]
    h = np.einsum("nk,hk->nh", x, head["fc1.weight"]) + head["fc1.bias"]
    h = 0.5 * h * (1.0 + np.tanh(0.7978845608 * (h + 0.044715 * h ** 3)))
    return _softmax(np.einsum("nh,ch->nc", h, head["fc2.weight"]) + head["fc2.bias"])


def get_model(model_dir: str | None = None, threads: int | None = None) -> TechniqueModel:
    """The model loaded once per process (per directory and thread count; ``None``: the current default)."""
    return _load(str(model_dir) if model_dir else str(default_model_dir()), threads)


@lru_cache(maxsize=4)
def _load(model_dir: str, threads: int | None) -> TechniqueModel:
    return TechniqueModel(model_dir, threads)


get_model.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
