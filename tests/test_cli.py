import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from narratrace.cli import app

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"


def invoke(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def corpus(write, tmp_db, tmp_path):
    write("in/a.txt", " date 2019-03-02 Harbor Times - The ministry warned of a staged attack in Saraqib.\n\nBody.")
    write("in/b.jsonl", json.dumps({"title": "Denial", "text": "Officials denied the staged attack claim.",
                                    "date": "2019-03-05", "source": "rt.com"}) + "\n{broken json\n")
    result = invoke("ingest", tmp_path / "in", "--db", tmp_db)
    return tmp_db, result


def test_ingest_reports_bad_items_and_keeps_good_ones(corpus):
    db, result = corpus
    assert result.exit_code == 1
    assert "2 articles added" in result.stdout
    assert re.search(r"b\.jsonl:2: malformed JSON", result.stderr)
    stats = json.loads(invoke("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 2 and stats["ingest_errors"] == 1
    assert stats["by_outlet"] == {"Harbor Times": 1, "RT": 1}


def test_reingest_adds_nothing(corpus, tmp_path):
    db, _ = corpus
    result = invoke("ingest", tmp_path / "in" / "a.txt", "--db", db)
    assert result.exit_code == 0 and "0 articles added, 1 already present" in result.stdout


def test_strict_stops_at_first_error(write, tmp_db):
    path = write("s/1.jsonl", "{bad\n" + json.dumps({"text": "good"}) + "\n")
    result = invoke("ingest", path, "--db", tmp_db, "--strict")
    assert result.exit_code == 2 and "--strict" in result.stderr


def test_search_jsonl_and_show(corpus):
    db, _ = corpus
    result = invoke("search", "staged", "--db", db, "--format", "jsonl")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["outlet"] for h in hits} == {"Harbor Times", "RT"}
    assert set(hits[0]) >= {"id", "title", "outlet", "date", "file", "snippet"}
    shown = json.loads(invoke("show", hits[0]["id"], "--db", db, "--format", "json").stdout)
    assert shown["article"]["id"] == hits[0]["id"]
    assert invoke("show", "nope", "--db", db).exit_code == 2


def test_search_with_bad_query_is_one_line(corpus):
    db, _ = corpus
    result = invoke("search", '"open', "--db", db)
    assert result.exit_code == 2 and "FTS5" in result.stderr and result.stderr.count("\n") <= 2


def test_db_from_environment(corpus):
    db, _ = corpus
    result = invoke("stats", "--format", "json", env={"NARRATRACE_DB": str(db)})
    assert json.loads(result.stdout)["articles"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(corpus, tmp_path, fmt):
    db, _ = corpus
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", "--db", db, "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(x) for x in out.read_text().splitlines()]
        assert all("annotations" in r for r in rows)
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open()))
    else:
        rows = pq.read_table(out).to_pylist()
    assert sorted(r["outlet"] for r in rows) == ["Harbor Times", "RT"]


def test_missing_db_is_a_clear_error(tmp_path):
    result = invoke("stats", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no such database" in result.stderr


def _commands(typer_app, prefix=""):
    import typer.main

    group = typer.main.get_command(typer_app)
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            for sub, subcmd in cmd.commands.items():
                yield f"{prefix}{name} {sub}", subcmd
        else:
            yield f"{prefix}{name}", cmd


def test_every_command_has_help_and_is_in_the_readme():
    readme = README.read_text()
    for name, cmd in _commands(app):
        assert (cmd.help or "").strip(), f"{name} has no help text"
        assert f"narratrace {name}" in readme, f"`narratrace {name}` is not documented in README.md"
        result = invoke(*name.split(), "--help")
        assert result.exit_code == 0


def test_demo_builds_and_summarizes(tmp_db):
    result = invoke("demo", "--db", tmp_db)
    assert result.exit_code == 0, result.output
    assert "articles" in result.stdout
    assert "recurring allegations" in result.stdout and "what followed" in result.stdout
    stats = json.loads(invoke("stats", "--db", tmp_db, "--format", "json").stdout)
    assert stats["articles"] >= 6 and stats["ingest_errors"] == 0
    assert stats["annotations"].get("allegations/allegation_frame", 0) >= 4


def test_demo_summary_traces_the_republication(tmp_db):
    from narratrace import api

    summary = api.demo(tmp_db)
    copies = [link for link in summary["reuse_links"] if link["kind"] == "copy"]
    assert copies and copies[0]["earlier"] == "Eastern Courier" and copies[0]["later"] == "Harbor Times"
    (hts,) = [g for g in summary["groups"] if g["key"].startswith("Hayat Tahrir al-Sham")]
    assert hts["count"] == 2 and hts["instances"] == 1  # the copy is a republication, not a new warning
    assert {c["status"] for c in summary["outcomes"]} <= {"no_place", "no_recorded_incident", "followed",
                                                          "findings", "no_findings", "not_checked", "undated"}


def test_ingest_reads_stdin(tmp_db):
    lines = json.dumps({"text": "Piped in.", "source": "rt.com"}) + "\n" + "{bad\n"
    result = invoke("ingest", "-", "--db", tmp_db, input=lines)
    assert result.exit_code == 1 and "1 articles added" in result.stdout
    assert "-:2: malformed JSON" in result.stderr
    stats = json.loads(invoke("stats", "--db", tmp_db, "--format", "json").stdout)
    assert stats["by_outlet"] == {"RT": 1}
