"""Hostile article text, titles, outlets and labels stay text; the site only reads."""
from __future__ import annotations

import hashlib
from html.parser import HTMLParser
import re
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from narratrace.report.layers import render_text, segment, Mark
from narratrace.store import Store

RAW = ("<script", "onerror=\"alert", "onerror=alert", "<img", "<b>Defence", "<i>Ledger", "<b>Unit")


def _pages(ids: dict[str, str]) -> list[str]:
    return ["/", f"/articles/{ids['a']}", f"/articles/{ids['b']}", "/search?q=staged", "/search?q=details",
            "/allegations", f"/reuse/{ids['cluster']}", "/outlets/Coast%20%3Ci%3ELedger%3C%2Fi%3E",
            "/search?q=%3Cscript%3E", "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E"]


class _Tags(HTMLParser):
    """Every start tag as the browser would parse it: (tag, [(attribute, value)])."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_hostile_text_is_escaped_everywhere(client, corpus):
    _, ids = corpus
    slug = next(g["slug"] for g in client.get("/allegations.json").json()["groups"])
    for url in _pages(ids) + [f"/allegations/{slug}"]:
        page = client.get(url).text
        body = page.split("<body>", 1)[1]
        for raw in RAW:
            assert raw not in body, (url, raw)
        for tag, attrs in _tags(page):
            assert tag not in ("script", "iframe", "object", "embed", "img"), (url, tag)
            for name, value in attrs:
                assert not name.startswith("on"), (url, tag, name)  # no event-handler attribute
                if name in ("href", "src", "action", "formaction") and (tag, value) != ("link", "data:,"):
                    assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (url, value)
    article = client.get(f"/articles/{ids['a']}").text
    assert "&lt;script&gt;alert(&#34;x1&#34;)&lt;/script&gt;" in article
    assert "&lt;a href=&#34;javascript:alert(3)&#34;&gt;" in article
    assert 'data-technique="&lt;img src=y onerror=&#34;alert(4)&#34;&gt;"' in article


def test_security_headers_on_every_response(client, corpus):
    _, ids = corpus
    for url in _pages(ids) + ["/static/style.css", "/index.json", "/nope", "/articles/zz.json"]:
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_no_state_changing_methods(client, corpus, method):
    _, ids = corpus
    for url in ("/", f"/articles/{ids['a']}", "/search?q=x", f"/articles/{ids['a']}.json"):
        r = getattr(client, method)(url)
        assert r.status_code == 405, (method, url)
        assert "GET" in r.headers["allow"]
    assert client.head(f"/articles/{ids['a']}").status_code == 200


def test_database_is_opened_read_only(client, corpus):
    path, ids = corpus
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for url in _pages(ids):
        client.get(url)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    store = Store.open(path, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM articles")
    store.close()


def test_missing_database_fails_with_its_name(tmp_path):
    from narratrace.errors import StoreError
    from narratrace.web import create_app

    with pytest.raises(StoreError, match="nothing.db"):
        create_app(tmp_path / "nothing.db")
    assert not (tmp_path / "nothing.db").exists()


def _plain(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]*>", "", html))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab<>&\"' \n", max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["technique", "allegation_frame",
                                                                                    "attribution", "x"])),
                max_size=6))
def test_render_keeps_the_text_whatever_the_overlaps(text, spans):
    anns = []
    for s, e, kind in spans:
        span = {"start": min(s, e), "end": max(s, e), "text": ""}
        attrs = {"technique": {}, "x": {}, "allegation_frame": {"sentence": span, "accused": [span]},
                 "attribution": {"content": span, "cue": span}}[kind]
        anns.append({"kind": kind, "start": span["start"], "end": span["end"], "label": "<b>", "attrs": attrs})
    html = render_text(text, anns)
    assert _plain(str(html)) == text
    assert "<b>" not in str(html)


@given(st.integers(0, 30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8))
def test_segments_tile_the_text_and_carry_the_covering_marks(n, ranges):
    marks = [Mark(min(a, b, n), min(max(a, b), n), "frame", "event", "", i) for i, (a, b) in enumerate(ranges)]
    segs = segment(n, [m for m in marks if m.start < m.end])
    assert [s.start for s in segs][:1] in ([0], []) and all(x.end == y.start for x, y in zip(segs, segs[1:]))
    assert (segs[-1].end if segs else 0) == n
    for s in segs:
        assert set(s.marks) == {m for m in marks if m.start <= s.start and s.end <= m.end and m.start < m.end}
