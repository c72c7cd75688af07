import json

from narratrace.errors import InputError
from narratrace.ingest import ReadOptions, parse_mapping, read_path, read_paths
from narratrace.model import Article

import pytest


def split(items):
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def test_jsonl_autodetects_common_field_names(write):
    lines = [
        {"headline": "One", "content": "First body.", "published": "2021-05-02", "source": "rt.com",
         "link": "https://x.example/1"},
        {"title": "Two", "body": "Second body.", "date": "2021-05-03T10:00:00Z", "site": "Sputnik"},
    ]
    path = write("a.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    arts, errs = split(list(read_path(str(path))))
    assert not errs
    assert [(a.title, a.text, a.outlet, a.date) for a in arts] == [
        ("One", "First body.", "RT", "2021-05-02"), ("Two", "Second body.", "Sputnik", "2021-05-03")]
    assert arts[0].url == "https://x.example/1" and arts[0].locator == "1"


def test_jsonl_bad_lines_are_reported_and_good_ones_kept(write):
    path = write("b.jsonl", '{"text": "ok one"}\n{broken\n["not an object"]\n{"title": "no text"}\n'
                            '{"text": "ok two", "date": "not a date"}\n')
    arts, errs = split(list(read_path(str(path))))
    assert [a.text for a in arts] == ["ok one", "ok two"]
    reasons = {e.locator: e for e in errs}
    assert "malformed JSON" in reasons["2"].reason and reasons["2"].skipped
    assert "JSON object" in reasons["3"].reason
    assert "no text field" in reasons["4"].reason
    assert not reasons["5"].skipped and "date" in reasons["5"].reason


def test_explicit_mapping_wins(write):
    path = write("c.jsonl", json.dumps({"text": "wrong", "story": "right", "when": "02.03.2020"}) + "\n")
    opts = ReadOptions(mapping=parse_mapping("text=story,date=when"), date_order="DMY")
    (art,) = read_path(str(path), opts)
    assert art.text == "right" and art.date == "2020-03-02"


def test_mapping_syntax_errors():
    with pytest.raises(ValueError):
        parse_mapping("body")
    with pytest.raises(ValueError):
        parse_mapping("nonsense=x")


def test_json_array(write):
    path = write("d.json", json.dumps([{"text": "a"}, {"text": "b"}]))
    arts, errs = split(list(read_path(str(path))))
    assert [a.text for a in arts] == ["a", "b"] and not errs


def test_fakes_like_csv_is_recognized_without_flags(write):
    csv_text = ('unit_id,article_title,article_content,source,date,location,labels\n'
                '11,Title A,"Body A, with a comma.",sana,4/5/2017,idlib,1\n'
                '12,Title B,"Body B\nspans two lines.",reuters,12/31/2016,aleppo,0\n')
    arts, errs = split(list(read_path(str(write("fk.csv", csv_text)))))
    assert not errs
    assert [(a.name, a.outlet, a.date, a.meta["location"]) for a in arts] == [
        ("11", "SANA", "2017-04-05", "idlib"), ("12", "Reuters", "2016-12-31", "aleppo")]
    assert arts[1].text == "Body B\nspans two lines."


def test_euvsdisinfo_posts_like_csv_splits_outlets(write):
    csv_text = ('date,id,title,countries,keywords,languages,outlets\n'
                '2018-08-25,https://example.org/report/x/,"White Helmets are said to prepare a fake attack",'
                'Syria,White Helmets+Chemical weapons/attack,English,rt.com+Sputnik\n')
    (art,) = read_path(str(write("posts.csv", csv_text)))
    assert art.text == "White Helmets are said to prepare a fake attack"
    assert art.outlet == "RT" and art.meta["outlets"] == ["rt.com", "Sputnik"]
    assert art.url == "https://example.org/report/x/" and art.date == "2018-08-25"


def test_csv_bad_rows(write):
    csv_text = 'title,text,date\nA,"good",2020-01-01\nB,too,many,fields\nC,,2020-01-02\nD,"also good",2020-01-03\n'
    arts, errs = split(list(read_path(str(write("bad.csv", csv_text)))))
    assert [a.text for a in arts] == ["good", "also good"]
    assert [e.locator for e in errs] == ["3", "4"]
    assert "fields" in errs[0].reason and "no text" in errs[1].reason


def test_tsv_and_semicolon_csv(write):
    arts, _ = split(list(read_path(str(write("a.tsv", "title\ttext\nT\tBody\n")))))
    assert arts[0].text == "Body"
    arts, _ = split(list(read_path(str(write("b.csv", '"title";"text"\n"T";"Semi body"\n')))))
    assert arts[0].text == "Semi body"


def test_folder_and_glob_expansion(write, tmp_path):
    write("dir/one.txt", "One.\n\nBody one.")
    write("dir/sub/two.txt", "Two.\n\nBody two.")
    write("dir/.hidden.txt", "Hidden.")
    arts, errs = split(list(read_paths([str(tmp_path / "dir")])))
    assert sorted(a.title for a in arts) == ["One.", "Two."]
    arts, _ = split(list(read_paths([str(tmp_path / "dir" / "*.txt")])))
    assert [a.title for a in arts] == ["One."]
    (err,) = read_paths([str(tmp_path / "missing.txt")])
    assert isinstance(err, InputError) and "no such file" in err.reason


def test_lone_surrogate_in_json_is_reported_not_crashing(write):
    path = write("s.jsonl", '{"text": "bad \\ud800 escape"}\n{"text": "fine"}\n')
    arts, errs = split(list(read_path(str(path))))
    assert [a.text for a in arts] == ["fine"]
    assert errs[0].locator == "1" and "surrogate" in errs[0].reason
