"""Plain-text articles: the samples' layout (`` date YYYY-MM-DD Outlet - ...``) or PTC style.

The stored text is the file's decoded text unchanged; a parsed header is metadata, and
``body_start`` points past it.
"""
from __future__ import annotations

import re
from typing import Iterator

from narratrace.ingest.common import Item, ReadOptions, build_article
from narratrace.outlets import alias_table, normalize_outlet

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
_WORD = r"(?:[A-Z][\w.&'’]*|of|the|al|el|de|du|[a-z]+\.(?:com|org|net|ru|ir|sy))"
_OUTLET_PREFIX = re.compile(rf"({_WORD}(?:[ -]{_WORD}){{0,5}})\s+[-–—]\s+(?=\S)")


def parse_header(text: str) -> tuple[str | None, str | None, int]:
    """(date, outlet, body_start) read from the head of a plain-text article."""
    date = None
    pos = 0
    if m := _DATE_HEADER.match(text):
        date, pos = m.group(1), m.end()
    outlet = None
    if m := _OUTLET_PREFIX.match(text, pos):
        candidate = m.group(1)
        known = normalize_outlet(candidate) != candidate or candidate.casefold() in alias_table()
        if known or date is not None:
            outlet, pos = candidate, m.end()
    return date, outlet, pos


def _title(text: str, body_start: int) -> str | None:
    """PTC style: a short first line followed by more lines is the title."""
    body = text[body_start:]
    first, sep, rest = body.partition("\n")
    if sep and rest.strip() and 0 < len(first.strip()) <= 300:
        return first.strip()
    return None


def read_text(data: bytes, source: str, opts: ReadOptions) -> Iterator[Item]:
    from narratrace.ingest.sniff import decode

    text = yield from decode(data, source, opts)
    if text is None:
        return
    date, outlet, body_start = parse_header(text)
    yield from build_article(text, source=source, locator=None, opts=opts, title=_title(text, body_start),
                             outlet=outlet, date=date, body_start=body_start, name=_stem(source))


def _stem(source: str) -> str | None:
    if source == "-":
        return None
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
