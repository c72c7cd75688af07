"""RSS and Atom feeds through feedparser: one article per entry, full content when present."""
from __future__ import annotations

import html as htmllib
import re
from typing import Any, Iterator

from narratrace.errors import InputError
from narratrace.ingest.common import Item, ReadOptions, build_article

_BLOCK = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"\n\s*\n+")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs kept as blank-line breaks."""
    text = _TAG.sub("", _BLOCK.sub("\n\n", fragment))
    text = htmllib.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _entry_text(entry: Any) -> str:
    for c in entry.get("content") or []:
        if c.get("value"):
            return html_to_text(c["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def read_feed(data: bytes, source: str, opts: ReadOptions) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield InputError(source, None, f"no feed entries found{f' ({why})' if why else ''}")
        return
    outlet = parsed.feed.get("title") or parsed.feed.get("link")
    for i, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        date = entry.get("published") or entry.get("updated") or entry.get("created")
        yield from build_article(text, source=source, locator=f"entry {i}", opts=opts, title=entry.get("title"),
                                 outlet=outlet, date=date, url=entry.get("link"),
                                 name=entry.get("id") or entry.get("link"))
