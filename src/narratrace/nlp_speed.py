"""Faster drop-in versions of two rule components of the spaCy pipeline, with the same output
(:func:`accelerate` also swaps in the batch-decoding entity recognizer of ``nlp_ner.py``).

(``narratrace.nlp.get_nlp`` also loads the pipeline with thinc's numpy ops without BLIS, so the
thinc layers of tok2vec, tagger, parser and NER multiply matrices with numpy's OpenBLAS (the parser's
transition loop calls BLIS directly and keeps it): on the 2-core machines here BLIS ran at about
15 GFLOP/s against OpenBLAS's 40-50, and the whole pipeline took about a fifth less time, with identical
tags, trees and entities on FA-KES (benchmarks/stock_vs_fast.py). ``NARRATRACE_STOCK_SPACY=1``
switches both this and the components below back to spaCy as shipped.)

spaCy's ``attribute_ruler`` runs a token ``Matcher`` with every one of its patterns (179 in
en_core_web_sm) over every document, and the rule ``lemmatizer`` looks each token up in Python. On
news text they take about a fifth of the whole pipeline, though almost every token is an old
acquaintance. :func:`accelerate` swaps in subclasses that compute the same thing once per distinct
token and then write whole arrays:

* the attribute ruler's single-token patterns are evaluated once per distinct (lower case form, tag,
  dependency label, is-space) and the result is cached; the few multi-token patterns ("gon na",
  "there is") are checked only where their first token matches. The attributes are then set in the
  ruler's own precedence (a later pattern overrides an earlier one, attribute by attribute);
* the lemmatizer keeps a table from (form, POS, morphology) to the lemma it computed; spaCy's own
  lemmatizer is called only for a key it has not seen, and its word index (lists of up to 57,528
  words that it searches one by one for every form it derives) answers from a set.

A pipeline whose patterns use anything else (other token attributes or operators) keeps the stock
component. ``tests/test_nlp_speed.py`` checks the output token by token against the stock components.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer

_FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")

Pred = Callable[[tuple[str, str, str, bool]], bool]


class _Check:
    """One token attribute's test from a Matcher pattern (a plain object, so the ruler pickles)."""

    __slots__ = ("feature", "equal", "inside", "outside", "regex")

    def __init__(self, feature: int, equal: Any = None, inside: frozenset | None = None,
                 outside: frozenset | None = None, regex: re.Pattern[str] | None = None) -> None:
        self.feature, self.equal, self.inside, self.outside, self.regex = feature, equal, inside, outside, regex

    def __getstate__(self) -> tuple:
        return self.feature, self.equal, self.inside, self.outside, self.regex

    def __setstate__(self, state: tuple) -> None:
        self.feature, self.equal, self.inside, self.outside, self.regex = state

    def __call__(self, feats: tuple[str, str, str, bool]) -> bool:
        v = feats[self.feature]
        if self.equal is not None and v != self.equal:
            return False
        if self.inside is not None and v not in self.inside:
            return False
        if self.outside is not None and v in self.outside:
            return False
        return self.regex is None or bool(self.regex.search(str(v)))


class _Token:
    """A pattern token's predicate over (lower, tag, dep, is_space): all of its checks."""

    __slots__ = ("checks",)

    def __init__(self, checks: list[_Check]) -> None:
        self.checks = checks

    def __getstate__(self) -> list[_Check]:
        return self.checks

    def __setstate__(self, state: list[_Check]) -> None:
        self.checks = state

    def __call__(self, feats: tuple[str, str, str, bool]) -> bool:
        return all(c(feats) for c in self.checks)


def _compile(token_spec: dict) -> Pred | None:
    """A predicate over (lower, tag, dep, is_space), or None for a spec this module does not handle."""
    checks: list[_Check] = []
    for key, spec in token_spec.items():
        if key not in _FEATURES or (key == "IS_SPACE" and not isinstance(spec, bool)):
            return None
        feature = _FEATURES.index(key)
        if not isinstance(spec, dict):
            checks.append(_Check(feature, equal=spec))
            continue
        for op, arg in spec.items():
            if op == "IN":
                checks.append(_Check(feature, inside=frozenset(arg)))
            elif op == "NOT_IN":
                checks.append(_Check(feature, outside=frozenset(arg)))
            elif op == "REGEX":
                checks.append(_Check(feature, regex=re.compile(arg)))
            else:
                return None
    return _Token(checks)


class FastAttributeRuler(AttributeRuler):
    """:class:`AttributeRuler` with cached single-token matching (see the module docstring)."""

    def _fast_setup(self) -> bool:
        singles: list[tuple[int, Pred, dict, dict]] = []
        multis: list[tuple[int, list[Pred], int, dict]] = []
        for rule, p in enumerate(self.patterns):
            for pattern in p["patterns"]:
                preds = [_compile(t) for t in pattern]
                index = int(p.get("index", 0))
                if not pattern or any(pr is None for pr in preds) or not -len(preds) <= index < len(preds):
                    return False  # what this module does not handle, or spaCy's E1001 error: the stock path
                if len(preds) == 1 and p.get("index", 0) in (0, -1):
                    singles.append((rule, preds[0], p["attrs"], pattern[0]))  # type: ignore[arg-type]
                else:
                    multis.append((rule, preds, int(p.get("index", 0)), p["attrs"]))  # type: ignore[arg-type]
        self._singles, self._multis = singles, multis
        self._hits: dict[tuple, tuple[list[tuple[int, dict]], list[int]]] = {}
        self._plans: dict[tuple, tuple[tuple[int, int], ...] | None] = {}
        self._index_rules()
        return True

    # patterns changed after the swap: compile them again (or fall back to the stock matching)
    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._fast_ok = self._fast_setup()

    def clear(self) -> None:
        super().clear()
        self._fast_ok = self._fast_setup()

    @staticmethod
    def _plan(hits: list[tuple[int, dict]], vocab: Any) -> tuple[tuple[int, int], ...] | None:
        """The (column, value) writes for POS, MORPH, LEMMA that a token's matched rules amount to
        (later rules win), or None when they set anything else (TAG, DEP)."""
        merged: dict[str, Any] = {}
        for _rule, attrs in hits:
            merged.update(attrs)
        if set(merged) - {"POS", "MORPH", "LEMMA"}:
            return None
        plan = []
        if "POS" in merged:
            plan.append((0, _pos_id(merged["POS"])))
        if "MORPH" in merged:
            plan.append((1, vocab.morphology.add(merged["MORPH"])))
        if "LEMMA" in merged:
            plan.append((2, vocab.strings.add(merged["LEMMA"])))
        return tuple(plan)

    @staticmethod
    def _lookup_feats(key: tuple, strings: Any) -> tuple[str, str, str, bool]:
        return strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3])

    def _index_rules(self) -> None:
        """Single-token rules keyed by the lower-case form they require (most name one or a few
        words), the others kept apart; rules that only look at tag, dependency and spacing are then
        evaluated once per (tag, dep, is_space) combination."""
        self._by_lower: dict[str, list[int]] = {}
        self._no_lower: list[int] = []
        self._any_lower: list[int] = []
        for k, (_rule, _pred, _attrs, spec) in enumerate(self._singles):
            want = spec.get("LOWER")
            if want is None:
                self._no_lower.append(k)
            elif isinstance(want, str):
                self._by_lower.setdefault(want, []).append(k)
            elif isinstance(want, dict) and set(want) == {"IN"}:
                for w in want["IN"]:
                    self._by_lower.setdefault(w, []).append(k)
            else:
                self._any_lower.append(k)
        self._general: dict[tuple[int, int, int], list[int]] = {}

    def _lookup(self, key: tuple[int, int, int, int], strings: Any) -> tuple[list[tuple[int, dict]], list[int]]:
        """For one distinct token (hashes of lower, tag, dep; is_space): the single-token rules it
        matches, in rule order, and the multi-token rules whose first token it matches."""
        got = self._hits.get(key)
        if got is None:
            feats = self._lookup_feats(key, strings)
            general = self._general.get(key[1:])
            if general is None:
                general = self._general[key[1:]] = [k for k in self._no_lower if self._singles[k][1](feats)]
            found = set(general)
            found.update(k for k in self._by_lower.get(feats[0], []) + self._any_lower if self._singles[k][1](feats))
            hits: list[tuple[int, dict]] = []
            seen: set[int] = set()
            for k in sorted(found):
                rule, _pred, attrs, _spec = self._singles[k]
                if rule not in seen:
                    seen.add(rule)
                    hits.append((rule, attrs))
            firsts = [k for k, (_r, preds, _i, _a) in enumerate(self._multis) if preds[0](feats)]
            got = self._hits[key] = (hits, firsts)
        return got

    def __call__(self, doc: Any) -> Any:
        if not getattr(self, "_fast_ok", False):
            return super().__call__(doc)
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        keys = [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        looked = [self._lookup(k, strings) for k in keys]  # type: ignore[arg-type]
        per_token = [hits for hits, _f in looked]
        extra: dict[int, list[tuple[int, dict]]] = {}
        for start, (_h, firsts) in enumerate(looked):
            for k in firsts:
                rule, preds, index, attrs = self._multis[k]
                width = len(preds)
                if start + width > n or not all(
                        preds[j](self._lookup_feats(keys[start + j], strings)) for j in range(1, width)):
                    continue
                target = start + (index if index >= 0 else width + index)
                extra.setdefault(target, []).append((rule, attrs))
        cols = doc.to_array([POS, MORPH, LEMMA])
        slow: list[tuple[int, list[int]]] = []
        for i, hits in enumerate(per_token):
            if i in extra:
                hits = sorted(hits + extra[i], key=lambda h: h[0])
                plan = self._plan(hits, doc.vocab)
            elif hits:
                plan = self._plans.get(keys[i])  # type: ignore[arg-type]
                if plan is None:
                    plan = self._plans[keys[i]] = self._plan(hits, doc.vocab)  # type: ignore[index]
            else:
                continue
            if plan is None:
                slow.append((i, [r for r, _a in hits]))
                continue
            for col, value in plan:
                cols[i, col] = value
        doc.from_array([POS, MORPH, LEMMA], cols)
        for i, rules in slow:  # rare (whitespace tokens): the stock setter and attributes, in rule order
            for rule in rules:
                set_token_attrs(doc[i], self.attrs[rule])
        return doc


def _pos_id(name: str) -> int:
    from spacy.parts_of_speech import IDS

    return IDS[name]


class FastLemmatizerMixin:
    """Caches the rule lemmatizer's answer per (form, POS, morphology) and writes lemmas as one array."""

    def __call__(self, doc: Any) -> Any:
        if getattr(self, "overwrite", False) or getattr(self, "mode", "") != "rule" or \
                not self._validated:  # type: ignore[attr-defined]
            return super().__call__(doc)  # type: ignore[misc]  (spaCy's own: it validates its tables)
        if not len(doc):
            return doc
        table: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_fast_lemmas", {})
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            got = table.get(key)
            if got is None:
                got = table[key] = strings.add(self.lemmatize(doc[i])[0])  # type: ignore[attr-defined]
            arr[i, 3] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], arr[:, 3:4])
        return doc


_LEMMATIZER_CLASSES: dict[type, type] = {}


class _WordList(list):
    """A list of words that answers ``in`` from a set: the rule lemmatizer asks whether each form it
    derives is among the 57,528 nouns (or the verbs, adjectives, adverbs) of its index table, a list,
    which took most of the time of every new word. Still a list, so the tables serialize as before."""

    def __init__(self, words: Any = ()) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._set


def _index_sets(lemmatizer: Any) -> None:
    """Give the rule lemmatizer's index table set-backed lists (same content, same answers)."""
    try:
        table = lemmatizer.lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = _WordList(words)


def accelerate(nlp: Any) -> list[str]:
    """Swap the pipeline's attribute ruler and rule lemmatizer for the cached versions and its entity
    recognizer for one that decodes a batch with numpy (``nlp_ner.py``), in place; returns the names of
    the components swapped. Output is unchanged (see the tests and benchmarks/stock_vs_fast.py)."""
    swapped: list[str] = []
    for name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = FastAttributeRuler
            proc._fast_ok = proc._fast_setup()
            if proc._fast_ok:
                swapped.append(name)
            else:
                proc.__class__ = AttributeRuler
        elif isinstance(proc, Lemmatizer) and not isinstance(proc, FastLemmatizerMixin) \
                and getattr(proc, "mode", "") == "rule":
            cls = type(proc)
            fast = _LEMMATIZER_CLASSES.get(cls)
            if fast is None:
                fast = _LEMMATIZER_CLASSES[cls] = type("Fast" + cls.__name__, (FastLemmatizerMixin, cls), {
                    "__module__": __name__})
                globals()[fast.__name__] = fast  # picklable by reference (spawned worker processes)
            proc.__class__ = fast
            _index_sets(proc)
            swapped.append(name)
    from narratrace.nlp_ner import batch_recognizer

    for i, (name, proc) in enumerate(list(nlp._components)):
        batch = batch_recognizer(proc)
        if batch is not None:  # same model and moves, numpy batch decoding (nlp_ner.py)
            nlp._components[i] = (name, batch)
            swapped.append(name)
    return swapped

