"""Date normalization to ISO ``YYYY-MM-DD``, with an explicit day/month order per input format."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*(?:\d{1,2}:\d{2}.*)?$")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def parse_date(value: str | None, order: str = "YMD") -> str | None:
    """ISO date for ``value`` or None when it cannot be read.

    ``order`` is the day/month order of purely numeric dates (``MDY`` for FA-KES's 4/5/2017,
    ``DMY`` for 05.04.2017); ISO dates are recognized in any order. Other forms go to dateparser.
    """
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if m := _ISO.match(value):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(value):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        return _valid(y, a, b) if order == "MDY" else _valid(y, b, a)
    import dateparser

    parsed = dateparser.parse(value, settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first",
                                               "REQUIRE_PARTS": ["year", "month"]}, languages=["en"])
    return parsed.date().isoformat() if parsed else None
