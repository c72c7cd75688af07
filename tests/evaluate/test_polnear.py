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


GGT_TEXT = ("“We will win this state,” Ann Lee said. “Nobody else can.” Bob Roe believes the polls are wrong. "
            "Cy Dee told reporters the count was fair, and he said it twice.")


def _ann(text):
    def t(n, label, sub, start=0):
        i = text.index(sub, start)
        return f"T{n}\t{label} {i} {i + len(sub)}\t{sub}\n", i
    lines = []
    a1, s1 = t(1, "Source", "Ann Lee")
    c1, _ = t(2, "Cue", "said")
    first, second = "“We will win this state,”", "“Nobody else can.”"
    i, j = text.index(first), text.index(second)
    q1 = f"T3\tContent {i} {i + len(first)};{j} {j + len(second)}\tx\n"
    lines += [a1, c1, q1, "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"]
    lines += [t(4, "Source", "Bob Roe")[0], t(5, "Cue", "believes")[0], t(6, "Content", "the polls are wrong")[0],
              "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"]
    lines += [t(7, "Source", "Cy Dee")[0], t(8, "Cue", "told")[0],
              t(9, "Content", "the count was fair, and he said it twice")[0],
              "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7\n"]
    lines += [t(10, "Source", "he", text.index("and he"))[0], t(11, "Cue", "said", text.index("he said"))[0],
              t(12, "Content", "it twice")[0], "E4\tAttribution:T11 Content:T12 Cue:T11 Source:T10\n"]
    lines += [t(13, "Cue", "said", text.index("he said"))[0], t(14, "Content", "the count was fair")[0],
              "E5\tAttribution:T13 Content:T14 Cue:T13\n"]
    return "".join(lines)


def test_quote_gold_keeps_speech_splits_floating_parts_and_flattens():
    doc = P.PolnearDoc("a", GGT_TEXT, tuple(P.parse_ann(_ann(GGT_TEXT))), "a.txt")
    g = P.quote_gold(doc)
    quotes = [(q["quote"], q["speaker"], q["verb"]) for q in g["quotes"]]
    assert quotes == [("“We will win this state,”", "Ann Lee", "said"),
                      ("“Nobody else can.”", "Ann Lee", ""),  # after a sentence end: GGT's floating quote
                      ("the count was fair, and he said it twice", "Cy Dee", "told")]
    # "believes" is a belief, "it twice" is nested inside a kept quote, the last one has no source
    for q in g["quotes"]:
        assert GGT_TEXT[slice(*q["quote_index"])] == q["quote"]
        assert GGT_TEXT[slice(*q["speaker_index"])] == q["speaker"]
    assert g["quotes"][1]["verb_index"] is None and g["quotes"][0]["reference"] == ""


def test_iter_quote_gold_reads_a_split(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(GGT_TEXT, encoding="utf-8")
    (split / "attributions" / "a_x.ann").write_text(_ann(GGT_TEXT), encoding="utf-8")
    golds = list(P.iter_quote_gold(split))
    assert len(golds) == 1 and len(golds[0]["quotes"]) == 3


@pytest.mark.parametrize("text,parts", [
    ("The cost, Mr. Abboud said, was far too high.", 1),  # a title's full stop ends no sentence
    ("The cost, Capt. Reyes said, was far too high.", 1),
    ("The cost was high. Reyes said: it will fall.", 2),
])
def test_content_parts_split_only_at_a_sentence_end(text, parts):
    first, last = text.split(",")[0] if parts == 1 else "The cost was high", text.rstrip(".").split(", ")[-1]
    if parts == 2:
        last = "it will fall"
    i, j = text.index(first), text.rindex(last)
    assert len(P._sentence_parts(text, ((i, i + len(first)), (j, j + len(last))))) == parts
