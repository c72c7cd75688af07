"""Who says what: attributed claims (source, cue, content) with resolved speakers and evidence.

Rules over the shared spaCy parse, the quote marks and the lexicon in ``resources/attribution.yaml``:

1. **Quotes** (``find_quotes``): a quotation of four or more words followed by a short reporting clause
   ("…,” it said." / "…,” said Major General X.") or preceded by one ("X said: “…”") is a *direct*
   attribution; "“A,” he said, “B.”" joins both halves.
2. **Reporting verbs**: a cue verb with a subject takes as content its clausal complement ("warned
   that …"), a to-infinitive for claim verbs ("claims to be …"), its object for accuse-type verbs,
   a prepositional object ("warned of …", "raised concerns about …"), what follows a colon, or — when
   it is a parenthetical ("X, the ministry said, is …") — the sentence around it. Content that is
   partly quoted is *mixed*; wholly quoted, *direct*; otherwise *indirect*.
3. **"according to X"** and **"X reports:"** give *according_to* attributions.
4. **Received information**: "the center received information / a tip-off (from …) that …" is an
   attribution of the receiver, with the tip-off as its evidence.
5. A quotation with no reporting clause right after an attribution continues that speaker (*direct*,
   no source span); the article's lead sentence with no source is *unattributed*.

Speakers are resolved by :mod:`narratrace.analyze.speakers`; evidence is the basis the speaker gives
("received information", "our intelligence confirmed by three independent sources") — *named* when
it names who provided it, otherwise *anonymous*; *none* when absent. When several attributions hold
the same sentence, the one with the widest content is the outermost speaker (a quote's speaker over
a "received information" inside it).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.attrs import IDX

from narratrace.analyze.base import AnalysisContext
from narratrace.analyze.lexicon import Lexicon, find_quotes, is_long, lexicon
from narratrace.analyze.speakers import Resolver, Speaker
from narratrace.gazetteer import Gazetteer, load as load_gazetteer
from narratrace.model import Annotation, Article, Attribution, Span

VERSION = "1.0"
STOP_PUNCT = ".,;:—–-"
CLOSERS = "”’\"»)"
INVERTED_STOP = {"in", "on", "at", "during", "after", "before", "when", "while", "as", "to", "via",
                 "adding", "according", "citing", "because", "although", "but", "and", "who", "which",
                 "whose", "whom", "where"}
FLOATING_WINDOW = 400
EXTEND_TO_SENTENCE_END = {"ccomp", "fallback"}
PERSONAL = {"i", "we", "you", "me", "us"}
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

    def __post_init__(self) -> None:
        self.starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        self.ents = list(self.doc.ents)

    def token_at_or_after(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def quote_of(self, char: int) -> tuple[int, int] | None:
        for q in self.long_quotes:
            if q[0] <= char < q[1]:
                return q
        return None

    def chars(self, toks: list[Any]) -> tuple[int, int]:
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
        if tok.text in (".", "!", "?", ";") or "\n" in tok.text or tok.text in "“\"" and window:
            break
        window.append(tok)
    cue = next((t for t in window if _is_cue(t, lex)), None)
    if cue is None:
        return None
    before = [t for t in window if t.i < cue.i and not t.is_punct and t.pos_ not in ("ADV", "AUX", "PART")]
    if any(t.pos_ == "VERB" for t in before):
        return None
    if before:
        src = doc[before[0].i: before[-1].i + 1]
    else:
        after = []
        for t in window:
            if t.i <= cue.i:
                continue
            if t.lower_ in INVERTED_STOP or t.pos_ == "VERB":
                break
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
        if q2 is not None and q2[0] > q[1]:
            content = (q[0], q2[1])
    return Candidate(content, "direct", src, (cue.idx, cue.idx + len(cue.text)), cue.i)


def _before_quote(d: _Doc, q: tuple[int, int]) -> Candidate | None:
    """"X said: “…”" — the reporting clause right before a quotation."""
    doc, lex = d.doc, d.lex
    i = d.token_at_or_after(q[0])
    if i == 0 or i >= len(doc):
        return None
    prev = doc[i - 1]
    if prev.text not in (":", ",") and not _is_cue(prev, lex):
        return None
    sent_start = doc[i - 1].sent.start
    cue = next((t for t in reversed(doc[sent_start: i]) if _is_cue(t, lex)), None)
    if cue is None and prev.text == ":":
        return _name_colon(d, q, prev)
    if cue is None or d.quote_of(cue.idx):
        return None
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


# ---------------------------------------------------------------- rule 2: reporting verbs

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
    if v.dep_ in ("conj", "xcomp") or (v.dep_ == "advcl" and v.tag_ == "VBG"):
        return _subject(v.head) if v.head.i != v.i else None
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


def _subtree(tok: Any, exclude: Any = None) -> list[Any]:
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    return [t for t in tok.subtree if t.i not in skip]


def _content_of(d: _Doc, v: Any) -> tuple[list[Any], str] | None:
    lex, lemma = d.lex, v.lemma_.lower()
    kids = list(v.children)
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if nxt is not None and nxt.text == ":" and nxt.i + 1 < len(v.doc):
        return [nxt], "colon"
    ccomp = next((c for c in kids if c.dep_ == "ccomp"), None)
    if ccomp is not None:
        return _subtree(ccomp), "ccomp"
    if lemma in lex.need_clause:
        return None
    if lemma in lex.propositional:
        xcomp = next((c for c in kids if c.dep_ == "xcomp"), None)
        if xcomp is not None and (xcomp.tag_ == "VBG" or any(
                a.dep_ == "aux" and a.lower_ == "to" for a in xcomp.children)):
            return _subtree(xcomp), "xcomp"
    preps = lex.preposition.get(lemma)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in lex.cue_objects and preps:
        for c in list(obj.children) + kids:
            if c.dep_ == "prep" and c.lower_ in preps:
                return _subtree(c)[1:], "cue_object"
    if preps:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in preps and len(list(c.subtree)) > 1:
                return _subtree(c)[1:], "prep"
    if lemma in lex.object and obj is not None:
        toks = _subtree(obj) + [t for c in kids if c.dep_ == "prep" and c.i > obj.i for t in c.subtree]
        return sorted(toks, key=lambda t: t.i), "object"
    if v.dep_ == "parataxis" and v.head.i != v.i:
        return _subtree(v.head), "parataxis"
    if lemma in lex.speech:  # a misparsed complement: "said possible preparations ... were underway"
        right = [t for t in v.subtree if t.i > v.i]
        while right and (right[0].is_punct or right[0].dep_ in ("dative", "mark")
                         or right[0].lower_ in ("him", "her", "them", "us", "me", "reporters")):
            right.pop(0)
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in right) and len(right) >= 3:
            return right, "fallback"
        obj_ = next((c for c in kids if c.dep_ in ("dobj", "nsubj") and c.i > v.i), None)
        if obj_ is not None and lemma in SAY_CORE:  # the complement's verb hangs elsewhere in the parse
            rest = [t for t in v.sent if t.i >= obj_.left_edge.i]
            if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i > obj_.i for t in rest) and len(rest) >= 4:
                return rest, "fallback"
    return None


def _cue_span(v: Any, how: str) -> tuple[int, int]:
    end_tok = v
    if how == "cue_object":
        end_tok = next(c for c in v.children if c.dep_ == "dobj")
    for c in v.children:
        if c.dep_ == "prt" and c.i == end_tok.i + 1:
            end_tok = c
    return v.idx, end_tok.idx + len(end_tok.text)


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _verb_candidate(d: _Doc, v: Any) -> Candidate | None:
    lex = d.lex
    if v.pos_ not in ("VERB",) or v.lemma_.lower() not in lex.cue_lemmas:
        return None
    got = _content_of(d, v)
    if got is None:
        return None
    toks, how = got
    src = _subject(v)
    if src is None:
        return None
    if v.lemma_.lower() in lex.need_clause and (src.root.lower_ in PERSONAL or d.quote_of(v.idx)):
        return None  # "I think", "you know", opinions inside a quotation
    if how == "colon":
        start = toks[0].idx + 1
        q = d.quote_of(d.doc[toks[0].i + 1].idx)
        end = q[1] if q is not None and q[0] >= start else _paragraph_end(d.text, start)
        content = _trim(d.text, start, end)
        kind = "according_to" if v.lemma_.lower() in lex.report_colon and v.lemma_.lower() != "say" \
            and not q else "direct" if q else "indirect"
    else:
        toks = [t for t in toks if t.i != v.i] if how == "parataxis" else toks
        if not toks:
            return None
        if how in EXTEND_TO_SENTENCE_END and toks[0].i > v.i:
            toks = _to_sentence_end(d, v, toks)
        content = d.chars(toks)
        kind = None
    if content[1] <= content[0]:
        return None
    if src.start_char < content[1] and content[0] < src.end_char and how not in ("parataxis",):
        return None
    return _with_kind(d, Candidate(content, kind or "indirect", src, _cue_span(v, how), v.i), kind is None)


def _to_sentence_end(d: _Doc, v: Any, toks: list[Any]) -> list[Any]:
    """Reported content runs on to the end of the sentence ("…, but a judge refused"), unless a second
    reporting clause ("…, he added") or the end of the enclosing quotation comes first."""
    q = d.quote_of(v.idx)
    end = v.sent.end
    for t in v.doc[toks[-1].i + 1: v.sent.end]:
        if q is not None and t.idx >= q[1] - 1 or "\n" in t.text:
            end = t.i
            break
        if t.dep_ in ("parataxis",) or (t.pos_ == "VERB" and t.lemma_.lower() in d.lex.speech
                                        and any(c.dep_ == "nsubj" for c in t.children)):
            end = t.i
            break
    return list(v.doc[toks[0].i: max(end, toks[-1].i + 1)])


def _with_kind(d: _Doc, c: Candidate, decide: bool) -> Candidate:
    """Widen content to the long quotes it touches and set direct / mixed / indirect."""
    s, e = c.content
    nested = [q for q in d.long_quotes if c.cue is not None and q[0] <= c.cue[0] < q[1]]
    for q in d.quotes:
        if q in nested:
            continue  # an attribution inside a quotation stays inside it
        if q[0] < e and s < q[1] and (is_long(d.text, q) or not (s <= q[0] and q[1] <= e)):
            s, e = min(s, q[0]), max(e, q[1])
    c.content = (s, e)
    if not decide:
        return c
    inside = [q for q in d.quotes if s <= q[0] and q[1] <= e]
    if inside and inside[0][0] - s <= 1 and e - inside[-1][1] <= 1 and is_long(d.text, inside[0]):
        c.kind = "direct"
    elif inside:
        c.kind = "mixed"
    else:
        c.kind = "indirect"
    return c


# ---------------------------------------------------------------- rules 3 and 4

def _according_to(d: _Doc, tok: Any) -> Candidate | None:
    doc = d.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
        next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _np(pobj)
    phrase = set(range(tok.i, max(src.end, pobj.right_edge.i + 1)))  # "a report released by X" stays out
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i and not t.is_space]
    after = [t for t in sent if t.i >= max(phrase) + 1 and not t.is_space]
    side = after if len([t for t in after if not t.is_punct]) >= len([t for t in before if not t.is_punct]) \
        else before
    side = [t for t in side if t.i not in phrase]
    if len([t for t in side if not t.is_punct]) < 3:
        return None
    cue = (tok.idx, to.idx + len(to.text))
    c = Candidate(d.chars(side), "according_to", src, cue, tok.i)
    kind = _with_kind(d, c, True).kind
    c.kind = "according_to" if kind != "direct" else "direct"
    return c


def _received(d: _Doc, v: Any) -> Candidate | None:
    lex = d.lex
    if v.pos_ != "VERB" or v.lemma_.lower() not in lex.receive_verbs:
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or not _evidence_noun(obj, lex):
        return None
    clause = [t for c in obj.subtree if c.dep_ in ("acl", "relcl") for t in [c]] + \
        [t for p in v.children if p.dep_ == "prep" for t in p.subtree if t.dep_ == "relcl"] + \
        [c for c in v.children if c.dep_ in ("advcl", "ccomp") and c.i > obj.i
         and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
              or obj.right_edge.i + 1 < len(d.doc) and d.doc[obj.right_edge.i + 1].lower_ == "that")]
    if not clause:
        return None
    src = _subject(v)
    if src is None:
        return None
    last = max(max(t.right_edge.i for t in clause), v.sent.end - 1)  # the parse often cuts the clause short
    q = d.quote_of(v.idx)
    toks = [t for t in d.doc[obj.left_edge.i: last + 1] if q is None or t.idx < q[1] - 1]
    content = d.chars(toks)
    c = _with_kind(d, Candidate(content, "indirect", src, (v.idx, v.idx + len(v.text)), v.i), True)
    c.evidence = _evidence_span(d, v, obj)
    c.evidence_type = _evidence_type(d, c.evidence)
    return c


# ---------------------------------------------------------------- evidence

def _evidence_noun(tok: Any, lex: Lexicon) -> bool:
    words = {tok.lower_, tok.lemma_.lower()} | {c.lower_ for c in tok.children if c.dep_ == "compound"}
    if tok.lower_ == "off" and any(c.lower_ == "tip" for c in tok.children):
        return True
    return bool(words & lex.evidence_nouns)


def _evidence_span(d: _Doc, v: Any, obj: Any) -> tuple[int, int]:
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]
    start = aux[0] if aux else v
    toks = [t for t in obj.subtree if not any(a.dep_ in ("acl", "relcl") and t in list(a.subtree)
                                               for a in obj.children)]
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ == "from" and p.i > obj.i:
            toks += [t for t in p.subtree if t.dep_ != "relcl" and not any(
                r.dep_ == "relcl" and t in list(r.subtree) for r in p.subtree)]
    end = max(toks, key=lambda t: t.i)
    return start.idx, end.idx + len(end.text)


def _evidence_in(d: _Doc, c: Candidate) -> None:
    """The basis given inside the content: "received information", "our intelligence confirmed by …"."""
    if c.evidence is not None:
        return
    lex = d.lex
    if c.source is not None and _evidence_noun(c.source.root, lex):
        c.evidence = (c.source.start_char, c.source.end_char)
    else:
        s, e = c.content
        i, j = d.token_at_or_after(s), d.token_at_or_after(e)
        for tok in d.doc[i:j]:
            if tok.dep_ in ("nsubj", "nsubjpass") and _evidence_noun(tok, lex) and \
                    tok.head.lemma_.lower() in lex.cue_lemmas:
                toks = [t for t in tok.subtree if not any(
                    r.dep_ == "relcl" and t in list(r.subtree) for r in tok.children)]
                c.evidence = d.chars(toks)
                break
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.receive_verbs:
                obj = next((x for x in tok.children if x.dep_ == "dobj"), None)
                if obj is not None and _evidence_noun(obj, lex):
                    c.evidence = _evidence_span(d, tok, obj)
                    break
    c.evidence_type = _evidence_type(d, c.evidence)


def _evidence_type(d: _Doc, ev: tuple[int, int] | None) -> str:
    if ev is None:
        return "none"
    span = d.doc.char_span(*ev, alignment_mode="expand")
    if span is not None and any(e.label_ in ("PERSON", "ORG") and span.start <= e.start and e.end <= span.end
                                for e in d.ents):
        return "named"
    return "anonymous"


# ---------------------------------------------------------------- assembly

def _floating(d: _Doc, cands: list[Candidate]) -> list[Candidate]:
    """Quotations with no reporting clause that directly follow an attribution: the same speaker."""
    out = []
    sentences = [q for q in d.quotes if q not in d.long_quotes and len(d.text[q[0]:q[1]].split()) >= 2
                 and d.text[q[0]:q[1]].rstrip("”\"»").endswith((".", "!", "?"))]  # "“Nobody asked us.”"
    for q in sorted(d.long_quotes + sentences):
        if any(c.content[0] <= q[0] and q[1] <= c.content[1] for c in cands):
            continue
        prev = [c for c in cands + out if c.content[1] <= q[0] and c.speaker is not None
                and q[0] - c.content[1] <= FLOATING_WINDOW and c.kind != "unattributed"]
        if not prev:
            continue
        last = max(prev, key=lambda c: c.content[1])
        if not _adjacent(d, last, q):
            continue
        out.append(Candidate(q, "direct", None, None, None, last.speaker, carried=True))
    return out


def _adjacent(d: _Doc, last: Candidate, q: tuple[int, int]) -> bool:
    """Nothing but the attribution's own reporting sentence lies between it and the quotation."""
    between = d.text[last.content[1]:q[0]]
    if not between.strip(" \n.,”\""):
        return True
    if last.cue is None or last.cue[0] < last.content[1]:
        return False
    sent = d.doc[d.token_at_or_after(last.cue[0])].sent
    rest = d.text[max(sent.end_char, last.content[1]):q[0]]
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


def extract(doc: Any, body_start: int = 0, gaz: Gazetteer | None = None, text: str | None = None) -> list[Attribution]:
    """Every attribution in one parsed article, in text order (``text``: the doc's text, when at hand)."""
    text = doc.text if text is None else text
    lex = lexicon()
    quotes = find_quotes(text)
    d = _Doc(doc, text, lex, quotes, [q for q in quotes if is_long(text, q)])
    cands: list[Candidate] = []
    used: set[int] = set()
    for q in d.long_quotes:
        c = _after_quote(d, q) or _before_quote(d, q)
        if c is not None and c.cue_token not in used:
            cands.append(c)
            used.add(c.cue_token)  # type: ignore[arg-type]
    for tok in doc:
        if tok.i in used:
            continue
        c = _according_to(d, tok) or _received(d, tok) or _verb_candidate(d, tok)
        if c is not None:
            if c.source is not None and _evidence_noun(c.source.root, lex) and d.quote_of(c.cue[0]):
                continue  # "our intelligence says" inside a quotation: evidence of the quote, not a speaker
            cands.append(c)
            used.add(tok.i)
    resolver = Resolver(doc, quotes, gaz or load_gazetteer(), lex)
    _resolve(cands, resolver, d)
    cands += _floating(d, cands)
    lead = _lead(d, body_start, cands)
    if lead is not None:
        cands.append(lead)
    for c in cands:
        if c.kind != "unattributed":
            _evidence_in(d, c)
    cands.sort(key=lambda c: (c.content[0], c.cue or (0, 0)))
    return [_to_attribution(text, c) for c in cands]


def _resolve(cands: list[Candidate], resolver: Resolver, d: _Doc) -> None:
    """Speakers in text order (so pronouns see earlier sources); first person inside a quote last."""
    def outer(c: Candidate) -> Candidate | None:
        holders = [o for o in cands if o is not c and o.kind == "direct" and o.cue is not None
                   and o.content[0] <= c.cue[0] < o.content[1]]  # type: ignore[index]
        return max(holders, key=lambda o: o.content[1] - o.content[0]) if holders else None

    first_person = {"i", "we", "me", "us", "our", "my"}
    order = sorted(cands, key=lambda c: c.source.start_char if c.source is not None else c.content[0])
    later = []
    for c in order:
        if c.source is not None and c.source.root.lower_ in first_person:
            later.append(c)
            continue
        c.speaker = resolver.resolve(c.source) if c.source is not None else None
    for c in later:
        o = outer(c)
        c.speaker = resolver.resolve(c.source, quote_speaker=o.speaker if o else None)


def _to_attribution(text: str, c: Candidate) -> Attribution:
    sp = c.speaker or Speaker(None, "unknown")
    src = Span.of(text, c.source.start_char, c.source.end_char) if c.source is not None else None
    return Attribution(
        content=Span.of(text, *c.content), kind=c.kind, source=src,
        cue=Span.of(text, *c.cue) if c.cue else None,
        speaker=sp.name, speaker_role=sp.role,
        speaker_type=sp.type if c.kind != "unattributed" else "unknown",
        evidence=Span.of(text, *c.evidence) if c.evidence else None, evidence_type=c.evidence_type)


class AttributionAnalyzer:
    """The "attribution" analyzer: one annotation per attribution, start/end = the content span."""

    name: ClassVar[str] = "attribution"
    version: ClassVar[str] = VERSION
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("attribution",)
    needs_doc: ClassVar[bool] = True

    def analyze(self, article: Article, ctx: AnalysisContext) -> list[Annotation]:
        doc = ctx.doc
        if doc is None:
            from narratrace.nlp import get_nlp
            doc = get_nlp()(article.text)
        return [Annotation(self.name, self.version, "attribution", a.content.start, a.content.end,
                           label=a.kind, attrs=a.to_dict())
                for a in extract(doc, article.body_start, text=article.text)]
