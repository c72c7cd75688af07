"""Recurring allegations: grouping, ordinals, republications, alias normalization, the timeline."""
from __future__ import annotations

from pathlib import Path

from narratrace.corpus.recurrence import UNNAMED, FrameRecord, actor_key, group_frames
from narratrace.corpus.timeline import write_timeline
from narratrace.model import AllegationFrame, Span


def frame(sentence: str, accused: list[str], event_type: str = "chemical_attack", places: tuple[str, ...] = (),
          accuser: str | None = None) -> AllegationFrame:
    def sp(t: str) -> Span:
        i = sentence.find(t)
        return Span(i, i + len(t), t)

    return AllegationFrame(sentence=Span(0, len(sentence), sentence), trigger=sp(sentence.split()[0]),
                           event_type=event_type, time="future", accused=tuple(sp(a) for a in accused),
                           locations=tuple(sp(p) for p in places), accuser=sp(accuser) if accuser else None)


def rec(article: str, date: str, f: AllegationFrame, outlet: str = "A") -> FrameRecord:
    return FrameRecord(article=article, frame=f, date=date, outlet=outlet)


S1 = "The Blue Scarves are preparing a gas attack in Hama, the centre said."
S2 = "Members of the Blue Scarves plan a chlorine provocation in Homs, the ministry said."


def test_same_accused_and_type_group_regardless_of_place_and_date():
    groups = group_frames([
        rec("b", "2019-05-01", frame(S2, ["Members of the Blue Scarves"], places=("Homs",), accuser="the ministry")),
        rec("a", "2018-02-01", frame(S1, ["The Blue Scarves"], places=("Hama",), accuser="the centre")),
        rec("c", "2019-06-01", frame("The Blue Scarves staged the massacre.", ["The Blue Scarves"], "massacre")),
    ], key=lambda t: actor_key(t) if "Blue" not in t else "Blue Scarves")
    top = groups[0].to_dict()
    assert (top["accused"], top["event_type"], top["count"]) == ("Blue Scarves", "chemical_attack", 2)
    assert (top["first_seen"], top["last_seen"]) == ("2018-02-01", "2019-05-01")
    assert top["places"] == ["Hama", "Homs"]
    assert top["accusers"] == ["the centre", "the ministry"]
    assert [f["article"] for f in top["frames"]] == ["a", "b"]
    assert [f["ordinal"] for f in top["frames"]] == [1, 2]
    assert len(groups) == 2  # the massacre frame is its own group


def test_republication_is_marked_and_keeps_the_instance_number():
    f = frame(S1, ["The Blue Scarves"])
    groups = group_frames([rec("orig", "2018-02-01", f, "RT"), rec("copy", "2018-02-02", f, "Blog"),
                           rec("new", "2018-03-01", frame(S2, ["The Blue Scarves"]), "RT")])
    g = groups[0]
    assert (g.count, g.instances) == (3, 2)
    occ = {o.article: o for o in g.occurrences}
    assert occ["copy"].republication_of == "orig" and occ["copy"].instance == 1
    assert occ["new"].republication_of is None and occ["new"].instance == 2 and occ["new"].ordinal == 3


def test_frames_without_accused_and_with_two_accused():
    two = frame("Rebels together with the Blue Scarves plan an attack.", ["Rebels", "the Blue Scarves"])
    groups = group_frames([rec("x", "2020-01-01", two), rec("y", None, frame("It was staged.", []))])  # type: ignore[arg-type]
    keys = {g.accused for g in groups}
    assert UNNAMED in keys and "Rebels" in keys
    assert len(groups) == 3


def test_actor_key_strips_articles_and_heads_when_the_gazetteer_has_no_entry():
    assert actor_key("members of the Purple Scarf Brigade") == "Purple Scarf Brigade"


def test_timeline_writes_html_and_png(tmp_path: Path):
    groups = group_frames([rec("a", "2018-02-01", frame(S1, ["The Blue Scarves"])),
                           rec("b", "2019-02-01", frame(S2, ["The Blue Scarves"]))])
    written = write_timeline(groups, tmp_path / "t.html")
    assert [p.name for p in written] == ["t.html", "t.png"]
    assert written[1].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Blue Scarves" in written[0].read_text("utf-8")


def test_demonyms_group_with_the_state_and_places_drop_the_article():
    f1 = frame("A Ukrainian provocation in the Kerch Strait.", ["Ukrainian"], "other", ("the Kerch Strait",))
    f2 = frame("Ukraine staged a provocation in Kerch Strait.", ["Ukraine"], "other", ("Kerch Strait",))
    groups = group_frames([rec("a", "2019-01-01", f1), rec("b", "2019-02-01", f2)])
    assert len(groups) == 1 and groups[0].count == 2
    assert groups[0].to_dict()["places"] == ["Kerch Strait"]
