"""Shared CLI pieces: the --db option, progress bars, error printing."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, \
    TextColumn, TimeElapsedColumn
from rich.text import Text

from narratrace.errors import NarratraceError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(None, "--db", envvar="NARRATRACE_DB", help="SQLite store (default ./narratrace.db).")


def db_path(db: Optional[Path]) -> Path:
    """The --db flag, else NARRATRACE_DB / the user settings file, else ./narratrace.db."""
    if db is not None:
        return db
    from narratrace.config import load_settings

    try:
        return Path(load_settings().db)
    except NarratraceError as exc:
        fail(str(exc))
        raise


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} items/s" if speed else "", style="progress.data.speed")


@contextmanager
def progress_bar(label: str, total: int | None = None) -> Iterator[Progress]:
    """A rich progress bar on stderr (items done, items/s, elapsed)."""
    columns = [SpinnerColumn(), TextColumn(label)]
    columns += [BarColumn(), MofNCompleteColumn()] if total else [TextColumn("{task.completed:,} items")]
    columns += [RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=False, disable=not err.is_terminal and False) as p:
        p.add_task(label, total=total)
        yield p


def advance(p: Progress, n: int = 1) -> None:
    p.advance(p.task_ids[0], n)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn narratrace's own errors into one line on stderr and exit code 2."""
    try:
        yield
    except NarratraceError as exc:
        fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()


def print_line(line: str) -> None:
    """One line of machine-readable output, printed verbatim (no markup, no wrapping)."""
    out.print(line, markup=False, highlight=False, soft_wrap=True)


def emit_jsonl(rows: "Iterator[dict]", label: str) -> None:
    """Print one JSON object per row, with a progress bar on stderr."""
    import json

    with progress_bar(label) as p:
        for row in rows:
            advance(p)
            print_line(json.dumps(row, ensure_ascii=False))
