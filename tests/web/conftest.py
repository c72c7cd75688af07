"""A small corpus written by hand for the web tests: hostile text, every annotation kind, reuse and outcomes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from narratrace.ids import article_id
from narratrace.model import AllegationFrame, Annotation, Article, Attribution, Span
from narratrace.store import Store

HOSTILE = '<script>alert("x1")</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">see</a>'
LEDE = "The ministry said that militants are preparing a staged chemical attack in Saraqib."
TEXT_A = f"{LEDE}\n\nOfficials added details. {HOSTILE} The end."
TEXT_B = f"Reprint: {LEDE}\n\nOfficials added details. Nothing else."


def _span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span.of(text, start, start + len(piece))


def frame_for(text: str) -> AllegationFrame:
    return AllegationFrame(
        sentence=_span(text, LEDE), trigger=_span(text, "staged"), event_type="chemical_attack", time="future",
        accuser=_span(text, "The ministry"), accused=(_span(text, "militants"),), event=_span(text, "chemical attack"),
        locations=(_span(text, "Saraqib"),))


def annotations_for(text: str) -> list[Annotation]:
    frame = frame_for(text)
    attribution = Attribution(content=_span(text, "that militants are preparing a staged chemical attack in Saraqib"),
                              kind="indirect", source=_span(text, "The ministry"), cue=_span(text, "said"),
                              speaker="Ministry of <b>Defence</b>", speaker_type="official_body")
    anns = [Annotation("allegations", "9.9", "allegation_frame", frame.sentence.start, frame.sentence.end,
                       "chemical_attack", frame.to_dict()),
            Annotation("attribution", "9.8", "attribution", attribution.content.start, attribution.content.end,
                       "indirect", attribution.to_dict())]
    t = _span(text, "staged chemical")  # overlaps the trigger, the event and the attribution content
    anns.append(Annotation("techniques", "9.7", "technique", t.start, t.end, "Loaded_Language", {"score": 0.9}))
    if "<script>" in text:
        h = _span(text, HOSTILE)
        anns.append(Annotation("techniques", "9.7", "technique", h.start, h.end,
                               '<img src=y onerror="alert(4)">', {"score": 0.5}))
    return anns


def build_corpus(path: Path, extra: int = 24) -> dict[str, str]:
    a = Article(article_id(TEXT_A, "Coast <i>Ledger</i>", None), TEXT_A, title='Warning <script>alert("t")</script>',
                outlet="Coast <i>Ledger</i>", date="2020-05-01", url="javascript:alert(5)", source="a.txt", name="a")
    b = Article(article_id(TEXT_B, "Hill Post", None), TEXT_B, title="Reprint of the warning", outlet="Hill Post",
                date="2020-05-03", source="b.txt", name="b")
    fillers = [Article(article_id(f"filler {i}", "Hill Post", None), f"Filler story number {i} about harvests.",
                       title=f"Harvest {i}", outlet="Hill Post", date=f"2020-06-{i % 28 + 1:02d}", name=f"f{i}")
               for i in range(extra)]
    with Store.open(path) as s:
        s.add_articles([a, b, *fillers])
        for art in (a, b):
            by: dict[tuple[str, str], list[Annotation]] = {}
            for ann in annotations_for(art.text):
                by.setdefault((ann.analyzer, ann.version), []).append(ann)
            for (name, version), anns in by.items():
                s.write_annotations(art.id, name, version, anns)
        s.record_errors([("bad.jsonl", "line 3", "malformed JSON <script>alert(6)</script>")])
        _reuse(s, a, b)
        _outcome(s, a)
    return {"a": a.id, "b": b.id, "cluster": f"rc-{a.id}", "filler": fillers[0].id if fillers else ""}


def _reuse(s: Store, a: Article, b: Article) -> None:
    la, lb = a.text.index(LEDE), b.text.index(LEDE)
    with s.conn:
        cur = s.conn.execute("INSERT INTO reuse_links (earlier, later, kind, share_of_later, share_of_earlier, basis, "
                             "cluster) VALUES (?, ?, 'copy', 0.8, 0.5, 'date', ?)", (a.id, b.id, f"rc-{a.id}"))
        s.conn.execute("INSERT INTO reuse_passages VALUES (?, ?, ?, ?, ?, 0)",
                       (cur.lastrowid, la, la + len(LEDE), lb, lb + len(LEDE)))
        hops = [{"earlier": a.id, "later": b.id, "from_outlet": a.outlet, "to_outlet": b.outlet,
                 "from_date": a.date, "to_date": b.date, "days": 2, "share_of_later": 0.8}]
        s.conn.execute("INSERT INTO reuse_clusters VALUES (?, 2, 'unique', ?, ?, '[]', ?, '[]')",
                       (f"rc-{a.id}", a.date, json.dumps([a.id]), json.dumps(hops)))
        s.conn.executemany("INSERT INTO reuse_cluster_members VALUES (?, ?)", [(a.id, f"rc-{a.id}"),
                                                                               (b.id, f"rc-{a.id}")])


def _outcome(s: Store, a: Article) -> None:
    record = {"article": a.id, "frame": 0, "status": "followed", "date": "2020-05-01", "date_basis": "article", "sentence": LEDE,
              "accuser": "Ministry", "time": "future",
              "places": [{"name": "Saraqib", "text": "Saraqib", "basis": "slot", "lat": 35.86, "lon": 36.8}],
              "outcomes": [{"event": {"date": "2020-05-09", "place": "Saraqib", "type": "chemical_attack",
                                      "perpetrator": "<b>Unit</b>"}, "relation": "third_party", "order": "after",
                            "distance_km": 1.5, "lag_days": [8, 8]}]}
    with s.conn:
        s.conn.execute("INSERT INTO outcome_frames (article_id, frame_index, time, event_type, accuser, date, "
                       "date_basis, status, record) VALUES (?, 0, 'future', 'chemical_attack', 'Ministry', "
                       "'2020-05-01', 'article', 'followed', ?)", (a.id, json.dumps(record)))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("web") / "web.db"
    ids = build_corpus(path)
    return path, ids


@pytest.fixture(scope="session")
def client(corpus):
    from fastapi.testclient import TestClient

    from narratrace.web import create_app

    return TestClient(create_app(corpus[0]))
