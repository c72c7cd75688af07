"""Explicit source citations: "Rt.com reports:", "according to TASS", "SANA said", "(Sputnik)".

A citation names an outlet from the alias table (``resources/outlets.yaml``, layered with
``NARRATRACE_OUTLETS``) next to a reporting cue; the outlet is alias-normalized with
``narratrace.outlets.normalize_outlet``. Names of four letters or fewer ("RT", "AP", "SANA")
count only when written in capitals (or Title case for four letters), so "rt" or "ap" inside
ordinary prose never match. A web domain next to a cue ("Agencia.com reports:") is a citation
even when the alias table does not know it; it keeps its domain as the name. A citation of the article's own outlet is kept with ``self=True``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from narratrace.model import Article, Span
from narratrace.outlets import alias_table, normalize_outlet

VERBS = r"reports|reported|reporting|said|says|quoted|quotes|cited|cites|wrote|writes|stated|states|announced"
BEFORE = (r"according\s+to|reported\s+by|as\s+reported\s+by|cited\s+by|quoted\s+by|quoting|citing|via|told|"
          r"in\s+an\s+interview\s+with|source:|sources?:")
DOMAIN = r"(?<![\w.@/])(?P<o>[A-Za-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:com|org|net|info|news|tv|ru|ir|sy|lb|uk|fr|de))(?![\w])"
NOUNS = r"news\s+agency|agency|correspondent|reporter|website|channel|broadcaster|television"


@dataclass(frozen=True)
class Citation:
    """One explicit citation of an outlet in an article."""

    outlet: str  # canonical name
    cited_as: Span  # the name as written
    cue: str  # the reporting cue: "reports", "according to", "(...)" ...
    self: bool = False

    def to_dict(self) -> dict:
        return {"outlet": self.outlet, "cited_as": self.cited_as.to_dict(), "cue": self.cue, "self": self.self}


def _surface(alias: str) -> str | None:
    if not alias or not re.search(r"[a-z]", alias):
        return None
    pattern = re.escape(alias).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
    if len(alias) > 4 or "." in alias or " " in alias:
        return f"(?i:{pattern})"
    if len(alias) == 4:
        return f"(?:{alias.upper()}|{alias.capitalize()})"
    return alias.upper()


@lru_cache(maxsize=4)
def _patterns(_table_id: int) -> tuple[re.Pattern[str], ...]:
    names = sorted({s for a in alias_table() if (s := _surface(a))}, key=len, reverse=True)
    o = r"(?<![\w.])(?P<o>" + "|".join(names) + r")(?![\w])"
    return (
        re.compile(o + rf"(?:'s)?(?:\s+(?:{NOUNS}))?\s*,?\s+(?P<cue>{VERBS})\b"),
        re.compile(rf"(?P<cue>\b(?:{BEFORE}))\s+(?:the\s+)?(?:(?i:{NOUNS})\s+)?" + o),
        re.compile(r"(?P<cue>[(/])\s*" + o + r"\s*[)/]"),
        re.compile(o + rf"(?P<cue>\s+(?:{NOUNS}))\b"),
        re.compile(DOMAIN + rf"(?:'s)?\s*,?\s+(?P<cue>{VERBS})\b"),
        re.compile(rf"(?P<cue>\b(?:{BEFORE}))\s+" + DOMAIN),
    )


def find_citations(text: str, own_outlet: str | None = None) -> list[Citation]:
    """Citations in ``text`` in order of position; one per name occurrence."""
    own = normalize_outlet(own_outlet) if own_outlet else None
    found: dict[int, Citation] = {}
    for pat in _patterns(id(alias_table())):
        for m in pat.finditer(text):
            start, end = m.span("o")
            if start in found:
                continue
            outlet = normalize_outlet(m.group("o")) or m.group("o")
            cue = m.group("cue").strip()
            cue = "(...)" if cue in "(/" else re.sub(r"\s+", " ", cue.lower())
            found[start] = Citation(outlet, Span.of(text, start, end), cue, outlet == own)
    return [found[k] for k in sorted(found)]


def iter_citations(articles: Iterable[Article]) -> Iterator[tuple[str, Citation]]:
    """(article id, citation) for a stream of articles."""
    for a in articles:
        for c in find_citations(a.text, a.outlet):
            yield a.id, c
