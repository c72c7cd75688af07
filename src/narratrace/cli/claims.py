"""Commands: claims (who says what, from files), eval attribution (PolNeAR), eval quotes (GGT-style gold)."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer

from narratrace.cli.app import app, eval_app
from narratrace.cli.common import advance, err, friendly_errors, out, progress_bar, emit_jsonl, print_line


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def claims_from_files(paths: List[str], batch_size: int = 32, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Every attribution in the articles read from ``paths`` (streamed, parsed in batches)."""
    from narratrace.analyze.attribution import AttributionAnalyzer
    from narratrace.analyze.pipeline import run
    from narratrace.errors import InputError
    from narratrace.ingest import read_paths

    def articles() -> Iterator[Any]:
        for item in read_paths(paths):
            if isinstance(item, InputError):
                err.print(f"skipped {item.line()}", markup=False, highlight=False)
                continue
            yield item

    for article, anns in run(articles(), [AttributionAnalyzer()], batch_size=batch_size, n_process=n_process):
        for ann in anns:
            yield {"article": article.id, "file": article.source, **dict(ann.attrs)}


def _txt(v: Any) -> str:
    return "" if v is None else v["text"] if isinstance(v, dict) else str(v)


def _print_table(rows: Iterator[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("article", "kind", "source", "cue", "speaker", "speaker type", "content", "evidence")
    for d in rows:
        content = _txt(d["content"])
        table.add_row(d["article"][:12], d["kind"], _txt(d["source"]), _txt(d["cue"]), d["speaker"] or "",
                      d["speaker_type"], content if len(content) < 90 else content[:87] + "...",
                      _txt(d["evidence"]))
    out.print(table)


@app.command()
def claims(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs to read (no store needed)."),
    format: Format = typer.Option(Format.jsonl, "--format", help="jsonl or table."),
    n_process: int = typer.Option(1, "--n-process", help="spaCy worker processes."),
) -> None:
    """Who says what: attributed claims with source, cue, content, resolved speaker and evidence."""
    with friendly_errors():
        rows = claims_from_files(paths, n_process=n_process)
        if format is Format.table:
            _print_table(rows)
            return
        emit_jsonl(rows, "claims")


def _extract_dicts(text: str) -> list[dict[str, Any]]:
    """Attributions in one text, parsed as ``narratrace analyze`` parses it (selectively, by default)."""
    from narratrace.analyze.attribution import AttributionAnalyzer
    from narratrace.analyze.pipeline import run
    from narratrace.model import Article

    ((_article, anns),) = run([Article(id="eval", text=text)], [AttributionAnalyzer()])
    return [dict(a.attrs) for a in anns]


@eval_app.command("attribution")
def eval_attribution(
    polnear: Path = typer.Option(..., "--polnear", help="A PolNeAR split folder (text/ and attributions/)."),
) -> None:
    """Source / Cue / Content P/R/F1, exact and overlap matching, on PolNeAR brat files."""
    from narratrace.evaluate.polnear import evaluate

    with friendly_errors(), progress_bar("texts") as p:
        report = evaluate(polnear, _extract_dicts, progress=lambda _doc: advance(p))
    print_line(json.dumps(report, indent=1))


@eval_app.command("quotes")
def eval_quotes(
    gold: Optional[Path] = typer.Option(None, "--gold", help="GenderGapTracker-style gold JSONL (id, text, quotes)."),
    polnear: Optional[Path] = typer.Option(None, "--polnear", help="Or a PolNeAR split, turned into GGT-style "
                                           "gold (speech attributions only; see docs/attribution.md)."),
    write_gold: Optional[Path] = typer.Option(None, "--write-gold", help="With --polnear: also write that gold "
                                              "as JSONL to this file."),
    errors: bool = typer.Option(False, "--errors", help="Also list the matched quotes with a wrong speaker."),
) -> None:
    """Quote P/R/F1 at overlap 0.3 and 0.8, speaker and verb accuracy (GenderGapTracker's measure)."""
    from narratrace.evaluate.quotes import evaluate

    with friendly_errors(), progress_bar("texts") as p:
        report = evaluate(_gold_articles(gold, polnear, write_gold), _extract_dicts,
                          progress=lambda _a: advance(p))
    wrong = report.pop("speaker_errors")
    print_line(json.dumps(report, indent=1))
    if errors:
        for e in wrong:
            print_line(json.dumps(e, ensure_ascii=False))


def _gold_articles(gold: Optional[Path], polnear: Optional[Path], write_gold: Optional[Path]) -> Iterator[Any]:
    from narratrace.errors import InputError
    from narratrace.evaluate.polnear import iter_quote_gold
    from narratrace.evaluate.quotes import article_from_dict, load_gold

    if (gold is None) == (polnear is None):
        raise InputError("eval quotes", None, "give exactly one of --gold FILE or --polnear DIR")
    if write_gold is not None and polnear is None:
        raise InputError("eval quotes", None, "--write-gold is only valid with --polnear")
    if gold is not None:
        yield from load_gold(gold)
        return
    fh = open(write_gold, "w", encoding="utf-8") if write_gold else None
    try:
        for d in iter_quote_gold(polnear):  # type: ignore[arg-type]
            if fh:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            yield article_from_dict(d, str(polnear), 0)
    finally:
        if fh:
            fh.close()
