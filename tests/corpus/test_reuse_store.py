import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from narratrace.cli import app
from narratrace.corpus.reuse_store import (boilerplate_spans, export_reuse, iter_clusters, iter_links,
                                           passage_origin, republication_of, run_reuse)
from narratrace.store import Store
from tests.corpus.reuse_texts import AGENCY, UNRELATED, agency_pair, art, template_run

runner = CliRunner()


@pytest.fixture
def store(tmp_db):
    with Store.open(tmp_db) as s:
        s.add_articles(agency_pair() + template_run() + [art("u", UNRELATED, "Sports Daily", "2023-01-01")])
        run_reuse(s)
        yield s


def test_republication_of_names_the_original_and_only_for_copies(store):
    assert republication_of(store, "repub1") == "agency1"
    assert republication_of(store, "agency1") is None
    assert republication_of(store, "tpl1") is None  # boilerplate is not a republication
    assert republication_of(store, "u") is None


def test_boilerplate_spans_cover_the_rerun_background(store):
    tpl1 = store.get_article("tpl1")
    spans = boilerplate_spans(store, "tpl1")
    assert spans and tpl1.text[spans[0][0]:].startswith("The rescue group")
    assert boilerplate_spans(store, "repub1") == []


def test_passage_origin_maps_a_sentence_back_to_the_earlier_article(store):
    later = store.get_article("repub1")
    start = later.text.index("The regional governor")
    origin = passage_origin(store, "repub1", start, start + 21)
    assert origin is not None and origin[0] == "agency1"
    assert AGENCY[origin[1]:origin[2]] == "The regional governor"
    assert passage_origin(store, "repub1", 0, 10) is None  # the new lead is the republisher's own


def test_links_read_back_with_passage_text_and_cluster(store):
    links = {(l.earlier, l.later): (l, e, la) for l, e, la in iter_links(store)}
    link, e, la = links[("agency1", "repub1")]
    assert link.kind == "copy" and link.cluster == "rc-agency1"
    for p in link.passages:
        assert e.text[p.earlier.start:p.earlier.end] == p.earlier.text
        assert la.text[p.later.start:p.later.end] == p.later.text
    (cluster,) = list(iter_clusters(store))
    assert cluster["earliest"] == {"status": "unique", "date": "2023-03-01", "articles": ["agency1"]}
    assert cluster["path"][0]["from_outlet"] == "Agencia" and cluster["path"][0]["days"] == 1


def test_rerun_replaces_results(store):
    before = store.conn.execute("SELECT count(*) FROM reuse_links").fetchone()[0]
    run_reuse(store)
    assert store.conn.execute("SELECT count(*) FROM reuse_links").fetchone()[0] == before


def test_exports_graphml_and_node_link_json(store, tmp_path):
    files = export_reuse(store, tmp_path / "exp")
    root = ET.parse(files["outlets.graphml"]).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = {(e.get("source"), e.get("target")) for e in root.iter("{%s}edge" % ns["g"])}
    assert ("Agencia", "Bluesky Post") in edges  # reuse: earlier outlet -> later outlet
    data = json.loads(open(files["outlets.json"]).read())
    kinds = {(l["source"], l["target"]): l for l in data["links"]}
    assert kinds[("Bluesky Post", "Agencia.com")]["cites"] == 1  # "Agencia.com reports:" (unknown domain kept)
    assert kinds[("Hill Times", "Hill Times")]["boilerplate"] == 3
    rows = [json.loads(x) for x in open(files["links.jsonl"])]
    assert {r["kind"] for r in rows} == {"copy", "boilerplate"}


def test_cli_reuse_on_files_prints_one_json_link_per_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for a in agency_pair():
        (folder / f"{a.id}.jsonl").write_text(json.dumps({"text": a.text, "outlet": a.outlet, "date": a.date}))
    result = runner.invoke(app, ["reuse", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert row["earlier"]["outlet"] == "Agencia" and row["later"]["file"].endswith("repub1.jsonl")
    assert row["kind"] == "copy" and row["cluster"].startswith("rc-") and row["passages"]


def test_cli_reuse_on_a_store_prints_a_summary(tmp_db):
    with Store.open(tmp_db) as s:
        s.add_articles(agency_pair())
    result = runner.invoke(app, ["reuse", "--db", str(tmp_db)])
    assert result.exit_code == 0, result.output
    assert "links: copy" in result.stdout and "citations" in result.stdout


def test_cli_reuse_on_a_missing_path_names_it_and_exits_1(tmp_path):
    result = runner.invoke(app, ["reuse", str(tmp_path / "nope"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "nope: no such file" in result.stderr
