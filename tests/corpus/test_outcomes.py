from datetime import date

import pytest

from narratrace.corpus.ledger import ABSENCE_NOTE, build_ledger
from narratrace.corpus.outcomes import FrameRef, OutcomeMatcher, preceding_sentences
from narratrace.record.loaders import load_record
from narratrace.record.model import DateRange, Event, Finding, RecordedWarning
from tests.corpus.frames import article, make_frame

KJ = (35.950, 36.600)  # Kafr Jales in the packaged gazetteer

WARNING = ("The Russian Ministry of Defence said on Saturday that HTS militants are preparing to stage strikes on camps "
           "in Kafr Jales to blame Syrian government troops.")


def event(eid, day, perpetrator, type_="strike_on_civilians", lat=KJ[0], lon=KJ[1], place="Kafr Jales"):
    f = Finding(body="Test Monitor", finding="Something was recorded.", perpetrator=perpetrator,
                url="https://example.org/finding")
    return Event(eid, DateRange.parse(day), place, lat, lon, type_, perpetrator, (f,))


def matcher(events, warnings=(), **kw):
    rec = load_record(builtin=False)
    rec.events.extend(events)
    rec.warnings.extend(warnings)
    return OutcomeMatcher(rec, **kw)


def warning_ref(text=WARNING, day="2022-11-07", art_id="a1", **slots):
    frame = make_frame(text, text, trigger="preparing to stage", accuser="The Russian Ministry of Defence",
                       accused=("HTS militants",), locations=("Kafr Jales",),
                       blame_target=("Syrian government troops",), **slots)
    return FrameRef.from_article(article(text, day, art_id), 0, frame)


def test_warning_followed_next_day_by_strike_of_the_blame_target():
    m = matcher([event("hit", "2022-11-06", "Syrian government forces")])
    c = m.check(warning_ref())
    assert (c.date_basis, str(c.date)) == ("text", "2022-11-05")
    assert c.status == "followed" and [o.event.id for o in c.outcomes] == ["hit"]
    o = c.outcomes[0]
    assert o.lag_days == (1, 1) and o.order == "after"
    assert o.relation == "blame_target" and o.own_side is True
    assert c.accuser == "Russian Ministry of Defence"


@pytest.mark.parametrize("ev, kw, found", [
    (event("late", "2022-12-20", "X"), {}, False),  # 45 days later: outside the default window
    (event("late", "2022-12-20", "X"), {"window_days": 60}, True),
    (event("far", "2022-11-06", "X", lat=KJ[0] + 0.5), {}, False),  # ~55 km north
    (event("far", "2022-11-06", "X", lat=KJ[0] + 0.5), {"radius_km": 80}, True),
    (event("early", "2022-11-01", "X"), {}, False),  # before the statement
    (event("battle", "2022-11-06", "X", type_="other"), {}, False),  # incompatible type
    (event("gas", "2022-11-06", "X", type_="chemical_attack"), {}, True),  # a gas attack hits civilians too
])
def test_window_radius_order_and_type_limits(ev, kw, found):
    c = matcher([ev], **kw).check(warning_ref())
    assert (c.status == "followed") is found


@pytest.mark.parametrize("perpetrator, relation, own", [
    ("Hayat Tahrir al-Sham", "accused", False),
    ("Syrian Arab Air Force", "blame_target", True),
    ("Russian Aerospace Forces", "third_party", True),  # not named in the frame, but the accuser's side
    ("Islamic State", "third_party", False),
    (None, "unattributed", None),
    ("Some Unlisted Militia", "unknown_actor", None),
])
def test_perpetrator_relation_and_side(perpetrator, relation, own):
    c = matcher([event("e", "2022-11-06", perpetrator)]).check(warning_ref())
    assert (c.outcomes[0].relation, c.outcomes[0].own_side) == (relation, own)


def test_no_recorded_incident_and_unresolved_places():
    text = "The ministry said on Saturday that militants are preparing a provocation in Zzyzx Camp and in Syria."
    frame = make_frame(text, text, trigger="preparing a provocation", accuser="The ministry",
                       locations=("Zzyzx Camp", "Syria"))
    c = matcher([]).check(FrameRef.from_article(article(text, "2022-11-07"), 0, frame))
    assert c.status == "no_place" and c.unresolved == ("Zzyzx Camp",) and c.too_broad == ("Syria",)
    c2 = matcher([event("elsewhere", "2022-11-06", "X", lat=10, lon=10)]).check(warning_ref())
    assert c2.status == "no_recorded_incident" and not c2.outcomes


def test_statement_date_from_a_recorded_warning_else_the_article():
    text = "Militants are preparing to stage strikes in Kafr Jallis, the ministry said."
    frame = make_frame(text, text, trigger="preparing to stage", accuser="the ministry", locations=("Kafr Jallis",))
    ref = FrameRef.from_article(article(text, "2022-11-07"), 0, frame)
    w = RecordedWarning("w1", DateRange.parse("2022-11-05"), "Oleg Yegorov", ("Kafr Jales",), "attack_on_civilians",
                        url="https://example.org/w")
    hit = event("hit", "2022-11-06", "Syrian government forces")
    c = matcher([hit], [w]).check(ref)
    assert (c.date_basis, str(c.date), c.outcomes[0].order) == ("record", "2022-11-05", "after")
    c = matcher([hit]).check(ref)  # without the recorded warning: the article date, order unknown
    assert c.date_basis == "article" and c.date == DateRange(date(2022, 10, 31), date(2022, 11, 7))
    assert c.outcomes[0].order == "uncertain" and c.outcomes[0].lag_days == (-1, 6)


def test_past_frame_gets_findings_about_the_earlier_incident():
    text = "News of an attack in Douma spread in April. Locals later said the whole event was staged."
    frame = make_frame(text, "Locals later said the whole event was staged.", trigger="staged", time="past",
                       event_type="chemical_attack", accuser="Locals")
    ref = FrameRef.from_article(article(text, "2018-06-12"), 0, frame)
    events = [event("douma", "2018-04-07", "Syrian Arab Air Force", "chemical_attack", 33.5711, 36.4019, "Douma"),
              event("later", "2019-01-01", "X", "chemical_attack", 33.5711, 36.4019, "Douma")]
    c = matcher(events).check(ref)
    assert [p.basis for p in c.places] == ["context"]
    assert c.status == "findings" and [o.event.id for o in c.outcomes] == ["douma"]
    assert c.outcomes[0].order == "before" and c.outcomes[0].event.findings[0].body == "Test Monitor"


def test_preceding_sentences():
    text = "One. Two is here. Three follows. Four."
    assert preceding_sentences(text, text.index("Four")) == "Two is here. Three follows. "


def test_ledger_dedupes_republications_and_counts_sides():
    m = matcher([event("hit", "2022-11-06", "Syrian government forces")])
    quiet = ("The Russian Ministry of Defence said on Saturday that HTS militants are preparing to stage strikes on camps "
             "in Deir Ezzor to blame Syrian government troops.")
    frame_q = make_frame(quiet, quiet, trigger="preparing to stage", accuser="The Russian Ministry of Defence",
                         accused=("HTS militants",), locations=("Deir Ezzor",), blame_target=("Syrian government troops",))
    checked = [m.check(warning_ref(art_id="a1")), m.check(warning_ref(art_id="a2")),
               m.check(FrameRef.from_article(article(quiet, "2022-11-07", "a3"), 0, frame_q))]
    rows = build_ledger(checked)
    assert [(r.accuser, r.side) for r in rows] == [("Russian Ministry of Defence", {"syria_russia"})]
    counts = rows[0].counts()
    assert counts == {"warnings": 2, "checkable": 2, "followed": 1, "by_accused": 0, "by_own_side": 1,
                      "no_recorded_incident": 1, "unchecked": 0}
    followed = next(w for w in rows[0].warnings if w.followed)
    assert [a["article"] for a in followed.articles] == ["a1", "a2"]
    assert rows[0].to_dict()["note"] == ABSENCE_NOTE and "not proof" in ABSENCE_NOTE
