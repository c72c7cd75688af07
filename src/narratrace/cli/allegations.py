"""Commands: allegations (files or a store, --group), timeline, eval allegations."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer

from narratrace.cli.app import app, eval_app
from narratrace.cli.common import DbOption, db_path, emit_jsonl, err, fail, friendly_errors, out, print_line


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _frames_from_files(paths: List[str]) -> Iterator[dict[str, Any]]:
    from narratrace.analyze.allegations import extract_frames
    from narratrace.errors import InputError
    from narratrace.ingest import read_paths

    for item in read_paths(paths):
        if isinstance(item, InputError):
            err.print(f"skipped {item.line()}", markup=False, highlight=False)
            continue
        for frame in extract_frames(item.text, body_start=item.body_start):
            yield {**frame.to_dict(), "article": item.id, "file": item.source}


def _frames_from_store(db: Optional[Path]) -> Iterator[dict[str, Any]]:
    from narratrace.store import Store

    with Store.open(db_path(db), readonly=True) as store:
        for article_id, ann in store.annotations(kind="allegation_frame"):
            art = store.get_article(article_id)
            yield {**dict(ann.attrs), "article": article_id, "file": getattr(art, "source", None)}


def _table_row(d: dict[str, Any]) -> list[str]:
    def txt(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, dict):
            return v["text"]
        if isinstance(v, list):
            return "; ".join(x["text"] for x in v)
        return str(v)

    return [d["article"][:12], txt(d.get("accuser")), txt(d.get("accused")), txt(d.get("helpers")),
            d["event_type"], txt(d.get("locations")), txt(d.get("blame_target")), d["time"], txt(d.get("trigger"))]


def _print_table(frames: Iterator[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("article", "accuser", "accused", "helpers", "event type", "locations", "blame target", "time",
                  "trigger", show_lines=False)
    for d in frames:
        table.add_row(*_table_row(d))
    out.print(table)


@app.command()
def allegations(
    paths: Optional[List[str]] = typer.Argument(None, help="Files, folders or globs to read (no store needed)."),
    db: Optional[Path] = DbOption,
    group: bool = typer.Option(False, "--group", help="Group stored frames into recurring allegations."),
    format: Format = typer.Option(Format.jsonl, "--format", help="jsonl or table."),
) -> None:
    """Staging / false-flag allegation frames: who is accused of staging what, where, to blame whom."""
    with friendly_errors():
        if group:
            _print_groups(db, format)
            return
        if paths:
            frames: Iterator[dict[str, Any]] = _frames_from_files(paths)
        else:
            frames = _frames_from_store(db)
        if format is Format.table:
            _print_table(frames)
            return
        emit_jsonl(frames, "allegations")


def _groups(db: Optional[Path]) -> list[Any]:
    from narratrace.corpus.recurrence import group_store
    from narratrace.store import Store

    with Store.open(db_path(db), readonly=True) as store:
        groups = group_store(store)
    if not groups:
        fail(f"{db_path(db)}: no allegation frames stored; run `narratrace analyze --db {db_path(db)} -a allegations`")
    return groups


def _print_groups(db: Optional[Path], format: Format) -> None:
    groups = _groups(db)
    if format is Format.jsonl:
        for g in groups:
            print_line(json.dumps(g.to_dict(), ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("accused", "event type", "frames", "instances", "first seen", "last seen", "places", "outlets")
    for g in groups:
        d = g.to_dict()
        table.add_row(d["accused"], d["event_type"], str(d["count"]), str(d["instances"]), d["first_seen"] or "",
                      d["last_seen"] or "", ", ".join(d["places"][:6]), ", ".join(d["outlets"][:6]))
    out.print(table)


@app.command()
def timeline(
    db: Optional[Path] = DbOption,
    out_path: Path = typer.Option(Path("timeline.html"), "--out", help="timeline.html (with a PNG beside it) or .png."),
) -> None:
    """Plot recurring allegations over time, one row per accused and event type."""
    from narratrace.corpus.timeline import write_timeline

    with friendly_errors():
        written = write_timeline(_groups(db), out_path)
        err.print("wrote " + ", ".join(str(p) for p in written), markup=False, highlight=False)


@eval_app.command("allegations")
def eval_allegations(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL: {article, text, frames} per line, or a row-id gold."),
    shared: Optional[Path] = typer.Option(None, "--shared", help="Folder with data/ for a row-id gold (../shared)."),
    errors: bool = typer.Option(False, "--errors", help="Also print each error (missed, spurious, slot)."),
    fold: Optional[List[int]] = typer.Option(None, "--fold", help="Row-id gold only: score these folds (repeat)."),
) -> None:
    """Score allegation frames the spec's way: frame P/R/F1 by sentence overlap, slot micro-F1."""
    from narratrace.evaluate.allegations import evaluate, load_devgold, read_gold

    with friendly_errors():
        first = gold.read_text("utf-8").lstrip()[:200]
        if '"corpus"' in first.split("\n", 1)[0]:
            golds = load_devgold(gold, shared or Path("../shared"), fold or None)
        else:
            golds = read_gold(gold)
        report = evaluate(list(golds))
        print_line(json.dumps(report.to_dict(), indent=1))
        if errors:
            for e in report.errors:
                print_line(json.dumps(e, ensure_ascii=False))
