"""HTML pages: main text and metadata through trafilatura (boilerplate removed)."""
from __future__ import annotations

from typing import Any, Iterator

from narratrace.errors import InputError
from narratrace.ingest.common import Item, ReadOptions, build_article


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def read_html(data: bytes, source: str, opts: ReadOptions) -> Iterator[Item]:
    from narratrace.ingest.sniff import decode

    html = yield from decode(data, source, opts)
    if html is None:
        return
    try:
        doc = _extract(html, None)
    except Exception as exc:  # trafilatura/lxml raise assorted errors on broken markup
        yield InputError(source, None, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
        return
    if not doc or not (doc.get("text") or "").strip():
        yield InputError(source, None, "no main text found in the HTML page (truncated or boilerplate only)")
        return
    yield from build_article(doc["text"], source=source, locator=None, opts=opts, title=doc.get("title"),
                             outlet=doc.get("sitename") or doc.get("hostname"), date=doc.get("date"),
                             url=doc.get("url"), meta={k: doc[k] for k in ("author", "description")
                                                       if doc.get(k)})
