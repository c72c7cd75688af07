"""The two sample articles against the shipped record (reads ../shared at run time; skips when absent)."""
import json
from pathlib import Path

import pytest

from narratrace.corpus.outcomes import FrameRef, OutcomeMatcher
from narratrace.ingest import read_paths
from narratrace.model import AllegationFrame, Article, Span
from narratrace.record.loaders import load_record

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def matcher():
    return OutcomeMatcher(load_record())


@pytest.fixture(scope="module")
def articles(samples_dir: Path) -> dict[str, Article]:
    arts = [a for a in read_paths([str(samples_dir)]) if isinstance(a, Article)]
    by_key = {a.name or Path(a.source or "").stem: a for a in arts}
    if len(by_key) < 2:
        pytest.skip("the two sample articles were not found")
    return by_key


def _find(text: str, needle: str | None, at: int = 0) -> Span | None:
    if needle is None:
        return None
    i = text.find(needle, at)
    return Span(i, i + len(needle), needle) if i >= 0 else None


def gold_frames(shared_dir: Path, art: Article) -> list[AllegationFrame]:
    gold = shared_dir / "data" / "allegations" / "samples-gold.jsonl"
    if not gold.exists():
        pytest.skip("samples gold is absent")
    for line in gold.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if (art.name or "").startswith(d["article"]):
            out = []
            for g in d["frames"]:
                s = _find(art.text, g["sentence"])
                many = lambda k: tuple(x for x in (_find(art.text, v, s.start) for v in g[k]) if x)  # noqa: E731
                out.append(AllegationFrame(sentence=s, trigger=_find(art.text, g["trigger"], s.start),
                                           event_type=g["event_type"], time=g["time"],
                                           accuser=_find(art.text, g["accuser"], s.start),
                                           accuser_resolved=g.get("accuser_resolved"), accused=many("accused"),
                                           helpers=many("helpers"), locations=many("locations"),
                                           blame_target=many("blame_target")))
            return out
    pytest.skip(f"no gold frames for {art.name}")


def analyzer_frames(shared_dir: Path, art: Article) -> list[AllegationFrame]:
    try:
        from narratrace.analyze.allegations import extract_frames
    except ImportError as exc:
        pytest.skip(f"the allegation-frame analyzer is not available yet ({exc})")
    return extract_frames(art.text)


def checked(matcher, art, frames):
    return [matcher.check(FrameRef.from_article(art, i, f)) for i, f in enumerate(frames)]


@pytest.fixture(params=["gold", "analyzer"])
def frames_of(request, shared_dir):
    return lambda art: (gold_frames if request.param == "gold" else analyzer_frames)(shared_dir, art)


def _article(articles, prefix):
    return next(a for k, a in articles.items() if k.startswith(prefix))


def test_kafr_jales_warning_followed_next_day_by_camp_strike(matcher, articles, frames_of):
    art = _article(articles, "000")
    assert art.date == "2022-11-07"
    hits = [c for c in checked(matcher, art, frames_of(art)) if any(p.name == "Kafr Jales" for p in c.places)]
    assert hits, "no frame places the warning in Kafr Jales"
    c = hits[0]
    assert c.ref.frame.time == "future" and str(c.date) == "2022-11-05" and c.status == "followed"
    strike = next(o for o in c.outcomes if str(o.event.date) == "2022-11-06")
    assert strike.event.place == "Kafr Jales" and strike.lag_days == (1, 1) and strike.order == "after"
    parties = matcher.record.parties.parties_in([strike.event.perpetrator])
    assert {"syrian_government", "russia"} <= parties
    assert strike.relation == "blame_target" and strike.own_side is True
    assert {"Human Rights Watch", "Syrian Archive"} <= set(strike.event.attributed_by)


def test_deir_ez_zor_warning_has_no_recorded_incident(matcher, articles, frames_of):
    art = _article(articles, "004")
    hits = [c for c in checked(matcher, art, frames_of(art))
            if any(p.name.startswith("Deir ez-Zor") for p in c.places)]
    assert hits, "no frame places the warning in Deir ez-Zor"
    for c in hits:
        assert c.ref.frame.time == "future" and c.date is not None and c.date.start.strftime("%Y-%m") == "2018-06"
        assert c.status == "no_recorded_incident" and not c.outcomes


def test_eastern_ghouta_mention_linked_to_douma_finding(matcher, articles, frames_of):
    art = _article(articles, "004")
    hits = [c for c in checked(matcher, art, frames_of(art)) if any(p.name == "Eastern Ghouta" for p in c.places)]
    assert hits, "no frame places the March warning in Eastern Ghouta"
    c = hits[0]
    assert str(c.date) == "2018-03" and c.date_basis == "text"
    douma = next(o for o in c.outcomes if o.event.place == "Douma" and str(o.event.date) == "2018-04-07")
    iit = [f for f in douma.event.findings if "Investigation and Identification" in f.body]
    assert iit and iit[0].perpetrator == "Syrian Arab Air Force" and iit[0].date == "2023-01-27"
    assert douma.own_side is True
