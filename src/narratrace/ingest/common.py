"""What every reader shares: building an Article, field mapping, limits."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Union

from narratrace.dates import parse_date
from narratrace.errors import InputError
from narratrace.ids import article_id
from narratrace.model import Article
from narratrace.outlets import normalize_outlet

Item = Union[Article, InputError]

DEFAULT_MAX_CHARS = 5_000_000

FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article_content", "article", "full_text", "maintext",
             "article_text", "story", "description", "summary", "claim"),
    "title": ("title", "headline", "article_title", "heading"),
    "date": ("date", "published", "published_at", "pubdate", "publish_date", "date_published",
             "datetime", "created_at", "timestamp", "time"),
    "outlet": ("outlet", "outlets", "source", "site", "site_name", "sitename", "publisher", "domain",
               "media", "source_name", "hostname"),
    "url": ("url", "link", "href", "source_url", "article_url"),
    "name": ("id", "unit_id", "article_id", "uid", "guid", "doc_id", "issue"),
}


@dataclass
class ReadOptions:
    """How readers interpret fields; ``mapping`` maps our field -> the input's field name."""

    mapping: dict[str, str] = field(default_factory=dict)
    date_order: str | None = None
    outlet_split: str | None = None
    encoding: str = "utf-8"
    max_chars: int = DEFAULT_MAX_CHARS
    meta_fields: tuple[str, ...] = ()


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``text=content,date=published`` -> {"text": "content", "date": "published"}."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        ours, sep, theirs = part.partition("=")
        if not sep or ours not in FIELD_CANDIDATES or not theirs:
            raise ValueError(f"--map entry {part!r} must be FIELD=COLUMN with FIELD one of "
                             f"{', '.join(FIELD_CANDIDATES)}")
        out[ours] = theirs
    return out


def resolve_fields(keys: list[str], opts: ReadOptions) -> dict[str, str]:
    """Which input key feeds each of our fields (explicit mapping first, then common names)."""
    lowered = {k.strip().casefold(): k for k in keys}
    found = {ours: theirs for ours, theirs in opts.mapping.items()}
    for ours, candidates in FIELD_CANDIDATES.items():
        if ours in found:
            continue
        for cand in candidates:
            if cand in lowered and lowered[cand] not in found.values():
                found[ours] = lowered[cand]
                break
    return found


_SPACE = re.compile(r"\s+")


def first_sentence(text: str, limit: int = 300) -> str:
    m = re.search(r"[.!?][\"”’']?(?=\s|$)", text[:limit])
    return _SPACE.sub(" ", text[: m.end()] if m else text[:limit]).strip()


def build_article(text: str, *, source: str, locator: str | None, opts: ReadOptions,
                  title: str | None = None, outlet: str | None = None, date: Any = None,
                  url: str | None = None, name: str | None = None, body_start: int = 0,
                  meta: Mapping[str, Any] | None = None) -> Iterator[Item]:
    """Validate and yield one Article (plus warnings), or one InputError when it must be skipped."""
    if not text or not text.strip():
        yield InputError(source, locator, "no text: the item is empty or its text field is blank")
        return
    if len(text) > opts.max_chars:
        yield InputError(source, locator, f"text is {len(text):,} characters, over the {opts.max_chars:,} "
                                          f"limit (raise it with --max-chars)")
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        yield InputError(source, locator, f"text has an unpaired surrogate {text[exc.start]!r} at character "
                                          f"{exc.start} (a broken \\u escape); fix the input")
        return
    iso = None
    if date not in (None, ""):
        iso = parse_date(str(date), opts.date_order or "YMD")
        if iso is None:
            yield InputError(source, locator, f"date {str(date)[:40]!r} not understood; stored without a date",
                             skipped=False)
    canonical = normalize_outlet(outlet) if outlet else None
    body = text[body_start:]
    yield Article(
        id=article_id(text, canonical, url),
        text=text,
        title=(title or "").strip() or first_sentence(body.lstrip()) or None,
        outlet=canonical,
        date=iso,
        url=url or None,
        source=source,
        locator=locator,
        name=name,
        body_start=body_start,
        meta=dict(meta or {}),
    )


def record_fields(record: Mapping[str, Any], fields: dict[str, str], opts: ReadOptions) -> dict[str, Any]:
    """Pull our fields out of one input record (JSON object or CSV row)."""
    def get(ours: str) -> Any:
        key = fields.get(ours)
        val = record.get(key) if key else None
        return val.strip() if isinstance(val, str) and ours != "text" else val

    outlet = get("outlet")
    meta: dict[str, Any] = {}
    if isinstance(outlet, list):
        meta["outlets"] = [str(o) for o in outlet]
        outlet = outlet[0] if outlet else None
    elif outlet and opts.outlet_split and opts.outlet_split in str(outlet):
        parts = [p.strip() for p in str(outlet).split(opts.outlet_split) if p.strip()]
        meta["outlets"] = parts
        outlet = parts[0] if parts else None
    for key in opts.meta_fields:
        if record.get(key) not in (None, ""):
            meta[key] = record[key]
    url = get("url")
    name = get("name")
    if url is None and isinstance(name, str) and name.startswith(("http://", "https://")):
        url = name
    return {"text": get("text"), "title": get("title"), "outlet": outlet, "date": get("date"),
            "url": url, "name": None if name is None else str(name), "meta": meta}
