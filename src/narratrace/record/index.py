"""A space-and-time index over events: a lat/lon grid whose cells keep their events sorted by day.

A query (point, radius, first day, last day) visits only the cells the radius can reach and bisects each cell's
day list, so checking 100k frames against 1M events never compares every pair.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Iterable, Iterator, Sequence

from narratrace.record.model import Event
from narratrace.record.places import haversine_km

KM_PER_DEG = 111.195


class EventIndex:
    """Events bucketed by ``cell_deg`` grid cells; each bucket sorted by start day (ordinal)."""

    def __init__(self, events: Iterable[Event], cell_deg: float = 0.25) -> None:
        self.cell = cell_deg
        self.events: list[Event] = []
        buckets: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        self.max_span = 0  # longest event (days): month-precision events start early
        for ev in events:
            i = len(self.events)
            self.events.append(ev)
            start = ev.date.start.toordinal()
            self.max_span = max(self.max_span, ev.date.end.toordinal() - start)
            buckets[self._key(ev.lat, ev.lon)].append((start, i))
        self._days: dict[tuple[int, int], list[int]] = {}
        self._ids: dict[tuple[int, int], list[int]] = {}
        for key, items in buckets.items():
            items.sort()
            self._days[key] = [d for d, _ in items]
            self._ids[key] = [i for _, i in items]

    def __len__(self) -> int:
        return len(self.events)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.cell), math.floor(lon / self.cell)

    def near(self, lat: float, lon: float, radius_km: float, first_day: int, last_day: int
             ) -> Iterator[tuple[Event, float]]:
        """Events overlapping days [first_day, last_day] (ordinals) within ``radius_km``; with their distance."""
        lo_day = first_day - self.max_span
        for key in self._cells(lat, lon, radius_km):
            days = self._days.get(key)
            if days is None:
                continue
            ids = self._ids[key]
            for j in range(bisect_left(days, lo_day), bisect_right(days, last_day)):
                ev = self.events[ids[j]]
                if ev.date.end.toordinal() < first_day:
                    continue
                dist = haversine_km(lat, lon, ev.lat, ev.lon)
                if dist <= radius_km:
                    yield ev, dist

    def _cells(self, lat: float, lon: float, radius_km: float) -> Sequence[tuple[int, int]]:
        dlat = radius_km / KM_PER_DEG
        coslat = max(math.cos(math.radians(min(89.0, abs(lat) + dlat))), 1e-6)
        dlon = min(180.0, radius_km / (KM_PER_DEG * coslat))
        r0, c0 = self._key(lat - dlat, lon - dlon)
        r1, c1 = self._key(lat + dlat, lon + dlon)
        return [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
