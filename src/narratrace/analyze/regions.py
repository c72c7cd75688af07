"""Which parts of an article the attribution rules need parsed: a cheap pass with no spaCy.

Most sentences of a news article carry no attribution, and the parse is most of the cost. This
module splits the text into sentences with a regular expression and keeps those the rules can use:

* a sentence holding a form of a cue verb of ``resources/attribution.yaml`` (suffix rules plus the
  irregular forms of ``resources/attribution.yaml``), an "according to"-type marker, or a receive-type
  verb together with an evidence noun ("received information");
* a sentence holding a quotation mark of any kind, every sentence between an opening mark and its
  closing one (quotations running over paragraphs), and the sentence after a quotation closes ("…,”
  it said." split off by the full stop) or after a selected sentence ending with a colon;
* the headline and the first sentences of the body (unattributed leads);
* the sentence before each selected one holding a pronoun or a definite description (antecedents of
  "it", "he", "the center"; the nouns from attribution.yaml), and the first
  sentence naming a capitalized word of a selected one ("Samira said" after "Noha Samira, 35, ...").

:func:`select` returns the chosen character regions; :func:`narratrace.nlp.parse_regions` parses
only those and builds a Doc over the whole text with the rest tokenized.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from narratrace.analyze.lexicon import _stems, find_quotes, lexicon
from narratrace.nlp import merge_spans

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
# a sentence ends at [.!?] (plus closing marks) before blanks, or at a line break
_END = re.compile(r"[.!?]+[\"”’»)\]]*[ \t\u00a0]+|[ \t\u00a0]*\n\s*")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?\b")
_OPENS_SENTENCE = re.compile(r"[\"“‘«(\[]*[A-Z0-9]")
_LEADING = " \t\n\u00a0\"“‘«(["
_CONTENT = re.compile("[^" + re.escape(_LEADING) + "]")
CUE, RECEIVE, EVIDENCE = 1, 2, 4


@dataclass(frozen=True)
class RegionRules:
    cue_lemmas: frozenset[str]
    receive_lemmas: frozenset[str]
    evidence_nouns: frozenset[str]
    irregular: dict[str, str]  # form -> lemma (attribution.yaml irregular_forms)
    phrases: re.Pattern[str]  # "according to", "citing", ...
    abbreviations: frozenset[str]
    quote_marks: str
    lead_sentences: int
    context_before: int
    context_after: int
    merge_gap_chars: int
    name_antecedents: bool
    pronouns: frozenset[str]  # a sentence holding one of these gets the sentence before it parsed too
    descriptions: frozenset[str]  # ... and one holding "the <one of these>"


@lru_cache(maxsize=1)
def rules() -> RegionRules:
    """The selection rules: cue lemmas from attribution.yaml, the rest from regions.yaml."""
    data = yaml.safe_load(resources.files("narratrace.resources").joinpath("regions.yaml").read_text("utf-8"))
    lex = lexicon()
    phrases = sorted(lex.according_to, key=len, reverse=True)
    return RegionRules(
        cue_lemmas=lex.cue_lemmas | lex.speech, receive_lemmas=lex.receive_verbs,
        evidence_nouns=lex.evidence_nouns, irregular=lex.irregular_forms,
        phrases=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b"),
        abbreviations=frozenset(str(a).lower() for a in data["abbreviations"]),
        quote_marks=str(data["quote_marks"]), lead_sentences=int(data["lead_sentences"]),
        context_before=int(data["context_before"]), context_after=int(data["context_after"]),
        merge_gap_chars=int(data["merge_gap_chars"]), name_antecedents=bool(data["name_antecedents"]),
        pronouns=frozenset(str(w).lower() for w in data["antecedent_pronouns"]),
        descriptions=lex.body_words | lex.media_words | lex.title_words | lex.anonymous_heads)


@lru_cache(maxsize=65536)
def word_kind(word: str) -> int:
    """Bit flags of a lower-case word: a cue-verb form, a receive-verb form, an evidence noun."""
    r = rules()
    lemmas = set(_stems(word))
    irr = r.irregular.get(word)
    if irr:
        lemmas.add(irr)
    kind = CUE if lemmas & r.cue_lemmas else 0
    if lemmas & r.receive_lemmas:
        kind |= RECEIVE
    if word in r.evidence_nouns or lemmas & r.evidence_nouns:
        kind |= EVIDENCE
    return kind


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (0 first); each runs to the next start."""
    abbreviations = rules().abbreviations
    starts = [0]
    for m in _END.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if "\n" not in m.group():
            if not _OPENS_SENTENCE.match(text, end):
                continue
            k = m.start()
            while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
                k -= 1
            word = text[k:m.start()].lower()
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue  # "Mr. Smith", "U.S. officials", "John F. Kennedy"
        if end > starts[-1]:
            starts.append(end)
    return starts


def select(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Character regions to parse, whole sentences, in text order and disjoint."""
    r = rules()
    starts = sentence_starts(text)
    n = len(starts)
    chosen = _cue_sentences(text, starts, r)
    after: set[int] = set()
    for q in find_quotes(text):
        first, last = bisect_right(starts, q[0]) - 1, bisect_right(starts, max(q[0], q[1] - 1)) - 1
        chosen.update(range(first, last + 1))
        after.add(last)
    for m in re.finditer("[" + re.escape(r.quote_marks) + "]", text):
        chosen.add(bisect_right(starts, m.start()) - 1)
    bounds = starts + [len(text)]
    after.update(i for i in chosen if text[bounds[i]:bounds[i + 1]].rstrip().endswith(":"))
    for i in after:
        chosen.update(range(i + 1, min(n, i + 1 + r.context_after)))
    body = bisect_right(starts, body_start) - 1
    chosen.update(range(0, min(n, body + r.lead_sentences)))  # headline and lead
    if r.name_antecedents:
        chosen |= _name_antecedents(text, starts, chosen)
    for i in [i for i in chosen if _refers_back(text[bounds[i]:bounds[i + 1]], r)]:
        chosen.update(range(max(0, i - r.context_before), i))
    return merge_spans([(bounds[i], bounds[i + 1]) for i in sorted(chosen)], r.merge_gap_chars)


def _cue_sentences(text: str, starts: list[int], r: RegionRules) -> set[int]:
    """Sentences with a cue-verb form, an "according to" marker, or a receive verb and an evidence
    noun. A capitalized word inside a sentence is a name ("Islamic State", "United States"), not a verb."""
    low = text.lower()
    flags = [0] * len(starts)
    first: dict[int, int] = {}  # sentence -> offset of its first character that is not a blank or opening mark
    for m in _WORD.finditer(low):
        kind = word_kind(m.group())
        if not kind:
            continue
        i = bisect_right(starts, m.start()) - 1
        if text[m.start()].isupper():
            if i not in first:
                lead = _CONTENT.search(text, starts[i])
                first[i] = lead.start() if lead else len(text)
            if first[i] < m.start():
                continue
        flags[i] |= kind
    chosen = {i for i, f in enumerate(flags) if f & CUE or (f & RECEIVE and f & EVIDENCE)}
    chosen.update(bisect_right(starts, m.start()) - 1 for m in r.phrases.finditer(low))
    return chosen


def _refers_back(sentence: str, r: RegionRules) -> bool:
    """Whether a sentence holds a pronoun or a definite description ("the center") that the speaker
    resolver may resolve to an earlier sentence."""
    words = _WORD.findall(sentence.lower())
    return any(w in r.pronouns or (w == "the" and nxt in r.descriptions) for w, nxt in zip(words, words[1:] + [""]))


def _name_antecedents(text: str, starts: list[int], chosen: set[int]) -> set[int]:
    """The first sentence naming each capitalized word of a chosen sentence, when that is earlier:
    "Samira said" is resolved to the "Noha Samira" introduced there."""
    first: dict[str, int] = {}
    wanted: set[str] = set()
    for m in _NAME.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        first.setdefault(m.group(), i)
        if i in chosen and m.start() > starts[i]:
            wanted.add(m.group())
    return {first[w] for w in wanted}
