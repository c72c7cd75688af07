"""Resolve the place strings of allegation frames to points, through the packaged place gazetteer.

Matching is by alias, never by similarity: a string with no known alias in it is reported as unresolved, not
guessed. Qualifiers around a name are tolerated ("Kafr Jales villages of the province", "Deir ez-Zor province",
"northwestern province of Idlib"): the longest alias found as a whole-word run wins, and "province",
"governorate", "countryside" next to a city lift it to its province when the gazetteer has one.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from narratrace.errors import InputError

KINDS = ("village", "town", "city", "site", "region", "province", "country")
_PROVINCE_WORDS = {"province", "governorate", "countryside", "rural", "oblast", "region"}
_QUOTES = re.compile(r"[’‘'`ʿʾ´]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
EARTH_KM = 6371.0088


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Deir ez-Zor" -> "deir ez zor"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTES.sub("", text.casefold())
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    kind: str
    admin: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    extent_km: float = 0.0
    note: str | None = None
    ambiguous: tuple[str, ...] = ()  # aliases too common to look for in running text

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lat": self.lat, "lon": self.lon, "kind": self.kind, "admin": self.admin,
                "country": self.country, "extent_km": self.extent_km}


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """One place found in a string: the gazetteer entry and the words that named it."""

    place: Place
    text: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a location string resolved to; ``unresolved`` holds the string when nothing matched."""

    text: str
    matches: tuple[PlaceMatch, ...]

    @property
    def unresolved(self) -> bool:
        return not self.matches


class PlaceGazetteer:
    """Places by normalized alias; resolves strings to places without guessing."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: list[Place] = list(places)
        self._by_alias: dict[tuple[str, ...], Place] = {}
        self._free_text: set[tuple[str, ...]] = set()
        self._provinces: dict[tuple[str, str], Place] = {}
        for p in self.places:
            stop = {normalize(a) for a in p.ambiguous}
            for alias in (p.name, *p.aliases):
                key = tuple(normalize(alias).split())
                if key and key not in self._by_alias:
                    self._by_alias[key] = p
                    if " ".join(key) not in stop:
                        self._free_text.add(key)
            if p.kind == "province":
                self._provinces[(p.country, p.admin)] = p
        self._longest = max((len(k) for k in self._by_alias), default=1)

    def __len__(self) -> int:
        return len(self.places)

    def get(self, name: str) -> Place | None:
        """The place with this name or alias, exactly (after normalization)."""
        return self._by_alias.get(tuple(normalize(name).split()))

    def resolve(self, text: str) -> Resolution:
        """Every place named in ``text`` (longest alias first, non-overlapping); empty when none."""
        return Resolution(text, tuple(self._scan(text, free_text=False)))

    def find_in_text(self, text: str) -> list[PlaceMatch]:
        """Places named in running text (skips aliases marked ambiguous)."""
        return self._scan(text, free_text=True)

    def _scan(self, text: str, free_text: bool) -> list[PlaceMatch]:
        tokens = normalize(text).split()
        out: list[PlaceMatch] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(tokens, i, free_text)
            if hit is None:
                i += 1
                continue
            n, place = hit
            place = self._lift_to_province(place, tokens, i, n)
            if all(m.place.name != place.name for m in out):
                out.append(PlaceMatch(place, " ".join(tokens[i:i + n])))
            i += n
        return out

    def _longest_at(self, tokens: list[str], i: int, free_text: bool) -> tuple[int, Place] | None:
        for n in range(min(self._longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i:i + n])
            if key in self._by_alias and (not free_text or key in self._free_text):
                return n, self._by_alias[key]
        return None

    def _lift_to_province(self, place: Place, tokens: list[str], i: int, n: int) -> Place:
        if place.kind not in ("city", "town"):
            return place
        around = set(tokens[max(0, i - 2):i]) | set(tokens[i + n:i + n + 1])
        if around & _PROVINCE_WORDS:
            return self._provinces.get((place.country, place.admin), place)
        return place


def place_from_mapping(d: Mapping[str, Any], where: str) -> Place:
    """A gazetteer entry from YAML; raises InputError naming the entry."""
    try:
        lat, lon = float(d["lat"]), float(d["lon"])
        name = str(d["name"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(where, None, f"place entry needs name, lat and lon ({exc})") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(where, None, f"place {name!r}: coordinates out of range ({lat}, {lon})")
    kind = str(d.get("kind") or "town")
    if kind not in KINDS:
        raise InputError(where, None, f"place {name!r}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    return Place(name=name, lat=lat, lon=lon, kind=kind, admin=str(d.get("admin") or ""),
                 country=str(d.get("country") or ""), aliases=tuple(str(a) for a in d.get("aliases") or ()),
                 extent_km=float(d.get("extent_km") or 0.0), note=d.get("note"),
                 ambiguous=tuple(str(a) for a in d.get("ambiguous") or ()))


def load_places(paths: Iterable[str | Path] = ()) -> PlaceGazetteer:
    """The packaged gazetteer, with user files layered after it (their entries add to / precede ours)."""
    entries: list[Place] = []
    for path in list(paths)[::-1]:
        entries.extend(_read_places(Path(path).read_text(encoding="utf-8"), str(path)))
    entries.extend(_builtin_places())
    return PlaceGazetteer(entries)


@lru_cache(maxsize=1)
def _builtin_places() -> tuple[Place, ...]:
    text = resources.files("narratrace.resources").joinpath("places.yaml").read_text(encoding="utf-8")
    return tuple(_read_places(text, "narratrace/resources/places.yaml"))


def _read_places(text: str, where: str) -> list[Place]:
    data = yaml.safe_load(text) or []
    if isinstance(data, Mapping):
        data = data.get("places") or []
    return [place_from_mapping(d, f"{where} entry {i + 1}") for i, d in enumerate(data)]


@lru_cache(maxsize=1)
def default_gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer(_builtin_places())
