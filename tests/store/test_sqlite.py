import sqlite3

import pytest

from narratrace.errors import QueryError, StoreError
from narratrace.model import Annotation, Article
from narratrace.store import Store
from narratrace.store.migrations import MIGRATIONS


def art(i, text, outlet="RT", date="2019-01-01", title=None):
    return Article(id=f"id{i}", text=text, title=title or text[:20], outlet=outlet, date=date, source="t.txt")


@pytest.fixture
def store(tmp_db):
    s = Store.open(tmp_db)
    yield s
    s.close()


def test_migrations_are_recorded_in_order(store):
    names = [r[0] for r in store.conn.execute("SELECT name FROM migrations ORDER BY rowid")]
    assert names == [m[0] for m in MIGRATIONS]
    assert store.migrate() == []


def test_adding_twice_adds_nothing(store):
    batch = [art(1, "White Helmets said to stage a video"), art(2, "Ministry denies claim", "Sputnik")]
    assert store.add_articles(batch) == (2, 0)
    assert store.add_articles(batch) == (0, 2)
    assert store.count_articles() == 2


def test_search_ranks_filters_and_snippets(store):
    store.add_articles([
        art(1, "The so-called White Helmets prepare a staged attack in Idlib.", "RT", "2018-08-25"),
        art(2, "Rescuers of the White Helmets pulled people from rubble.", "Reuters", "2017-04-04"),
        art(3, "Unrelated story about grain exports.", "RT", "2018-09-01"),
    ])
    hits = store.search('"white helmets"')
    assert {h.id for h in hits} == {"id1", "id2"}
    assert "[White Helmets]" in hits[0].snippet
    assert [h.id for h in store.search('"white helmets"', outlet="rt")] == ["id1"]
    assert [h.id for h in store.search('"white helmets"', since="2018-01-01")] == ["id1"]
    assert [h.id for h in store.search("helmets", until="2017-12-31")] == ["id2"]
    assert store.search("grain AND helmets") == []


@pytest.mark.parametrize("bad", ['"unbalanced', "AND", "NOT OR", "(("])
def test_bad_queries_raise_one_clear_error(store, bad):
    store.add_articles([art(1, "text")])
    with pytest.raises(QueryError, match="FTS5"):
        store.search(bad)


def test_annotations_are_replaced_per_analyzer(store):
    store.add_articles([art(1, "abc def")])
    first = [Annotation("x", "1", "k", 0, 3, "L"), Annotation("x", "1", "k", 4, 7, "M")]
    store.write_annotations("id1", "x", "1", first)
    store.write_annotations("id1", "y", "1", [Annotation("y", "1", "j", 0, 7)])
    assert list(store.pending("x", "1")) == []
    assert list(store.pending("x", "2")) == ["id1"]
    store.write_annotations("id1", "x", "2", [Annotation("x", "2", "k", 0, 3, "N", {"a": 1})])
    got = [a for _, a in store.annotations(article_id="id1")]
    assert sorted((a.analyzer, a.version, a.label) for a in got) == [("x", "2", "N"), ("y", "1", None)]
    assert [a.attrs for _, a in store.annotations(kind="k")] == [{"a": 1}]


def test_iter_articles_streams_in_date_order_with_filters(store):
    store.add_articles([art(i, f"text {i}", date=f"2019-01-{10 - i:02d}") for i in range(5)])
    assert [a.id for a in store.iter_articles(batch=2)] == ["id4", "id3", "id2", "id1", "id0"]
    assert [a.id for a in store.iter_articles(since="2019-01-08")] == ["id2", "id1", "id0"]
    assert sorted(a.id for a in store.iter_articles(ids=["id1", "id3"])) == ["id1", "id3"]


def test_unique_prefix_lookup(store):
    store.add_articles([Article(id="abcdef0123456789", text="t")])
    assert store.get_article("abcdef01").id == "abcdef0123456789"
    assert store.get_article("zzzz") is None


def test_readonly_open_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.db", readonly=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a narratrace database"):
        Store.open(other, readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store.open(junk)


def test_readonly_store_cannot_write(tmp_db):
    Store.open(tmp_db).close()
    ro = Store.open(tmp_db, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.add_articles([art(1, "x")])


def test_vacuum_keeps_the_text_index_in_step(tmp_db):
    s = Store.open(tmp_db)
    s.add_articles([art(i, f"story {i} about {'grain' if i % 2 else 'helmets'}") for i in range(50)])
    with s.conn:
        s.conn.execute("DELETE FROM articles WHERE id IN ('id1', 'id2', 'id3')")
    s.conn.execute("VACUUM")
    assert {h.id for h in s.search("helmets", limit=100)} == {f"id{i}" for i in range(4, 50, 2)} | {"id0"}
    s.close()
