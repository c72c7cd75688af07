"""The allegations, timeline and eval allegations commands, end to end on texts written here."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from narratrace.cli import app

runner = CliRunner()

A = (" date 2019-03-02 Harbor Times - The ministry warned that the Blue Scarves are preparing to stage a "
     "chlorine attack in Saraqib to accuse the army.\n\nThe weather was mild.")
B = (" date 2019-04-10 Coast Herald - The ministry warned that the Blue Scarves are preparing to stage a "
     "chlorine attack in Saraqib to accuse the army.")
C = " date 2019-05-01 Coast Herald - Officials denied that anything was staged."


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_allegations_on_files_prints_one_object_per_frame(write):
    path = write("a.txt", A)
    result = invoke("allegations", path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    frames = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(frames) == 1
    f = frames[0]
    assert f["file"] == str(path) and f["article"]
    assert [a["text"] for a in f["accused"]] == ["the Blue Scarves"]
    assert f["time"] == "future" and f["event_type"] == "chemical_attack"


def test_store_group_and_timeline(write, tmp_db: Path, tmp_path: Path):
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        write(f"in/{name}", text)
    assert invoke("ingest", tmp_path / "in", "--db", tmp_db).exit_code == 0
    assert invoke("analyze", "--db", tmp_db, "-a", "allegations").exit_code == 0
    result = invoke("allegations", "--db", tmp_db, "--group", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    groups = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(groups) == 1
    g = groups[0]
    assert (g["count"], g["instances"], g["first_seen"], g["last_seen"]) == (2, 1, "2019-03-02", "2019-04-10")
    assert g["frames"][1]["republication_of"] == g["frames"][0]["article"]
    assert [f["ordinal"] for f in g["frames"]] == [1, 2]
    out = tmp_path / "t.html"
    assert invoke("timeline", "--db", tmp_db, "--out", out).exit_code == 0
    assert out.exists() and out.with_suffix(".png").exists()


def test_eval_allegations_scores_a_gold_file(write):
    text = "The ministry warned that the Blue Scarves are preparing to stage a chlorine attack in Saraqib."
    gold = {"article": "x", "text": text, "frames": [{
        "sentence": text, "trigger": "stage", "accuser": "The ministry", "accused": ["the Blue Scarves"],
        "helpers": [], "event": "chlorine attack", "event_type": "chemical_attack", "locations": ["Saraqib"],
        "blame_target": [], "evidence": None, "time": "future"}]}
    path = write("gold.jsonl", json.dumps(gold) + "\n")
    result = invoke("eval", "allegations", "--gold", path)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["frames"]["f1"] == 1.0
    assert report["slots"]["accused"]["tp"] == 1
