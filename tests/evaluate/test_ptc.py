"""PTC loaders and scorers on small hand-made spans."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from narratrace.errors import InputError
from narratrace.evaluate import ptc
from narratrace.evaluate.ptc import LabelledSpan as L


def si(*spans: tuple[str, int, int]) -> list[L]:
    return [L(a, s, e) for a, s, e in spans]


def test_merge_intervals_merges_overlaps_only():
    assert ptc.merge_intervals([(5, 10), (0, 3), (8, 12), (12, 14)]) == [(0, 3), (5, 12), (12, 14)]
    assert ptc.merge_intervals([(4, 4)]) == []


def test_si_perfect_and_disjoint():
    gold = si(("1", 0, 10), ("1", 20, 30))
    assert ptc.score_si(gold, gold).f1 == 1.0
    miss = ptc.score_si(si(("1", 40, 50)), gold)
    assert (miss.precision, miss.recall, miss.f1) == (0.0, 0.0, 0.0)


def test_si_partial_credit():
    # prediction 0-10 against gold 5-25: overlap 5 -> P = 5/10, R = 5/20
    s = ptc.score_si(si(("1", 0, 10)), si(("1", 5, 25)))
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.25)
    assert s.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_si_merges_overlapping_spans_before_scoring():
    # two overlapping predictions count as one merged span 0-20
    merged = ptc.score_si(si(("1", 0, 12), ("1", 8, 20)), si(("1", 0, 20)))
    assert merged.n_pred == 1 and merged.f1 == 1.0
    # overlapping gold spans merge too
    g = ptc.score_si(si(("1", 0, 20)), si(("1", 0, 15), ("1", 10, 20)))
    assert g.n_gold == 1 and g.recall == 1.0


def test_si_one_prediction_covering_two_gold_spans():
    s = ptc.score_si(si(("1", 0, 30)), si(("1", 0, 10), ("1", 20, 30)))
    assert s.precision == pytest.approx(20 / 30)
    assert s.recall == pytest.approx(1.0)


def test_si_articles_do_not_mix():
    s = ptc.score_si(si(("2", 0, 10)), si(("1", 0, 10)))
    assert s.f1 == 0.0 and s.n_pred == 1 and s.n_gold == 1


def test_tc_micro_and_per_technique():
    gold = [L("1", 0, 5, "Doubt"), L("1", 10, 20, "Loaded_Language"), L("1", 10, 20, "Repetition")]
    pred = [L("1", 0, 5, "Doubt"), L("1", 10, 20, "Loaded_Language"), L("1", 10, 20, "Slogans")]
    s = ptc.score_tc(pred, gold)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.per_label["Doubt"].f1 == 1.0
    assert s.per_label["Repetition"].recall == 0.0
    assert s.per_label["Slogans"].precision == 0.0


def test_tc_duplicates_count_as_a_multiset():
    gold = [L("1", 0, 5, "Doubt")]
    s = ptc.score_tc([L("1", 0, 5, "Doubt"), L("1", 0, 5, "Doubt")], gold)
    assert s.precision == 0.5 and s.recall == 1.0


def test_read_labels_and_errors(tmp_path):
    f = tmp_path / "article42.task2-TC.labels"
    f.write_text("42\tDoubt\t3\t9\n\n42\tSlogans\t10\t12\n", encoding="utf-8")
    assert ptc.read_labels(f) == [L("42", 3, 9, "Doubt"), L("42", 10, 12, "Slogans")]
    f.write_text("42\tNot_A_Technique\t3\t9\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1.*unknown technique"):
        ptc.read_labels(f)
    f.write_text("42\t9\n", encoding="utf-8")
    with pytest.raises(InputError, match="3 or 4"):
        ptc.read_labels(f)


def test_article_text_keeps_offsets(tmp_path):
    p = tmp_path / "article7.txt"
    p.write_bytes("Title line\r\n\r\nBody “quoted” text\n".encode("utf-8"))
    assert ptc.article_id_of(p) == "7"
    text = ptc.read_article_text(p)
    assert text.index("Body") == 14
    with pytest.raises(InputError, match="beyond the end"):
        ptc.validate_offsets([L("7", 0, 999)], {"7": len(text)}, "gold")


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=12),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), min_size=1, max_size=12))
def test_si_scores_are_bounded_and_symmetric(p, g):
    pred = [L("a", s, s + n) for s, n in p]
    gold = [L("a", s, s + n) for s, n in g]
    a, b = ptc.score_si(pred, gold), ptc.score_si(gold, pred)
    assert 0.0 <= a.precision <= 1.0 + 1e-9 and 0.0 <= a.recall <= 1.0 + 1e-9
    assert math.isclose(a.precision, b.recall) and math.isclose(a.recall, b.precision)
