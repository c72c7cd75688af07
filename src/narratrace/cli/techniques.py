"""Commands: techniques (SI + TC over files), train techniques, eval techniques."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from narratrace.cli.app import app, eval_app, train_app
from narratrace.cli.common import advance, err, fail, friendly_errors, progress_bar


MODEL_HELP = ("Technique model: default, fast (three encoder layers, about twice as fast, a little lower SI) "
              "or a model directory; also $NARRATRACE_TECHNIQUES_MODEL.")


class Format(str, Enum):
    jsonl = "jsonl"
    semeval_si = "semeval-si"
    semeval_tc = "semeval-tc"


class Task(str, Enum):
    si = "si"
    tc = "tc"


def _print(line: str) -> None:
    typer.echo(line)  # plain stdout: rich would turn the format's tabs into spaces


@app.command()
def techniques(
    paths: List[Path] = typer.Argument(..., help="Article files or folders of .txt files (PTC articleNNN.txt)."),
    format: Format = typer.Option(Format.jsonl, "--format", help="jsonl, semeval-si or semeval-tc lines."),
    spans: Optional[Path] = typer.Option(None, "--spans", help="TC template (gold spans with '?' labels) to label."),
    rules: bool = typer.Option(True, "--rules/--no-rules", help="Add pattern-rule spans (so-called, scare quotes)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Articles processed at once (one core each)."),
    model: Optional[str] = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Find persuasion-technique spans in articles, or label the spans of a TC template."""
    from narratrace.evaluate.ptc import format_line
    from narratrace.techniques import tasks
    from narratrace.techniques.runtime import use_model

    with friendly_errors(), progress_bar("techniques") as p:
        use_model(model)
        docs = tasks.iter_docs(paths)
        if spans is not None:
            for s in tasks.label_template(docs, spans):
                _print(format_line(s, "tc"))
            return
        for doc, found in tasks.detect_docs(docs, rules=rules, workers=workers):
            advance(p)
            if format is Format.jsonl:
                _print(json.dumps({"article": doc.id, "source": doc.source,
                                   "techniques": [t.to_dict() for t in found]}, ensure_ascii=False))
            elif format is Format.semeval_si:
                from narratrace.evaluate.ptc import merge_intervals

                for s, e in merge_intervals((t.start, t.end) for t in found):
                    _print(f"{doc.id}\t{s}\t{e}")
            else:
                for t in found:
                    _print(f"{doc.id}\t{t.technique}\t{t.start}\t{t.end}")


@train_app.command("techniques")
def train_techniques(
    data: Path = typer.Option(..., "--data", help="PTC folder (train-articles/, train-labels-TC/)."),
    out_dir: Path = typer.Option(..., "--out", help="Where to write the model (config, ONNX, tokenizer, head)."),
    epochs: int = typer.Option(3, help="Fine-tuning epochs (0 with --init-from: export and score a saved run)."),
    fold: Optional[int] = typer.Option(None, help="Hold out this fold (0-based) and score it; "
                                       "without it (or with -1): train on all articles, nothing held out."),
    folds: int = typer.Option(5, help="Number of folds for --fold."),
    seed: int = typer.Option(13, help="Seed for the fold split and training."),
    si_threshold: float = typer.Option(0.3, help="SI decision threshold written into the model's config."),
    threads: int = typer.Option(2, help="Torch threads."),
    max_minutes: float = typer.Option(22.0, help="Time budget: the learning rate decays to 0 by then."),
    freeze_layers: int = typer.Option(0, help="Keep the lowest N encoder layers fixed (cheaper steps)."),
    init_from: Optional[Path] = typer.Option(None, "--init-from", help="Continue from a run's train_state.pt."),
    finish: bool = typer.Option(True, "--finish/--no-finish",
                                help="Fit the lexical model and score the held-out fold (skip in intermediate runs)."),
    lexical_weight: float = typer.Option(0.45, help="Share of the lexical classifier in the TC probabilities."),
    si_snap: float = typer.Option(0.4, help="Widen a span covering this share of its sentence to the sentence "
                                            "(0: off; the fast model uses 0)."),
    si_extend_near: int = typer.Option(20, help="Run a span ending before a space on to the clause's end when it "
                                               "is this many characters on (0: off)."),
    si_extend_far: int = typer.Option(150, help="... or this many when the span ends on a function word."),
    repetition_bonus: float = typer.Option(0.3, help="Added to Repetition for a span whose words came earlier "
                                                     "(the fast model uses 0.2)."),
    later_only_penalty: float = typer.Option(0.3, help="Taken off Repetition for a span whose words come again "
                                                       "later but never before (the fast model uses 0)."),
    overlap_repulsion: float = typer.Option(0.75, help="Share of the mean probabilities of overlapping spans "
                                                       "taken off a span (the fast model uses 0.5)."),
    lexical_c: float = typer.Option(16.0, help="Inverse regularisation of the lexical classifier."),
    bf16: Optional[bool] = typer.Option(None, "--bf16/--no-bf16",
                                        help="bfloat16 autocast (default: on only where this CPU runs it faster)."),
    keep_layers: Optional[str] = typer.Option(None, "--keep-layers",
                                              help="A smaller encoder: keep only these layers, e.g. 0,2,4 "
                                                   "(with --init-from a full run: the fast model)."),
) -> None:
    """Fine-tune the technique model (needs the [train] extra) and export it for onnxruntime."""
    from narratrace.techniques.train import TrainConfig, train

    if fold is not None and fold < 0:
        fold = None
    elif fold is not None and fold >= folds:
        fail(f"--fold {fold}: there are only {folds} folds (0..{folds - 1}); -1 trains on all articles")
    keep = _layer_list(keep_layers)
    if not (data / "train-articles").is_dir():
        fail(f"{data}: no train-articles/ folder here")
    cfg = TrainConfig(epochs=epochs, fold=fold, folds=folds, seed=seed, si_threshold=si_threshold,
                      threads=threads, max_minutes=max_minutes, freeze_layers=freeze_layers,
                      init_from=str(init_from) if init_from else None, finish=finish, lexical_weight=lexical_weight,
                      lexical_c=lexical_c, bf16=bf16, keep_layers=keep, si_snap=si_snap,
                      si_extend_near=si_extend_near, si_extend_far=si_extend_far,
                      repetition_bonus=repetition_bonus, later_only_penalty=later_only_penalty,
                      overlap_repulsion=overlap_repulsion)
    with friendly_errors():
        report = train(data, out_dir, cfg, progress=lambda m: err.print(m, highlight=False))
    _print(json.dumps({k: v for k, v in report.items() if k != "config"}, indent=2))


def _layer_list(spec: Optional[str]) -> Optional[tuple[int, ...]]:
    if not spec:
        return None
    try:
        keep = tuple(int(x) for x in spec.split(","))
    except ValueError:
        fail(f"--keep-layers {spec!r}: expected layer numbers separated by commas, e.g. 0,2,4")
    if any(k < 0 or k > 5 for k in keep) or list(keep) != sorted(set(keep)):
        fail(f"--keep-layers {spec!r}: expected increasing layer numbers in 0..5")
    return keep


@eval_app.command("techniques")
def eval_techniques(
    gold_dir: Path = typer.Option(..., "--gold-dir", help="Folder (or file) of PTC label files."),
    articles: Path = typer.Option(..., "--articles", help="Folder of articleNNN.txt files."),
    task: Task = typer.Option(..., "--task", help="si (span identification) or tc (technique classification)."),
    rules: bool = typer.Option(False, "--rules/--no-rules", help="SI: add pattern-rule spans."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    fold: Optional[int] = typer.Option(None, help="Score only this cross-validation fold's articles."),
    folds: int = typer.Option(5, help="Number of folds for --fold."),
    seed: int = typer.Option(13, help="Seed of the fold split (as in train techniques)."),
    model: Optional[str] = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Score the shipped model on PTC gold labels (SI partial-overlap P/R/F1, TC micro-F1)."""
    from narratrace.techniques.runtime import use_model
    from narratrace.techniques.tasks import evaluate, fold_ids

    with friendly_errors():
        use_model(model)
        only = fold_ids(articles, fold, folds, seed) if fold is not None else None
        scores = evaluate(gold_dir, articles, task.value, rules=rules, only=only)
    if as_json:
        _print(json.dumps(scores.to_dict(), indent=2))
        return
    _print(f"{task.value.upper()}  P {scores.precision:.4f}  R {scores.recall:.4f}  F1 {scores.f1:.4f}  "
           f"(predicted {scores.n_pred}, gold {scores.n_gold})")
    for label, s in sorted(scores.per_label.items()):
        _print(f"  {label:36s} P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}  gold {s.n_gold}")
