"""The cached attribute ruler and lemmatizer (nlp_speed.py) give exactly spaCy's own output."""
from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from narratrace.nlp import DEFAULT_MODEL
from narratrace.nlp_speed import FastAttributeRuler, FastLemmatizerMixin, accelerate

# Written to reach the ruler's special cases: contractions and colloquial pairs (gonna, gotta, let's,
# c'mon, y'all, ain't), "there is", pronouns as subject and object, "but" as an adverb, main-verb
# "do"/"have", determiners used as pronouns, whitespace tokens, repeated words (cache hits).
TEXTS = [
    "We're gonna fix the bridge, and you gotta believe it. Let's go, c'mon!  Y'all ain't ready.",
    "There is a ferry at noon and there were two buses.\n\nI saw it and it saw me; you know you do.",
    "They did their homework but did not have time. That is what she has.  All but one left.",
    "Because the mayor said so, the council, which had met twice, voted. Those who came stayed.",
    "The river   rose. \n The river rose again, and again the river rose, the ministry said.",
    "",
]


def _rows(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    return stock, fast, accelerate(fast)


def test_both_components_are_swapped(pipelines):
    _stock, fast, swapped = pipelines
    assert swapped == ["attribute_ruler", "lemmatizer", "ner"]
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizerMixin)


def test_the_same_tags_morphology_and_lemmas_token_by_token(pipelines):
    stock, fast, _ = pipelines
    for _round in range(2):  # the second round runs on warm caches
        for text in TEXTS:
            assert _rows(fast(text)) == _rows(stock(text)), text
    docs = list(fast.pipe(TEXTS * 3, batch_size=4))
    assert [_rows(d) for d in docs] == [_rows(stock(t)) for t in TEXTS * 3]


def test_colloquial_pairs_get_the_ruler_lemmas(pipelines):
    _stock, fast, _ = pipelines
    lemmas = {t.text: t.lemma_ for t in fast("We are gon na leave and you got ta stay.")}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ta"] == "to"


def test_a_ruler_with_patterns_it_cannot_compile_stays_stock():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"NORM": "three"})
    assert accelerate(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert nlp("the cat")[0].norm_ == "three"


def test_a_hand_made_ruler_matches_the_stock_one():
    def build(fast: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "cats"}]], {"LEMMA": "cat", "POS": "NOUN"})
        ruler.add([[{"LOWER": {"IN": ["cats", "dogs"]}}]], {"POS": "PROPN"})  # later rule wins on POS
        ruler.add([[{"LOWER": {"REGEX": "^do"}}, {"LOWER": "run"}]], {"LEMMA": "running"}, index=1)
        if fast:
            assert accelerate(nlp) == ["attribute_ruler"]
        return nlp

    text = "Cats and dogs run; dogs run, cats sleep."
    got, want = build(True)(text), build(False)(text)
    assert [(t.pos_, t.lemma_) for t in got] == [(t.pos_, t.lemma_) for t in want]
    assert got[0].pos_ == "PROPN" and got[0].lemma_ == "cat" and got[3].lemma_ == "running"


def _walk_ops(nlp, names=("tok2vec", "tagger", "parser", "ner")):
    for name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if name in names and model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                yield layer.ops


def test_the_shared_pipeline_uses_numpy_products_and_the_cached_rules(monkeypatch):
    from narratrace import nlp as N

    monkeypatch.delenv("NARRATRACE_STOCK_SPACY", raising=False)
    ours = N.get_nlp()
    assert all(ops.use_blis is False for ops in _walk_ops(ours, ("tok2vec", "tagger")))
    # the parser's and the recognizer's output layer is rebuilt at load time and keeps BLIS
    assert sum(ops.use_blis for ops in _walk_ops(ours, ("parser", "ner"))) <= 2
    assert isinstance(ours.get_pipe("attribute_ruler"), FastAttributeRuler)
    monkeypatch.setenv("NARRATRACE_STOCK_SPACY", "1")
    stock = N.get_nlp()
    assert stock is N.get_nlp(stock=True) and stock is not ours
    assert any(getattr(ops, "use_blis", False) for ops in _walk_ops(stock))
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    text = "The ministry said on Friday that the bridge in Kafr Jales would reopen, Ahmed Saleh told us."
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in stock(text)] == \
           [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in ours(text)]


def test_the_fast_ruler_pickles_follows_new_patterns_and_leaves_bad_indexes_to_spacy():
    import pickle

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cats"}]], {"LEMMA": "cat"})
    assert accelerate(nlp) == ["attribute_ruler"]
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "dogs"}]], {"LEMMA": "dog"})  # added after the swap: still applied
    assert [t.lemma_ for t in nlp("cats dogs")] == ["cat", "dog"]
    copy = pickle.loads(pickle.dumps(ruler))
    assert isinstance(copy, FastAttributeRuler) and copy._fast_ok
    assert [t.lemma_ for t in copy(nlp.make_doc("dogs cats"))] == ["dog", "cat"]
    ruler.add([[{"LOWER": "birds"}]], {"LEMMA": "bird"}, index=1)  # out of range: spaCy's own error
    assert ruler._fast_ok is False
    with pytest.raises(ValueError):
        nlp("birds fly")


def test_the_lemma_index_answers_from_a_set_and_stays_a_list(pipelines):
    import pickle

    _stock, fast, _swapped = pipelines
    table = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns = next(v for v in table.values() if "ferry" in v)
    assert isinstance(nouns, list) and "ferry" in nouns and "ferries" not in nouns
    assert list(pickle.loads(pickle.dumps(nouns))) == list(nouns)
    assert "ferry" in pickle.loads(pickle.dumps(nouns))
    # rare inflected words (cache misses) still get spaCy's lemmas
    text = "The ferries, the geese and the cacti were reorganised; she outsmarted them, crisscrossing fjords."
    stock_doc, fast_doc = _stock(text), fast(text)
    assert [t.lemma_ for t in fast_doc] == [t.lemma_ for t in stock_doc]


def test_the_swapped_recognizer_sets_spacys_entities_and_pickles(pipelines):
    import pickle

    from narratrace.nlp_ner import BatchEntityRecognizer

    stock, fast, _swapped = pipelines
    assert isinstance(fast.get_pipe("ner"), BatchEntityRecognizer)
    rows = lambda doc: [(t.ent_iob_, t.ent_type_) for t in doc]  # noqa: E731
    for text in TEXTS + ["Oleg Varkov of Norland met Amira Haddad in Geneva on 12 March 2017 at 5 p.m."]:
        assert rows(fast(text)) == rows(stock(text))
    assert [rows(d) for d in fast.pipe(TEXTS, batch_size=3)] == [rows(d) for d in stock.pipe(TEXTS)]
    assert any(e.label_ == "PERSON" for e in fast("Oleg Varkov of Norland met Amira Haddad.").ents)
    again = pickle.loads(pickle.dumps(fast.get_pipe("ner")))
    assert isinstance(again, BatchEntityRecognizer) and again.moves.n_moves == fast.get_pipe("ner").moves.n_moves
