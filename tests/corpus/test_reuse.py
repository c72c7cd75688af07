import random

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from narratrace.corpus.minhash import collisions, hash_batch, split_sorted, tokenize
from narratrace.corpus.reuse import ReuseParams, find_reuse
from tests.corpus.reuse_texts import AGENCY, BACKGROUND, LEADS, UNRELATED, agency_pair, art, template_run


def run(articles, params=ReuseParams()):
    ordered = sorted(articles, key=lambda a: (a.date or "", a.id))
    by_id = {a.id: a for a in articles}
    return ordered, find_reuse(ordered, lambda ids: [by_id[i] for i in ids], params)


def test_republication_under_new_lead_is_a_copy_of_the_agency_story():
    arts, r = run(agency_pair() + [art("other", UNRELATED, "Sports Daily", "2023-03-01")])
    assert len(r.links) == 1
    link = r.links[0]
    assert (arts[link.earlier].id, arts[link.later].id) == ("agency1", "repub1")
    assert link.kind == "copy" and link.basis == "date"
    assert 0.7 < link.share_of_later < 1.0
    (cluster,) = r.clusters
    assert cluster.id == "rc-agency1" and cluster.earliest_status == "unique"
    assert [(arts[h.earlier].id, arts[h.later].id, h.days) for h in cluster.hops] == [("agency1", "repub1", 1)]


def test_passage_offsets_slice_the_same_words_in_both_articles():
    arts, r = run(agency_pair())
    e, l = arts[r.links[0].earlier], arts[r.links[0].later]
    for es, ee, ls, le in r.links[0].passages:
        assert e.text[es:ee].split()[:5] == l.text[ls:le].split()[:5]
        assert e.text[es:ee].split()[-3:] == l.text[ls:le].split()[-3:]
    assert r.links[0].passages[0][2] > l.text.index("reports:")  # the new lead is not part of the passage


def test_background_rerun_by_one_outlet_is_boilerplate_and_marked():
    runs = template_run()
    arts, r = run(runs + [art("copier", LEADS[0] + " " + BACKGROUND, "Valley Wire", "2022-08-21")])
    kinds = {(arts[l.earlier].id, arts[l.later].id): l.kind for l in r.links}
    assert kinds[("tpl0", "tpl1")] == kinds[("tpl1", "tpl2")] == kinds[("tpl0", "tpl2")] == "boilerplate"
    assert kinds[("tpl0", "copier")] == "copy"  # another outlet taking the whole article copies it
    assert all(all(l.boilerplate) for l in r.links if l.kind == "boilerplate")
    assert {arts[m].id for c in r.clusters for m in c.members} == {"tpl0", "copier"}


def test_two_articles_of_one_outlet_are_not_a_template():
    arts, r = run(template_run()[:2])
    assert len(r.links) == 1 and r.links[0].kind != "boilerplate" and not any(r.links[0].boilerplate)


def test_paragraph_copied_into_a_different_article_is_partial_reuse():
    host = UNRELATED + " In other news, " + AGENCY.split(". ")[1] + ". " + AGENCY.split(". ")[2] + ". " + LEADS[2]
    arts, r = run([art("agency1", AGENCY, "Agencia", "2023-03-01"), art("host", host, "Mixed", "2023-03-05")])
    (link,) = r.links
    assert link.kind == "partial" and link.share_of_later < 0.5
    assert r.clusters == []
    es, ee, ls, le = link.passages[0]
    assert arts[link.later].text[ls:le].startswith("The regional governor")


def test_unrelated_articles_give_no_link():
    _, r = run([art("a", UNRELATED, "x", "2020-01-01"), art("b", LEADS[0], "y", "2020-01-02")])
    assert r.links == []


@pytest.mark.parametrize("dates, status, basis", [
    (("2023-03-01", "2023-03-01"), "tie", "same-date"),
    ((None, None), "undated", "undated"),
    (("2023-03-01", None), "unique", "undated"),
])
def test_ties_and_missing_dates_are_stated(dates, status, basis):
    a, b = agency_pair()
    arts, r = run([art(a.id, a.text, a.outlet, dates[0]), art(b.id, b.text, b.outlet, dates[1])])
    assert r.links[0].basis == basis
    assert r.clusters[0].earliest_status == status
    if status == "tie":
        assert sorted(arts[m].id for m in r.clusters[0].earliest) == ["agency1", "repub1"]
        assert r.clusters[0].hops == []


def test_cluster_ids_and_links_do_not_depend_on_input_order():
    base = agency_pair() + template_run() + [art("u", UNRELATED, "z", "2023-01-01")]
    results = []
    for seed in (1, 2):
        shuffled = base[:]
        random.Random(seed).shuffle(shuffled)
        arts, r = run(shuffled)
        results.append((sorted(c.id for c in r.clusters),
                        sorted((arts[l.earlier].id, arts[l.later].id, l.kind) for l in r.links)))
    assert results[0] == results[1]


def test_copy_chain_gives_dated_hops_to_the_closest_parent():
    second = "Bluesky Post said on Thursday: " + agency_pair()[1].text
    arts, r = run(agency_pair() + [art("repub2", second, "Third Outlet", "2023-03-04")])
    (c,) = r.clusters
    hops = {arts[h.later].id: arts[h.earlier].id for h in c.hops}
    assert hops == {"repub1": "agency1", "repub2": "repub1"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abcXYZ é.,-'\n1İ"), max_size=60), min_size=1, max_size=5))
def test_tokens_slice_their_words_and_batches_match_single_texts(texts):
    batch = hash_batch(texts)
    for n, t in enumerate(texts):
        tok = tokenize(t)
        for s, e in zip(tok.starts, tok.ends):
            assert t[s:e].strip() == t[s:e] and t[s:e]
        assert np.array_equal(batch.shingles[batch.offsets[n]:batch.offsets[n + 1]], tok.shingles)


def test_collisions_give_all_pairs_in_small_groups_and_chain_big_ones():
    keys = np.array([(7 << 32) | d for d in range(12)] + [(9 << 32) | 1, (9 << 32) | 2, (5 << 32) | 20,
                    (5 << 32) | 21, (5 << 32) | 22, (5 << 32) | 23], dtype=np.uint64)
    pairs = collisions(*split_sorted(keys.copy()), chain=2, min_shared=1, small_group=8)
    decoded = {(int(p) >> 32, int(p) & 0xFFFFFFFF) for p in pairs}
    assert (0, 1) in decoded and (0, 2) in decoded and (0, 3) not in decoded  # 12 docs: a chain
    assert (20, 23) in decoded  # 4 docs: every pair
    twice = collisions(*split_sorted(keys.copy()), chain=2, min_shared=2)
    assert [(int(p) >> 32, int(p) & 0xFFFFFFFF) for p in twice] == [(1, 2)]
