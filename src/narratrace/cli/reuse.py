"""``narratrace reuse`` (store or files) and ``narratrace eval reuse``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from narratrace.cli.app import app, eval_app
from narratrace.cli.common import DbOption, db_path, err, fail, friendly_errors, out, progress_bar
from narratrace.corpus.reuse import ReuseParams

DEFAULT_GOLD = Path("/tmp/narratrace-reuse-gold")


def _progress(p):  # type: ignore[no-untyped-def]
    def step(stage: str, n: int) -> None:
        p.update(p.task_ids[0], description=stage, advance=n)
    return step


@app.command()
def reuse(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to analyze in a temporary store "
                                                          "(omit to analyze the store given by --db)."),
    db: Optional[Path] = DbOption,
    format: Optional[str] = typer.Option(None, "--format", help="summary or jsonl (default: jsonl for PATHs, "
                                                                "summary for --db)."),
    export: Optional[Path] = typer.Option(None, "--export", help="Folder for links.jsonl, clusters.jsonl, "
                                                                 "outlets.graphml, outlets.json."),
    copy_share: float = typer.Option(0.5, help="Share of the later article that makes a link a copy."),
    min_words: int = typer.Option(12, help="Shortest shared passage, in words."),
) -> None:
    """Find text reuse (copies, partial reuse, boilerplate), clusters with the earliest publisher and
    propagation paths, and explicit source citations."""
    from narratrace.corpus.align import AlignParams
    from narratrace.corpus import reuse_store

    params = ReuseParams(copy_share=copy_share, align=AlignParams(min_words=min_words))
    fmt = format or ("jsonl" if paths else "summary")
    if fmt not in ("summary", "jsonl"):
        fail(f"--format {fmt}: use summary or jsonl")
    if paths:
        errors: list[str] = []

        def on_error(line: str) -> None:
            errors.append(line)
            err.print(line, markup=False, highlight=False)

        with friendly_errors(), progress_bar("hash") as p:
            rows = list(reuse_store.reuse_files(paths, params, on_error, _progress(p), export))
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        if export:
            err.print(f"exported to {export}")
        if errors:
            raise typer.Exit(1)
        return
    from narratrace.store import Store

    with friendly_errors(), Store.open(db_path(db)) as store, progress_bar("hash") as p:
        summary = reuse_store.run_reuse(store, params, _progress(p))
        files = reuse_store.export_reuse(store, export) if export else {}
        if fmt == "jsonl":
            for link, e, l in reuse_store.iter_links(store):
                out.print(json.dumps(reuse_store.link_row(link, e, l), ensure_ascii=False), markup=False,
                          highlight=False, soft_wrap=True)
            return
    table = Table(title=f"text reuse in {db_path(db)}")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", f"{summary['articles']:,}")
    table.add_row("candidate pairs", f"{summary['candidates']:,}")
    for kind, n in sorted(summary["links"].items()):
        table.add_row(f"links: {kind}", f"{n:,}")
    table.add_row("clusters", f"{summary['clusters']:,}")
    for status, n in sorted(summary["earliest"].items()):
        table.add_row(f"  earliest {status}", f"{n:,}")
    table.add_row("citations", f"{summary['citations']:,}")
    out.print(table)
    for name, path in files.items():
        out.print(f"{name}: {path}")


@eval_app.command("reuse")
def eval_reuse(
    gold: Path = typer.Argument(DEFAULT_GOLD, help="Folder made by benchmarks/make_reuse_gold.py."),
    json_out: bool = typer.Option(False, "--json", help="Print every figure as JSON."),
) -> None:
    """Pair P/R/F1, cluster ARI and earliest-source accuracy against a reuse gold set."""
    from narratrace.evaluate.reuse import evaluate_reuse

    with friendly_errors():
        result = evaluate_reuse(gold)
    if json_out:
        out.print(json.dumps(result, indent=1), markup=False, highlight=False)
        return
    table = Table(title=f"reuse vs {gold} ({result['articles']} articles)")
    for col in ("metric", "value"):
        table.add_column(col)
    pr = result["pairs"]
    table.add_row("pairs P / R / F1", f"{pr['precision']:.3f} / {pr['recall']:.3f} / {pr['f1']:.3f}")
    for kind, m in result["pairs_by_kind"].items():
        table.add_row(f"  {kind} P / R / F1 (synthetic)", f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}")
    for src, m in result["pairs_by_source"].items():
        table.add_row(f"  recall of {src} pairs", f"{m['recall']:.3f}")
    table.add_row("cluster ARI", f"{result['ari']:.4f}")
    es = result["earliest_source"]
    table.add_row("earliest-source accuracy", f"{es['accuracy']:.4f} ({es['right']}/{es['clusters']})")
    table.add_row("direction accuracy", f"{result['direction_accuracy']:.4f}")
    table.add_row("copy parent accuracy", f"{result['parent_accuracy']['accuracy']:.4f}")
    out.print(table)
