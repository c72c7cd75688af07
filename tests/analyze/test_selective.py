"""Selective parsing: the cue selector, offset-exact doc assembly, the pipeline's one streamed pipe
(texts written for these tests)."""
from __future__ import annotations

import logging
from typing import ClassVar

import pytest

from narratrace.analyze.attribution import AttributionAnalyzer, extract
from narratrace.analyze.base import AnalysisContext
from narratrace.analyze.pipeline import regions_for, run
from narratrace.analyze.regions import select, sentence_starts
from narratrace.model import Annotation, Article
from narratrace.nlp import get_nlp, parse_regions

logging.getLogger("narratrace.gazetteer").setLevel(logging.ERROR)

FILLER = ("The weather in the valley was mild for the season. Farmers brought their goats to the market. "
          "Prices of bread rose slightly over the winter months. ")

TEXT = ("Storm over the harbour\n\n"
        "The Port Authority of Velmora closed the eastern quay on Monday after a crane collapsed. " + FILLER + "\n\n"
        "The Velmora Fishing Council held its yearly meeting in the old town hall. "
        "It said the quay had been neglected for a decade and demanded an inquiry. " + FILLER + "\n\n"
        "“We have warned about these cranes for years, and nobody listened to the dockers at all.\n\n"
        "“Now the whole harbour pays for that silence and the boats cannot unload their catch.”\n\n"
        + FILLER)


def article(text: str, n: int = 0) -> Article:
    return Article(id=f"t{n}", text=text)


def _parse(text: str, regions):
    return next(parse_regions([(text, regions, None)]))[0]


def test_sentences_split_at_stops_and_breaks_not_titles():
    text = "Mr. Smith met Gen. Lee in the U.S. capital. They talked.\n\nA new paragraph starts here."
    starts = sentence_starts(text)
    assert [text[s:e].strip() for s, e in zip(starts, starts[1:] + [len(text)])] == [
        "Mr. Smith met Gen. Lee in the U.S. capital.", "They talked.", "A new paragraph starts here."]


def test_selection_skips_plain_sentences_and_keeps_cues_quotes_lead_and_antecedents():
    regions = select(TEXT)
    inside = lambda phrase: any(s <= TEXT.index(phrase) < e for s, e in regions)  # noqa: E731
    assert inside("Storm over the harbour") and inside("The Port Authority")  # headline and lead
    assert inside("It said the quay")  # a cue
    assert inside("The Velmora Fishing Council held")  # the sentence before it (the antecedent of "It")
    assert inside("nobody listened") and inside("Now the whole harbour")  # a quotation over paragraphs
    assert not inside("Prices of bread rose")  # no cue, no quote, not next to either
    assert sum(e - s for s, e in regions) < len(TEXT)


def test_doc_over_regions_keeps_every_offset_and_sentences():
    nlp = get_nlp()
    regions = select(TEXT)
    doc = _parse(TEXT, regions)
    full = nlp(TEXT)
    assert doc.text == TEXT
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in full]
    assert len(list(doc.sents)) >= len(sentence_starts(TEXT)) - 2
    skipped = [t for t in doc if t.idx >= TEXT.index("Prices of bread") and t.idx < TEXT.index("The Velmora")]
    assert skipped and all(t.pos_ == "" and t.lemma_ == "" for t in skipped)  # tokenized, not parsed
    parsed = next(t for t in doc if t.text == "said")
    assert parsed.pos_ == "VERB" and parsed.lemma_ == "say"
    assert any(e.text == "Velmora" or "Velmora" in e.text for e in doc.ents)


@pytest.mark.parametrize("regions", [[], [(0, 1)], [(5, 40), (38, 90)], [(len(TEXT) - 3, len(TEXT) + 10)],
                                     [(17, 18), (200, 201), (400, 650)]])
def test_any_regions_give_a_doc_with_the_exact_text(regions):
    doc = _parse(TEXT, regions)
    assert doc.text == TEXT
    assert all(doc.text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert list(doc.sents)
    extract(doc, text=TEXT)  # unparsed tokens (no pos, no labels) never crash the rules


def test_selective_attributions_match_the_full_parse_with_the_pronoun_resolved():
    full = extract(get_nlp()(TEXT), text=TEXT)
    sel = extract(_parse(TEXT, select(TEXT)), text=TEXT)
    assert [a.to_dict() for a in sel] == [a.to_dict() for a in full]
    said = next(a for a in sel if a.cue is not None and a.cue.text == "said")
    assert said.source.text == "It" and "Velmora Fishing Council" in (said.speaker or "")


class _NeedsWholeDoc:
    name: ClassVar[str] = "whole"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("probe",)
    needs_doc: ClassVar[bool] = True

    def analyze(self, art: Article, ctx: AnalysisContext) -> list[Annotation]:
        untagged = sum(1 for t in ctx.doc if not t.is_space and not t.pos_)
        return [Annotation(self.name, self.version, "probe", 0, 0, label=str(untagged))]


def test_an_analyzer_without_regions_forces_the_whole_parse():
    both = [AttributionAnalyzer(), _NeedsWholeDoc()]
    assert regions_for(both, selective=True)(article(TEXT)) is None
    assert regions_for([AttributionAnalyzer()], selective=True)(article(TEXT)) is not None
    assert regions_for([AttributionAnalyzer()], selective=False)(article(TEXT)) is None
    (_a, anns), = run([article(TEXT)], both, selective=True)
    assert [a.label for a in anns if a.kind == "probe"] == ["0"]


def test_two_worker_processes_stream_the_same_annotations():
    texts = [TEXT, "The ministry said on Friday that the road to the port would reopen next week.",
             FILLER, "“The bridge is safe and the repairs are finished at last,” the mayor told reporters."]

    def annotations(n_process: int) -> list[tuple[str, list[dict]]]:
        arts = (article(t, i) for i, t in enumerate(texts))  # a generator: never a list in memory
        return [(a.id, [x.to_dict() for x in anns])
                for a, anns in run(arts, [AttributionAnalyzer()], batch_size=2, n_process=n_process)]

    one = annotations(1)
    assert [i for i, _ in one] == ["t0", "t1", "t2", "t3"] and any(anns for _, anns in one)
    assert annotations(2) == one


@pytest.mark.shared
@pytest.mark.parametrize("name", ["000_c05e638e3fe16a91", "004_99cb2c37a8afa03a"])
def test_samples_give_the_same_attributions_parsed_selectively(samples_dir, name):
    from narratrace.ingest import read_paths

    path = samples_dir / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    art = next(a for a in read_paths([str(path)]) if isinstance(a, Article))
    regions = AttributionAnalyzer().regions(art)
    sel = extract(_parse(art.text, regions), art.body_start, text=art.text)
    full = extract(get_nlp()(art.text), art.body_start, text=art.text)
    assert sel and [a.to_dict() for a in sel] == [a.to_dict() for a in full]


def test_store_analysis_with_two_workers_matches_one(tmp_path):
    from narratrace import api
    from narratrace.store import Store

    texts = [TEXT, "The ministry said on Friday that the road to the port would reopen next week.", FILLER]
    stored = []
    for n_process in (1, 2):
        db = tmp_path / f"n{n_process}.db"
        with Store.open(db) as store:
            store.add_articles(article(t, i) for i, t in enumerate(texts))
        counts = api.analyze(db, ["attribution"], batch_size=2, n_process=n_process)
        with Store.open(db, readonly=True) as store:
            stored.append(sorted((aid, a.start, a.end, a.label) for aid, a in store.annotations(kind="attribution")))
        assert counts["attribution"] == len(stored[-1]) > 0
    assert stored[0] == stored[1]


@pytest.mark.parametrize("spans,gap,expected", [
    ([(0, 5), (5, 9), (20, 30)], 1, [(0, 9), (20, 30)]),  # touching pieces join
    ([(0, 5), (6, 9)], 1, [(0, 5), (6, 9)]),
    ([(0, 10), (2, 4), (12, 14)], 1, [(0, 10), (12, 14)]),  # a piece inside another
    ([(0, 50), (10, 20), (100, 120)], 60, [(0, 120)]),  # a short gap is parsed too
])
def test_merge_spans(spans, gap, expected):
    from narratrace.nlp import merge_spans

    assert merge_spans(spans, gap) == expected


def test_worker_processes_read_the_input_only_a_few_chunks_ahead():
    taken = []

    def arts():
        for i in range(40):
            taken.append(i)
            yield article(FILLER if i % 2 else TEXT, i)

    out = run(arts(), [AttributionAnalyzer()], batch_size=2, n_process=2)
    first, _anns = next(out)
    assert first.id == "t0"
    assert len(taken) <= 2 * 2 * 2 + 2  # two chunks of two per worker in flight, plus the next chunk read
    assert [a.id for a, _ in out] == [f"t{i}" for i in range(1, 40)]


NAMES = ("Defence minister Oleg Varkov of Norland said on Tuesday that the Velmora Fishing Council had "
         "misled the port authority, and the spokesman of the International Red Cross, Amira Haddad, told "
         "reporters in Geneva that aid convoys would reach Kafr Jales. The weather was mild. " + FILLER +
         "Varkov added that Norland's navy stayed in port, Reuters reported.")


def _ents(doc):
    return sorted((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP"))


def test_windowed_recognizer_finds_the_names_the_whole_pipeline_finds(monkeypatch):
    regions = select(NAMES)
    monkeypatch.setenv("NARRATRACE_NER_WINDOW", "-1")
    whole = _parse(NAMES, regions)
    monkeypatch.setenv("NARRATRACE_NER_WINDOW", "3")
    windowed = _parse(NAMES, regions)
    names = {NAMES[s:e] for s, e, _l in _ents(windowed)}
    assert {"Oleg Varkov", "Amira Haddad", "Geneva"} <= names
    assert _ents(windowed) == _ents(whole)
    assert [(t.tag_, t.dep_, t.head.i) for t in windowed] == [(t.tag_, t.dep_, t.head.i) for t in whole]
    # the gazetteer's entities (with their ids) stay, as in the whole pipeline
    assert [(e.text, e.ent_id_) for e in windowed.ents if e.ent_id_] == [(e.text, e.ent_id_) for e in whole.ents if e.ent_id_]


def test_windowed_recognizer_reads_dates_and_keeps_lines_and_separators(monkeypatch):
    def ents(text, window):
        monkeypatch.setenv("NARRATRACE_NER_WINDOW", window)
        return [(e.text, e.label_) for e in _parse(text, None).ents]

    # a time word opens a window: "last week" is a DATE as in the whole pipeline (a speaker rule needs it)
    dated = "Nora Quill, a union organiser from the northern valley, last week said she was hopeful."
    assert ("last week", "DATE") in ents(dated, "3") and ents(dated, "3") == ents(dated, "-1")
    # a name at the end of a line keeps its line break token, as in the whole pipeline
    byline = "Posted by Amira Haddad\nGeneva Office"
    assert any(t.startswith("Amira Haddad") for t, _l in ents(byline, "3"))
    # no entity runs across the separator between two windows
    assert all(" and " not in t for t, _l in ents("She met John and Mary Smith.", "0"))


class _Fragile:
    """Raises on "boom" and kills its worker process on "die" (registered below, so workers build it)."""
    name: ClassVar[str] = "fragile_probe"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("probe",)
    needs_doc: ClassVar[bool] = True

    def regions(self, art: Article):
        return []

    def analyze(self, art: Article, ctx: AnalysisContext) -> list[Annotation]:
        import os

        if art.text == "die":
            os._exit(3)
        if art.text == "boom":
            raise ValueError("boom in a worker")
        return [Annotation(self.name, self.version, "probe", 0, 1, label=str(os.getpid()))]


@pytest.fixture
def fragile():
    from narratrace.analyze import base

    base.register(_Fragile.name, _Fragile)
    yield _Fragile()
    base._REGISTRY.pop(_Fragile.name, None)


def test_worker_processes_do_the_analysis_and_report_errors(fragile):
    import os
    from concurrent.futures.process import BrokenProcessPool

    arts = [article(f"text number {i}.", i) for i in range(6)]
    pids = {a.label for _art, anns in run(arts, [fragile], batch_size=2, n_process=2) for a in anns}
    assert pids and str(os.getpid()) not in pids  # analyzed in the workers, not here
    with pytest.raises(ValueError, match="boom in a worker"):
        list(run(arts[:3] + [article("boom", 9)], [fragile], batch_size=2, n_process=2))
    with pytest.raises(BrokenProcessPool):  # a worker that dies ends the run instead of hanging it
        list(run(arts[:3] + [article("die", 9)], [fragile], batch_size=2, n_process=2))
