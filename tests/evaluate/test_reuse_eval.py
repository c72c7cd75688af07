import json
from itertools import combinations
from math import comb

import pytest
from hypothesis import given, strategies as st

from narratrace.evaluate.reuse import ari, evaluate_reuse, score
from tests.corpus.reuse_texts import AGENCY, UNRELATED, agency_pair, art, template_run


def test_ari_is_one_for_identical_partitions_and_zero_ish_for_unrelated():
    truth = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert ari(truth, {"a": "x", "b": "x", "c": "y", "d": "y"}) == 1.0
    assert ari(truth, {"a": "x", "b": "y", "c": "x", "d": "y"}) < 0


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=3, max_size=25))
def test_ari_matches_the_pair_counting_definition(labels):
    t = {str(i): str(a) for i, (a, _) in enumerate(labels)}
    p = {str(i): str(b) for i, (_, b) in enumerate(labels)}
    items = list(t)
    n = comb(len(items), 2)
    same_t = sum(t[x] == t[y] for x, y in combinations(items, 2))
    same_p = sum(p[x] == p[y] for x, y in combinations(items, 2))
    both = sum(t[x] == t[y] and p[x] == p[y] for x, y in combinations(items, 2))
    expected = same_t * same_p / n
    top = (same_t + same_p) / 2
    want = 1.0 if top == expected else (both - expected) / (top - expected)
    assert ari(t, p) == pytest.approx(want)


def test_score_counts_cluster_pairs_and_earliest():
    gold = {"clusters": [{"members": ["a", "b", "c"], "earliest": "a"}], "parents": {"b": "a", "c": "b"},
            "pairs": [{"earlier": "d", "later": "e", "kind": "partial", "source": "synthetic"}],
            "boilerplate_groups": []}
    clusters = [{"cluster": "rc-a", "members": ["a", "b"], "earliest": {"status": "unique", "articles": ["a"]},
                 "path": [{"earlier": "a", "later": "b"}]}]
    links = [{"earlier": "a", "later": "b", "kind": "copy", "basis": "date"},
             {"earlier": "d", "later": "e", "kind": "partial", "basis": "date"}]
    r = score(gold, list("abcde"), links, clusters)
    assert r["pairs"]["tp"] == 2 and r["pairs"]["gold"] == 4 and r["pairs"]["predicted"] == 2
    assert r["earliest_source"]["accuracy"] == 1.0
    assert r["parent_accuracy"]["right"] == 1 and r["pairs_by_kind"]["partial"]["f1"] == 1.0


def test_evaluate_reuse_end_to_end_on_a_tiny_gold(tmp_path):
    arts = agency_pair() + template_run() + [art("u", UNRELATED, "Sports Daily", "2023-01-01")]
    with open(tmp_path / "articles.jsonl", "w") as f:
        for a in arts:
            f.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet, "date": a.date}) + "\n")
    gold = {"clusters": [{"members": ["agency1", "repub1"], "earliest": "agency1"}], "parents": {"repub1": "agency1"},
            "pairs": [{"earlier": x, "later": y, "kind": "boilerplate", "source": "synthetic"}
                      for x, y in [("tpl0", "tpl1"), ("tpl0", "tpl2"), ("tpl1", "tpl2")]],
            "boilerplate_groups": [["tpl0", "tpl1", "tpl2"]]}
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    r = evaluate_reuse(tmp_path)
    assert r["ari"] == 1.0 and r["earliest_source"]["accuracy"] == 1.0
    assert r["pairs_by_kind"]["boilerplate"]["f1"] == 1.0 and r["pairs"]["f1"] == 1.0
