"""Ordered, named schema migrations. Append new ones at the end; never edit an applied one."""
from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,  -- an alias of rowid, so VACUUM keeps the FTS index in step
            id TEXT NOT NULL UNIQUE,
            title TEXT,
            text TEXT NOT NULL,
            outlet TEXT,
            date TEXT,
            url TEXT,
            source TEXT,
            locator TEXT,
            name TEXT,
            body_start INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_date ON articles(date);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        """,
    ),
    (
        "0002_annotations",
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            analyzer TEXT NOT NULL,
            version TEXT NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT,
            attrs TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX annotations_article ON annotations(article_id, analyzer);
        CREATE INDEX annotations_kind ON annotations(kind, label);
        CREATE TABLE analysis_runs (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            analyzer TEXT NOT NULL,
            version TEXT NOT NULL,
            analyzed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (article_id, analyzer)
        );
        """,
    ),
    (
        "0003_ingest_errors",
        """
        CREATE TABLE ingest_errors (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            locator TEXT,
            reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        """,
    ),
    (
        "0008_events_outcomes",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            dataset TEXT NOT NULL,
            date_start TEXT NOT NULL,
            date_end TEXT NOT NULL,
            place TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            type TEXT NOT NULL,
            perpetrator TEXT,
            findings TEXT NOT NULL DEFAULT '[]',
            source TEXT,
            locator TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX events_date ON events(date_start);
        CREATE INDEX events_dataset ON events(dataset);
        CREATE TABLE outcome_frames (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            frame_index INTEGER NOT NULL,
            time TEXT NOT NULL,
            event_type TEXT NOT NULL,
            accuser TEXT,
            date TEXT,
            date_basis TEXT,
            status TEXT NOT NULL,
            record TEXT NOT NULL,
            checked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (article_id, frame_index)
        );
        CREATE INDEX outcome_frames_accuser ON outcome_frames(accuser);
        CREATE TABLE outcomes (
            article_id TEXT NOT NULL,
            frame_index INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            event_date TEXT NOT NULL,
            place TEXT NOT NULL,
            distance_km REAL NOT NULL,
            lag_min INTEGER NOT NULL,
            lag_max INTEGER NOT NULL,
            "order" TEXT NOT NULL,
            relation TEXT NOT NULL,
            own_side INTEGER,
            perpetrator TEXT,
            event TEXT NOT NULL,
            FOREIGN KEY (article_id, frame_index) REFERENCES outcome_frames(article_id, frame_index) ON DELETE CASCADE
        );
        CREATE INDEX outcomes_frame ON outcomes(article_id, frame_index);
        CREATE INDEX outcomes_event ON outcomes(event_id);
        """,
    ),
    (
        "0005_reuse_citations",
        """
        CREATE TABLE reuse_links (
            id INTEGER PRIMARY KEY,
            earlier TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            later TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            share_of_later REAL NOT NULL,
            share_of_earlier REAL NOT NULL,
            basis TEXT NOT NULL,
            cluster TEXT
        );
        CREATE INDEX reuse_links_later ON reuse_links(later);
        CREATE INDEX reuse_links_earlier ON reuse_links(earlier);
        CREATE TABLE reuse_passages (
            link_id INTEGER NOT NULL REFERENCES reuse_links(id) ON DELETE CASCADE,
            earlier_start INTEGER NOT NULL,
            earlier_end INTEGER NOT NULL,
            later_start INTEGER NOT NULL,
            later_end INTEGER NOT NULL,
            boilerplate INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX reuse_passages_link ON reuse_passages(link_id);
        CREATE TABLE reuse_clusters (
            id TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            earliest_status TEXT NOT NULL,
            earliest_date TEXT,
            earliest TEXT NOT NULL DEFAULT '[]',
            undated TEXT NOT NULL DEFAULT '[]',
            hops TEXT NOT NULL DEFAULT '[]',
            unplaced TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE reuse_cluster_members (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            cluster TEXT NOT NULL
        );
        CREATE INDEX reuse_cluster_members_cluster ON reuse_cluster_members(cluster);
        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            outlet TEXT NOT NULL,
            cited_as TEXT NOT NULL,
            cue TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            self INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX citations_article ON citations(article_id);
        CREATE INDEX citations_outlet ON citations(outlet);
        """,
    ),
    (
        "0007_annotation_speaker_index",
        """
        CREATE INDEX annotations_speaker ON annotations(lower(json_extract(attrs, '$.speaker')))
            WHERE kind = 'attribution';
        """,
    ),
    (
        "0009_annotation_facet_indexes",
        """
        CREATE INDEX annotations_facets ON annotations(kind, label, article_id);
        DROP INDEX IF EXISTS annotations_speaker;
        CREATE INDEX annotations_speaker_article ON annotations(lower(json_extract(attrs, '$.speaker')), article_id)
            WHERE kind = 'attribution';
        """,
    ),
    (
        "0010_article_cards",
        """
        CREATE TABLE article_cards (
            article_rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            outlet TEXT,
            date TEXT
        );
        INSERT INTO article_cards SELECT rowid, id, outlet, date FROM articles;
        CREATE INDEX article_cards_date ON article_cards(date);
        CREATE INDEX article_cards_outlet ON article_cards(outlet);
        CREATE INDEX article_cards_id ON article_cards(id);
        CREATE TRIGGER article_cards_ai AFTER INSERT ON articles BEGIN
            INSERT INTO article_cards VALUES (new.rowid, new.id, new.outlet, new.date);
        END;
        CREATE TRIGGER article_cards_ad AFTER DELETE ON articles BEGIN
            DELETE FROM article_cards WHERE article_rowid = old.rowid;
        END;
        CREATE TRIGGER article_cards_au AFTER UPDATE OF id, outlet, date ON articles BEGIN
            UPDATE article_cards SET id = new.id, outlet = new.outlet, date = new.date
            WHERE article_rowid = new.rowid;
        END;
        """,
    ),
]
