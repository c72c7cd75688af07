"""Run analyzers over a stream of articles, parsing with spaCy in one streamed ``nlp.pipe``."""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence

from narratrace.analyze.base import AnalysisContext, Analyzer, check_order, get_analyzer, registered
from narratrace.model import Annotation, Article
from narratrace.nlp import Regions


def build(names: Sequence[str] | None = None) -> list[Analyzer]:
    """Instantiate analyzers by name (default: every registered one) and check their order."""
    analyzers = [get_analyzer(n) for n in (names or registered())]
    check_order(analyzers)
    return analyzers


def selective_parse() -> bool:
    """Whether to parse only the regions analyzers ask for (setting ``selective_parse``, env
    ``NARRATRACE_SELECTIVE_PARSE=0`` to switch it off)."""
    from narratrace.config import load_settings

    return load_settings().selective_parse


def regions_for(analyzers: Sequence[Analyzer], selective: bool | None = None) -> Callable[[Article], Regions]:
    """The character regions of an article the doc-reading analyzers need parsed, as one union.

    An analyzer may define ``regions(article) -> list[(start, end)] | None``; one that needs the Doc
    and has no such method, or returns None, gets the whole text parsed (so do all, when selective
    parsing is switched off).
    """
    readers = [a for a in analyzers if a.needs_doc]
    if not (selective_parse() if selective is None else selective) or \
            any(not callable(getattr(a, "regions", None)) for a in readers):
        return lambda article: None

    def union(article: Article) -> Regions:
        out: list[tuple[int, int]] = []
        for a in readers:
            got = a.regions(article)  # type: ignore[attr-defined]
            if got is None:
                return None
            out.extend(got)
        return sorted(out)

    return union


def run(
    articles: Iterable[Article],
    analyzers: Sequence[Analyzer],
    batch_size: int = 32,
    n_process: int = 1,
    selective: bool | None = None,
) -> Iterator[tuple[Article, list[Annotation]]]:
    """Yield each article with the annotations every analyzer added, in order.

    One ``nlp.pipe`` runs over the whole stream, so with ``n_process > 1`` the worker processes start
    once; only the articles in flight are held in memory.
    """
    analyzers = list(analyzers)
    check_order(analyzers)
    if not any(a.needs_doc for a in analyzers):
        for article in articles:
            yield article, _analyze(article, None, analyzers)
        return
    from narratrace.nlp import parse_regions

    regions = regions_for(analyzers, selective)
    items = ((article.text, regions(article), article) for article in articles)
    for doc, article in parse_regions(items, batch_size=batch_size, n_process=n_process):
        yield article, _analyze(article, doc, analyzers)


def _analyze(article: Article, doc: object, analyzers: Sequence[Analyzer]) -> list[Annotation]:
    ctx = AnalysisContext(doc=doc)
    for analyzer in analyzers:
        ctx.annotations.extend(analyzer.analyze(article, ctx))
    return ctx.annotations
