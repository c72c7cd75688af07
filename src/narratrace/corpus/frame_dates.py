"""When was an allegation made? The statement date a frame's own sentence gives, else the article's date.

Recognized in the frame's sentence, resolved against the article date (a statement cannot postdate the article
that reports it): "on June 11" / "11 June 2018" (a day), "in March" / "in March 2018" (a month), "yesterday",
and a weekday ("said on Saturday"; only next to a reporting verb, so that "an attack planned for Friday" is not
taken for the statement date). ``None`` when the sentence gives nothing usable.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from narratrace.record.model import DateRange

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_IN_MONTH = re.compile(rf"\b(?i:in|during|since|early|late|mid-?)\s+(?i:early\s+|late\s+|mid-?)?{_MONTH}"
                       r"(?:\s+(\d{4}))?\b")
_WEEKDAY = re.compile(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEARLESS_MAX_DAYS = 60  # a day given without a year is taken as a statement date only this close
_YESTERDAY = re.compile(r"\byesterday\b", re.I)
_REPORTING = re.compile(r"\b(said|says|warned|announced|stated|told|reported|claimed|alleged|added|noted|"
                        r"declared|informed|received)\b", re.I)


def statement_date(sentence: str, article_date: date | None) -> tuple[DateRange, str] | None:
    """The statement date this sentence gives, with the words that gave it; None when it gives none."""
    for finder in (_exact_day, _weekday, _month):
        found = finder(sentence, article_date)
        if found is not None:
            return found
    return None


def _exact_day(sentence: str, ref: date | None) -> tuple[DateRange, str] | None:
    for m in list(_DAY_MONTH.finditer(sentence)) + list(_MONTH_DAY.finditer(sentence)):
        if m.re is _DAY_MONTH:
            day, month, year = m.group(1), m.group(2), m.group(3)
        else:
            month, day, year = m.group(1), m.group(2), m.group(3)
        d = _resolve_day(int(day), _MONTHS[month.lower().rstrip(".")], int(year) if year else None, ref)
        if d is not None:
            return DateRange.day(d), m.group(0)
    if ref is not None and _YESTERDAY.search(sentence):
        return DateRange.day(ref - timedelta(days=1)), "yesterday"
    return None


def _weekday(sentence: str, ref: date | None) -> tuple[DateRange, str] | None:
    if ref is None or not _REPORTING.search(sentence):
        return None
    m = _WEEKDAY.search(sentence)
    if m is None:
        return None
    target = list(calendar.day_name).index(m.group(1))
    back = (ref.weekday() - target) % 7
    return DateRange.day(ref - timedelta(days=back)), m.group(0)


def _month(sentence: str, ref: date | None) -> tuple[DateRange, str] | None:
    for m in _IN_MONTH.finditer(sentence):
        month = _MONTHS[m.group(1).lower().rstrip(".")]
        year = int(m.group(2)) if m.group(2) else None
        if year is None:
            if ref is None:
                continue
            year = ref.year if month <= ref.month else ref.year - 1
        if ref is not None and date(year, month, 1) > ref:
            continue
        last = calendar.monthrange(year, month)[1]
        end = date(year, month, last)
        if ref is not None and end > ref:
            end = ref
        return DateRange(date(year, month, 1), end), m.group(0)
    return None


def _resolve_day(day: int, month: int, year: int | None, ref: date | None) -> date | None:
    try:
        if year is not None:
            d = date(year, month, day)
            return d if ref is None or d <= ref else None
        if ref is None:
            return None
        d = date(ref.year, month, day)
        if d > ref:
            d = date(ref.year - 1, month, day)
        return d if (ref - d).days <= _YEARLESS_MAX_DAYS else None  # else likely the plotted event's day
    except ValueError:
        return None
