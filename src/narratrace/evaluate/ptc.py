"""PTC (SemEval-2020 Task 11) loaders and scorers.

Layout of a PTC folder: ``*-articles/articleNNN.txt`` (title on line 1) and label files
``articleNNN.task1-SI.labels`` (``id<TAB>start<TAB>end``) or ``articleNNN.task2-TC.labels``
(``id<TAB>technique<TAB>start<TAB>end``); offsets are character offsets into the article file
as it is on disk, end exclusive.

Scoring follows the task's rules:

* **SI** — overlapping spans are merged per article (gold and predicted separately); every
  predicted span *s* earns ``sum_t |s ∩ t| / |s|`` towards precision and every gold span *t*
  earns ``sum_s |s ∩ t| / |t|`` towards recall; P and R are those sums divided by the number of
  predicted and gold spans.
* **TC** — micro P/R/F1 over ``(article, technique, start, end)`` tuples (a multiset: a span
  labelled twice with the same technique counts twice), plus the same per technique.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from narratrace.errors import InputError

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
UNKNOWN = "?"
_ARTICLE_RE = re.compile(r"article(\d+)")


@dataclass(frozen=True, slots=True, order=True)
class LabelledSpan:
    """One PTC label line: ``technique`` is None for SI lines and ``"?"`` in a TC template."""

    article: str
    start: int
    end: int
    technique: str | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int
    per_label: dict[str, "Scores"] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"precision": self.precision, "recall": self.recall, "f1": self.f1,
             "n_pred": self.n_pred, "n_gold": self.n_gold}
        if self.per_label:
            d["per_label"] = {k: v.to_dict() for k, v in self.per_label.items()}
        return d


def article_id_of(path: str | Path) -> str:
    """The digits of a PTC file name (``article123.txt`` -> ``"123"``); else the file stem."""
    name = Path(path).name
    m = _ARTICLE_RE.match(name)
    return m.group(1) if m else Path(path).stem


def read_article_text(path: str | Path) -> str:
    """An article's text exactly as on disk (no newline translation), so offsets hold."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def iter_articles(folder: str | Path) -> Iterator[tuple[str, str]]:
    """Yield ``(article_id, text)`` for every ``*.txt`` in a folder, sorted by name."""
    for p in sorted(Path(folder).glob("*.txt")):
        yield article_id_of(p), read_article_text(p)


def parse_label_line(line: str, source: str, lineno: int) -> LabelledSpan:
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) not in (3, 4):
        raise InputError(source, f"line {lineno}", f"expected 3 or 4 tab-separated fields, got {len(parts)}")
    try:
        start, end = int(parts[-2]), int(parts[-1])
    except ValueError:
        raise InputError(source, f"line {lineno}", "start and end must be integers") from None
    if not 0 <= start <= end:
        raise InputError(source, f"line {lineno}", f"bad span {start}:{end}")
    technique = parts[1] if len(parts) == 4 else None
    if technique is not None and technique not in TECHNIQUES and technique != UNKNOWN:
        raise InputError(source, f"line {lineno}", f"unknown technique {technique!r}")
    return LabelledSpan(parts[0], start, end, technique)


def read_labels(path: str | Path) -> list[LabelledSpan]:
    """Read one label file (SI or TC lines; blank lines are skipped)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                out.append(parse_label_line(line, str(path), i))
    return out


def iter_label_files(folder: str | Path) -> Iterator[LabelledSpan]:
    """Every label line of every ``*.labels`` / ``*.txt`` file in a folder (or one file)."""
    p = Path(folder)
    files = [p] if p.is_file() else sorted(x for x in p.iterdir() if x.suffix in (".labels", ".txt"))
    for f in files:
        yield from read_labels(f)


def labels_by_article(spans: Iterable[LabelledSpan]) -> dict[str, list[LabelledSpan]]:
    out: dict[str, list[LabelledSpan]] = {}
    for s in spans:
        out.setdefault(s.article, []).append(s)
    return out


def validate_offsets(spans: Iterable[LabelledSpan], lengths: dict[str, int], source: str) -> None:
    """Fail once, naming the first span that points outside its article (or to a missing one)."""
    for s in spans:
        if s.article not in lengths:
            raise InputError(source, None, f"labels for article {s.article} but no article{s.article}.txt")
        if s.end > lengths[s.article]:
            raise InputError(source, None, f"span {s.start}:{s.end} beyond the end of article {s.article} "
                                           f"({lengths[s.article]} chars)")


# ---------------------------------------------------------------- SI


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping ``[start, end)`` intervals (touching ones stay apart); drop empty ones."""
    out: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in intervals if e > s):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_si(pred: Iterable[LabelledSpan], gold: Iterable[LabelledSpan]) -> Scores:
    """Span identification with partial credit over merged spans (see the module docstring)."""
    p_by, g_by = labels_by_article(pred), labels_by_article(gold)
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for art in set(p_by) | set(g_by):
        ps = merge_intervals((s.start, s.end) for s in p_by.get(art, ()))
        gs = merge_intervals((s.start, s.end) for s in g_by.get(art, ()))
        n_pred += len(ps)
        n_gold += len(gs)
        for s in ps:
            p_sum += sum(_overlap(s, t) for t in gs) / (s[1] - s[0])
        for t in gs:
            r_sum += sum(_overlap(s, t) for s in ps) / (t[1] - t[0])
    return _prf(p_sum, r_sum, n_pred, n_gold)


def _prf(p_sum: float, r_sum: float, n_pred: int, n_gold: int) -> Scores:
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f, n_pred, n_gold)


# ---------------------------------------------------------------- TC


def score_tc(pred: Iterable[LabelledSpan], gold: Iterable[LabelledSpan]) -> Scores:
    """Micro P/R/F1 over (article, technique, start, end) tuples, with per-technique scores."""
    pc = Counter((s.article, s.technique, s.start, s.end) for s in pred)
    gc = Counter((s.article, s.technique, s.start, s.end) for s in gold)
    hits = pc & gc
    overall = _prf(sum(hits.values()), sum(hits.values()), sum(pc.values()), sum(gc.values()))
    per: dict[str, Scores] = {}
    for tech in TECHNIQUES:
        h = sum(v for k, v in hits.items() if k[1] == tech)
        np_ = sum(v for k, v in pc.items() if k[1] == tech)
        ng = sum(v for k, v in gc.items() if k[1] == tech)
        if np_ or ng:
            per[tech] = _prf(h, h, np_, ng)
    return Scores(overall.precision, overall.recall, overall.f1, overall.n_pred, overall.n_gold, per)


def format_line(s: LabelledSpan, task: str) -> str:
    """A submission line: SI ``id start end``; TC ``id technique start end``."""
    if task == "si":
        return f"{s.article}\t{s.start}\t{s.end}"
    return f"{s.article}\t{s.technique}\t{s.start}\t{s.end}"
