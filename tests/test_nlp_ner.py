"""The batch decoder of nlp_ner.py finds exactly the entities spaCy's own recognizer sets."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from narratrace.nlp import DEFAULT_MODEL
from narratrace.nlp_ner import entities, supported

# Written to reach the recognizer's cases: multi-word names, dates and numbers, names at a sentence
# start and end, whitespace and line breaks (no entity may start on them), a one-token doc, titles.
TEXTS = [
    "Defence minister Oleg Varkov of Norland said on Tuesday that 3,000 troops had left Port Velmora.",
    "The Velmora Fishing Council met in Geneva last week.\n\nAmira Haddad of the International Red Cross "
    "spoke.  She said 40 percent of the convoys reached Kafr Jales by 5 p.m. on 12 March 2017.",
    "Paris",
    "In the morning the ministry in Moscow denied it.\nReuters reported that the United Nations "
    "and the European Union had asked for $2 million. Mr. Smith, 45, disagreed.",
    "no capitals here at all, only words and more words about nothing in particular",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def _spacy(nlp, docs):
    ner = nlp.get_pipe("ner")
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe([d.copy() for d in docs])]


def _parsed(nlp, texts):
    with nlp.select_pipes(disable=["ner"]):
        return list(nlp.pipe(texts))


def test_the_shipped_recognizer_is_supported(nlp):
    assert supported(nlp.get_pipe("ner"))
    assert not supported(nlp.get_pipe("parser"))  # anything else: spaCy's own decoder runs
    assert not supported(object())


def test_same_entities_as_spacy_on_parsed_docs(nlp):
    docs = _parsed(nlp, TEXTS)
    want = _spacy(nlp, docs)
    assert sum(map(len, want)) >= 12  # the texts do exercise the recognizer
    assert entities(nlp.get_pipe("ner"), docs) == want


def test_same_entities_one_doc_at_a_time_and_unparsed(nlp):
    ner = nlp.get_pipe("ner")
    for text in TEXTS:
        doc = nlp.make_doc(text)  # no sentence starts but the first token
        assert entities(ner, [doc]) == _spacy(nlp, [doc])


def test_preset_entities_constrain_the_decoding_as_in_spacy(nlp):
    ner = nlp.get_pipe("ner")
    words = ["The", "Hmeimim", "center", "said", "that", "Kafr", "Jales", "and", "Idlib", "were", "quiet", "."]
    iob = ["", "B-ORG", "I-ORG", "", "", "B-GPE", "I-GPE", "", "U-PERSON", "", "", ""]
    # spaCy's Doc takes IOB tags; U- is written as B- on one token
    tags = [t.replace("U-", "B-") for t in iob]
    doc = Doc(nlp.vocab, words=words, ents=tags)
    got = entities(ner, [doc])
    assert got == _spacy(nlp, [doc])
    assert (1, 3, "ORG") in got[0] and (5, 7, "GPE") in got[0] and (8, 9, "PERSON") in got[0]
    # a sentence start inside the text: no entity runs across it
    starts = [None] * len(words)
    starts[6] = True
    split = Doc(nlp.vocab, words=words, sent_starts=starts)
    assert entities(ner, [split]) == _spacy(nlp, [split])
    assert all(not (s < 6 < e) for s, e, _l in entities(ner, [split])[0])


def test_docs_are_not_modified(nlp):
    docs = _parsed(nlp, TEXTS[:2])
    before = [[t.ent_iob for t in d] for d in docs]
    entities(nlp.get_pipe("ner"), docs)
    assert [[t.ent_iob for t in d] for d in docs] == before
