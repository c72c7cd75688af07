"""Run analyzers over a stream of articles, parsing with spaCy in one streamed ``nlp.pipe``."""
from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Sequence

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

    With ``n_process > 1`` and analyzers that are all registered by name, each worker process parses
    *and* analyzes a chunk of ``batch_size`` articles and sends back only the annotations (a Doc is
    never shipped between processes; see :func:`_run_in_workers`). Otherwise one ``nlp.pipe`` runs over
    the whole stream in this process. Either way only the articles in flight are held in memory.
    """
    analyzers = list(analyzers)
    check_order(analyzers)
    if n_process > 1 and any(a.needs_doc for a in analyzers) and _by_name(analyzers):
        yield from _run_in_workers(articles, [a.name for a in analyzers], batch_size, n_process, selective)
        return
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


def _by_name(analyzers: Sequence[Analyzer]) -> bool:
    """Whether every analyzer is the registered one of its name (so a worker can build its own)."""
    names = set(registered())
    return all(a.name in names and type(get_analyzer(a.name)) is type(a) for a in analyzers)


_WORKER: dict[str, Any] = {}


def _worker_init(names: list[str], selective: bool | None, batch_size: int) -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one BLAS thread per worker process: the processes already fill the cores
    _WORKER.update(analyzers=build(names), selective=selective, batch_size=batch_size)


def _worker_chunk(chunk: list[Article]) -> list[list[Annotation]]:
    done = run(chunk, _WORKER["analyzers"], _WORKER["batch_size"], 1, _WORKER["selective"])
    return [anns for _article, anns in done]


def _run_in_workers(articles: Iterable[Article], names: list[str], batch_size: int, n_process: int,
                    selective: bool | None) -> Iterator[tuple[Article, list[Annotation]]]:
    """``n_process`` worker processes, each with its own pipeline and analyzers, analyze chunks of
    ``batch_size`` articles; results come back in input order. At most two chunks per worker are in
    flight (a plain ``Pool.imap`` would read the whole input ahead)."""
    from concurrent.futures import ProcessPoolExecutor

    from narratrace.nlp import get_nlp

    get_nlp()  # loaded once here: forked workers share it instead of each loading their own
    it = iter(articles)
    pending: deque[tuple[list[Article], Any]] = deque()
    # a worker that dies (out of memory, a crash) raises BrokenProcessPool here instead of hanging
    with ProcessPoolExecutor(n_process, initializer=_worker_init, initargs=(names, selective, batch_size)) as pool:
        try:
            while True:
                while len(pending) < 2 * n_process and (chunk := list(islice(it, batch_size))):
                    pending.append((chunk, pool.submit(_worker_chunk, chunk)))
                if not pending:
                    break
                chunk, result = pending.popleft()
                yield from zip(chunk, result.result(), strict=True)
        finally:
            for _chunk, result in pending:
                result.cancel()
