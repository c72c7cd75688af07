"""narratrace claims / eval quotes / eval attribution, and the analyzer through the store."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from typer.testing import CliRunner

from narratrace.cli import app

runner = CliRunner()
GOLD = Path(__file__).resolve().parents[1] / "data" / "quotes-gold.jsonl"
TEXT = (" date 2021-04-02 Harbor Times - The coastguard said on Friday that two boats had sunk near the cape."
        "\n\n“We found no survivors,” Captain Mira Holt told reporters.\n")
logging.getLogger("narratrace.gazetteer").setLevel(logging.ERROR)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_claims_jsonl_carries_article_and_file(write):
    path = write("in/a.txt", TEXT)
    result = invoke("claims", path)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["file"] for r in rows} == {str(path)}
    assert all(r["article"] for r in rows)
    told = next(r for r in rows if r["cue"] and r["cue"]["text"] == "told")
    assert told["speaker"] == "Mira Holt" and told["kind"] == "direct"
    said = next(r for r in rows if r["cue"] and r["cue"]["text"] == "said")
    assert said["source"]["text"] == "The coastguard"


def test_claims_table_and_missing_file(write, tmp_path):
    path = write("in/a.txt", TEXT)
    result = invoke("claims", path, "--format", "table")
    assert result.exit_code == 0 and "Holt" in result.stdout and "direct" in result.stdout
    missing = invoke("claims", tmp_path / "nope.txt")
    assert "nope.txt" in missing.output


def test_eval_quotes_prints_the_measures():
    result = invoke("eval", "quotes", "--gold", GOLD)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert set(report) >= {"quote@0.3", "quote@0.8", "speaker_accuracy", "verb_accuracy"}
    assert report["quote@0.3"]["f1"] > 0.5


def test_eval_attribution_rejects_a_non_split(tmp_path):
    result = invoke("eval", "attribution", "--polnear", tmp_path)
    assert result.exit_code != 0 and "not a PolNeAR split" in result.output


def test_analyze_stores_attributions(write, tmp_path):
    db = tmp_path / "c.db"
    write("in/a.txt", TEXT)
    assert invoke("ingest", tmp_path / "in", "--db", db).exit_code == 0
    result = invoke("analyze", "--db", db, "-a", "attribution")
    assert result.exit_code == 0, result.output
    from narratrace.store import Store

    with Store.open(db) as store:
        anns = [a for _, a in store.annotations(kind="attribution")]
    assert any(a.attrs.get("speaker") == "Mira Holt" for a in anns)
    assert all(a.start == a.attrs["content"]["start"] for a in anns)


def test_eval_quotes_on_a_polnear_split_writes_the_gold(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    text = "The mayor said the bridge will reopen in May. Critics believe the date will slip."
    (split / "text" / "a.txt").write_text(text, encoding="utf-8")
    (split / "attributions" / "a_x.ann").write_text(
        "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 44\tthe bridge will reopen in May\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        "T4\tSource 46 53\tCritics\nT5\tCue 54 61\tbelieve\nT6\tContent 62 81\tthe date will slip.\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n", encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    result = invoke("eval", "quotes", "--polnear", split, "--write-gold", out)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert report["articles_quotes"]["gold"] == 1 and report["quote@0.3"]["recall"] == 1.0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [q["quote"] for q in written[0]["quotes"]] == ["the bridge will reopen in May"]
    both = invoke("eval", "quotes", "--polnear", split, "--gold", out)
    assert both.exit_code != 0 and "exactly one of" in both.output


def test_eval_quotes_write_gold_needs_polnear(tmp_path):
    result = invoke("eval", "quotes", "--gold", GOLD, "--write-gold", tmp_path / "g.jsonl")
    assert result.exit_code != 0 and "--write-gold is only valid with --polnear" in result.output
    assert not (tmp_path / "g.jsonl").exists()
