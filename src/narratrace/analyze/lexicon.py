"""The attribution lexicon (``resources/attribution.yaml``) as a typed object, and quote finding."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
TWO_APOSTROPHES = "''"
MIN_QUOTE_WORDS = 4  # shorter quoted strings are scare quotes or titles, not quotations


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    propositional: frozenset[str]
    object: frozenset[str]
    preposition: dict[str, frozenset[str]]
    need_clause: frozenset[str]
    cue_objects: frozenset[str]
    according_to: tuple[str, ...]
    report_colon: frozenset[str]
    evidence_nouns: frozenset[str]
    receive_verbs: frozenset[str]
    anonymous_markers: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_modifiers: frozenset[str]
    official_titles: frozenset[str]
    title_words: frozenset[str]
    body_words: frozenset[str]
    media_words: frozenset[str]
    ggt_lemmas: frozenset[str] = frozenset()
    ggt_phrases: tuple[str, ...] = ()
    irregular: tuple[tuple[str, str], ...] = ()
    title_abbreviations: frozenset[str] = frozenset()

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        return self.speech | self.propositional | self.object | frozenset(self.preposition)

    @cached_property
    def irregular_forms(self) -> dict[str, str]:
        """Inflected cue-verb forms the suffix rules miss, form -> lemma (built once)."""
        return dict(self.irregular)

    @cached_property
    def ggt_known(self) -> frozenset[str]:
        """The GGT speech lemmas and the words of its phrases (built once)."""
        return self.ggt_lemmas | {w for p in self.ggt_phrases for w in p.split()}


def _fs(xs: object) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (xs or ()))  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("narratrace.resources").joinpath("attribution.yaml")
                          .read_text("utf-8"))
    cues, ev = data["cues"], data["evidence"]
    return Lexicon(
        speech=_fs(cues["speech"]), propositional=_fs(cues["propositional"]), object=_fs(cues["object"]),
        preposition={k: _fs(v) for k, v in cues["preposition"].items()},
        need_clause=_fs(data["need_clause"]), cue_objects=_fs(data["cue_objects"]),
        according_to=tuple(data["according_to"]), report_colon=_fs(data["report_colon"]),
        evidence_nouns=_fs(ev["nouns"]), receive_verbs=_fs(ev["receive_verbs"]),
        anonymous_markers=_fs(ev["anonymous_markers"]), anonymous_heads=_fs(data["anonymous_heads"]),
        anonymous_modifiers=_fs(data["anonymous_modifiers"]), official_titles=_fs(data["official_titles"]),
        title_words=_fs(data["title_words"]), body_words=_fs(data["body_words"]),
        media_words=_fs(data["media_words"]),
        ggt_lemmas=_fs(data["ggt_quotes"]["speech_lemmas"]),
        ggt_phrases=tuple(str(p).lower() for p in data["ggt_quotes"]["phrases"]),
        irregular=tuple((str(k).lower(), str(v).lower()) for k, v in data["irregular_forms"].items()),
        title_abbreviations=_fs(data.get("title_abbreviations")),
    )


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _stems(word: str) -> list[str]:
    """Candidate lemmas of an inflected verb form ("noted" -> note, "admitted" -> admit, "saying" -> say)."""
    out = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out.append(stem + repl)
            if not repl and suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "admitted" -> admit
    return out


def lemmatize_cue(text: str, lex: Lexicon) -> list[str]:
    """The words of a cue, each mapped to a listed speech lemma when one of its forms is listed."""
    irregular, known = lex.irregular_forms, lex.ggt_known
    out = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if word in irregular:
            out.append(irregular[word])
            continue
        stems = _stems(word)  # a listed lemma first: "saying" is say, not the word of the phrase "as saying"
        out.append(next((s for s in stems if s in lex.ggt_lemmas), next((s for s in stems if s in known), word)))
    return out


def is_speech_cue(text: str | None, lex: Lexicon) -> bool:
    """Whether a cue reports speech or writing (a GenderGapTracker quote), not a belief or a stance."""
    if not text:
        return False
    words = lemmatize_cue(text, lex)
    joined = " " + " ".join(words) + " "
    return any(w in lex.ggt_lemmas for w in words) or any(f" {p} " in joined for p in lex.ggt_phrases)


_PARA = re.compile(r"\n\s*\n|\n")


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _closes_mixed(text: str, i: int) -> bool:
    """A mark of the other style that can only be a closing one: after a word or punctuation, before a space,
    punctuation or the end."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and (after.isspace() or after in ".,;:!?)")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Double-quoted stretches ``(start, end)``, marks included, in text order.

    Curly and straight marks; single quotes nest inside and are ignored here. A quotation running
    over paragraphs (opened again at the next paragraph's start, closed only at the end) becomes one
    span; an opening mark never closed ends at its paragraph's end.
    (The region selector and the analyzer both ask for the same article's quotes: the last few
    answers are kept.)
    """
    return list(_find_quotes(text))


# the characters find_quotes acts on: every other one is skipped
_QUOTE_EVENT = re.compile("[\n'" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT) + "]")


@lru_cache(maxsize=8)
def _find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    quotes: list[tuple[int, int]] = []
    start: int | None = None
    opener = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and start is not None:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPEN_DOUBLE or (text[j] == STRAIGHT and opener == STRAIGHT)
                          or (opener == TWO_APOSTROPHES and text.startswith(TWO_APOSTROPHES, j))):
                i = j + len(opener) if opener == TWO_APOSTROPHES else j + 1  # continues in the next paragraph
                continue
            quotes.append((start, i))
            start = None
        elif start is None:
            if text.startswith(TWO_APOSTROPHES, i) and _is_opening_straight(text[:i] + " " + text[i + 2:], i):
                start, opener = i, TWO_APOSTROPHES  # ''newswire style'' (two apostrophes for a double mark)
                i += 1
            elif ch in OPEN_DOUBLE or (ch == STRAIGHT and _is_opening_straight(text, i)):
                start, opener = i, ch
        elif opener == TWO_APOSTROPHES:
            if text.startswith(TWO_APOSTROPHES, i):
                quotes.append((start, i + 2))
                start = None
                i += 1
        elif (ch in CLOSE_DOUBLE and opener != STRAIGHT) or (ch == STRAIGHT and opener == STRAIGHT) \
                or (ch in CLOSE_DOUBLE + STRAIGHT and _closes_mixed(text, i)):  # “…," and "…” (scraped text)
            quotes.append((start, i + 1))
            start = None
        elif ch in OPEN_DOUBLE and opener != STRAIGHT and text[i - 1].isspace():
            start = i  # an unclosed mark earlier in the paragraph: restart at the new opening
        nxt = _QUOTE_EVENT.search(text, i + 1)
        i = nxt.start() if nxt else n
    if start is not None:
        quotes.append((start, n))
    return tuple(quotes)


def is_long(text: str, q: tuple[int, int]) -> bool:
    return len(text[q[0]:q[1]].split()) >= MIN_QUOTE_WORDS
