import json
from datetime import date

import pytest

from narratrace.errors import InputError
from narratrace.record.loaders import load_record, read_events
from narratrace.record.model import DateRange

ACLED = """event_date,event_type,sub_event_type,actor1,location,latitude,longitude,notes,source
2021-03-02,Explosions/Remote violence,Air/drone strike,Military Forces of Testland,Alphaville,35.10,36.20,A strike hit a market.,Local Monitor
05 April 2021,Violence against civilians,Attack,Unidentified Armed Group,Betatown,35.50,36.90,,Wire
not-a-date,Battles,Armed clash,Group X,Gammaburg,35.0,36.0,clash,Wire
2021-04-07,Battles,Armed clash,Group X,Deltaville,ninety,36.0,clash,Wire
2021-04-08,Explosions/Remote violence,Chemical weapon,Group Y,Epsilon,35.2,36.3,gas reported,Wire
"""


@pytest.fixture(scope="module")
def rec():
    return load_record(builtin=False)


def split(items):
    good = [x for x in items if not isinstance(x, InputError)]
    bad = [x for x in items if isinstance(x, InputError)]
    return good, bad


def test_acled_csv_keeps_good_rows_and_names_bad_lines(rec, write):
    path = write("acled.csv", ACLED)
    good, bad = split(list(read_events(path, rec)))
    assert [e.place for e in good] == ["Alphaville", "Betatown", "Epsilon"]
    assert [e.type for e in good] == ["armed_strike", "strike_on_civilians", "chemical_attack"]
    assert good[1].date == DateRange.day(date(2021, 4, 5))
    assert good[0].perpetrator == "Military Forces of Testland"
    assert good[0].findings[0].body == "Local Monitor" and "market" in good[0].findings[0].finding
    assert [e.locator for e in bad] == ["4", "5"]
    assert "acled.csv:4: event_date 'not-a-date'" in bad[0].line()
    assert "latitude/longitude" in bad[1].line()


def test_acled_missing_column_is_one_error(rec, write):
    path = write("short.csv", "event_date,location\n2020-01-01,X\n")
    good, bad = split(list(read_events(path, rec)))
    assert not good and len(bad) == 1 and "latitude" in bad[0].reason


def test_jsonl_format_with_gazetteer_place_and_errors(rec, write):
    rows = [
        {"date": "2022-11-06", "place": "Kafr Jales", "type": "strike_on_civilians",
         "body": "Monitor", "finding": "Camps hit.", "perpetrator": "Syrian government forces"},
        {"date": "2019-05", "place": "Somewhere New", "lat": 10, "lon": 20, "type": "massacre",
         "findings": [{"body": "B", "finding": "F", "perpetrator": None}]},
        {"date": "2019-05-40", "place": "Douma", "type": "chemical_attack"},
        {"date": "2019-05-01", "place": "Unknown Hamlet", "type": "chemical_attack"},
        {"date": "2019-05-01", "place": "Douma", "type": "earthquake"},
    ]
    text = "\n".join(json.dumps(r) for r in rows[:2]) + "\n{broken\n" + "\n".join(json.dumps(r) for r in rows[2:])
    path = write("events.jsonl", text + "\n")
    good, bad = split(list(read_events(path, rec)))
    assert [e.place for e in good] == ["Kafr Jales", "Somewhere New"]
    assert good[0].lat == pytest.approx(35.95, abs=0.01)
    assert good[1].date.start == date(2019, 5, 1) and good[1].date.end == date(2019, 5, 31)
    assert [b.locator for b in bad] == ["3", "4", "5", "6"]
    assert "not JSON" in bad[0].reason
    assert "not a date" in bad[1].reason
    assert "not in the gazetteer" in bad[2].reason
    assert "unknown type 'earthquake'" in bad[3].reason


def test_same_row_twice_gives_same_id(rec, write):
    row = json.dumps({"date": "2020-01-01", "place": "Douma", "type": "chemical_attack"})
    path = write("dup.jsonl", row + "\n" + row + "\n")
    good, _ = split(list(read_events(path, rec)))
    assert good[0].id == good[1].id


def test_unknown_suffix_and_missing_file(rec, write, tmp_path):
    assert "unknown event file type" in next(read_events(write("x.txt", "hi"), rec)).reason
    assert "no such file" in next(read_events(tmp_path / "nope.csv", rec)).reason


def test_shipped_record_loads_clean():
    rec = load_record()
    assert not rec.errors
    assert len(rec.events) >= 10 and len(rec.warnings) >= 10
    douma = [e for e in rec.events if e.place == "Douma" and str(e.date) == "2018-04-07"]
    assert douma and "Syrian Arab Air Force" == douma[0].perpetrator
    assert any(f.document and "S/1731/2019" in f.document for f in douma[0].findings)
    for ev in rec.events:
        assert ev.findings and all(f.url and f.url.startswith("http") for f in ev.findings)


def test_parties_normalize_acled_and_press_names():
    parties = load_record(builtin=False).parties
    assert parties.parties_in(["Military Forces of Syria (2000-)"]) == {"syrian_government"}
    assert parties.parties_in(["Syrian–Russian military alliance"]) >= {"syrian_government", "russia"}
    assert parties.parties_in(["fighters of the pseudo-charity known as the White Helmets"]) == {"white_helmets"}
    assert parties.parties_in(["a wedding party"]) == frozenset()
    assert parties.canonical("Deputy head of the center, Major General Oleg Yegorov") == "Oleg Yegorov"
    assert parties.blocs({"russia"}) == parties.blocs({"syrian_government"})
