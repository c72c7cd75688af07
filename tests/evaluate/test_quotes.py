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
