"""Known corpora recognized by their headers, so they ingest with no flags."""
from __future__ import annotations

from dataclasses import replace

from narratrace.ingest.common import ReadOptions

# name -> (headers that must all be present, mapping, date order, outlet separator, meta columns)
PROFILES = {
    "fa-kes": ({"article_title", "article_content", "source", "date", "unit_id"},
               {"text": "article_content", "title": "article_title", "outlet": "source", "date": "date",
                "name": "unit_id"}, "MDY", None, ("location", "labels")),
    "euvsdisinfo-posts": ({"date", "id", "title", "countries", "keywords", "outlets"},
                          {"text": "title", "title": "title", "date": "date", "url": "id", "outlet": "outlets",
                           "name": "id"}, "YMD", "+", ("countries", "keywords", "languages")),
    "euvsdisinfo-cases": ({"issue", "date", "outlet", "title", "summary", "disproof"},
                          {"text": "summary", "title": "title", "date": "date", "outlet": "outlet",
                           "url": "source", "name": "issue"}, "DMY", None, ("keywords", "disproof", "origin",
                                                                             "language")),
}


def match_profile(header: list[str], opts: ReadOptions) -> ReadOptions:
    """Options for a recognized header (explicit --map entries still win)."""
    present = {h.strip().casefold() for h in header}
    for required, mapping, order, split, meta in PROFILES.values():
        if required <= present:
            return replace(opts, mapping={**mapping, **opts.mapping}, date_order=opts.date_order or order,
                           outlet_split=opts.outlet_split or split,
                           meta_fields=opts.meta_fields or tuple(m for m in meta if m in present))
    return opts
