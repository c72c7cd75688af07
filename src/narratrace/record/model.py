"""Typed records of the event record: dated incidents, the findings about them, documented warnings."""
from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Mapping

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date known to the day, the month or the year: the first and last day it can be."""

    start: date
    end: date

    @classmethod
    def parse(cls, value: str) -> "DateRange":
        """``2022-11-06`` -> that day; ``2018-03`` -> the month; ``2018`` -> the year. ValueError otherwise."""
        m = _PARTIAL.match(str(value).strip())
        if not m:
            raise ValueError(f"not a date (want YYYY-MM-DD, YYYY-MM or YYYY): {value!r}")
        try:
            return cls._from_parts(int(m.group(1)), m.group(2), m.group(3))
        except ValueError as exc:
            raise ValueError(f"not a date ({exc}): {value!r}") from None

    @classmethod
    def _from_parts(cls, y: int, mo: str | None, d: str | None) -> "DateRange":
        if mo is None:
            return cls(date(y, 1, 1), date(y, 12, 31))
        if d is None:
            last = calendar.monthrange(y, int(mo))[1]
            return cls(date(y, int(mo), 1), date(y, int(mo), last))
        day = date(y, int(mo), int(d))
        return cls(day, day)

    @classmethod
    def day(cls, d: date) -> "DateRange":
        return cls(d, d)

    @property
    def exact(self) -> bool:
        return self.start == self.end

    def shifted(self, before: int = 0, after: int = 0) -> "DateRange":
        return DateRange(self.start - timedelta(days=before), self.end + timedelta(days=after))

    def __str__(self) -> str:
        if self.exact:
            return self.start.isoformat()
        if self.start.day == 1 and self.start.month == self.end.month and self.start.year == self.end.year:
            return self.start.strftime("%Y-%m")
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Finding:
    """What one body found about an incident, in one line, with the document and where to read it."""

    body: str
    finding: str
    perpetrator: str | None = None  # as this body attributes it; None = no attribution made
    document: str | None = None
    date: str | None = None
    url: str | None = None
    status: str = "verified"  # verified | reported (relayed by a secondary source)

    def to_dict(self) -> dict[str, Any]:
        return {"body": self.body, "finding": self.finding, "perpetrator": self.perpetrator,
                "document": self.document, "date": self.date, "url": self.url, "status": self.status}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Finding":
        return cls(body=str(d["body"]), finding=str(d["finding"]), perpetrator=d.get("perpetrator"),
                   document=d.get("document"), date=_opt_str(d.get("date")), url=d.get("url"),
                   status=str(d.get("status") or "verified"))


@dataclass(frozen=True, slots=True)
class Event:
    """One recorded incident: when, where (a point), what kind, who it is attributed to, and by whom."""

    id: str
    date: DateRange
    place: str
    lat: float
    lon: float
    type: str
    perpetrator: str | None = None  # as attributed (the record's summary of its findings)
    findings: tuple[Finding, ...] = ()
    dataset: str = "narratrace"
    source: str | None = None  # file the event was read from
    locator: str | None = None  # line in that file
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def attributed_by(self) -> list[str]:
        return [f.body for f in self.findings if f.perpetrator]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": str(self.date), "place": self.place, "lat": self.lat, "lon": self.lon,
                "type": self.type, "perpetrator": self.perpetrator, "attributed_by": self.attributed_by,
                "findings": [f.to_dict() for f in self.findings], "dataset": self.dataset,
                "source": self.source, "locator": self.locator, "meta": dict(self.meta)}


@dataclass(frozen=True, slots=True)
class RecordedWarning:
    """A documented pre-emptive warning ("they are preparing to stage ..."): issuer, date, places."""

    id: str
    date: DateRange
    issuer: str
    places: tuple[str, ...]
    type: str
    accused: tuple[str, ...] = ()
    claim: str = ""
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": str(self.date), "issuer": self.issuer, "places": list(self.places),
                "type": self.type, "accused": list(self.accused), "claim": self.claim, "url": self.url}


def event_id(dataset: str, date_text: str, place: str, type_: str, perpetrator: str | None, extra: str = "") -> str:
    """A content hash: the same incident imported twice keeps one id."""
    key = "\x1f".join([dataset, date_text, place.casefold(), type_, (perpetrator or "").casefold(), extra])
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)
