"""The Python API: one function per user task. The CLI calls these and only formats results."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from narratrace.errors import InputError, NarratraceError
from narratrace.ingest import ReadOptions, read_paths
from narratrace.model import Annotation, Article
from narratrace.store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    warnings: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.duplicates


class StrictStop(NarratraceError):
    """--strict: ingestion stopped at the first bad item."""


def ingest(paths: Sequence[str], db: str | Path | None = None, opts: ReadOptions | None = None,
           strict: bool = False, batch_size: int = 500, on_error: Callable[[InputError], None] | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Read every file under ``paths`` into the store; bad items are reported and recorded, good ones kept."""
    report = IngestReport()
    with Store.open(db) as store:
        batch: list[Article] = []
        errors: list[tuple[str, str | None, str]] = []

        def flush() -> None:
            if batch:
                added = store.add_batch(batch)
                report.added += added
                report.duplicates += len(batch) - added
                if progress:
                    progress(len(batch))
                batch.clear()
            if errors:
                store.record_errors(errors)
                errors.clear()

        for item in read_paths(paths, opts):
            if isinstance(item, InputError):
                errors.append((item.source, item.locator, item.reason))
                report.errors.append(item.line())
                if item.skipped:
                    report.skipped += 1
                else:
                    report.warnings += 1
                if on_error:
                    on_error(item)
                if strict and item.skipped:
                    flush()
                    raise StrictStop(f"stopped at the first error (--strict): {item.line()}")
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
    return report


def search(query: str, db: str | Path | None = None, outlet: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    with Store.open(db, readonly=True) as store:
        return [h.to_dict() for h in store.search(query, outlet, since, until, limit, offset)]


def show(article_id: str, db: str | Path | None = None) -> dict[str, Any] | None:
    """The article with every stored annotation, or None when the id is unknown."""
    with Store.open(db, readonly=True) as store:
        article = store.get_article(article_id)
        if article is None:
            return None
        anns = [a.to_dict() for _, a in store.annotations(article_id=article.id)]
    return {"article": article.to_dict(), "annotations": anns}


def stats(db: str | Path | None = None) -> dict[str, Any]:
    with Store.open(db, readonly=True) as store:
        return store.stats()


def analyze(db: str | Path | None = None, names: Sequence[str] | None = None, batch_size: int = 32,
            n_process: int = 1, force: bool = False, progress: Progress | None = None,
            total: Callable[[int], None] | None = None) -> dict[str, int]:
    """Run analyzers over articles not yet analyzed by their current versions; return counts per kind."""
    from narratrace.analyze.pipeline import build, run

    analyzers = build(names)
    counts: dict[str, int] = {}
    with Store.open(db) as store:
        todo: set[str] = set()
        for a in analyzers:
            todo.update(store.pending(a.name, "" if force else a.version))
        if total:
            total(len(todo))
        ids = sorted(todo)

        def articles() -> Iterator[Article]:  # read 256 at a time: the writes below share the connection
            it = iter(ids)
            while chunk := list(islice(it, 256)):
                yield from list(store.iter_articles(ids=chunk))

        rows: list[tuple[str, str, str, list[Annotation]]] = []
        done = 0
        # one run over every pending article: spaCy's worker processes (n_process > 1) start once
        for article, anns in run(articles(), analyzers, batch_size, n_process):
            for a in analyzers:
                mine = [x for x in anns if x.analyzer == a.name]
                rows.append((article.id, a.name, a.version, mine))
                for x in mine:
                    counts[x.kind] = counts.get(x.kind, 0) + 1
            done += 1
            if done % 256 == 0:
                store.write_analysis(rows)
                rows = []
                if progress:
                    progress(256)
        store.write_analysis(rows)
        if progress and done % 256:
            progress(done % 256)
    return counts


def analyze_articles(articles: Iterable[Article], names: Sequence[str] | None = None,
                     batch_size: int = 32) -> Iterator[tuple[Article, list[Annotation]]]:
    """Analyze articles without a store (files in, annotations out)."""
    from narratrace.analyze.pipeline import build, run

    yield from run(articles, build(names), batch_size)


def iter_export_rows(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.iter_articles():
        row = article.to_dict()
        row["annotations"] = [a.to_dict() for _, a in store.annotations(article_id=article.id)]
        yield row


def export(db: str | Path | None, fmt: str, out: str | Path, progress: Progress | None = None) -> int:
    """Write every article (jsonl: with its annotations) to ``out``; return the number written."""
    from narratrace import exporters

    with Store.open(db, readonly=True) as store:
        writer = {"jsonl": exporters.write_jsonl, "csv": exporters.write_csv,
                  "parquet": exporters.write_parquet}.get(fmt)
        if writer is None:
            raise NarratraceError(f"unknown export format {fmt!r}; use jsonl, csv or parquet")
        return writer(iter_export_rows(store), Path(out), progress)


def demo(db: str | Path | None = None, names: Sequence[str] | None = None) -> dict[str, Any]:
    """Build the demo corpus from texts shipped with narratrace, run the whole job, and summarize.

    Ingest, every registered analyzer, text reuse, recurring allegations and what followed.
    """
    from importlib import resources

    from narratrace.analyze.base import registered

    folder = resources.files("narratrace.resources").joinpath("demo")
    with resources.as_file(folder) as path:
        report = ingest([str(path)], db)
    counts = analyze(db, names or registered())
    summary = stats(db)
    summary["ingest"] = {"added": report.added, "duplicates": report.duplicates, "skipped": report.skipped}
    summary["analysis"] = counts
    summary.update(corpus_summary(db))
    return summary


def corpus_summary(db: str | Path | None = None) -> dict[str, Any]:
    """Run the corpus analyses (reuse, recurrence, outcomes) and return what a first look needs."""
    from narratrace.corpus.outcomes import check_store, matcher_for_store
    from narratrace.corpus.recurrence import group_store
    from narratrace.corpus.reuse_store import iter_links, run_reuse

    with Store.open(db) as store:
        run_reuse(store)
        links = [{"earlier": e.outlet, "later": la.outlet, "kind": link.kind,
                  "share_of_later": round(link.share_of_later, 2)} for link, e, la in iter_links(store)]
        groups = [{"key": g.key, "count": g.count, "instances": g.instances, "first_seen": g.first_seen,
                   "last_seen": g.last_seen} for g in group_store(store)]
        checked = [c.to_dict() for c in check_store(store, matcher_for_store(store))]
    return {"reuse_links": links, "groups": groups, "outcomes": checked}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)
