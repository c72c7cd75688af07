"""The technique tasks over files: SI and TC predictions in SemEval format, and their evaluation."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from narratrace.errors import InputError
from narratrace.evaluate import ptc
from narratrace.model import TechniqueSpan


@dataclass(frozen=True)
class Doc:
    """One input article: ``id`` is the PTC digits for ``articleNNN.txt`` files, else the file stem."""

    id: str
    text: str
    source: str


def iter_docs(paths: Iterable[str | Path]) -> Iterator[Doc]:
    """Plain-text files (and folders of them) exactly as on disk; other formats through ingest."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.glob("*.txt")):
                yield Doc(ptc.article_id_of(f), ptc.read_article_text(f), str(f))
        elif p.suffix == ".txt" or p.name == "-":
            if not p.exists():
                raise InputError(str(p), None, "no such file")
            yield Doc(ptc.article_id_of(p), ptc.read_article_text(p), str(p))
        else:
            from narratrace.ingest import read_paths  # type: ignore[import-not-found]

            for art in read_paths([p]):
                if isinstance(art, Exception):
                    raise art
                yield Doc(art.name or art.id, art.text, str(p))


def predict_tc(model, text: str, spans: Sequence[ptc.LabelledSpan], enc=None) -> list[ptc.LabelledSpan]:  # type: ignore[no-untyped-def]
    """Label template spans; a span listed k times gets its k most likely distinct techniques."""
    counts: dict[tuple[int, int], int] = {}
    for s in spans:
        counts[(s.start, s.end)] = counts.get((s.start, s.end), 0) + 1
    keys = sorted(counts)
    probs = model.classify(text, keys, enc)
    art = spans[0].article if spans else ""
    out = []
    for (s, e), p in zip(keys, probs):
        for j in np.argsort(-p)[:counts[(s, e)]]:
            out.append(ptc.LabelledSpan(art, s, e, model.labels[int(j)]))
    return out


def predict_si(model, doc: Doc, rules: bool = False) -> list[ptc.LabelledSpan]:  # type: ignore[no-untyped-def]
    """SI spans for one article (optionally with rule spans), merged where they overlap."""
    spans = [(s, e) for s, e, _ in model.spans(doc.text)]
    if rules:
        from narratrace.techniques.rules import rule_spans

        spans += [(r.start, r.end) for r in rule_spans(doc.text)]
    return [ptc.LabelledSpan(doc.id, s, e) for s, e in ptc.merge_intervals(spans)]


def detect_docs(docs: Iterable[Doc], rules: bool = True, workers: int = 2) -> Iterator[tuple[Doc, list[TechniqueSpan]]]:
    """Both tasks over a stream of articles, ``workers`` at a time (see ``detect.detect_many``)."""
    from narratrace.techniques.detect import detect_many

    held: deque[Doc] = deque()

    def texts() -> Iterator[str]:
        for d in docs:
            held.append(d)
            yield d.text

    for found in detect_many(texts(), rules=rules, workers=workers):
        yield held.popleft(), found


def label_template(docs: Iterable[Doc], template: Path) -> Iterator[ptc.LabelledSpan]:
    """TC: label the spans of a template file (``id ? start end`` or ``id start end`` lines)."""
    from narratrace.techniques.runtime import get_model

    wanted = ptc.labels_by_article(ptc.iter_label_files(template))
    model = get_model()
    for d in docs:
        spans = wanted.pop(d.id, [])
        ptc.validate_offsets(spans, {d.id: len(d.text)}, str(template))
        if spans:
            yield from predict_tc(model, d.text, spans)
    if wanted:
        raise InputError(str(template), None, f"spans for article {sorted(wanted)[0]} but no such article given")


def fold_ids(articles: Path, fold: int, folds: int = 5, seed: int = 13) -> set[str]:
    """Article ids of one cross-validation fold (the split ``train techniques --fold`` uses)."""
    ids = [ptc.article_id_of(p) for p in Path(articles).glob("*.txt")]
    order = np.random.RandomState(seed).permutation(sorted(ids))
    return set(order[fold::folds].tolist())


def evaluate(gold_dir: Path, articles: Path, task: str, rules: bool = False,
             only: set[str] | None = None) -> ptc.Scores:
    """Run the model over ``articles`` and score against the gold labels in ``gold_dir``."""
    from narratrace.techniques.runtime import get_model

    gold = [g for g in ptc.iter_label_files(gold_dir) if only is None or g.article in only]
    by_art = ptc.labels_by_article(gold)
    model = get_model()
    pred: list[ptc.LabelledSpan] = []
    for d in iter_docs([articles]):
        if only is not None and d.id not in only:
            continue
        ptc.validate_offsets(by_art.get(d.id, []), {d.id: len(d.text)}, str(gold_dir))
        if task == "si":
            pred += predict_si(model, d, rules)
        elif by_art.get(d.id):
            pred += predict_tc(model, d.text, by_art[d.id])
    if task == "si":
        return ptc.score_si(pred, gold)
    if any(g.technique in (None, ptc.UNKNOWN) for g in gold):
        raise InputError(str(gold_dir), None, "TC scoring needs technique labels (got SI lines or '?')")
    return ptc.score_tc(pred, gold)
