"""Read the event record: the shipped YAML, ACLED-style CSV exports and the narratrace JSONL format.

Readers yield ``Event | InputError``: a bad row becomes one error naming ``file:line`` and what is wrong, and the
good rows around it are kept. The JSONL format (one object per line) is documented in ``docs/outcomes.md``::

    {"date": "2022-11-06", "place": "Kafr Jales", "type": "strike_on_civilians",
     "perpetrator": "Syrian-Russian military alliance", "lat": 35.95, "lon": 36.6,
     "findings": [{"body": "...", "finding": "...", "perpetrator": "...", "document": "...",
                   "date": "2022-11-23", "url": "https://..."}]}

``lat``/``lon`` may be left out when ``place`` is in the gazetteer; a flat ``body``/``finding``/``document``/
``url`` may stand in for a one-item ``findings`` list.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

from narratrace.errors import InputError
from narratrace.record.model import DateRange, Event, Finding, RecordedWarning, event_id
from narratrace.record.parties import Parties
from narratrace.record.places import PlaceGazetteer, default_gazetteer

ACLED_REQUIRED = ("event_date", "event_type", "location", "latitude", "longitude")
_ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d %b %Y", "%Y/%m/%d")


@dataclass
class Record:
    """Everything the outcome check needs: events, documented warnings, places, types and parties."""

    events: list[Event]
    warnings: list[RecordedWarning]
    places: PlaceGazetteer
    types: dict[str, frozenset[str]]  # record type -> frame event types it can confirm
    parties: Parties
    acled_types: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def compatible(self, record_type: str, frame_type: str) -> bool:
        return frame_type in self.types.get(record_type, frozenset())


@lru_cache(maxsize=1)
def _builtin_yaml() -> Mapping[str, Any]:
    text = resources.files("narratrace.resources").joinpath("events.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def load_record(paths: Iterable[str | Path] = (), builtin: bool = True,
                places: PlaceGazetteer | None = None) -> Record:
    """The shipped record (unless ``builtin=False``) plus events read from ``paths``; bad rows in ``errors``."""
    data = _builtin_yaml()
    gaz = places or default_gazetteer()
    rec = Record(events=[], warnings=[], places=gaz,
                 types={k: frozenset(v.get("frame_types") or ()) for k, v in data["types"].items()},
                 parties=Parties.from_mapping(data["parties"]),
                 acled_types=[tuple(x) for x in data.get("acled_types") or ()])  # type: ignore[misc]
    if builtin:
        where = "narratrace/resources/events.yaml"
        rec.events.extend(_collect(rec, _from_mappings(rec, data.get("incidents") or (), where, "narratrace")))
        rec.warnings.extend(_warning(d, gaz, f"{where} warning {i + 1}")
                            for i, d in enumerate(data.get("warnings") or ()))
    for path in paths:
        rec.events.extend(_collect(rec, read_events(path, rec)))
    return rec


def _collect(rec: Record, items: Iterable[Event | InputError]) -> Iterator[Event]:
    for item in items:
        if isinstance(item, InputError):
            rec.errors.append(item)
        else:
            yield item


def read_events(path: str | Path, rec: Record, dataset: str | None = None) -> Iterator[Event | InputError]:
    """Events from one file, by its suffix: .csv (ACLED-style), .jsonl/.ndjson, .yaml/.yml."""
    path = Path(path)
    name = dataset or path.stem
    suffix = path.suffix.lower()
    if not path.exists():
        yield InputError(str(path), None, "no such file")
        return
    if suffix == ".csv":
        yield from _read_acled(path, rec, name)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, rec, name)
    elif suffix in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rows = data.get("incidents", []) if isinstance(data, Mapping) else data
        yield from _from_mappings(rec, rows, str(path), name)
    else:
        yield InputError(str(path), None, f"unknown event file type {suffix!r}: use .csv (ACLED), .jsonl or .yaml")


def _from_mappings(rec: Record, rows: Iterable[Any], where: str, dataset: str) -> Iterator[Event | InputError]:
    for i, row in enumerate(rows):
        try:
            yield event_from_mapping(row, rec, dataset, where, f"entry {i + 1}")
        except InputError as err:
            yield err


def _read_jsonl(path: Path, rec: Record, dataset: str) -> Iterator[Event | InputError]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(str(path), f"{n}", f"not JSON ({exc.msg})")
                continue
            try:
                yield event_from_mapping(row, rec, dataset, str(path), f"{n}")
            except InputError as err:
                yield err


def event_from_mapping(row: Any, rec: Record, dataset: str, source: str, locator: str) -> Event:
    """One event from a JSONL / YAML object; InputError naming ``source:locator`` when it is not usable."""
    def bad(reason: str) -> InputError:
        return InputError(source, locator, reason)

    if not isinstance(row, Mapping):
        raise bad("an event must be an object")
    for key in ("date", "place", "type"):
        if not row.get(key):
            raise bad(f"missing {key!r}")
    try:
        when = DateRange.parse(str(row["date"]))
    except ValueError as exc:
        raise bad(str(exc)) from None
    type_ = str(row["type"])
    if type_ not in rec.types:
        raise bad(f"unknown type {type_!r} (one of {', '.join(sorted(rec.types))})")
    place, lat, lon = _locate(row, rec.places, bad)
    findings = _findings(row, bad)
    perp = row.get("perpetrator")
    if perp is None:
        perp = next((f.perpetrator for f in reversed(findings) if f.perpetrator), None)
    eid = str(row.get("id") or event_id(dataset, str(row["date"]), place, type_, perp))
    return Event(eid, when, place, lat, lon, type_, perp, findings, dataset, source, locator,
                 dict(row.get("meta") or {}))


def _locate(row: Mapping[str, Any], gaz: PlaceGazetteer, bad: Any) -> tuple[str, float, float]:
    name = str(row["place"])
    if row.get("lat") is not None and row.get("lon") is not None:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            raise bad(f"lat/lon not numbers ({row['lat']!r}, {row['lon']!r})") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise bad(f"coordinates out of range ({lat}, {lon})")
        return name, lat, lon
    place = gaz.get(name)
    if place is None:
        raise bad(f"place {name!r} is not in the gazetteer; give lat and lon")
    return place.name, place.lat, place.lon


def _findings(row: Mapping[str, Any], bad: Any) -> tuple[Finding, ...]:
    items = row.get("findings")
    if items is None and row.get("finding"):
        items = [{"body": row.get("body") or "unknown", "finding": row["finding"],
                  "perpetrator": row.get("perpetrator"), "document": row.get("document"),
                  "date": row.get("finding_date"), "url": row.get("url"), "status": row.get("status")}]
    out = []
    for j, f in enumerate(items or ()):
        if not isinstance(f, Mapping) or not f.get("body") or not f.get("finding"):
            raise bad(f"finding {j + 1} needs 'body' and 'finding'")
        out.append(Finding.from_dict(f))
    return tuple(out)


def _read_acled(path: Path, rec: Record, dataset: str) -> Iterator[Event | InputError]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = {c.strip().lower(): c for c in reader.fieldnames or ()}
        missing = [c for c in ACLED_REQUIRED if c not in cols]
        if missing:
            yield InputError(str(path), "1", f"missing ACLED column(s): {', '.join(missing)}")
            return
        for raw in reader:
            row = {k: (raw.get(v) or "").strip() for k, v in cols.items()}
            try:
                yield _acled_event(row, rec, dataset, str(path), f"{reader.line_num}")
            except InputError as err:
                yield err


def _acled_event(row: dict[str, str], rec: Record, dataset: str, source: str, line: str) -> Event:
    def bad(reason: str) -> InputError:
        return InputError(source, line, reason)

    day = _acled_date(row["event_date"])
    if day is None:
        raise bad(f"event_date {row['event_date']!r} is not a date (want YYYY-MM-DD or '06 November 2022')")
    if not row["location"]:
        raise bad("empty location")
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        raise bad(f"latitude/longitude not numbers ({row['latitude']!r}, {row['longitude']!r})") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise bad(f"coordinates out of range ({lat}, {lon})")
    type_ = acled_type(rec.acled_types, row["event_type"], row.get("sub_event_type", ""))
    perp = row.get("actor1") or None
    text = row.get("notes") or f"{row['event_type']}: {row.get('sub_event_type', '')}".strip(": ")
    finding = Finding(body=row.get("source") or dataset, finding=text, perpetrator=perp, date=day.isoformat())
    meta = {k: row[k] for k in ("event_type", "sub_event_type", "event_id_cnty", "country", "admin1",
                                "fatalities", "actor2") if row.get(k)}
    eid = row.get("event_id_cnty") or event_id(dataset, day.isoformat(), row["location"], type_, perp,
                                               f"{lat:.4f},{lon:.4f}")
    return Event(eid, DateRange.day(day), row["location"], lat, lon, type_, perp, (finding,), dataset,
                 source, line, meta)


def acled_type(table: list[tuple[str, str, str]], event_type: str, sub_type: str) -> str:
    for et, st, ours in table:
        if et in ("*", event_type) and st in ("*", sub_type):
            return ours
    return "other"


def _acled_date(text: str) -> date | None:
    for fmt in _ACLED_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _warning(d: Mapping[str, Any], gaz: PlaceGazetteer, where: str) -> RecordedWarning:
    places = tuple(str(p) for p in d.get("places") or ())
    for p in places:
        if gaz.get(p) is None:
            raise InputError(where, None, f"warning place {p!r} is not in the gazetteer")
    when = DateRange.parse(str(d["date"]))
    wid = event_id("warning", str(d["date"]), "|".join(places), str(d.get("type")), str(d.get("issuer")))
    return RecordedWarning(wid, when, str(d["issuer"]), places, str(d.get("type") or "other"),
                           tuple(str(a) for a in d.get("accused") or ()), str(d.get("claim") or ""), d.get("url"))
