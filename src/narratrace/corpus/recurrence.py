"""Recurring allegations: allegation frames grouped across articles.

A group is one accused actor (alias-normalized through the gazetteer) plus one event type,
regardless of place and date. Every occurrence knows its ordinal N in its group and whether it
is a new instance or a republication of an earlier frame: the same normalized sentence, or —
once ``narratrace reuse`` has run — a sentence inside a passage copied from an earlier article
that holds a frame (so an edited copy still counts as a republication; see ``group_store``).
A frame naming two accused ("HTS together with the White Helmets") belongs to both groups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from narratrace.ids import normalize_text
from narratrace.model import AllegationFrame

UNNAMED = "(unnamed)"
_STRIP = re.compile(r"^(?:the|a|an|members? of|so-called|commanders? of|militants? of)\s+", re.I)


@dataclass(frozen=True)
class FrameRecord:
    """One stored frame with the article facts recurrence needs."""

    article: str
    frame: AllegationFrame
    date: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Occurrence:
    article: str
    date: str | None
    outlet: str | None
    sentence: str
    accuser: str | None
    locations: tuple[str, ...]
    time: str
    ordinal: int  # N-th occurrence in its group (1-based, by date)
    instance: int  # N-th distinct instance; a republication shares its original's number
    republication_of: str | None = None  # article id of the earliest frame with the same text

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__, locations=list(self.locations))


@dataclass
class RecurringAllegation:
    accused: str
    event_type: str
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.accused} / {self.event_type}"

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def instances(self) -> int:
        return sum(1 for o in self.occurrences if o.republication_of is None)

    @property
    def first_seen(self) -> str | None:
        dates = [o.date for o in self.occurrences if o.date]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [o.date for o in self.occurrences if o.date]
        return max(dates) if dates else None

    def _distinct(self, values: Iterable[str | None]) -> list[str]:
        return sorted({v for v in values if v}, key=str.casefold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.key, "accused": self.accused, "event_type": self.event_type,
            "count": self.count, "instances": self.instances,
            "first_seen": self.first_seen, "last_seen": self.last_seen,
            "places": self._distinct(_place_key(p) for o in self.occurrences for p in o.locations),
            "accusers": self._distinct(o.accuser for o in self.occurrences),
            "outlets": self._distinct(o.outlet for o in self.occurrences),
            "frames": [o.to_dict() for o in self.occurrences],
        }


# ---------------------------------------------------------------- alias normalization

@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    try:
        from narratrace.gazetteer import load
    except ImportError:
        return None
    try:
        return load()
    except Exception:  # a broken user gazetteer must not stop grouping; fall back to the text
        return None


@lru_cache(maxsize=4096)
def actor_key(text: str) -> str:
    """The canonical name of an actor mention: the gazetteer actor whose alias the mention holds
    (longest alias wins), else the mention without articles and "members of"-style heads."""
    demonym = _demonyms().get(text.strip().casefold())
    if demonym:
        text = demonym
    gaz = _gazetteer()
    if gaz is not None:
        hit = gaz.actor(text)
        if hit is not None:
            return hit.name
        words = f" {_norm(text)} "
        best = None
        for actor in gaz.actors:
            for alias in (actor.name, *actor.aliases):
                a = _norm(alias)
                if a and len(a) > 2 and f" {a} " in words and (best is None or len(a) > best[0]):
                    best = (len(a), actor.name)
        if best is not None:
            return best[1]
    cleaned = text.strip()
    while True:
        nxt = _STRIP.sub("", cleaned)
        if nxt == cleaned:
            break
        cleaned = nxt
    return cleaned or text


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("narratrace.resources").joinpath("allegations.yaml").read_text("utf-8"))
    return {str(k).casefold(): str(v) for k, v in (data.get("demonyms") or {}).items()}


def _place_key(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[\w-]+", text.casefold().replace("’", "'")))


# ---------------------------------------------------------------- grouping

def _same_text(a: FrameRecord) -> str:
    return normalize_text(a.frame.sentence.text)


def group_frames(records: Iterable[FrameRecord], key: Callable[[str], str] = actor_key,
                 same_text: Callable[[FrameRecord], str] = _same_text) -> list[RecurringAllegation]:
    """Group frames into recurring allegations, biggest group first."""
    groups: dict[tuple[str, str], list[FrameRecord]] = {}
    for rec in records:
        names = {key(a.text) for a in rec.frame.accused} or {UNNAMED}
        for name in names:
            groups.setdefault((name, rec.frame.event_type), []).append(rec)
    out = [_build(name, etype, recs, same_text) for (name, etype), recs in groups.items()]
    return sorted(out, key=lambda g: (-g.count, g.first_seen or "9999", g.key))


def _build(name: str, etype: str, recs: list[FrameRecord],
           same_text: Callable[[FrameRecord], str]) -> RecurringAllegation:
    recs = sorted(recs, key=lambda r: (r.date or "9999-99-99", r.article, r.frame.sentence.start))
    group = RecurringAllegation(name, etype)
    first_of: dict[str, tuple[str, int]] = {}
    instances = 0
    for n, rec in enumerate(recs, 1):
        text_key = same_text(rec)
        original = first_of.get(text_key)
        republication_of = original[0] if original is not None and original[0] != rec.article else None
        if republication_of is None and original is None:
            instances += 1
            first_of[text_key] = (rec.article, instances)
            instance = instances
        elif republication_of is None:  # the same sentence twice in one article: one instance
            instance = original[1]  # type: ignore[index]
        else:
            instance = original[1]  # type: ignore[index]
        f = rec.frame
        group.occurrences.append(Occurrence(
            article=rec.article, date=rec.date, outlet=rec.outlet, sentence=f.sentence.text,
            accuser=f.accuser_resolved or (f.accuser.text if f.accuser else None),
            locations=tuple(s.text for s in f.locations), time=f.time, ordinal=n, instance=instance,
            republication_of=republication_of))
    return group


def records_from_store(store: Any) -> Iterator[FrameRecord]:
    """Frame records from a store's ``allegation_frame`` annotations (articles looked up once)."""
    cache: dict[str, Any] = {}
    for article_id, ann in store.annotations(kind="allegation_frame"):
        if article_id not in cache:
            cache.clear()
            cache[article_id] = store.get_article(article_id)
        art = cache[article_id]
        yield FrameRecord(article=article_id, frame=AllegationFrame.from_dict(ann.attrs),
                          date=getattr(art, "date", None), outlet=getattr(art, "outlet", None),
                          title=getattr(art, "title", None))


def reuse_aware_same_text(store: Any) -> Callable[[FrameRecord], str]:
    """A ``same_text`` key that follows reuse passages back to the frame they were copied from.

    Without reuse tables (``narratrace reuse`` not run) this is plain text identity.
    """
    try:
        from narratrace.corpus.reuse_store import passage_origin

        store.conn.execute("SELECT 1 FROM reuse_passages LIMIT 1")
    except Exception:  # no reuse tables in this store
        return _same_text

    def key(rec: FrameRecord) -> str:
        seen = {rec.article}
        article, start, end = rec.article, rec.frame.sentence.start, rec.frame.sentence.end
        text_key = _same_text(rec)
        while (origin := passage_origin(store, article, start, end)) is not None and origin[0] not in seen:
            article, start, end = origin
            seen.add(article)
            earlier = [a for _, a in store.annotations(article_id=article, kind="allegation_frame")
                       if a.start < end and start < a.end]
            if not earlier:
                break
            text_key = normalize_text(earlier[0].attrs["sentence"]["text"])
            start, end = earlier[0].start, earlier[0].end
        return text_key

    return key


def group_store(store: Any) -> list[RecurringAllegation]:
    """Recurring allegations over every frame in a store, republications traced through reuse."""
    return group_frames(records_from_store(store), same_text=reuse_aware_same_text(store))
