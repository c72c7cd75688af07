"""Shared pieces of the attribution rules: candidates, the per-article context, quotation rules.

See :mod:`narratrace.analyze.attribution` for the whole procedure.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from narratrace.analyze.lexicon import Lexicon, is_speech_cue
from narratrace.analyze.speakers import Speaker
from narratrace.nlp import token_at_or_after, token_starts

STOP_PUNCT = ".,;:—–-"
CLOSERS = "”’\"»)"
INVERTED_STOP = {"in", "on", "at", "during", "after", "before", "when", "while", "as", "to", "via",
                 "adding", "according", "citing", "because", "although", "but", "and", "who", "which",
                 "whose", "whom", "where"}
FLOATING_WINDOW = 400
_NEWLINE = re.compile("\n")
SUBORDINATORS = {"when", "while", "if", "as", "because", "although", "though", "after", "before", "since",
                 "that", "which", "who", "whom", "whose", "where", "unless", "until", "whether"}
EXTEND_TO_SENTENCE_END = {"fallback"}
PERSONAL = {"i", "we", "you", "me", "us"}
PHRASE_BEFORE = {"the", "a", "an", "of", "in", "on", "for", "to", "with", "by", "from", "about", "his", "her", "their",
                 "its", "our", "my", "your", "this", "that", "called", "titled", "dubbed", "named", "and", "or"}
SAY_CORE = {"say", "tell", "add", "claim", "allege", "warn", "insist", "state", "report", "believe", "argue",
            "note", "explain", "write", "announce", "confirm", "reveal"}


@dataclass
class Candidate:
    content: tuple[int, int]
    kind: str
    source: Any = None  # spaCy Span or None
    cue: tuple[int, int] | None = None
    cue_token: int | None = None
    speaker: Speaker | None = None
    evidence: tuple[int, int] | None = None
    evidence_type: str = "none"
    carried: bool = False  # a floating quote carrying the previous speaker


@dataclass
class _Doc:
    """One article's parse plus the quote spans and lookup tables the rules share."""

    doc: Any
    text: str
    lex: Lexicon
    quotes: list[tuple[int, int]]
    long_quotes: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    ents: list[Any] = field(default_factory=list)
    newlines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = token_starts(self.doc)
        self.ents = list(self.doc.ents)
        self.newlines = [m.start() for m in _NEWLINE.finditer(self.text)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        """Character extent of the line holding ``pos`` (the end is the newline or the end of the text)."""
        k = bisect_left(self.newlines, pos)
        return (self.newlines[k - 1] + 1 if k else 0), (self.newlines[k] if k < len(self.newlines) else len(self.text))

    def token_at_or_after(self, char: int) -> int:
        return token_at_or_after(self.starts, char)

    def quote_of(self, char: int) -> tuple[int, int] | None:
        for q in self.long_quotes:
            if q[0] <= char < q[1]:
                return q
        return None

    def chars(self, toks: list[Any]) -> tuple[int, int]:
        """Character extent of tokens without edge punctuation; (i, i) when nothing is left."""
        if not any(not t.is_space for t in toks):
            return (toks[0].idx, toks[0].idx) if toks else (0, 0)
        toks = [t for t in toks if not t.is_space]
        while len(toks) > 1 and toks[-1].text in STOP_PUNCT:
            toks.pop()
        while len(toks) > 1 and toks[0].text in STOP_PUNCT + "“\"":
            if toks[0].text in "“\"" and any(t.text in CLOSERS for t in toks[1:]):
                break
            toks.pop(0)
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:" and text[end - 2] not in "”\""):
        end -= 1
    return start, end



# ---------------------------------------------------------------- sources

def _subject(v: Any) -> Any:
    """The source phrase of a verb: its subject, a passive agent, or the subject it shares."""
    subs = [c for c in v.children if c.dep_ == "nsubj"]  # a passive subject is the addressee, not the source
    if subs:
        c = min(subs, key=lambda c: abs(c.i - v.i))
        lo, hi = sorted((c.i, v.i))
        return _np(c) if not any("\n" in t.text_with_ws for t in v.doc[lo:hi]) else None
    for c in v.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _np(pobj)
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ",":
        root = v.sent.root  # "X rebuked critics who …, saying …": a participle after a comma is the main subject's
        if root.i != v.i and root.pos_ in ("VERB", "AUX") and "\n" not in v.doc[min(root.i, v.i): max(root.i, v.i)].text:
            got = _subject(root)
            if got is not None:
                return got
    if v.dep_ in ("conj", "xcomp") or (v.dep_ == "advcl" and v.tag_ == "VBG"):
        return _subject(v.head) if v.head.i != v.i else None
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
        return _subject(v.head.head)  # "… after telling his aides he would …": the subject of the main verb
    return None


def _np(tok: Any) -> Any:
    drop = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i for t in c.subtree}
    idx = [t.i for t in tok.subtree if t.i not in drop]
    doc = tok.doc
    span = doc[min(idx): max(idx) + 1]
    breaks = [t.i for t in span if "\n" in t.text_with_ws and t.i < tok.i]
    if breaks:  # never reach back into the previous paragraph
        span = doc[breaks[-1] + 1: span.end]
    dash = [t.i for t in span if t.text in ("-", "—", "–") and t.whitespace_ and t.i < tok.i]
    if dash:  # a dateline or byline glued to the subject: "Islam Times - Russia's Defense Ministry"
        span = doc[dash[-1] + 1: span.end]
    while len(span) > 1 and span[0].lower_ in ("that", "whether") and span[0].dep_ == "mark":
        span = doc[span.start + 1: span.end]
    while len(span) > 1 and span[-1].is_punct and span[-1].text not in CLOSERS:
        span = doc[span.start: span.end - 1]
    while len(span) > 1 and span[0].is_punct:
        span = doc[span.start + 1: span.end]
    return span


# ---------------------------------------------------------------- rule 1: quotations

def _is_cue(tok: Any, lex: Lexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.speech and tok.lower_ not in ("is", "be")


def _after_quote(d: _Doc, q: tuple[int, int]) -> Candidate | None:
    """"“…,” X said." / "“…,” said X." — the reporting clause right after a quotation."""
    doc, lex = d.doc, d.lex
    i = d.token_at_or_after(q[1])
    if i >= len(doc) or "\n" in d.text[q[1]:doc[i].idx]:
        return None
    window = []
    for tok in doc[i: i + 30]:
        if tok.text == "." and _abbreviation_dot(d, tok):
            window.append(tok)  # "said Army Capt. Jo Reyes": the parse splits after an unknown abbreviation
            continue
        if tok.text in (".", "!", "?", ";") or "\n" in tok.text or tok.text in ("“", "\"", "''") and window:
            break
        window.append(tok)
    cue = next((t for t in window if _is_cue(t, lex)), None)
    if cue is None or any(c.dep_ == "neg" for c in cue.children):
        return None  # "The minister did not reply." reports nothing
    if _own_complement(d, cue):
        return None  # "… “a tired idea.” He said the plan would fail.": a new sentence with its own content
    before = [t for t in window if t.i < cue.i and not t.is_punct and t.pos_ not in ("ADV", "AUX", "PART")]
    if any(t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") for t in before) \
            or before and (before[0].pos_ == "SCONJ" or before[0].lower_ in SUBORDINATORS):
        return None  # "“…” When Mr. X revealed …": a new clause, not the quotation's reporting clause
    if before and before[0].pos_ == "CCONJ":
        before = before[1:]  # "“…,” and he said"
        if not before:
            return None  # "“…,” and said …": the speaker is the subject of an earlier clause
    if before:
        src = doc[before[0].i: before[-1].i + 1]
    else:
        after = []
        for t in window:
            if t.i <= cue.i:
                continue
            if t.lower_ in INVERTED_STOP or t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
                break  # not a participle inside the name's phrase: "said retired judge X"
            after.append(t)
        while after and after[-1].is_punct:
            after.pop()
        if not after:
            return None
        src = doc[after[0].i: after[-1].i + 1]
    content = q
    nxt = window[-1].i + 1 if window else i
    if window and window[-1].text == "," or (nxt < len(doc) and doc[nxt].text == ","):
        q2 = d.quote_of(doc[min(nxt + 1, len(doc) - 1)].idx) if nxt + 1 < len(doc) else None
        last = max(cue.i, src.end - 1)
        # "“A,” she said, but …, “B”": two quotations, not one split by its reporting clause
        between = [t for t in window if t.i > last and t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ")]
        if q2 is not None and q2[0] > q[1] and not between:
            content = (q[0], q2[1])
    return Candidate(content, "direct", src, (cue.idx, cue.idx + len(cue.text)), cue.i)


def _abbreviation_dot(d: _Doc, dot: Any) -> bool:
    """A full stop that ends a title abbreviation before a name ("Lt. Tyler", "Capt. Jo"), not a sentence."""
    doc = dot.doc
    if dot.i == 0 or dot.i + 1 >= len(doc) or doc[dot.i - 1].whitespace_:
        return False
    return doc[dot.i - 1].lower_ in d.lex.title_abbreviations and doc[dot.i + 1].text[:1].isupper()


def _own_complement(d: _Doc, cue: Any) -> bool:
    """A reporting verb whose own clause, to-infinitive or "that"-clause follows it outside any quotation
    ("He said the plan would fail", "She vowed to stay"): its content is that, not a quotation before it."""
    if not any(c.dep_ == "nsubj" and c.i < cue.i for c in cue.children):
        return False  # "“…,” said X, a member of …, told …": an inverted clause belongs to the quotation
    for c in cue.children:
        if c.i <= cue.i or c.dep_ not in ("ccomp", "xcomp") or d.quote_of(c.left_edge.idx) is not None:
            continue
        if any(t.text in ("“", "\"", "''") for t in d.doc[cue.i + 1: c.left_edge.i + 1]):
            continue  # the complement is a quotation opened after the verb: "“A,” he said, “B.”"
        if len(list(c.subtree)) >= 3:
            return True
    return False


def _before_quote(d: _Doc, q: tuple[int, int]) -> Candidate | None:
    """"X said: “…”" — the reporting clause right before a quotation."""
    doc, lex = d.doc, d.lex
    i = d.token_at_or_after(q[0])
    if i == 0 or i >= len(doc):
        return None
    prev = doc[i - 1]
    if prev.is_space and i > 1 and doc[i - 2].text == ":":
        prev = doc[i - 2]  # "He wrote:\n\n“…”": the quotation is the next paragraph
    if prev.text not in (":", ",") and not _is_cue(prev, lex):
        return None
    sent_start = prev.sent.start
    cue = next((t for t in reversed(doc[sent_start: prev.i + 1]) if _is_cue(t, lex)), None)
    if cue is None and prev.text == ":":
        return _name_colon(d, q, prev)
    if cue is None or d.quote_of(cue.idx):
        return None
    gap = [t for t in doc[cue.i + 1: i] if not t.is_punct and not t.is_space]
    if len(gap) > 6 or any(t.pos_ in ("VERB", "AUX") for t in gap):
        return None  # "Cruz says he is not familiar with …, “to cover …”": the verb has its own complement
    subj = _subject(cue)
    if subj is None:
        return None
    if any(c.dep_ == "ccomp" and c.idx < q[0] and c.i > cue.i for c in cue.children):
        return None
    start = q[0]
    head = [p for p in d.quotes if p[1] <= subj.start_char and p[0] >= doc[sent_start].idx
            and not d.text[p[1]:subj.start_char].strip(" ,")]
    if head:  # "“Judge,” Brafman said, “I have never …”": both halves are the quotation
        start = head[-1][0]
    return Candidate((start, q[1]), "direct", subj, (cue.idx, cue.idx + len(cue.text)), cue.i)


def _name_colon(d: _Doc, q: tuple[int, int], colon: Any) -> Candidate | None:
    """"Kasich: “We are going all the way”" — a bare name and a colon before a quotation."""
    toks = []
    for t in reversed(d.doc[max(0, colon.i - 8): colon.i]):
        if "\n" in t.text_with_ws or t.is_sent_end or t.text in ".!?”\"":
            break
        toks.insert(0, t)
    if not toks or len(toks) > 6 or any(t.pos_ in ("VERB", "AUX") for t in toks) \
            or not any(t.pos_ == "PROPN" for t in toks):
        return None
    src = d.doc[toks[0].i: toks[-1].i + 1]
    return Candidate(q, "direct", src, (colon.idx, colon.idx + 1), colon.i)


# ---------------------------------------------------------------- continuation quotes and the lead

def _floating(d: _Doc, cands: list[Candidate]) -> list[Candidate]:
    """Quotations with no reporting clause that directly follow an attribution: the same speaker."""
    out = []
    sentences = [q for q in d.quotes if q not in d.long_quotes and len(d.text[q[0]:q[1]].split()) >= 2
                 and d.text[q[0]:q[1]].rstrip("”\"»'").endswith((".", "!", "?"))]  # "“Nobody asked us.”"
    for q in sorted(d.long_quotes + sentences):
        if any(c.content[0] <= q[0] and q[1] <= c.content[1] for c in cands) \
                or not _stands_alone(d.text, q, strict=q not in d.long_quotes):
            continue
        prev = [c for c in cands + out if c.content[1] <= q[0] and c.speaker is not None
                and q[0] - c.content[1] <= FLOATING_WINDOW and c.kind != "unattributed"
                and (c.cue is None or is_speech_cue(d.text[c.cue[0]:c.cue[1]], d.lex))]  # not "showing off"
        if not prev:
            continue
        # the attribution just before it (or another one in that sentence: "“A,” X said, referring to Y.")
        last = next((c for c in sorted(prev, key=lambda c: c.content[1], reverse=True)[:3] if _adjacent(d, c, q)),
                    None)
        if last is None:
            continue
        # the source is the mention that named the speaker (no cue: nothing in this sentence reports it)
        out.append(Candidate(q, "direct", last.source, None, None, last.speaker, carried=True))
    return out


def _short_quotation(text: str, q: tuple[int, int]) -> bool:
    """A quotation of one to three words that opens its sentence and ends in ",", "!" or "?" inside its marks
    ("“Denver,” he answered."): a quotation when a reporting clause follows, not a scare quote."""
    inner = text[q[0]:q[1]].strip("“”\"'« »")
    return inner[-1:] in (",", "!", "?") and any(ch.isalpha() for ch in inner) and _stands_alone(text, q, strict=True)


def _stands_alone(text: str, q: tuple[int, int], strict: bool = False) -> bool:
    """A quotation that is a sentence of its own ("… said. “We will win.”"), not a phrase quoted inside
    someone's sentence ("called him “a failed candidate.”")."""
    k = q[0]  # look back over blanks only: copying the text before every quotation is quadratic
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    first = next((ch for ch in text[q[0]:q[1]] if ch.isalpha()), "")
    alone = k == 0 or text[k - 1] in ".!?”\"\n:"
    if not alone and text[max(0, k - 12):k].split()[-1:] and text[max(0, k - 12):k].split()[-1].lower() in PHRASE_BEFORE:
        return False  # "showing off the “Make Our Town Great Again” hat": a title inside a sentence
    return alone if strict else alone or first.isupper()  # a short one may be a title: “This Week.”


def _adjacent(d: _Doc, last: Candidate, q: tuple[int, int]) -> bool:
    """Nothing but the attribution's own reporting sentence lies between it and the quotation."""
    between = d.text[last.content[1]:q[0]]
    if not between.strip(" \n.,”\""):
        return True
    if last.cue is None or last.cue[0] < last.content[1]:
        return False
    sent = d.doc[d.token_at_or_after(last.cue[0])].sent
    src_end = last.source.end_char if last.source is not None else 0  # "said Lt. X." split after "Lt"
    rest = d.text[max(sent.end_char, last.content[1], src_end):q[0]]
    return sent.start_char <= last.content[1] + 3 and not rest.strip(" \n.,”\"")


def _lead(d: _Doc, body_start: int, cands: list[Candidate]) -> Candidate | None:
    """The article's first sentence, when it asserts something and names no source."""
    i = d.token_at_or_after(body_start)
    if i >= len(d.doc):
        return None
    sent = d.doc[i].sent
    s, e = max(sent.start_char, body_start), sent.end_char
    if any(c.content[0] < e and s < c.content[1] or c.cue and c.cue[0] < e and s < c.cue[1] for c in cands):
        return None
    words = [t for t in sent if t.idx >= s and t.is_alpha]
    if len(words) < 6 or d.text[s:e].rstrip().endswith("?"):
        return None
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent):
        return None
    return Candidate(_trim(d.text, s, e), "unattributed")


