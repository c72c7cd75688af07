import json
import sqlite3

from typer.testing import CliRunner

from narratrace.cli import app
from narratrace.model import Annotation
from narratrace.store import Store
from tests.corpus.frames import article, make_frame

runner = CliRunner()

TEXT = ("The Russian Ministry of Defence said on Saturday that HTS militants are preparing to stage strikes on "
        "camps in Testabad to blame Syrian government troops.")
CSV = """event_date,event_type,sub_event_type,actor1,location,latitude,longitude,notes,source
2030-05-05,Explosions/Remote violence,Shelling/artillery/missile attack,Syrian Arab Army,Testabad,35.00,37.00,Shells hit a camp.,Monitor
2030-05-06,Battles,Armed clash,Group X,Testabad,35.00,37.00,clash,Monitor
2030-13-01,Battles,Armed clash,Group X,Testabad,35.00,37.00,bad date,Monitor
"""


def _store(tmp_db):
    text = TEXT
    frame = make_frame(text, text, trigger="preparing to stage", accuser="The Russian Ministry of Defence",
                       accused=("HTS militants",), locations=("Testabad",), blame_target=("Syrian government troops",))
    with Store.open(tmp_db) as store:
        store.add_articles([article(text, "2030-05-06", "t1")])
        store.write_annotations("t1", "allegations", "test", [
            Annotation("allegations", "test", "allegation_frame", frame.sentence.start, frame.sentence.end,
                       frame.event_type, frame.to_dict())])


def test_import_outcomes_and_ledger(tmp_db, write):
    _store(tmp_db)
    csv = write("acled.csv", CSV)
    res = runner.invoke(app, ["events", "import", str(csv), "--db", str(tmp_db)])
    assert res.exit_code == 1  # one bad row
    assert "2 events imported, 1 rows skipped" in res.stdout
    assert "acled.csv:4: event_date '2030-13-01'" in res.stderr

    res = runner.invoke(app, ["outcomes", "--db", str(tmp_db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    # "Testabad" is not in the gazetteer: reported, never guessed
    assert rows[0]["status"] == "no_place" and rows[0]["unresolved"] == ["Testabad"]

    conn = sqlite3.connect(tmp_db)
    assert conn.execute("SELECT status FROM outcome_frames").fetchone()[0] == "no_place"
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_outcomes_with_gazetteer_place(tmp_db, write):
    _store(tmp_db)
    ev = {"date": "2030-05-05", "place": "Kafr Jales", "type": "strike_on_civilians",
          "perpetrator": "Syrian Arab Army", "body": "Monitor", "finding": "Camps were shelled."}
    res = runner.invoke(app, ["events", "import", str(write("ev.jsonl", json.dumps(ev) + "\n")), "--db", str(tmp_db)])
    assert res.exit_code == 0 and "1 events imported" in res.stdout
    with Store.open(tmp_db) as store:  # point the stored frame at a gazetteer place
        text = TEXT.replace("Testabad", "Kafr Jales")
        frame = make_frame(text, text, trigger="preparing to stage", accuser="The Russian Ministry of Defence",
                           accused=("HTS militants",), locations=("Kafr Jales",),
                           blame_target=("Syrian government troops",))
        store.add_articles([article(text, "2030-05-06", "t2")])
        store.write_annotations("t2", "allegations", "test", [
            Annotation("allegations", "test", "allegation_frame", 0, len(text), frame.event_type, frame.to_dict())])
    res = runner.invoke(app, ["outcomes", "--db", str(tmp_db)])
    assert res.exit_code == 0, res.output
    assert "2030-05-05 Kafr Jales (1 d, after): Syrian Arab Army [blame_target, accuser's side; Monitor]" in res.stdout
    assert "not proof" in res.stdout
    res = runner.invoke(app, ["ledger", "--db", str(tmp_db), "--format", "jsonl"])
    row = json.loads(res.stdout.splitlines()[0])
    assert row["accuser"] == "Russian Ministry of Defence"
    assert (row["warnings"], row["followed"], row["by_own_side"], row["unchecked"]) == (2, 1, 1, 1)
    res = runner.invoke(app, ["events", "list", "--db", str(tmp_db)])
    assert "ev" in res.stdout and "narratrace (shipped)" in res.stdout


def test_ledger_of_the_shipped_warnings_needs_no_store():
    res = runner.invoke(app, ["ledger", "--record-warnings", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = {r["accuser"]: r for r in map(json.loads, res.stdout.splitlines())}
    yegorov = rows["Oleg Yegorov"]
    kafr = next(w for w in yegorov["entries"] if "Kafr Jales" in w["places"])
    assert kafr["status"] == "followed" and kafr["followed_by"][0]["event"]["date"] == "2022-11-06"
    assert kafr["followed_by"][0]["own_side"] is True
    deir = next(w for r in rows.values() for w in r["entries"] if "Haql al-Jafra" in w["places"])
    assert deir["status"] == "no_recorded_incident" and deir["date"] == "2018-06-11"


def test_stored_outcomes_for_one_article(tmp_db, write):
    from narratrace.record.store import stored_outcomes
    _store(tmp_db)
    assert runner.invoke(app, ["outcomes", "--db", str(tmp_db)]).exit_code == 0
    with Store.open(tmp_db) as store:
        got = list(stored_outcomes(store.conn, "t1"))
    assert [g["frame"] for g in got] == [0] and got[0]["accuser"] == "Russian Ministry of Defence"
