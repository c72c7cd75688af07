"""SQLite store: articles (+FTS5), annotations keyed by analyzer version, ingest errors.

Writes are batched in transactions (WAL mode), so a killed process leaves every committed
batch intact and no half-written article. Re-ingesting an article adds nothing (content-hash
ids); re-analyzing replaces one analyzer's annotations for an article in one transaction.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from narratrace.errors import QueryError, StoreError
from narratrace.model import Annotation, Article
from narratrace.store.migrations import MIGRATIONS

ARTICLE_COLUMNS = ("id", "title", "text", "outlet", "date", "url", "source", "locator", "name",
                   "body_start", "language", "meta")


def default_db_path() -> Path:
    from narratrace.config import load_settings

    return Path(load_settings().db)


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    date: str | None
    file: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet, "date": self.date,
                "file": self.file, "snippet": self.snippet, "score": round(self.score, 4)}


def _row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], text=row["text"], title=row["title"], outlet=row["outlet"], date=row["date"],
        url=row["url"], source=row["source"], locator=row["locator"], name=row["name"],
        body_start=row["body_start"], language=row["language"], meta=json.loads(row["meta"] or "{}"),
    )


def _article_row(a: Article) -> tuple[Any, ...]:
    return (a.id, a.title, a.text, a.outlet, a.date, a.url, a.source, a.locator, a.name,
            a.body_start, a.language, json.dumps(dict(a.meta), ensure_ascii=False))


class Store:
    """A narratrace corpus in one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, readonly: bool = False) -> "Store":
        path = str(path or default_db_path())
        try:
            if readonly:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no such database; create it with `narratrace ingest`")
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, path)
            if not readonly:
                store.migrate()
            else:
                store._check_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a narratrace database ({exc})") from exc
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply pending migrations in order; return the names applied."""
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                          "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
        done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.conn:
                self.conn.executescript("BEGIN;" + sql + f";INSERT INTO migrations(name) VALUES ('{name}');COMMIT;")
            applied.append(name)
        return applied

    def _check_schema(self) -> None:
        try:
            self.conn.execute("SELECT 1 FROM articles LIMIT 1")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: not a narratrace database ({exc})") from exc

    # -- articles ----------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article], batch_size: int = 500) -> tuple[int, int]:
        """Insert articles in batched transactions; return (added, already present)."""
        added = seen = 0
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            added_now = self.add_batch(batch)
            added += added_now
            seen += len(batch) - added_now
        return added, seen

    def add_batch(self, batch: Sequence[Article]) -> int:
        """Insert one batch in one transaction; return how many were new."""
        with self.conn:
            cur = self.conn.executemany(
                f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                [_article_row(a) for a in batch],
            )
            return max(cur.rowcount, 0)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 4:
            rows = self.conn.execute("SELECT * FROM articles WHERE id LIKE ? LIMIT 2",
                                     (article_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _row_to_article(row) if row is not None else None

    def iter_articles(self, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      ids: Iterable[str] | None = None, batch: int = 500) -> Iterator[Article]:
        """Stream articles ordered by date then id (memory stays flat)."""
        where, params = self._filters(outlet, since, until)
        if ids is not None:
            for chunk in _chunks(list(ids), 500):
                q = f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
                yield from (_row_to_article(r) for r in self.conn.execute(q, chunk))
            return
        last: tuple[str, str] | None = None
        while True:
            clause = list(where)
            p = list(params)
            if last is not None:
                clause.append("(coalesce(date, ''), id) > (?, ?)")
                p += list(last)
            sql = ("SELECT * FROM articles" + (" WHERE " + " AND ".join(clause) if clause else "")
                   + " ORDER BY coalesce(date, ''), id LIMIT ?")
            rows = self.conn.execute(sql, p + [batch]).fetchall()
            if not rows:
                return
            for r in rows:
                yield _row_to_article(r)
            last = (rows[-1]["date"] or "", rows[-1]["id"])

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    @staticmethod
    def _filters(outlet: str | None, since: str | None, until: str | None,
                 table: str = "") -> tuple[list[str], list[Any]]:
        """SQL conditions and parameters for the outlet/date filters (columns qualified by ``table``)."""
        t = f"{table}." if table else ""
        conds = ((outlet, f"{t}outlet = ? COLLATE NOCASE"), (since, f"{t}date >= ?"), (until, f"{t}date <= ?"))
        where = [sql for value, sql in conds if value]
        return where, [value for value, _ in conds if value]

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, outlet: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search (FTS5 syntax, BM25 ranking, title weighted x3) with snippets."""
        where, params = self._filters(outlet, since, until, table="a")
        sql = (
            "SELECT a.id, a.title, a.outlet, a.date, a.source, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snip, bm25(articles_fts, 3.0, 1.0) AS score "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ?" + "".join(" AND " + w for w in where)
            + " ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            rows = self.conn.execute(sql, [query, *params, limit, offset]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(
                f"search query {query!r} is not valid FTS5 syntax ({exc}); put phrases in balanced "
                f"double quotes and write AND/OR/NOT between terms"
            ) from exc
        return [SearchHit(r["id"], r["title"], r["outlet"], r["date"], r["source"], r["snip"], -r["score"])
                for r in rows]

    # -- annotations -------------------------------------------------------------------------
    def write_annotations(self, article_id: str, analyzer: str, version: str,
                          annotations: Sequence[Annotation]) -> None:
        """Replace one analyzer's annotations for an article in one transaction."""
        with self.conn:
            self._replace(article_id, analyzer, version, annotations)

    def write_analysis(self, results: Iterable[tuple[str, str, str, Sequence[Annotation]]]) -> int:
        """Replace many (article, analyzer, version, annotations) groups in ONE transaction."""
        n = 0
        with self.conn:
            for article_id, analyzer, version, anns in results:
                self._replace(article_id, analyzer, version, anns)
                n += 1
        return n

    def _replace(self, article_id: str, analyzer: str, version: str, anns: Sequence[Annotation]) -> None:
        self.conn.execute("DELETE FROM annotations WHERE article_id = ? AND analyzer = ?", (article_id, analyzer))
        self.conn.executemany(
            'INSERT INTO annotations (article_id, analyzer, version, kind, start, "end", label, attrs) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, analyzer, version, a.kind, a.start, a.end, a.label,
              json.dumps(dict(a.attrs), ensure_ascii=False)) for a in anns],
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO analysis_runs (article_id, analyzer, version) VALUES (?, ?, ?)",
            (article_id, analyzer, version),
        )

    def annotations(self, article_id: str | None = None, kind: str | None = None,
                    analyzer: str | None = None) -> Iterator[tuple[str, Annotation]]:
        """Stream stored annotations, optionally for one article / kind / analyzer."""
        clause, params = [], []
        for col, val in (("article_id", article_id), ("kind", kind), ("analyzer", analyzer)):
            if val is not None:
                clause.append(f"{col} = ?")
                params.append(val)
        sql = ("SELECT * FROM annotations" + (" WHERE " + " AND ".join(clause) if clause else "")
               + ' ORDER BY article_id, start, "end", id')
        for r in self.conn.execute(sql, params):
            yield r["article_id"], Annotation(r["analyzer"], r["version"], r["kind"], r["start"], r["end"],
                                              r["label"], json.loads(r["attrs"]))

    def pending(self, analyzer: str, version: str) -> Iterator[str]:
        """Ids of articles that this analyzer version has not analyzed yet."""
        sql = ("SELECT a.id FROM articles a LEFT JOIN analysis_runs r ON r.article_id = a.id AND r.analyzer = ? "
               "WHERE r.version IS NULL OR r.version != ? ORDER BY a.id")
        for (aid,) in self.conn.execute(sql, (analyzer, version)).fetchall():
            yield aid

    # -- ingest errors and stats ---------------------------------------------------------------
    def record_errors(self, errors: Iterable[tuple[str, str | None, str]]) -> None:
        with self.conn:
            self.conn.executemany("INSERT INTO ingest_errors (source, locator, reason) VALUES (?, ?, ?)",
                                  list(errors))

    def stats(self) -> dict[str, Any]:
        c = self.conn
        return {
            "db": self.path,
            "articles": self.count_articles(),
            "by_outlet": {r[0] or "(unknown)": r[1] for r in c.execute(
                "SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet")},
            "by_month": {r[0] or "(undated)": r[1] for r in c.execute(
                "SELECT substr(date, 1, 7) m, count(*) FROM articles GROUP BY m ORDER BY m")},
            "annotations": {f"{r[0]}/{r[1]}": r[2] for r in c.execute(
                "SELECT analyzer, kind, count(*) FROM annotations GROUP BY analyzer, kind ORDER BY analyzer")},
            "ingest_errors": c.execute("SELECT count(*) FROM ingest_errors").fetchone()[0],
            "recent_errors": [dict(r) for r in c.execute(
                "SELECT source, locator, reason, at FROM ingest_errors ORDER BY id DESC LIMIT 10")],
        }


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]
