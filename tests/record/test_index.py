from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from narratrace.record.index import EventIndex
from narratrace.record.model import DateRange, Event
from narratrace.record.places import haversine_km

BASE = date(2020, 1, 1)


def ev(i, lat, lon, day, span=0):
    start = BASE + timedelta(days=day)
    return Event(f"e{i}", DateRange(start, start + timedelta(days=span)), f"p{i}", lat, lon, "other")


points = st.tuples(st.floats(30, 40), st.floats(30, 45), st.integers(0, 400), st.sampled_from([0, 0, 0, 30]))


@settings(max_examples=60, deadline=None)
@given(st.lists(points, max_size=60), st.floats(30, 40), st.floats(30, 45), st.floats(1, 300),
       st.integers(0, 400), st.integers(0, 60))
def test_index_agrees_with_brute_force(pts, lat, lon, radius, first, width):
    events = [ev(i, *p) for i, p in enumerate(pts)]
    index = EventIndex(events)
    lo = (BASE + timedelta(days=first)).toordinal()
    hi = lo + width
    got = {e.id for e, _ in index.near(lat, lon, radius, lo, hi)}
    want = {e.id for e in events
            if haversine_km(lat, lon, e.lat, e.lon) <= radius
            and e.date.start.toordinal() <= hi and e.date.end.toordinal() >= lo}
    assert got == want


def test_index_skips_events_beyond_the_radius_at_high_longitude():
    events = [ev(1, 10.0, 179.9, 0), ev(2, 10.0, 170.0, 0)]
    got = {e.id for e, _ in EventIndex(events).near(10.0, 179.8, 20, BASE.toordinal(), BASE.toordinal())}
    assert got == {"e1"}
