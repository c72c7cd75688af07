"""Recurrence counts an edited copy as a republication once reuse has traced it."""
from narratrace import api
from narratrace.corpus.recurrence import group_store
from narratrace.corpus.reuse_store import run_reuse
from narratrace.ids import article_id
from narratrace.model import Article
from narratrace.store import Store

WARNING = ("The defence ministry warned on Monday that fighters of the Northern Brigade are preparing to stage "
           "a chemical attack in the town of Saraqib to accuse government forces.")
BACKGROUND = ("Residents of the town have lived through years of shelling and shortages. The market reopened "
              "last spring after repairs to the main road, and aid convoys now arrive twice a month with flour, "
              "fuel and medicine for the clinics that serve the surrounding villages and the displaced families "
              "who settled in the schools during the winter offensive.")
EDITED = WARNING.replace("on Monday", "on Monday night")


def article(text: str, outlet: str, date: str) -> Article:
    return Article(id=article_id(text, outlet), text=text, outlet=outlet, date=date)


def test_edited_copy_is_a_republication_only_after_reuse(tmp_db):
    original = article(f"{WARNING}\n\n{BACKGROUND}", "Agency One", "2020-02-01")
    copy = article(f"Agency One reports: {EDITED}\n\n{BACKGROUND}", "Mirror Site", "2020-02-02")
    own = article("In a separate statement, the ministry said fighters of the Northern Brigade are preparing "
                  "to stage a chemical attack in Idlib to blame the army.", "Agency One", "2020-05-01")
    with Store.open(tmp_db) as store:
        store.add_articles([original, copy, own])
    api.analyze(tmp_db, ["allegations"])

    def brigade_group(store):
        (group,) = [g for g in group_store(store) if "brigade" in g.key.lower()]
        return group

    with Store.open(tmp_db) as store:
        before = brigade_group(store)
        assert before.count == 3 and before.instances == 3  # text identity alone misses the edited copy
        run_reuse(store)
        after = brigade_group(store)
    by_article = {o.article: o for o in after.occurrences}
    assert after.count == 3 and after.instances == 2
    assert by_article[copy.id].republication_of == original.id
    assert by_article[own.id].republication_of is None and by_article[own.id].instance == 2
