"""Core commands: demo, ingest, search, show, stats, export, analyze, analyzers."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from narratrace import api
from narratrace.cli.app import app
from narratrace.cli.common import DbOption, advance, db_path, err, fail, friendly_errors, out, progress_bar
from narratrace.ingest import DEFAULT_MAX_CHARS, ReadOptions, parse_mapping


@app.command()
def demo(db: Optional[Path] = DbOption) -> None:
    """Build a small corpus from texts shipped with narratrace, analyze it and print a summary."""
    with friendly_errors():
        path = db_path(db)
        err.print("demo: ingesting the texts shipped with narratrace and analyzing them …")
        summary = api.demo(path)
    table = Table(title=f"narratrace demo corpus ({path})")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(summary["articles"]))
    for outlet, n in summary["by_outlet"].items():
        table.add_row(f"  outlet {outlet}", str(n))
    for kind, n in sorted(summary["analysis"].items()):
        table.add_row(f"  annotations: {kind}", str(n))
    table.add_row("reuse links", str(len(summary["reuse_links"])))
    out.print(table)
    _demo_groups(summary["groups"])
    _demo_outcomes(summary["outcomes"])
    out.print(f"Next: narratrace allegations --db {path} --group   ·   narratrace serve --db {path}   ·   "
              f"narratrace search \"staged\" --db {path}", highlight=False)


def _demo_groups(groups: list[dict]) -> None:
    table = Table(title="recurring allegations (accused / event type)")
    for col in ("group", "frames", "instances", "first seen", "last seen"):
        table.add_column(col)
    for g in groups[:8]:
        table.add_row(g["key"], str(g["count"]), str(g["instances"]), g["first_seen"] or "?", g["last_seen"] or "?")
    out.print(table)


def _demo_outcomes(checked: list[dict]) -> None:
    table = Table(title="what followed (in the loaded event record)")
    for col in ("stated", "accuser", "sentence", "status"):
        table.add_column(col, overflow="fold")
    for c in checked[:8]:
        table.add_row(c.get("date") or "?", c.get("accuser") or "?", (c.get("sentence") or "")[:90],
                      c.get("status", "").replace("_", " "))
    out.print(table)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files, folders, globs; '-' reads stdin."),
    db: Optional[Path] = DbOption,
    map: Optional[str] = typer.Option(None, "--map", help="Field mapping, e.g. text=content,date=published."),
    date_order: Optional[str] = typer.Option(None, "--date-order", help="Order of numeric dates: DMY, MDY or YMD."),
    encoding: str = typer.Option("utf-8", help="Text encoding of the inputs."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, help="Skip articles longer than this."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad item."),
) -> None:
    """Read articles (text, JSON/JSONL, CSV/TSV, HTML, RSS/Atom) into the store."""
    try:
        opts = ReadOptions(mapping=parse_mapping(map), date_order=date_order, encoding=encoding,
                           max_chars=max_chars)
    except ValueError as exc:
        fail(str(exc))
    path = db_path(db)
    with friendly_errors(), progress_bar("ingest") as p:
        report = api.ingest(paths, path, opts, strict=strict, progress=lambda n: advance(p, n),
                            on_error=lambda e: err.print(e.line(), markup=False, highlight=False))
    out.print(f"{report.added:,} articles added, {report.duplicates:,} already present, "
              f"{report.skipped:,} skipped, {report.warnings:,} warnings → {path}")
    if report.skipped:
        raise typer.Exit(1)


@app.command()
def search(
    query: str = typer.Argument(..., help='FTS5 query: words, "a phrase", AND/OR/NOT, prefix*.'),
    db: Optional[Path] = DbOption,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    since: Optional[str] = typer.Option(None, help="Only on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Only on or before this date."),
    limit: int = typer.Option(20, help="Hits to show."),
    offset: int = typer.Option(0, help="Skip this many hits (pagination)."),
    format: str = typer.Option("table", "--format", help="table, json or jsonl."),
) -> None:
    """Full-text search over titles and texts, ranked by BM25, with snippets."""
    with friendly_errors():
        hits = api.search(query, db_path(db), outlet, since, until, limit, offset)
    if format == "jsonl":
        for h in hits:
            out.print(api.dumps(h), markup=False, highlight=False)
    elif format == "json":
        out.print(api.dumps(hits), markup=False, highlight=False)
    else:
        table = Table(title=f"{len(hits)} hits for {query!r}")
        for col in ("id", "date", "outlet", "title", "snippet"):
            table.add_column(col, overflow="fold")
        for h in hits:
            table.add_row(h["id"], h["date"] or "", h["outlet"] or "", h["title"] or "", h["snippet"])
        out.print(table)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of it)."),
    db: Optional[Path] = DbOption,
    format: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show one article: metadata, text and every annotation."""
    with friendly_errors():
        data = api.show(article_id, db_path(db))
    if data is None:
        fail(f"no article {article_id!r} in {db_path(db)}; find ids with `narratrace search`")
    if format == "json":
        out.print(api.dumps(data), markup=False, highlight=False)
        return
    a = data["article"]
    for key in ("id", "title", "outlet", "date", "url", "source", "locator"):
        if a.get(key):
            out.print(f"[bold]{key}[/bold]: {a[key]}", highlight=False)
    out.print()
    out.print(a["text"], markup=False, highlight=False)
    if data["annotations"]:
        table = Table(title="annotations")
        for col in ("analyzer", "kind", "label", "start", "end", "text"):
            table.add_column(col, overflow="fold")
        for ann in data["annotations"]:
            table.add_row(f"{ann['analyzer']} {ann['version']}", ann["kind"], ann["label"] or "",
                          str(ann["start"]), str(ann["end"]), a["text"][ann["start"]:ann["end"]][:120])
        out.print(table)


@app.command()
def stats(db: Optional[Path] = DbOption,
          format: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Counts by outlet and month, annotations, ingest errors."""
    with friendly_errors():
        data = api.stats(db_path(db))
    if format == "json":
        out.print(json.dumps(data, ensure_ascii=False, indent=2), markup=False, highlight=False)
        return
    out.print(f"[bold]{data['articles']:,}[/bold] articles in {data['db']}, "
              f"{data['ingest_errors']:,} ingest errors")
    for title, key in (("by outlet", "by_outlet"), ("by month", "by_month"), ("annotations", "annotations")):
        table = Table(title=title)
        table.add_column(title.split()[-1])
        table.add_column("count", justify="right")
        for k, v in list(data[key].items())[:40]:
            table.add_row(k, f"{v:,}")
        out.print(table)


@app.command()
def export(
    db: Optional[Path] = DbOption,
    format: str = typer.Option("jsonl", "--format", help="jsonl (with annotations), csv or parquet."),
    out_path: Path = typer.Option(..., "--out", help="File to write."),
) -> None:
    """Export the corpus (articles and annotations) to JSONL, CSV or Parquet."""
    with friendly_errors(), progress_bar("export") as p:
        n = api.export(db_path(db), format, out_path, progress=lambda k: advance(p, k))
    out.print(f"{n:,} articles → {out_path}")


@app.command()
def analyze(
    db: Optional[Path] = DbOption,
    analyzer: Optional[List[str]] = typer.Option(None, "--analyzer", "-a", help="Analyzer(s) to run (default: all)."),
    batch_size: int = typer.Option(32, help="Articles per spaCy batch."),
    n_process: int = typer.Option(1, help="spaCy worker processes."),
    force: bool = typer.Option(False, "--force", help="Re-analyze articles already done by this version."),
) -> None:
    """Run analyzers over stored articles they have not analyzed yet (per analyzer version)."""
    totals: dict[str, int] = {}
    with friendly_errors():
        with progress_bar("analyze") as p:
            counts = api.analyze(db_path(db), analyzer, batch_size, n_process, force,
                                 progress=lambda n: advance(p, n),
                                 total=lambda t: (p.update(p.task_ids[0], total=t), totals.update(t=t)))
    out.print(f"{totals.get('t', 0):,} articles analyzed: "
              + (", ".join(f"{v:,} {k}" for k, v in sorted(counts.items())) or "no annotations"))


@app.command()
def analyzers() -> None:
    """List the registered analyzers in pipeline order."""
    from narratrace.analyze.base import get_analyzer, registered

    with friendly_errors():
        for name in registered():
            a = get_analyzer(name)
            out.print(f"{name} {a.version}: requires {', '.join(a.requires) or '-'}; "
                      f"assigns {', '.join(a.assigns)}", highlight=False)
