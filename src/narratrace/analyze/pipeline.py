"""Run analyzers over a stream of articles, parsing with spaCy in batches."""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, Sequence

from narratrace.analyze.base import AnalysisContext, Analyzer, check_order, get_analyzer, registered
from narratrace.model import Annotation, Article


def build(names: Sequence[str] | None = None) -> list[Analyzer]:
    """Instantiate analyzers by name (default: every registered one) and check their order."""
    analyzers = [get_analyzer(n) for n in (names or registered())]
    check_order(analyzers)
    return analyzers


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run(
    articles: Iterable[Article],
    analyzers: Sequence[Analyzer],
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Article, list[Annotation]]]:
    """Yield each article with the annotations every analyzer added, in order."""
    check_order(list(analyzers))
    need_doc = any(a.needs_doc for a in analyzers)
    for batch in _batches(articles, batch_size):
        if need_doc:
            from narratrace import nlp

            docs = list(nlp.pipe((a.text for a in batch), batch_size=batch_size, n_process=n_process))
        else:
            docs = [None] * len(batch)
        for article, doc in zip(batch, docs):
            ctx = AnalysisContext(doc=doc)
            for analyzer in analyzers:
                ctx.annotations.extend(analyzer.analyze(article, ctx))
            yield article, ctx.annotations
