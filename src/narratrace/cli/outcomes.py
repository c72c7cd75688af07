"""What followed: `outcomes`, `ledger`, and `events import|list` (the event record)."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.table import Table

from narratrace.cli.app import app
from narratrace.cli.common import DbOption, advance, db_path, err, friendly_errors, out, progress_bar

events_app = typer.Typer(help="The event record: import incident datasets, list what is loaded.",
                         no_args_is_help=True)
app.add_typer(events_app, name="events")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


WindowOption = typer.Option(30, "--window", help="Days after a warning in which an incident counts as following it.")
RadiusOption = typer.Option(25.0, "--radius-km", help="Distance from a frame's place within which incidents count.")
EventsOption = typer.Option(None, "--events", help="Extra event files (ACLED CSV, JSONL, YAML) for this run only.")
NoBuiltinOption = typer.Option(False, "--no-builtin", help="Leave out the record shipped with narratrace.")


RecordWarningsOption = typer.Option(False, "--record-warnings",
                                    help="Check the documented warnings shipped in the record instead of a store.")


def _checked(db: Optional[Path], window: int, radius_km: float, events: Optional[List[str]], no_builtin: bool,
             label: str, record_warnings: bool = False) -> Iterator:
    from narratrace.corpus.outcomes import OutcomeMatcher, check_store, matcher_for_store, warning_refs
    from narratrace.record.loaders import load_record
    from narratrace.store import Store

    if record_warnings:
        record = load_record(events or (), builtin=not no_builtin)
        for e in record.errors:
            err.print(e.line(), markup=False, highlight=False)
        builtin = load_record() if no_builtin else record
        record.warnings[:] = builtin.warnings
        matcher = OutcomeMatcher(record, window_days=window, radius_km=radius_km)
        yield from matcher.check_all(warning_refs(builtin))
        return

    store = Store.open(db_path(db))
    matcher = matcher_for_store(store, window, radius_km, builtin=not no_builtin, extra_paths=events or ())
    for e in matcher.record.errors:
        err.print(e.line(), markup=False, highlight=False)
    try:
        with progress_bar(label) as p:
            for c in check_store(store, matcher):
                advance(p)
                yield c
    finally:
        store.close()


@app.command()
def outcomes(db: Optional[Path] = DbOption, window: int = WindowOption, radius_km: float = RadiusOption,
             format: Format = typer.Option(Format.table, "--format", help="table or jsonl."),
             events: Optional[List[str]] = EventsOption, no_builtin: bool = NoBuiltinOption,
             record_warnings: bool = RecordWarningsOption) -> None:
    """What followed each allegation frame: recorded incidents near its places after a warning, or findings."""
    if format is Format.jsonl:
        with friendly_errors():
            for c in _checked(db, window, radius_km, events, no_builtin, "outcomes", record_warnings):
                out.print(json.dumps(c.to_dict(), ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    with friendly_errors():
        checked = list(_checked(db, window, radius_km, events, no_builtin, "outcomes", record_warnings))
    out.print(f"What followed (window {window} d, radius {radius_km:g} km)", highlight=False)
    for c in checked:
        out.print(f"{c.ref.article_id[:16]} #{c.ref.index} · {c.ref.frame.time} · {c.accuser or '?'} · "
                  f"stated {c.date or '?'} ({c.date_basis or '-'}) · {_places(c) or 'no place'} · {c.status}",
                  markup=False, highlight=False)
        for line in _incidents(c):
            out.print("    " + line, markup=False, highlight=False)
    from narratrace.corpus.ledger import ABSENCE_NOTE
    out.print(ABSENCE_NOTE, highlight=False)


@app.command()
def ledger(db: Optional[Path] = DbOption, window: int = WindowOption, radius_km: float = RadiusOption,
           format: Format = typer.Option(Format.table, "--format", help="table or jsonl."),
           events: Optional[List[str]] = EventsOption, no_builtin: bool = NoBuiltinOption,
           record_warnings: bool = RecordWarningsOption) -> None:
    """Per accuser: warnings, and how many were followed by an incident (by the accused / the accuser's side)."""
    from narratrace.corpus.ledger import ABSENCE_NOTE, build_ledger

    with friendly_errors():
        rows = build_ledger(_checked(db, window, radius_km, events, no_builtin, "ledger", record_warnings))
    if format is Format.jsonl:
        for r in rows:
            out.print(json.dumps(r.to_dict(), ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(title=f"Ledger of warnings (window {window} d, radius {radius_km:g} km)")
    cols = ("warnings", "checkable", "followed", "by_accused", "by_own_side", "no_recorded_incident", "unchecked")
    heads = ("warn", "check", "foll", "accused", "own side", "none", "uncheck")
    table.add_column("accuser", no_wrap=True, overflow="ellipsis", max_width=30)
    for head in heads:
        table.add_column(head, justify="right", min_width=len(head), no_wrap=True)
    for r in rows:
        n = r.counts()
        table.add_row(r.accuser, *(str(n[c]) for c in cols))
    out.print(table)
    out.print("warn: warnings · check: with a place and a date · foll: followed by a recorded incident · accused / "
              "own side: by one attributed to the accused / the accuser's side · none: no recorded incident · "
              "uncheck: no place or no date", highlight=False)
    for r in rows:
        for w in r.warnings:
            srcs = ", ".join(a.get("url") or a["article"][:16] for a in w.articles)
            follow = "; ".join(f"{o.event.date} {o.event.place}: {o.event.perpetrator or 'unattributed'} "
                               f"({o.relation}{', own side' if o.own_side else ''})" for o in w.outcomes.values())
            out.print(f"- {r.accuser} · {w.date or '?'} · {', '.join(w.places) or 'no place'} · {w.status}"
                      f"{' → ' + follow if follow else ''} · {srcs}", markup=False, highlight=False)
    out.print(ABSENCE_NOTE, highlight=False)


@events_app.command("import")
def events_import(paths: List[Path] = typer.Argument(..., help="ACLED-style CSV, JSONL or YAML event files."),
                  db: Optional[Path] = DbOption,
                  dataset: Optional[str] = typer.Option(None, help="Dataset name (default: the file name).")) -> None:
    """Import incidents into the store; bad rows are reported as file:line and skipped."""
    from narratrace.errors import InputError
    from narratrace.record.loaders import load_record, read_events
    from narratrace.record.store import write_events
    from narratrace.store import Store

    with friendly_errors():
        rec = load_record(builtin=False)
        store = Store.open(db_path(db))
        bad = 0

        def good(path: Path):
            nonlocal bad
            for item in read_events(path, rec, dataset):
                if isinstance(item, InputError):
                    bad += 1
                    err.print(item.line(), markup=False, highlight=False)
                else:
                    yield item

        written = sum(write_events(store.conn, good(p)) for p in paths)
        store.close()
    out.print(f"{written:,} events imported, {bad:,} rows skipped → {db_path(db)}")
    if bad:
        raise typer.Exit(1)


@events_app.command("list")
def events_list(db: Optional[Path] = DbOption,
                builtin: bool = typer.Option(True, help="Include the record shipped with narratrace.")) -> None:
    """Events per dataset: the shipped record and what was imported into the store."""
    from narratrace.record.loaders import load_record
    from narratrace.record.store import count_events
    from narratrace.store import Store

    table = Table(title="Event record")
    table.add_column("dataset")
    table.add_column("events", justify="right")
    if builtin:
        rec = load_record()
        table.add_row("narratrace (shipped)", str(len(rec.events)))
        table.add_row("narratrace warnings (shipped)", str(len(rec.warnings)))
    path = db_path(db)
    if path.exists():
        with friendly_errors():
            store = Store.open(path)
            for name, n in count_events(store.conn).items():
                table.add_row(name, str(n))
            store.close()
    out.print(table)


def _places(c) -> str:
    parts = [p.name + ("" if p.basis == "slot" else f" ({p.basis})") for p in c.places]
    parts += [f"unresolved: {u}" for u in c.unresolved] + [f"too broad: {b}" for b in c.too_broad]
    return ", ".join(parts)


def _incidents(c) -> list[str]:
    lines = []
    for o in c.outcomes[:6]:
        lag = f"{o.lag_days[0]}" if o.lag_days[0] == o.lag_days[1] else f"{o.lag_days[0]}..{o.lag_days[1]}"
        who = o.event.perpetrator or "unattributed"
        side = ", accuser's side" if o.own_side else ""
        by = ", ".join(dict.fromkeys(o.event.attributed_by)) or "no attribution"
        lines.append(f"{o.event.date} {o.event.place} ({lag} d, {o.order}): {who} [{o.relation}{side}; {by}]")
        if o.order == "before":  # a "was staged" claim: show what the bodies found
            for f in o.event.findings:
                doc = ", ".join(x for x in (f.document, f.date) if x)
                lines.append(f"    {f.body}{f' ({doc})' if doc else ''}: {f.finding}")
    if len(c.outcomes) > 6:
        lines.append(f"… {len(c.outcomes) - 6} more (see --format jsonl)")
    return lines
