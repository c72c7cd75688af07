"""What followed: check each allegation frame against the event record.

A future-tense frame ("they are preparing to stage an attack in Kafr Jales") is a prediction: the recorded
incidents within ``window_days`` after its statement date and ``radius_km`` of its places, of a type compatible
with what it predicted, are listed with their attributed perpetrator and whether that perpetrator is the frame's
accused, its blame target or a third party, and whether it is the accuser's own side. A past-tense frame
("Douma was staged") gets the findings about incidents at its places before the statement.

No match means the loaded record holds no such incident. It is absence in the record, never proof that
nothing happened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Iterator

from narratrace.corpus.frame_dates import statement_date
from narratrace.model import AllegationFrame, Span
from narratrace.record.index import EventIndex
from narratrace.record.loaders import Record
from narratrace.record.model import DateRange, Event, RecordedWarning
from narratrace.record.places import Place, haversine_km

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class FrameRef:
    """A frame with the article facts the check needs (date, outlet, url, the sentences before it)."""

    article_id: str
    index: int  # the frame's position among its article's frames
    frame: AllegationFrame
    article_date: date | None = None
    outlet: str | None = None
    url: str | None = None
    context: str = ""  # up to two sentences before the frame's sentence

    @classmethod
    def from_article(cls, article: Any, index: int, frame: AllegationFrame) -> "FrameRef":
        return cls(article.id, index, frame, _iso(article.date), article.outlet, article.url,
                   preceding_sentences(article.text, frame.sentence.start))


@dataclass(frozen=True, slots=True)
class LocatedPlace:
    name: str
    lat: float
    lon: float
    extent_km: float
    text: str  # the words that named it
    basis: str  # slot | sentence | context


@dataclass(frozen=True, slots=True)
class Outcome:
    """One recorded incident linked to a frame."""

    event: Event
    place: str  # the frame's place it is near
    distance_km: float
    lag_days: tuple[int, int]  # event start minus statement date: (least, most) given the date's precision
    order: str  # after | uncertain (the statement date range includes the event) | before (past frames)
    relation: str  # accused | blame_target | third_party | unattributed | unknown_actor
    own_side: bool | None  # perpetrator on the accuser's side; None when the accuser's side is unknown

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event.to_dict(), "place": self.place, "distance_km": round(self.distance_km, 1),
                "lag_days": list(self.lag_days), "order": self.order, "relation": self.relation,
                "own_side": self.own_side}


@dataclass(frozen=True, slots=True)
class CheckedFrame:
    """A frame, its statement date and places as resolved, and what the record says followed."""

    ref: FrameRef
    accuser: str | None  # canonical accuser ("<outlet> (own voice)" when the article speaks itself)
    date: DateRange | None
    date_basis: str | None  # text | record | article
    date_note: str | None  # the words, or the recorded warning, that gave the date
    places: tuple[LocatedPlace, ...]
    unresolved: tuple[str, ...]  # place strings the gazetteer does not know (reported, never guessed)
    too_broad: tuple[str, ...]  # places too large to check (a country)
    status: str  # followed | no_recorded_incident | findings | no_findings | no_place | undated | not_checked
    outcomes: tuple[Outcome, ...] = ()
    accuser_side: tuple[str, ...] = ()  # the accuser's bloc(s), e.g. ("syria_russia",)

    def to_dict(self) -> dict[str, Any]:
        f = self.ref.frame
        return {"article": self.ref.article_id, "frame": self.ref.index, "time": f.time,
                "event_type": f.event_type, "sentence": f.sentence.text, "trigger": f.trigger.text,
                "accuser": self.accuser, "accuser_side": list(self.accuser_side), "article_date": _str(self.ref.article_date), "outlet": self.ref.outlet,
                "url": self.ref.url, "date": _str(self.date), "date_basis": self.date_basis,
                "date_note": self.date_note,
                "places": [{"name": p.name, "text": p.text, "basis": p.basis, "lat": p.lat, "lon": p.lon}
                           for p in self.places],
                "unresolved": list(self.unresolved), "too_broad": list(self.too_broad), "status": self.status,
                "outcomes": [o.to_dict() for o in self.outcomes]}


@dataclass(frozen=True, slots=True)
class FrameSides:
    """A frame's accused (with helpers) and blame-target parties, and the accuser's blocs."""

    accused: frozenset[str]
    blame_target: frozenset[str]
    accuser_blocs: frozenset[str]


@dataclass
class OutcomeMatcher:
    """Checks frames against one loaded record; build once, call ``check`` per frame."""

    record: Record
    window_days: int = 30
    radius_km: float = 25.0
    report_lag_days: int = 7  # how long before the article an undated statement may have been made
    past_days: int = 365  # how far back a past-tense frame looks for the incident it disputes
    past_max: int = 5  # and how many of the latest such incidents it lists
    max_extent_km: float = 150.0  # larger places (countries) are too broad to check
    index: EventIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = EventIndex(self.record.events)
        self._type_masks: dict[str, Any] = {}
        self._relations: dict[tuple[Any, ...], tuple[str, bool | None]] = {}
        self._warnings = [(w, [p for p in (self.record.places.get(n) for n in w.places) if p is not None])
                          for w in self.record.warnings]

    def check_all(self, refs: Iterable[FrameRef]) -> Iterator[CheckedFrame]:
        for ref in refs:
            yield self.check(ref)

    def check(self, ref: FrameRef) -> CheckedFrame:
        f = ref.frame
        accuser = self.accuser_of(ref)
        places, unresolved, broad = self.locate(ref)
        when, basis, note = self.date_of(ref, places)
        base = dict(ref=ref, accuser=accuser, date=when, date_basis=basis, date_note=note, places=tuple(places),
                    unresolved=tuple(unresolved), too_broad=tuple(broad),
                    accuser_side=tuple(sorted(self.frame_sides(f).accuser_blocs)))
        if f.time not in ("future", "past"):
            return CheckedFrame(status="not_checked", **base)  # type: ignore[arg-type]
        if not places:
            return CheckedFrame(status="no_place", **base)  # type: ignore[arg-type]
        if when is None:
            return CheckedFrame(status="undated", **base)  # type: ignore[arg-type]
        outcomes = self._future(ref, when, places) if f.time == "future" else self._past(ref, when, places)
        if f.time == "future":
            status = "followed" if outcomes else "no_recorded_incident"
        else:
            status = "findings" if outcomes else "no_findings"
        return CheckedFrame(status=status, outcomes=tuple(outcomes), **base)  # type: ignore[arg-type]

    # -- places ------------------------------------------------------------------------------
    def locate(self, ref: FrameRef) -> tuple[list[LocatedPlace], list[str], list[str]]:
        """Resolved places (slot first, then the sentence, then context for past frames), unresolved, too broad."""
        gaz = self.record.places
        found: list[LocatedPlace] = []
        unresolved: list[str] = []
        broad: list[str] = []
        for span in ref.frame.locations:
            res = gaz.resolve(span.text)
            if res.unresolved:
                unresolved.append(span.text)
            for m in res.matches:
                self._add(found, broad, m.place, m.text, "slot")
        if not found and not ref.frame.locations:
            for m in gaz.find_in_text(ref.frame.sentence.text):
                self._add(found, broad, m.place, m.text, "sentence")
        if not found and not ref.frame.locations and ref.frame.time == "past" and ref.context:
            for m in gaz.find_in_text(ref.context):
                self._add(found, broad, m.place, m.text, "context")
        return found, unresolved, broad

    def _add(self, found: list[LocatedPlace], broad: list[str], p: Place, text: str, basis: str) -> None:
        if p.extent_km > self.max_extent_km:
            if p.name not in broad:
                broad.append(p.name)
        elif all(x.name != p.name for x in found):
            found.append(LocatedPlace(p.name, p.lat, p.lon, p.extent_km, text, basis))

    # -- dates -------------------------------------------------------------------------------
    def date_of(self, ref: FrameRef, places: list[LocatedPlace]) -> tuple[DateRange | None, str | None, str | None]:
        """Statement date: from the sentence, else a recorded warning it reports, else the article date."""
        given = statement_date(ref.frame.sentence.text, ref.article_date)
        if given is not None:
            return given[0], "text", given[1]
        if ref.article_date is None:
            return None, None, None
        if ref.frame.time == "future":
            w = self._recorded_warning(ref.article_date, places)
            if w is not None:
                return w.date, "record", f"{w.issuer}, {w.date}: {w.url or ''}".rstrip(": ")
        span = DateRange(ref.article_date - timedelta(days=self.report_lag_days), ref.article_date)
        return span, "article", f"on or up to {self.report_lag_days} days before the article"

    def _recorded_warning(self, day: date, places: list[LocatedPlace]) -> RecordedWarning | None:
        best: RecordedWarning | None = None
        lo = day - timedelta(days=self.report_lag_days)
        for w, wplaces in self._warnings:
            if w.date.end < lo or w.date.start > day:
                continue
            near = any(haversine_km(p.lat, p.lon, q.lat, q.lon) <= self.radius_km + p.extent_km + q.extent_km
                       for p in places for q in wplaces)
            if near and (best is None or w.date.start > best.date.start):
                best = w
        return best

    # -- matching ----------------------------------------------------------------------------
    def _future(self, ref: FrameRef, when: DateRange, places: list[LocatedPlace]) -> list[Outcome]:
        first, last = when.start.toordinal(), when.end.toordinal() + self.window_days
        hits = self._hits(ref, places, first, last)
        return self._outcomes(ref, when, sorted(hits.values(), key=lambda h: (h[0].date.start, h[2])), "future")

    def _past(self, ref: FrameRef, when: DateRange, places: list[LocatedPlace]) -> list[Outcome]:
        """The latest ``past_max`` compatible incidents before the statement, searching back step by step."""
        end = when.end.toordinal()
        hits: dict[str, tuple[Event, LocatedPlace, float]] = {}
        for back_from, back_to in _steps(self.past_days):
            hits.update(self._hits(ref, places, end - back_to, end - back_from))
            if len(hits) >= self.past_max:
                break
        chosen = sorted(hits.values(), key=lambda h: (h[0].date.start, h[2]))[-self.past_max:]
        return self._outcomes(ref, when, chosen, "past")

    def _hits(self, ref: FrameRef, places: list[LocatedPlace], first: int, last: int
              ) -> dict[str, tuple[Event, LocatedPlace, float]]:
        types = self._type_masks.get(ref.frame.event_type)
        if types is None:
            types = self._type_masks[ref.frame.event_type] = self.index.type_mask(
                [t for t in self.record.types if self.record.compatible(t, ref.frame.event_type)])
        hits: dict[str, tuple[Event, LocatedPlace, float]] = {}
        events = self.index.events
        for p in places:
            ids, dists = self.index.near_arrays(p.lat, p.lon, self.radius_km + p.extent_km, first, last, types)
            if not hits:
                hits = {ev.id: (ev, p, d) for ev, d in zip(map(events.__getitem__, ids.tolist()), dists.tolist())}
                continue
            for i, dist in zip(ids.tolist(), dists.tolist()):
                ev = events[i]
                if ev.id not in hits or dist < hits[ev.id][2]:
                    hits[ev.id] = (ev, p, dist)
        return hits

    def _outcomes(self, ref: FrameRef, when: DateRange, chosen: list[tuple[Event, LocatedPlace, float]],
                  tense: str) -> list[Outcome]:
        sides = self.frame_sides(ref.frame)
        return [self._outcome(sides, when, p, ev, dist, tense) for ev, p, dist in chosen]

    def _outcome(self, sides: "FrameSides", when: DateRange, p: LocatedPlace, ev: Event, dist: float,
                 tense: str) -> Outcome:
        lag = ((ev.date.start - when.end).days, (ev.date.start - when.start).days)
        if tense == "past":
            order = "before"
        else:
            order = "after" if ev.date.start > when.end else "uncertain"
        relation, own = self.relation(sides, ev)
        return Outcome(ev, p.name, dist, lag, order, relation, own)

    def frame_sides(self, f: AllegationFrame) -> "FrameSides":
        parties = self.record.parties
        accuser = parties.parties_in([f.accuser_resolved, f.accuser.text if f.accuser else None])
        return FrameSides(parties.parties_in([s.text for s in (*f.accused, *f.helpers)]),
                          parties.parties_in([s.text for s in f.blame_target]), parties.blocs(accuser))

    def relation(self, sides: "FrameSides", ev: Event) -> tuple[str, bool | None]:
        """Is the event's perpetrator the frame's accused, its blame target, or a third party; own side?"""
        perp = ev.perpetrator or next((x.perpetrator for x in ev.findings if x.perpetrator), None)
        key = (sides, perp)
        hit = self._relations.get(key)
        if hit is None:
            hit = self._relation(sides, perp)
            if len(self._relations) < 100_000:
                self._relations[key] = hit
        return hit

    def _relation(self, sides: "FrameSides", perp: str | None) -> tuple[str, bool | None]:
        parties = self.record.parties
        if not perp:
            return "unattributed", None
        pp = parties.parties_in([perp])
        own = bool(parties.blocs(pp) & sides.accuser_blocs) if sides.accuser_blocs and pp else None
        if not pp:
            return "unknown_actor", own
        if pp & sides.accused:
            return "accused", own
        if pp & sides.blame_target:
            return "blame_target", own
        return "third_party", own

    def accuser_of(self, ref: FrameRef) -> str | None:
        f = ref.frame
        for text in (f.accuser_resolved, f.accuser.text if f.accuser else None):
            name = self.record.parties.canonical(text)
            if name:
                return name
        if f.accuser is None and not f.accuser_resolved:
            return f"{ref.outlet or 'the article'} (own voice)"
        return _clean(f.accuser_resolved or (f.accuser.text if f.accuser else ""))


def _steps(total: int) -> list[tuple[int, int]]:
    """Look-back steps in days ((0, 30), (31, 120), (121, 365), ...) up to ``total``."""
    out, lo = [], 0
    for hi in (30, 120, 365, 1095, 3650):
        if lo > total:
            break
        out.append((lo, min(hi, total)))
        lo = min(hi, total) + 1
    if lo <= total:
        out.append((lo, total))
    return out


def preceding_sentences(text: str, start: int, n: int = 2, max_chars: int = 800) -> str:
    """Up to ``n`` sentences of ``text`` before offset ``start`` (for places a past-tense frame leaves implicit)."""
    before = text[max(0, start - max_chars):start]
    cuts = [m.end() for m in _SENTENCE_END.finditer(before.rstrip())]
    return before[cuts[-n]:] if len(cuts) >= n else before


def _clean(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return text[:1].upper() + text[1:]


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def matcher_for_store(store: Any, window_days: int = 30, radius_km: float = 25.0, builtin: bool = True,
                      extra_paths: Iterable[str] = ()) -> OutcomeMatcher:
    """The shipped record (unless ``builtin`` is False) plus the events imported into ``store`` and ``extra_paths``."""
    from narratrace.record.loaders import load_record
    from narratrace.record.store import iter_events

    record = load_record(extra_paths, builtin=builtin)
    record.events.extend(iter_events(store.conn))
    return OutcomeMatcher(record, window_days=window_days, radius_km=radius_km)


def check_store(store: Any, matcher: OutcomeMatcher, write: bool = True) -> Iterator[CheckedFrame]:
    """Check every stored allegation frame; with ``write`` the outcome tables are replaced as results stream."""
    from narratrace.record.store import frame_refs, write_outcomes

    checked = matcher.check_all(frame_refs(store))
    return write_outcomes(store.conn, checked) if write else checked


def warning_refs(record: Record) -> Iterator[FrameRef]:
    """The record's documented warnings as frames, so the ledger can be drawn for the record itself."""
    for i, w in enumerate(record.warnings):
        accused = " and ".join(w.accused) or "militants"
        places = " and ".join(w.places)
        text = f"{w.issuer} warned that {accused} were preparing to stage an attack in {places}."
        def span(s: str) -> Span:
            at = text.index(s)
            return Span(at, at + len(s), s)
        frame = AllegationFrame(sentence=Span(0, len(text), text), trigger=span("preparing to stage"),
                                event_type=w.type, time="future", accuser=span(w.issuer),
                                accused=tuple(span(a) for a in w.accused), locations=tuple(span(p) for p in w.places))
        yield FrameRef(f"record-warning-{i + 1}", 0, frame, w.date.end, "narratrace record", w.url, "")
