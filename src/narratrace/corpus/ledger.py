"""The per-accuser ledger: how many warnings each accuser made, and what the record says followed them.

A warning is one future-tense allegation by one (alias-normalized) accuser with one statement date and one set of
places; the same statement republished by several outlets, or restated in several sentences, counts once and lists
every article. For each accuser: warnings, how many could be checked (a place and a date), how many were followed
within the window by any recorded incident, by one attributed to the accused, by one attributed to the accuser's
own side, and how many had no recorded incident. "No recorded incident" means absence in the loaded record, not
proof that nothing happened.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from narratrace.corpus.outcomes import CheckedFrame, Outcome

ABSENCE_NOTE = ("\"No recorded incident\" means the loaded event record holds no matching incident; "
                "it is absence in the record, not proof that nothing happened.")


@dataclass
class LedgerWarning:
    """One warning (deduplicated across sentences and republications) and what followed it."""

    accuser: str
    date: str | None
    date_basis: str | None
    places: tuple[str, ...]
    status: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    @property
    def followed(self) -> bool:
        return bool(self.outcomes)

    @property
    def by_accused(self) -> bool:
        return any(o.relation == "accused" for o in self.outcomes.values())

    @property
    def by_own_side(self) -> bool:
        return any(o.own_side for o in self.outcomes.values())

    def to_dict(self) -> dict[str, Any]:
        return {"accuser": self.accuser, "date": self.date, "date_basis": self.date_basis,
                "places": list(self.places), "status": self.status, "articles": self.articles,
                "followed_by": [o.to_dict() for o in self.outcomes.values()]}


@dataclass
class LedgerRow:
    """One accuser's totals and warnings."""

    accuser: str
    warnings: list[LedgerWarning] = field(default_factory=list)
    side: set[str] = field(default_factory=set)  # the accuser's bloc(s) per the record's parties

    def counts(self) -> dict[str, int]:
        checkable = [w for w in self.warnings if w.status in ("followed", "no_recorded_incident")]
        return {"warnings": len(self.warnings), "checkable": len(checkable),
                "followed": sum(w.followed for w in checkable),
                "by_accused": sum(w.by_accused for w in checkable),
                "by_own_side": sum(w.by_own_side for w in checkable),
                "no_recorded_incident": sum(not w.followed for w in checkable),
                "unchecked": len(self.warnings) - len(checkable)}

    def to_dict(self) -> dict[str, Any]:
        return {"accuser": self.accuser, "side": sorted(self.side), **self.counts(), "note": ABSENCE_NOTE,
                "entries": [w.to_dict() for w in self.warnings]}


def build_ledger(checked: Iterable[CheckedFrame]) -> list[LedgerRow]:
    """Group checked future-tense frames into warnings per accuser; rows sorted by number of warnings."""
    warnings: dict[tuple[Any, ...], LedgerWarning] = {}
    sides: dict[str, set[str]] = {}
    for c in checked:
        if c.ref.frame.time != "future":
            continue
        accuser = c.accuser or "unknown accuser"
        sides.setdefault(accuser, set()).update(c.accuser_side)
        names = tuple(sorted(p.name for p in c.places))
        key: tuple[Any, ...] = (accuser, str(c.date), names) if names else (accuser, c.ref.article_id, "no place")
        w = warnings.get(key)
        if w is None:
            w = warnings[key] = LedgerWarning(accuser, None if c.date is None else str(c.date), c.date_basis,
                                              names, c.status)
        article = {"article": c.ref.article_id, "frame": c.ref.index, "outlet": c.ref.outlet, "url": c.ref.url,
                   "article_date": None if c.ref.article_date is None else c.ref.article_date.isoformat()}
        if article["article"] not in {a["article"] for a in w.articles}:
            w.articles.append(article)
        for o in c.outcomes:
            w.outcomes.setdefault(o.event.id, o)
        if c.status == "followed":
            w.status = "followed"
    rows: dict[str, LedgerRow] = {}
    for w in warnings.values():
        row = rows.setdefault(w.accuser, LedgerRow(w.accuser))
        row.warnings.append(w)
        row.side.update(sides.get(w.accuser, ()))
    for row in rows.values():
        row.warnings.sort(key=lambda w: (w.date or "", w.places))
    return sorted(rows.values(), key=lambda r: (-len(r.warnings), r.accuser))
