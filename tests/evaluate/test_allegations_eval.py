"""The allegation-frame scorer: matching rules, gold validation, and the gates on real gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from narratrace.errors import InputError
from narratrace.evaluate.allegations import (DEVGOLD_DIR, GoldArticle, Report, evaluate, load_devgold, match_sets,
                                             read_gold, row_text, score_article, validate, values_match)
from narratrace.evaluate.allegations import frame_offsets, frame_texts

TEXT = ("Officials said the rebels are preparing a provocation with chlorine in Hama. "
        "The weather was fine. The attack in Homs was staged by the volunteers.")


def gold_frame(sentence: str, **slots):
    base = {"sentence": sentence, "trigger": "staged", "accuser": None, "accused": [], "helpers": [],
            "event": None, "event_type": "chemical_attack", "locations": [], "blame_target": [],
            "evidence": None, "time": "future"}
    base["trigger"] = slots.pop("trigger", base["trigger"])
    base.update(slots)
    return base


def pred_frame(sentence: str, **slots):
    d = gold_frame(sentence, **slots)
    start = TEXT.index(sentence)
    d["sentence"] = {"text": sentence, "start": start, "end": start + len(sentence)}
    return d


@pytest.mark.parametrize("a,b,expected", [
    ("the Russian Defense Ministry", "Russian Defense Ministry", True),  # containment
    ("Kafr Jales villages", "Kafr Jales", True),
    ("Syrian government troops", "Syrian government forces", True),  # Jaccard 2/4 = 0.5
    ("HTS militants", "White Helmets", False),
    ("", "anything", False),
    ("THE REBELS", "the rebels", True),  # case-insensitive
])
def test_values_match(a, b, expected):
    assert values_match(a, b) is expected


def test_match_sets_is_one_to_one():
    c = match_sets(["the rebels and the volunteers"], ["the rebels", "the volunteers"])
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    c = match_sets(["A", "B", "C"], ["a", "b"])
    assert (c.tp, c.fp, c.fn) == (2, 1, 0)


def test_frames_match_by_sentence_overlap_and_each_gold_once():
    s1 = "Officials said the rebels are preparing a provocation with chlorine in Hama."
    s3 = "The attack in Homs was staged by the volunteers."
    gold = GoldArticle("a", TEXT, (gold_frame(s1, trigger="provocation", accuser="Officials", accused=["the rebels"],
                                              locations=["Hama"]),
                                   gold_frame(s3, accused=["the volunteers"], time="past", locations=["Homs"])))
    report = Report()
    preds = [pred_frame(s1, accuser={"text": "Officials", "start": 0, "end": 9},
                        accused=[{"text": "the rebels", "start": 15, "end": 25}], locations=[]),
             pred_frame(s1), pred_frame("The weather was fine.")]
    score_article(gold, preds, report)
    assert (report.frames.tp, report.frames.fp, report.frames.fn) == (1, 2, 1)
    assert report.slots["accuser"].tp == 1
    assert report.slots["locations"].fn == 1
    assert report.to_dict()["frames"]["recall"] == 0.5


def test_validation_names_the_problem(tmp_path: Path):
    bad = {"article": "x", "text": "The attack was staged.",
           "frames": [{"sentence": "The attack was staged.", "event_type": "bombing", "time": "past",
                       "accused": ["nobody here"]}]}
    problems = validate(GoldArticle("x", bad["text"], tuple(bad["frames"])))
    assert any("event_type" in p for p in problems)
    assert any("nobody here" in p for p in problems)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        list(read_gold(path))


def test_evaluate_with_a_custom_extractor_counts_misses():
    s3 = "The attack in Homs was staged by the volunteers."
    gold = GoldArticle("a", TEXT, (gold_frame(s3, time="past"),))
    report = evaluate([gold], extractor=lambda text: [])
    assert report.to_dict()["frames"]["f1"] == 0.0
    assert report.errors[0]["kind"] == "missed"


@pytest.mark.shared
def test_samples_gold_scores_frame_f1_one(shared_dir: Path):
    path = shared_dir / "data" / "allegations" / "samples-gold.jsonl"
    if not path.exists():
        pytest.skip("samples gold absent")
    report = evaluate(list(read_gold(path))).to_dict()
    assert report["frames"]["f1"] == 1.0
    assert report["slots_micro"]["f1"] == 1.0  # (session 16 lowered it to 0.98 unnoticed under a 0.95 floor)


# Floors measured on the development gold (docs/allegations.md); a change may raise them, never lower them.
DEV_FLOOR = {"frames": 0.95, "slots_micro": 0.91}


@pytest.mark.shared
def test_dev_gold_joins_and_holds_its_floor(shared_dir: Path):
    golds = list(load_devgold(DEVGOLD_DIR / "allegations-dev.jsonl", shared_dir))
    assert len(golds) >= 80
    assert sum(len(g.frames) for g in golds) >= 40 and any(not g.frames for g in golds)
    report = evaluate(golds).to_dict()
    assert report["frames"]["f1"] >= DEV_FLOOR["frames"]
    assert report["slots_micro"]["f1"] >= DEV_FLOOR["slots_micro"]


def test_case_file_rows_join_title_and_a_summary_that_says_more():
    same = {"title": "Claim one. ", "summary": "Claim one."}
    more = {"title": "Claim one.", "summary": "Claim one. And a detail."}
    assert row_text("euvsdisinfo-cases", same) == "Claim one."
    assert row_text("euvsdisinfo-cases", more) == "Claim one.\n\nClaim one. And a detail."


@pytest.mark.shared
def test_dev_gold_folds_filter_items(shared_dir: Path):
    path = DEVGOLD_DIR / "allegations-dev.jsonl"
    blind = list(load_devgold(path, shared_dir, folds=[3]))
    assert len(blind) >= 60
    assert any(g.article.startswith("euvsdisinfo-cases:") for g in blind)
    assert len(blind) < len(list(load_devgold(path, shared_dir)))


def test_shipped_dev_gold_stores_offsets_not_copied_text():
    slots = ("sentence", "trigger", "accuser", "accused", "helpers", "event", "locations", "blame_target", "evidence")
    for line in (DEVGOLD_DIR / "allegations-dev.jsonl").read_text("utf-8").splitlines():
        for frame in json.loads(line)["frames"]:
            for slot in slots:
                value = frame.get(slot)
                values = value if slot in {"accused", "helpers", "locations", "blame_target"} else [value]
                assert all(v is None or (isinstance(v, list) and len(v) == 2 and isinstance(v[0], int))
                           for v in values), (slot, value)


def test_frame_offsets_round_trip():
    text = "Title\n\nThe army said rebels staged the attack in Kafr Nabl."
    frame = {"sentence": "The army said rebels staged the attack in Kafr Nabl.", "trigger": "staged",
             "accuser": "The army", "accused": ["rebels"], "locations": ["Kafr Nabl"], "evidence": None,
             "event_type": "other", "time": "past"}
    stored = frame_offsets(frame, text)
    assert stored["accused"] == [[21, 27]] and stored["evidence"] is None
    assert frame_texts(stored, text) == frame


def test_a_title_printed_twice_holds_two_gold_frames():
    title = "Staged Attack Planned In Homs!"
    text = f"{title}\n\n{title} More news follows here."
    second = text.index(title, 1)
    gold = GoldArticle("t", text, (gold_frame(title), gold_frame(title)))
    report = Report()
    preds = [dict(gold_frame(title), sentence={"text": title, "start": at, "end": at + len(title)})
             for at in (0, second)]
    score_article(gold, preds, report)
    assert (report.frames.tp, report.frames.fp, report.frames.fn) == (2, 0, 0)


def test_blind_full_article_fold_joins_polnear_rows(shared_dir: Path):
    items = list(load_devgold(DEVGOLD_DIR / "allegations-dev.jsonl", shared_dir, folds=[7]))
    assert len(items) >= 30
    assert any(g.article.startswith("polnear:") and "/text/" in g.article for g in items)
    assert sum(len(g.frames) for g in items) >= 5


def test_clef_rows_give_the_verified_claim_not_the_question_title():
    row = {"": "7", "vclaim": "The bridge collapse was staged by the council.",
           "title": "Was the Bridge Collapse Staged?"}
    assert row_text("clef2020", row) == "The bridge collapse was staged by the council."


@pytest.mark.shared
def test_blind_fold_8_joins_clef_claims_by_their_id_column(shared_dir: Path):
    items = list(load_devgold(DEVGOLD_DIR / "allegations-dev.jsonl", shared_dir, folds=[8]))
    clef = [g for g in items if g.article.startswith("clef2020:")]
    assert len(items) >= 60 and len(clef) >= 20
    # the id column is the TSV's unnamed first column, not the row index: a claim with a frame
    # holds its gold sentence, which must be found in the joined text
    assert all(g.text for g in clef)
    assert sum(len(g.frames) for g in clef) >= 10
    assert {g.article.split(":", 1)[0] for g in items} >= {"euvsdisinfo", "euvsdisinfo-cases", "clef2020"}
