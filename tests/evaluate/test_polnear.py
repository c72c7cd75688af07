"""PolNeAR brat loading and the Source / Cue / Content scorer."""
from __future__ import annotations

import pytest

from narratrace.evaluate import polnear as P

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 30;40 50\tthe bridge will ... reopen soon\n"
    "continuation line of a long text field\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 60 72\taccording to\n"
    "T6\tContent 73 90\tsomething\n"
    "T7\tAttribution-no-source 60 72\taccording to\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "#1\tAnnotatorNotes T1\ta note\n"
)


def test_parse_ann_events_and_discontinuous_spans():
    atts = P.parse_ann(ANN)
    assert len(atts) == 2
    assert atts[0].source == ((0, 9),) and atts[0].content == ((15, 30), (40, 50))
    assert atts[1].source is None and atts[1].cue == ((60, 72),)


def test_parse_ann_missing_span_is_an_error():
    with pytest.raises(Exception, match="missing span T9"):
        P.parse_ann("E1\tAttribution:T9 Cue:T9\n", "x.ann")


def test_scoring_exact_versus_overlap():
    gold = P.parse_ann(ANN)
    pred = [P.GoldAttribution(((0, 9),), ((10, 14),), ((15, 50),)),  # content same extent as gold
            P.GoldAttribution(((2, 5),), ((100, 104),), ((200, 210),))]  # matches nothing
    counts = P.new_counts()
    P.score_doc(pred, gold, counts)
    r = P.report(counts)
    assert r["cue/exact"]["precision"] == 0.5 and r["cue/exact"]["recall"] == 0.5
    assert r["content/exact"]["f1"] == 0.5
    assert r["source/exact"]["recall"] == 1.0 and r["source/exact"]["precision"] == 0.5
    counts = P.new_counts()
    P.score_doc([P.GoldAttribution(((4, 9),), ((10, 13),), ((20, 25),))], gold, counts)
    r = P.report(counts)
    assert r["cue/exact"]["f1"] == 0.0 and r["cue/overlap"]["precision"] == 1.0
    assert r["content/overlap"]["recall"] == 0.5


def test_iter_docs_uses_the_annotator_of_record(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text("The mayor said the bridge will reopen soon.", encoding="utf-8")
    (split / "attributions" / "a_aaaa.ann").write_text("", encoding="utf-8")
    (split / "attributions" / "a_bbbb.ann").write_text("T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Cue:T1\n",
                                                       encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tannotators\ndev\ta\tbbbb\n", encoding="utf-8")
    docs = list(P.iter_docs(split))
    assert len(docs) == 1 and len(docs[0].attributions) == 1
    report = P.evaluate(split, lambda text: [{"kind": "indirect", "cue": {"start": 10, "end": 14, "text": "said"},
                                              "content": {"start": 15, "end": 42, "text": ""}, "source": None}])
    assert report["cue/exact"]["f1"] == 1.0 and report["_texts"]["count"] == 1


def test_not_a_split(tmp_path):
    with pytest.raises(Exception, match="not a PolNeAR split"):
        list(P.iter_docs(tmp_path))
