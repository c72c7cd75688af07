"""Pattern rules that add technique spans next to the model's: labelling prefixes and scare quotes.

* ``so-called civil defense group``, ``pseudo-humanitarian organization``: a distancing prefix
  (techniques.yaml ``rules.labelling_prefixes``) with up to ``labelling_max_words`` lower-case
  words after it, stopping at a capitalised word (a name), punctuation or a function word.
* ``“chemical attack”`` inside a sentence: a quoted phrase of at most ``quotes.max_words``
  words that is not a quotation of speech (it does not end with sentence punctuation, nor
  follows a colon or a speech verb's comma).
"""
from __future__ import annotations

import re
from functools import lru_cache

from narratrace.model import TechniqueSpan
from narratrace.techniques.features import Lexicon, load_lexicon

_STOP = frozenset("a an the and or but of to in on at by for with from as is are was were be been being "
                  "that which who whom whose this these those it its their his her they he she we you "
                  "has have had will would can could may might must shall should do does did not".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=1)
def _prefix_re(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?:-|\s+)", re.I)


def labelling_spans(text: str, lex: Lexicon | None = None) -> list[TechniqueSpan]:
    lex = lex or load_lexicon()
    out = []
    for m in _prefix_re(lex.labelling_prefixes).finditer(text):
        end, pos, taken = m.end(), m.end(), 0
        while taken < lex.labelling_max_words:
            w = _WORD.match(text, pos)
            if not w or w.group()[0].isupper() or w.group().lower() in _STOP:
                break
            end, taken = w.end(), taken + 1
            nxt = re.match(r"[ \t]+", text[end:])
            if not nxt:
                break
            pos = end + nxt.end()
        if taken:
            out.append(TechniqueSpan(m.start(), end, text[m.start():end], lex.labelling_technique, 1.0))
    return out


def scare_quote_spans(text: str, lex: Lexicon | None = None) -> list[TechniqueSpan]:
    lex = lex or load_lexicon()
    out = []
    for open_q, close_q in lex.quote_pairs:
        rx = re.compile(re.escape(open_q) + r"([^\n" + re.escape(open_q + close_q) + r"]{1,80})" + re.escape(close_q))
        for m in rx.finditer(text):
            inner = m.group(1)
            words = _WORD.findall(inner)
            if not words or len(words) > lex.quote_max_words or inner.strip()[-1:] in ".,!?;:":
                continue
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            if not before or before[-1:] in ":\n" or before[-1:] in ".!?":
                continue  # starts a sentence or follows a colon: a quotation, not scare quotes
            # the words inside the marks, as PTC annotates them (gold spans start after the opening quote)
            out.append(TechniqueSpan(m.start(1), m.end(1), inner, lex.scare_quote_technique, 1.0))
    return sorted(out, key=lambda s: s.start)


def rule_spans(text: str) -> list[TechniqueSpan]:
    """All rule spans, sorted by offset."""
    return sorted(labelling_spans(text) + scare_quote_spans(text), key=lambda s: (s.start, s.end))
