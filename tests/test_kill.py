"""Killing ingest mid-run leaves a database that opens, with whole batches and no half-written article."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time


def test_kill_mid_ingest_leaves_a_consistent_store(tmp_path):
    src = tmp_path / "big.jsonl"
    with src.open("w") as f:
        for i in range(60_000):
            f.write(json.dumps({"text": f"article {i} " + "word " * 60, "source": "Feed", "title": f"t{i}"}) + "\n")
    db = tmp_path / "k.db"
    code = ("from narratrace import api; api.ingest([%r], %r, batch_size=500)" % (str(src), str(db)))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                if c.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1000:
                    break
        except sqlite3.Error:
            continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1000 <= n < 60_000, "the kill should land mid-run"
    assert n % 500 == 0, "only whole batches are committed"
    for text, title in conn.execute("SELECT text, title FROM articles"):
        i = int(title[1:])
        assert text == f"article {i} " + "word " * 60
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'word'").fetchone()[0] == n
