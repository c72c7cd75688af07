"""Every route and its JSON twin, through FastAPI's TestClient."""
from __future__ import annotations

import re

import pytest

from narratrace.report.corpus_pages import group_slug


def test_overview_and_twin(client, corpus):
    page = client.get("/")
    assert page.status_code == 200 and "Corpus overview" in page.text
    assert "<svg" in page.text and "articles by outlet" in page.text
    data = client.get("/index.json").json()
    assert data["articles"] == 26
    assert {o["outlet"]: o["count"] for o in data["by_outlet"]}["Hill Post"] == 25
    assert data["ingest_errors"]["count"] == 1
    assert data["reuse"]["available"] and data["reuse"]["clusters"] == 1
    assert data["latest_frames"][0]["event_type"] == "chemical_attack"


def test_article_page_and_twin(client, corpus):
    _, ids = corpus
    data = client.get(f"/articles/{ids['a']}.json").json()
    assert data["article"]["id"] == ids["a"]
    kinds = sorted(a["kind"] for a in data["annotations"])
    assert kinds == ["allegation_frame", "attribution", "technique", "technique"]
    assert {a["version"] for a in data["annotations"]} == {"9.9", "9.8", "9.7"}
    assert data["reuse"]["cluster"] == ids["cluster"]
    assert data["reuse"]["partners"][0]["id"] == ids["b"]
    assert data["what_followed"][0]["status"] == "followed"
    assert data["groups"] and data["groups"][0]["slug"].endswith("--chemical-attack")
    page = client.get(f"/articles/{ids['a']}").text
    for slot in ("f-accuser", "f-accused", "f-trigger", "f-event", "f-locations"):
        assert f'class="key {slot} l-frame m"' in page  # the legend
        assert re.search(rf'<span class="[^"]*\b{slot}\b[^"]*" title=', page)  # the highlight
    assert 'id="show-frame"' in page and 'for="show-frame"' in page
    assert 'data-technique="Loaded_Language"' in page or "Loaded_Language" in page
    assert f"/reuse/{ids['cluster']}" in page and f"/articles/{ids['b']}" in page
    assert "What followed" in page
    (shared,) = data["shared_passages"]
    assert shared["direction"] == "copied by" and shared["partner"] == ids["b"]
    assert data["article"]["text"][shared["start"]:shared["end"]].startswith("The ministry said")
    assert re.search(r'<span class="[^"]*\bl-reuse\b[^"]*\br-by\b', page) and 'for="show-reuse"' in page
    reprint = client.get(f"/articles/{ids['b']}").text
    assert re.search(r'<span class="[^"]*\br-from\b', reprint) and "taken from an earlier article" in reprint


def test_article_prefix_and_unknown(client, corpus):
    _, ids = corpus
    assert client.get(f"/articles/{ids['a'][:8]}.json").json()["article"]["id"] == ids["a"]
    missing = client.get("/articles/ffffffffffffffff")
    assert missing.status_code == 404 and "No article" in missing.text and "<html" in missing.text
    twin = client.get("/articles/ffffffffffffffff.json")
    assert twin.status_code == 404 and "No article" in twin.json()["error"]


def test_allegations_and_group(client):
    groups = client.get("/allegations.json").json()
    assert groups["available"]
    (g,) = [g for g in groups["groups"] if g["event_type"] == "chemical_attack"]
    assert g["count"] == 2 and g["slug"] == group_slug(g["accused"], "chemical_attack")
    assert client.get("/allegations").status_code == 200
    assert groups["pages"] == 1 and groups["total"] == len(groups["groups"]) and groups["timeline"]
    assert client.get("/allegations.json?page=2").json()["groups"] == []
    d = client.get(f"/allegations/{g['slug']}.json").json()
    assert d["count"] == 2 and len(d["timeline"]) == 2
    head, = d["entries"]  # the reprint is folded under the instance it copies
    assert head["outlet"] == "Coast <i>Ledger</i>" and len(head["republications"]) == 1
    assert head["what_followed"]["status"] == "followed"
    assert d["places_map"] and d["places_map"][0]["name"] == "Saraqib"
    assert d["graph"]["edges"][0]["kind"] == "copy"
    page = client.get(f"/allegations/{g['slug']}").text
    assert "1 republication" in page and "<circle" in page
    assert client.get("/allegations/nobody--massacre").status_code == 404
    assert client.get("/allegations/nobody--massacre.json").json()["status"] == 404


def test_reuse_cluster(client, corpus):
    _, ids = corpus
    d = client.get(f"/reuse/{ids['cluster']}.json").json()
    assert d["size"] == 2 and [m["id"] for m in d["members"]] == [ids["a"], ids["b"]]
    (link,) = d["alignments"]
    assert link["passages"][0]["earlier"]["text"] == link["passages"][0]["later"]["text"]
    page = client.get(f"/reuse/{ids['cluster']}").text
    assert "Shared passages" in page and "marker-end" in page
    assert client.get("/reuse/rc-nothing").status_code == 404


def test_outlet_pages(client):
    d = client.get("/outlets/hill post.json").json()
    assert d["outlet"] == "Hill Post" and d["articles_total"] == 25 and len(d["articles"]) == 20
    assert d["reuse"]["took_from"][0]["outlet"] == "Coast <i>Ledger</i>"
    assert len(client.get("/outlets/Hill Post.json?page=2").json()["articles"]) == 5
    page = client.get("/outlets/Hill%20Post").text
    assert "page 1 of 2" in page and "?page=2" in page
    assert client.get("/outlets/Nowhere").status_code == 404


@pytest.mark.parametrize("query, expect", [
    ("q=staged", {"a", "b"}),
    ("q=staged&outlet=hill+post", {"b"}),
    ("q=%22staged+chemical+attack%22", {"a", "b"}),  # a phrase: matched once, rowids kept
    ("q=%22staged+chemical%22&outlet=hill+post&has_frame=1", {"b"}),
    ("q=%22chemical+staged%22", set()),
    ("has_frame=1", {"a", "b"}),
    ("technique=Loaded_Language&since=2020-05-02", {"b"}),
    ("speaker=ministry+of+%3Cb%3Edefence%3C/b%3E&until=2020-05-01", {"a"}),
    ("q=harvests&since=2020-06", set()),
])
@pytest.mark.parametrize("facet_small", [1, 2000])  # per-article checks, and rowids selected up front
def test_search_facets(client, corpus, query, expect, facet_small, monkeypatch):
    from narratrace.report import pages

    monkeypatch.setattr(pages, "FACET_SMALL", facet_small)
    _, ids = corpus
    d = client.get(f"/search.json?{query}").json()
    found = {k for k, v in ids.items() if v in {h["id"] for h in d["hits"]}}
    if expect:
        assert found == expect and d["total"] == len(expect)
    elif "harvests" in query:
        assert d["total"] == 24 and not found & {"a", "b"}
    else:
        assert d["total"] == 0 and d["hits"] == []


def test_search_snippets_and_pagination(client):
    d = client.get("/search.json?q=harvests").json()
    assert d["total"] == 24 and d["pages"] == 2 and len(d["hits"]) == 20
    assert "\x02harvests\x03" in d["hits"][0]["snippet"]
    second = client.get("/search.json?q=harvests&page=2").json()
    assert len(second["hits"]) == 4 and not {h["id"] for h in second["hits"]} & {h["id"] for h in d["hits"]}
    page = client.get("/search?q=harvests").text
    assert "<mark>harvests</mark>" in page and "page=2" in page and "Hill Post" in page
    assert set(d["facets"]) == {"outlet", "outlets", "techniques", "speakers"}
    assert "Loaded_Language" in d["facets"]["techniques"]


def test_broad_queries_are_capped_and_listed_by_recency(client, monkeypatch):
    from narratrace.report import pages

    monkeypatch.setattr(pages, "COUNT_CAP", 5)
    monkeypatch.setattr(pages, "RANK_LIMIT", 10)
    d = client.get("/search.json?q=harvests&outlet=hill+post").json()
    assert d["total"] == 5 and d["total_is_lower_bound"] and d["order"] == "added"
    assert d["pages"] == 2 and len(d["hits"]) == 20
    assert d["facet_sample"] == 5 and d["facets"]["outlet"] == [{"outlet": "Hill Post", "count": 5}]
    broad = client.get("/search.json?q=harvests").json()  # no filter: the index counts up to RANK_LIMIT
    assert broad["total"] == 10 and broad["total_is_lower_bound"] and broad["order"] == "added"
    page = client.get("/search?q=harvests&outlet=Hill+Post").text
    assert "5+ articles" in page and "most recently added first" in page and "the first 5 results" in page
    assert "page 1 of 2+" in page
    monkeypatch.setattr(pages, "RANK_LIMIT", 24)
    exact = client.get("/search.json?q=harvests").json()
    assert exact["total"] == 24 and not exact["total_is_lower_bound"] and exact["order"] == "relevance"
    ranked = client.get("/search.json?q=staged").json()
    assert ranked["order"] == "relevance" and ranked["total"] == 2


@pytest.mark.parametrize("query", ['q="unbalanced', "since=yesterday"])
def test_bad_search_is_a_clear_400(client, query):
    page = client.get(f"/search?{query}")
    assert page.status_code == 400 and 'class="error"' in page.text
    twin = client.get(f"/search.json?{query}")
    assert twin.status_code == 400 and twin.json()["error"]


def test_static_assets_are_local(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    for url in ("/", "/search?q=staged", "/allegations"):
        assert not re.search(r'(src|href)="(https?:)?//', client.get(url).text)
