"""Events and outcomes in the corpus database (tables from migration ``0008_events_outcomes``).

Imported events are kept per dataset (re-importing a file replaces nothing else and duplicates nothing: ids are
content hashes or the dataset's own ids). Outcomes are recomputed as a whole and replaced in one transaction.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from narratrace.model import AllegationFrame
from narratrace.record.model import DateRange, Event, Finding

if TYPE_CHECKING:
    from narratrace.corpus.outcomes import CheckedFrame, FrameRef

FRAME_KIND = "allegation_frame"


def write_events(conn: sqlite3.Connection, events: Iterable[Event], batch_size: int = 2000) -> int:
    """Insert or replace events in batched transactions; returns how many were written."""
    n = 0
    batch: list[tuple[Any, ...]] = []
    for ev in events:
        batch.append((ev.id, ev.dataset, ev.date.start.isoformat(), ev.date.end.isoformat(), ev.place, ev.lat,
                      ev.lon, ev.type, ev.perpetrator, json.dumps([f.to_dict() for f in ev.findings]),
                      ev.source, ev.locator, json.dumps(dict(ev.meta))))
        if len(batch) >= batch_size:
            n += _flush(conn, batch)
    return n + _flush(conn, batch)


def _flush(conn: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> int:
    if not batch:
        return 0
    with conn:
        conn.executemany("INSERT OR REPLACE INTO events (id, dataset, date_start, date_end, place, lat, lon, type, "
                         "perpetrator, findings, source, locator, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    n = len(batch)
    batch.clear()
    return n


def iter_events(conn: sqlite3.Connection, dataset: str | None = None) -> Iterator[Event]:
    sql = "SELECT * FROM events" + (" WHERE dataset = ?" if dataset else "") + " ORDER BY date_start, id"
    cur = conn.execute(sql, (dataset,) if dataset else ())
    cur.row_factory = sqlite3.Row
    for r in cur:
        yield Event(r["id"], DateRange(date.fromisoformat(r["date_start"]), date.fromisoformat(r["date_end"])),
                    r["place"], r["lat"], r["lon"], r["type"], r["perpetrator"],
                    tuple(Finding.from_dict(f) for f in json.loads(r["findings"])), r["dataset"], r["source"],
                    r["locator"], json.loads(r["meta"]))


def count_events(conn: sqlite3.Connection) -> dict[str, int]:
    return {ds: n for ds, n in conn.execute("SELECT dataset, count(*) FROM events GROUP BY dataset")}


def frame_refs(store: Any) -> Iterator["FrameRef"]:
    """Every stored allegation frame with its article's date, outlet, url and preceding sentences (streamed)."""
    from narratrace.corpus.outcomes import FrameRef

    current_id, article, index = None, None, 0
    for article_id, ann in store.annotations(kind=FRAME_KIND):
        if article_id != current_id:
            current_id, article, index = article_id, store.get_article(article_id), 0
        if article is None:
            continue
        yield FrameRef.from_article(article, index, AllegationFrame.from_dict(ann.attrs))
        index += 1


def write_outcomes(conn: sqlite3.Connection, checked: Iterable["CheckedFrame"]) -> Iterator["CheckedFrame"]:
    """Replace the stored outcomes with ``checked`` (passed through, so the caller can print as it goes)."""
    with conn:
        conn.execute("DELETE FROM outcomes")
        conn.execute("DELETE FROM outcome_frames")
        for c in checked:
            d = c.to_dict()
            conn.execute("INSERT OR REPLACE INTO outcome_frames (article_id, frame_index, time, event_type, accuser, "
                         "date, date_basis, status, record) VALUES (?,?,?,?,?,?,?,?,?)",
                         (c.ref.article_id, c.ref.index, d["time"], d["event_type"], c.accuser, d["date"],
                          c.date_basis, c.status, json.dumps(d)))
            conn.executemany(
                'INSERT INTO outcomes (article_id, frame_index, event_id, event_date, place, distance_km, lag_min, '
                'lag_max, "order", relation, own_side, perpetrator, event) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
                [(c.ref.article_id, c.ref.index, o.event.id, str(o.event.date), o.place, o.distance_km,
                  o.lag_days[0], o.lag_days[1], o.order, o.relation, None if o.own_side is None else int(o.own_side),
                  o.event.perpetrator, json.dumps(o.event.to_dict())) for o in c.outcomes])
            yield c


def stored_outcomes(conn: sqlite3.Connection, article_id: str | None = None) -> Iterator[dict[str, Any]]:
    """The checked frames last written by ``narratrace outcomes`` (a "What followed" panel reads these)."""
    sql = "SELECT record FROM outcome_frames" + (" WHERE article_id = ?" if article_id else "") + \
          " ORDER BY article_id, frame_index"
    for (record,) in conn.execute(sql, (article_id,) if article_id else ()):
        yield json.loads(record)
