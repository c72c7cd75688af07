"""Static dossiers, the serve/report CLI, and pages over a store where later features have not run."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from narratrace.cli import app
from narratrace.report.dossier import write_dossier
from narratrace.web import create_app

runner = CliRunner()


def _group(client_or_db) -> str:
    from narratrace.report.corpus_pages import group_summaries
    from narratrace.store import Store

    with Store.open(client_or_db, readonly=True) as s:
        return group_summaries(s)["groups"][0]["slug"]


def test_group_dossier(corpus, tmp_path):
    db, ids = corpus
    out = tmp_path / "d"
    result = write_dossier(db, out, group=_group(db))
    assert result["articles"] == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.html", "data.json", "static", f"article-{ids['a']}.html", f"article-{ids['b']}.html"])
    index = (out / "index.html").read_text()
    assert f'href="article-{ids["a"]}.html"' in index and 'href="static/style.css"' in index
    assert "/articles/" not in index and "http" not in index.split("</head>")[1]
    article = (out / f"article-{ids['a']}.html").read_text()
    assert "&lt;script&gt;" in article and "<script" not in article
    assert 'http-equiv="Content-Security-Policy"' in article
    data = json.loads((out / "data.json").read_text())
    assert data["dossier"]["group"] == _group(db)
    assert {a["article"]["id"] for a in data["articles"]} == {ids["a"], ids["b"]}
    assert data["index"]["entries"][0]["republications"][0]["article"] == ids["b"]


def test_query_dossier_and_cli(corpus, tmp_path):
    db, ids = corpus
    out = tmp_path / "q"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out), "--query", "harvests", "--limit", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "data.json").read_text())
    assert data["index"]["total"] == 24 and data["index"]["shown"] == 5 and len(data["articles"]) == 5
    assert len(list(out.glob("article-*.html"))) == 5


@pytest.mark.parametrize("args, message", [
    ([], "exactly one of --group"),
    (["--group", "nobody--massacre"], "no recurring allegation 'nobody--massacre'"),
    (["--query", '"open'], "not valid FTS5"),
])
def test_report_errors_are_one_line(corpus, tmp_path, args, message):
    result = runner.invoke(app, ["report", "--db", str(corpus[0]), "--out", str(tmp_path / "x"), *args])
    assert result.exit_code == 2 and message in result.output


def test_serve_binds_localhost_by_default():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output


def test_pages_degrade_when_features_have_not_run(corpus, tmp_path):
    db = tmp_path / "bare.db"
    shutil.copy(corpus[0], db)
    con = sqlite3.connect(db)
    for table in ("reuse_passages", "reuse_links", "reuse_cluster_members", "reuse_clusters", "citations",
                  "outcomes", "outcome_frames"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute("DELETE FROM annotations")
    con.commit()
    con.close()
    client = TestClient(create_app(db))
    _, ids = corpus
    home = client.get("/")
    assert home.status_code == 200
    assert "Text reuse has not been computed" in home.text and "No allegation frames stored" in home.text
    page = client.get(f"/articles/{ids['a']}")
    assert page.status_code == 200 and "Reuse not computed" in page.text and "run <code>narratrace analyze" in page.text
    twin = client.get(f"/articles/{ids['a']}.json").json()
    assert twin["annotations"] == [] and twin["reuse"]["available"] is False
    missing = client.get(f"/reuse/rc-{ids['a']}")
    assert missing.status_code == 404 and "has not been computed" in missing.text
    assert client.get("/allegations.json").json()["groups"] == []
    assert client.get("/outlets/Hill Post.json").json()["reuse"]["available"] is False


def test_serve_warms_the_corpus_aggregates(corpus, tmp_path):
    import threading

    from narratrace.report import pages

    db = tmp_path / "warm.db"
    shutil.copy(corpus[0], db)
    create_app(db, warm=True)
    for t in threading.enumerate():
        if t.name == "narratrace-warm":
            t.join(30)
    assert {key for (path, key) in pages._CACHE if path == str(db)} >= {"counts", "speakers:60", "groups"}


@pytest.mark.slow
def test_serve_answers_on_localhost(corpus, tmp_path):
    """`narratrace serve` as a person starts it: a real process on 127.0.0.1, stopped by its pid."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from narratrace.cli import main; main()", "serve", "--db", str(corpus[0]), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
    try:
        body, deadline = None, time.time() + 60
        while body is None and time.time() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.json", timeout=5) as r:
                    body = json.loads(r.read())
                    csp = r.headers["Content-Security-Policy"]
            except OSError:
                time.sleep(0.3)
        assert body is not None, proc.stderr.read().decode() if proc.poll() is not None else "no answer"
        assert body["articles"] == 26 and "default-src 'none'" in csp
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
