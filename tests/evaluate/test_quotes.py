"""GenderGapTracker-style quote scoring, and our extractor on the hand-written gold."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from narratrace.errors import InputError
from narratrace.evaluate import quotes as Q

GOLD = Path(__file__).resolve().parents[1] / "data" / "quotes-gold.jsonl"
logging.getLogger("narratrace.gazetteer").setLevel(logging.ERROR)


def span(s, e, text=""):
    return {"start": s, "end": e, "text": text}


def test_overlap_uses_the_longer_span():
    assert Q.overlap((0, 10), (0, 5)) == 0.5
    assert Q.overlap((0, 10), (20, 30)) == 0.0


def test_gold_validation_names_the_line(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "short", "quotes": [{"quote_index": [0, 99]}]}) + "\n")
    with pytest.raises(InputError, match="g.jsonl"):
        list(Q.load_gold(bad))


def test_scores_thresholds_speaker_and_verb(tmp_path):
    text = "“Alpha beta gamma delta,” said Ann Lee. Bob Roe said the plan failed."
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": text, "quotes": [
        {"speaker": "Ann Lee", "verb": "said", "quote": "", "speaker_index": [31, 38], "verb_index": [26, 30],
         "quote_index": [0, 25], "reference": "Ann Lee"},
        {"speaker": "Bob Roe", "verb": "said", "quote": "", "speaker_index": [40, 47], "verb_index": [48, 52],
         "quote_index": [53, 68], "reference": "Bob Roe"}]}) + "\n")

    def extract(_text):
        return [{"kind": "direct", "content": span(0, 12), "source": span(31, 38), "cue": span(26, 30, "said"),
                 "speaker": "Ann Lee"},  # overlap 12/25 < 0.8 but >= 0.3
                {"kind": "indirect", "content": span(53, 68), "source": None, "cue": span(0, 1, "says"),
                 "speaker": "Someone Else"},
                {"kind": "unattributed", "content": span(0, 68), "source": None, "cue": None, "speaker": None}]

    r = Q.evaluate(gold, extract)
    assert r["quote@0.3"]["f1"] == 1.0
    assert r["quote@0.8"]["recall"] == 0.5
    assert r["speaker_accuracy"] == 0.5 and r["verb_accuracy"] == 0.5
    assert r["speaker_errors"][0]["gold"] == "Bob Roe"


def test_nested_predictions_are_flattened():
    preds = [{"kind": "direct", "content": span(0, 50)}, {"kind": "indirect", "content": span(10, 20)}]
    assert Q.flat(preds) == preds[:1]


@pytest.mark.slow
def test_extractor_on_own_gold_meets_the_floor():
    from narratrace.analyze.attribution import extract
    from narratrace.nlp import get_nlp

    nlp = get_nlp()
    r = Q.evaluate(GOLD, lambda text: [a.to_dict() for a in extract(nlp(text))])
    assert r["articles_quotes"]["gold"] >= 30
    assert r["quote@0.3"]["f1"] >= 0.9, r
    assert r["speaker_accuracy"] >= 0.9, r


CASES = Path(__file__).resolve().parents[1] / "data" / "quotes-gold-cases.jsonl"


@pytest.mark.parametrize("cue,speech", [
    ("said", True), ("told", True), ("has said", True), ("according to", True), ("pointed out", True),
    ("noted", True), ("admitted", True), ("said in a statement", True), ("tweeted", True), ("went on to say", True),
    ("saying", True), ("adding", True), ("quoted as saying", True),
    ("believe", False), ("is uncomfortable with", False), ("know", False), ("thinks", False),
    ("pointing to", False), ("praised", False), ("", False), (None, False)])
def test_speech_cue_rule(cue, speech):
    from narratrace.analyze.lexicon import is_speech_cue, lexicon

    assert is_speech_cue(cue, lexicon()) is speech


def test_flat_keeps_speech_and_continuations_only():
    preds = [{"kind": "indirect", "content": span(0, 20), "cue": span(21, 29, "believes")},
             {"kind": "indirect", "content": span(30, 50), "cue": span(51, 55, "said")},
             {"kind": "direct", "content": span(60, 80), "cue": None}]
    assert Q.flat(preds) == preds[1:]


def test_polnear_style_gold_goes_through_the_scorer():
    text = "“Alpha beta gamma delta,” Ann Lee said. “Epsilon zeta eta theta.”"
    gold = Q.article_from_dict({"id": "x", "text": text, "quotes": [
        {"quote_index": [0, 25], "speaker_index": [26, 33], "verb_index": [34, 38]},
        {"quote_index": [40, 65], "speaker_index": [26, 33], "verb_index": None}]})
    both = [{"kind": "direct", "content": span(0, 25), "source": span(26, 33), "cue": span(34, 38, "said")},
            {"kind": "direct", "content": span(40, 65), "source": span(26, 33), "cue": None}]
    r = Q.evaluate([gold], lambda _t: both)
    assert r["quote@0.8"]["f1"] == 1.0 and r["verb_accuracy"] == 1.0 and r["_texts"]["count"] == 1
    r = Q.evaluate([gold], lambda _t: both[:1])  # the floating second half missed
    assert r["quote@0.3"]["recall"] == 0.5 and r["quote@0.3"]["precision"] == 1.0


@pytest.mark.slow
def test_extractor_on_the_cases_gold():
    """Newswire ''quotes'', a quotation paragraph followed by another speaker's paragraph, "said A, and
    thinks B", mid-sentence "according to", a quoted phrase that is not a quotation, "told" without "that",
    continuation quotes, pronouns resolved to the previous subject and an unresolvable "They"."""
    from narratrace.analyze.attribution import extract
    from narratrace.nlp import get_nlp

    nlp = get_nlp()
    r = Q.evaluate(CASES, lambda text: [a.to_dict() for a in extract(nlp(text))])
    assert r["articles_quotes"]["gold"] == 23 and r["_texts"]["count"] == 10
    assert r["quote@0.3"]["f1"] >= 0.95, r
    assert r["quote@0.8"]["f1"] >= 0.9, r
    assert r["speaker_accuracy"] >= 0.95 and r["verb_accuracy"] >= 0.95, r
