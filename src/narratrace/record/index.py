"""A space-and-time index over events: latitude strips whose events are sorted by day.

A query (point, radius, first day, last day) visits only the strips the radius can reach and bisects each strip's
day column, so checking 100k frames against 1M events never compares every pair: only the events of a few strips
within the time window have their distance computed (vectorized with numpy).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from narratrace.record.model import Event
from narratrace.record.places import EARTH_KM

KM_PER_DEG = 111.195


class EventIndex:
    """Events in latitude strips of ``cell_deg``; each strip keeps numpy columns sorted by start day.

    A query bisects the day range in each strip its radius reaches and computes great-circle distances for that
    slice only, vectorized."""

    def __init__(self, events: Iterable[Event], cell_deg: float = 0.5) -> None:
        self.cell = cell_deg
        self.events: list[Event] = []
        self.type_codes: dict[str, int] = {}
        for ev in events:
            self.events.append(ev)
            self.type_codes.setdefault(ev.type, len(self.type_codes))
        n = len(self.events)
        starts = np.fromiter((e.date.start.toordinal() for e in self.events), dtype=np.int64, count=n)
        ends = np.fromiter((e.date.end.toordinal() for e in self.events), dtype=np.int64, count=n)
        lat_deg = np.fromiter((e.lat for e in self.events), dtype=np.float64, count=n)
        lons = np.radians(np.fromiter((e.lon for e in self.events), dtype=np.float64, count=n))
        types = np.fromiter((self.type_codes[e.type] for e in self.events), dtype=np.int32, count=n)
        self.max_span = int((ends - starts).max()) if n else 0  # month-precision events start early
        strip = np.floor(lat_deg / cell_deg).astype(np.int64)
        order = np.lexsort((starts, strip))
        lats = np.radians(lat_deg)
        self._strips: dict[int, _Strip] = {}
        bounds = np.flatnonzero(np.diff(strip[order])) + 1
        for chunk in np.split(order, bounds) if n else ():
            self._strips[int(strip[chunk[0]])] = _Strip(starts[chunk], ends[chunk], lats[chunk], lons[chunk],
                                                        np.cos(lats[chunk]), types[chunk], chunk)

    def __len__(self) -> int:
        return len(self.events)

    def type_mask(self, types: Iterable[str] | None) -> np.ndarray | None:
        """A lookup table for ``near(types=...)``: True for the event types to keep."""
        if types is None:
            return None
        mask = np.zeros(max(1, len(self.type_codes)), dtype=bool)
        for t in types:
            if t in self.type_codes:
                mask[self.type_codes[t]] = True
        return mask

    def near(self, lat: float, lon: float, radius_km: float, first_day: int, last_day: int,
             types: np.ndarray | None = None) -> Iterator[tuple[Event, float]]:
        """Events overlapping days [first_day, last_day] (ordinals) within ``radius_km``, with their distance.

        ``types`` is a mask from :meth:`type_mask` (None keeps every type)."""
        ids, dists = self.near_arrays(lat, lon, radius_km, first_day, last_day, types)
        for i, d in zip(ids.tolist(), dists.tolist()):
            yield self.events[i], d

    def near_arrays(self, lat: float, lon: float, radius_km: float, first_day: int, last_day: int,
                    types: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """As :meth:`near`, as two arrays: event positions in ``self.events`` and distances in km."""
        lo_day = first_day - self.max_span
        plat, plon = math.radians(lat), math.radians(lon)
        cos_p = math.cos(plat)
        dlat = radius_km / KM_PER_DEG
        found_ids, found_d = [], []
        for key in range(math.floor((lat - dlat) / self.cell), math.floor((lat + dlat) / self.cell) + 1):
            st = self._strips.get(key)
            if st is None:
                continue
            i0, i1 = np.searchsorted(st.days, (lo_day, last_day + 1))
            if i1 <= i0:
                continue
            sl = slice(i0, i1)
            la, lo, cl = st.lats[sl], st.lons[sl], st.coslat[sl]
            a = np.sin((la - plat) / 2) ** 2 + cos_p * cl * np.sin((lo - plon) / 2) ** 2
            dist = 2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
            hit = dist <= radius_km
            if self.max_span:
                hit &= st.ends[sl] >= first_day
            if types is not None:
                hit &= types[st.types[sl]]
            if hit.any():
                found_ids.append(st.ids[sl][hit])
                found_d.append(dist[hit])
        if not found_ids:
            return _EMPTY_I, _EMPTY_F
        return np.concatenate(found_ids), np.concatenate(found_d)


_EMPTY_I = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)


@dataclass(slots=True)
class _Strip:
    days: np.ndarray
    ends: np.ndarray
    lats: np.ndarray  # radians
    lons: np.ndarray  # radians
    coslat: np.ndarray
    types: np.ndarray
    ids: np.ndarray
