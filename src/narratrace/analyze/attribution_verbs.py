"""Attribution rules around reporting verbs, "according to", received information, and evidence."""
from __future__ import annotations

from typing import Any

from narratrace.analyze.attribution_rules import (EXTEND_TO_SENTENCE_END, PERSONAL, SAY_CORE,
                                                 Candidate, _Doc, _np, _subject, _trim)
from narratrace.analyze.lexicon import Lexicon, is_long

# ---------------------------------------------------------------- rule 2: reporting verbs

CLAUSE_TAIL_TOKENS = 60  # a sentence-final reporting clause ("…, police said.") has at most this many after it

def _subtree(tok: Any, exclude: Any = None) -> list[Any]:
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    return [t for t in tok.subtree if t.i not in skip]


def _content_of(d: _Doc, v: Any) -> tuple[list[Any], str] | None:
    lex, lemma = d.lex, v.lemma_.lower()
    kids = list(v.children)
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if nxt is not None and nxt.text == ":" and nxt.i + 1 < len(v.doc):
        return [nxt], "colon"
    para = d.paragraph(v.idx)
    as_clause = _as_clause(d, v, para)
    if as_clause:
        return as_clause, "as_clause"
    ccomps = [c for c in kids if c.dep_ == "ccomp" and para[0] <= c.idx < para[1]]  # parses glue paragraphs
    ccomp = min(ccomps, key=lambda c: (c.i < v.i, abs(c.i - v.i))) if ccomps else None
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


def _as_clause(d: _Doc, v: Any, para: tuple[int, int]) -> list[Any]:
    """"As The Gazette reported on Monday, the mill will close." — a clause-initial "as X <verb>," reports
    the main clause after its comma (to the end of the sentence)."""
    doc = v.doc
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i), None)
    if mark is None or v.dep_ != "advcl" or mark.i > v.sent.start and doc[mark.i - 1].lower_ not in ("but", "and",
                                                                                                  "(", ",", "so"):
        return []
    comma = next((t for t in doc[v.i + 1: min(v.sent.end, v.i + 10)] if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "agent" for t in doc[v.i + 1: comma.i]):
        return []
    toks = [t for t in doc[comma.i + 1: v.sent.end] if para[0] <= t.idx < para[1] and not t.is_space]
    return toks if len([t for t in toks if t.is_alpha]) >= 3 else []


def _clause_before(d: _Doc, v: Any) -> tuple[list[Any], str] | None:
    """"A girl was pepper-sprayed by a bystander, police said." — a sentence-final reporting clause whose
    complement the parse hung elsewhere: the content is the sentence up to the comma before the source.
    Only a bounded stretch after the verb is looked at, so a long sentence full of cue words stays linear."""
    if v.lemma_.lower() not in d.lex.speech:
        return None
    doc = v.doc
    nxt = doc[v.i + 1: v.i + 2 + CLAUSE_TAIL_TOKENS]
    if not any(t.is_sent_start for t in nxt) and len(doc) - v.i - 1 > CLAUSE_TAIL_TOKENS:
        return None  # not sentence-final (and no walk over a long sentence for every cue in it)
    sent = v.sent
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    tail = [t for t in doc[v.i + 1: sent.end] if not t.is_punct and not t.is_space]
    if subj is None and v.i > 0 and doc[v.i - 1].text == ",":  # "…, said a former spokesman, X."
        after = next((c for c in v.children if c.dep_ in ("nsubj", "dobj", "attr") and c.i > v.i), None)
        if after is None or any(t.pos_ in ("VERB", "AUX") for t in tail if t.i not in {x.i for x in after.subtree}):
            return None
        comma = v.i - 1
    elif subj is None or len(tail) > 4 or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None
    else:
        comma = subj.left_edge.i - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    start = max(sent.start, doc[d.token_at_or_after(d.paragraph(v.idx)[0])].i)
    toks = [t for t in doc[start: comma] if not t.is_space]
    return (toks, "clause_before") if len([t for t in toks if t.is_alpha]) >= 4 else None


def _cue_span(v: Any, how: str) -> tuple[int, int]:
    end_tok = v
    if how == "cue_object":
        end_tok = next(c for c in v.children if c.dep_ == "dobj")
    for c in v.children:
        if c.dep_ == "prt" and c.i == end_tok.i + 1:
            end_tok = c
    return v.idx, end_tok.idx + len(end_tok.text)


def _source_before(v: Any) -> Any:
    """The noun phrase between the last comma and a sentence-final reporting verb that has no subject."""
    doc = v.doc
    comma = next((t for t in reversed(doc[v.sent.start: v.i]) if t.text == ","), None)
    if comma is None or not 0 < v.i - comma.i - 1 <= 12:
        return None
    toks = doc[comma.i + 1: v.i]
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in toks):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in toks):
        return None
    return toks


def _sentence_subject_before(d: _Doc, v: Any) -> Any:
    """"Ann Lee, for example, said …" / "Ann Lee, whose firm …, also said …": a reporting verb right after a
    comma (adverbs and time words between allowed) whose parse has no subject takes the sentence's first
    comma-delimited noun phrase (not one opening with a preposition: "In a statement, …")."""
    doc, sent = v.doc, v.sent
    k = v.i - 1
    while k > sent.start and (doc[k].pos_ in ("ADV", "PART") or doc[k].ent_type_ in ("DATE", "TIME")):
        k -= 1
    if k <= sent.start or doc[k].text != ",":
        return None
    para = d.paragraph(v.idx)[0]
    start = max(sent.start, d.token_at_or_after(para))
    while start < k and doc[start].is_space:
        start += 1
    comma = next((t.i for t in doc[start: k + 1] if t.text == ","), None)
    if comma is None or not 0 < comma - start <= 8:
        return None
    span = doc[start: comma]
    if span[0].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ", "VERB", "AUX") or any(t.pos_ in ("VERB", "AUX") for t in span) \
            or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in span):
        return None
    return span


def _verb_candidate(d: _Doc, v: Any) -> Candidate | None:
    lex = d.lex
    if v.pos_ not in ("VERB",) or v.lemma_.lower() not in lex.cue_lemmas:
        return None
    inverted = _inverted_parenthetical(d, v)
    if inverted is not None:
        return inverted
    got = _content_of(d, v) or _clause_before(d, v)
    if got is None:
        return None
    toks, how = got
    src = _subject(v)
    if src is None and how == "clause_before":
        after = next((c for c in v.children if c.dep_ in ("dobj", "attr") and c.i > v.i), None)
        src = _np(after) if after is not None else None
    if src is None and how == "ccomp" and toks[0].i < v.i and v.lemma_.lower() in lex.speech:
        src = _source_before(v)  # "…, the Britain-based Observatory said." parsed as an apposition
        if src is not None:
            toks = [t for t in toks if t.i < src.start - 1]
    if src is None and how in ("ccomp", "colon", "fallback") and toks[0].i >= v.i and v.lemma_.lower() in lex.speech:
        src = _sentence_subject_before(d, v)  # "Ann Lee, in Ohio, said Tuesday that …" with no subject in the parse
    if src is None or not toks:
        return None
    if v.lemma_.lower() in lex.need_clause and (src.root.lower_ in PERSONAL or d.quote_of(v.idx)):
        return None  # "I think", "you know", opinions inside a quotation
    if len(src) == 1 and src.root.lower_ in ("that", "this") and v.i + 1 < len(d.doc) and d.doc[v.i + 1].text == ",":
        return None  # "That said, …" is a discourse marker
    if how == "colon":
        start = toks[0].idx + 1
        para_end = d.paragraph(start)[1]
        if not d.text[start:para_end].strip():  # "X said:\n\n…": the content is the next paragraph
            start = para_end
            while start < len(d.text) and d.text[start].isspace():
                start += 1
        k = d.token_at_or_after(start)
        q = d.quote_of(d.doc[k].idx) if k < len(d.doc) else None
        end = q[1] if q is not None and q[0] >= start else d.paragraph(start)[1]
        content = _trim(d.text, start, end)
        kind = "according_to" if v.lemma_.lower() in lex.report_colon and v.lemma_.lower() != "say" \
            and not q else "direct" if q else "indirect"
    else:
        toks = [t for t in toks if t.i != v.i] if how == "parataxis" else toks
        if not toks:
            return None
        if how in EXTEND_TO_SENTENCE_END and toks[0].i > v.i:
            toks = _to_sentence_end(d, v, toks)
        if how in ("ccomp", "fallback") and toks[0].i > v.i:
            toks = _before_second_predicate(d, toks)
        if toks[0].i > v.i:
            toks = _before_contrast(d, toks)
        toks = _in_paragraph(d, v, toks)
        if not toks:
            return None
        inside = d.quote_of(v.idx)
        if inside is not None:  # "“… I say this, but …,” he said": the quoted speaker's words stay quoted
            toks = [t for t in toks if inside[0] < t.idx < inside[1] - 1]
        if not toks:
            return None
        content = d.chars(toks)
        kind = None
    if content[1] <= content[0]:
        return None
    if src.start_char < content[1] and content[0] < src.end_char and how not in ("parataxis",):
        return None
    return _with_kind(d, Candidate(content, kind or "indirect", src, _cue_span(v, how), v.i), kind is None)


FINITE = ("VBD", "VBZ", "VBP", "MD")
INVERSION_VERBS = {"say", "add", "write", "note", "explain", "argue", "insist", "warn", "predict", "recall",
                   "conclude", "continue", "observe", "remark", "acknowledge", "contend", "suggest", "claim",
                   "complain", "declare", "state", "reply", "respond", "answer", "caution", "concede", "stress"}


def _inverted_parenthetical(d: _Doc, v: Any) -> Candidate | None:
    """"The new bridge, said Maria Lund, the city engineer, would open in May." — an inverted reporting
    clause between commas inside the sentence: the source is the noun phrase after the verb (the parse
    often makes the phrase before it the subject), the content the sentence around it."""
    doc, sent = v.doc, v.sent
    if v.lemma_.lower() not in INVERSION_VERBS or v.tag_ not in FINITE or v.i - 1 <= sent.start \
            or doc[v.i - 1].text != ",":
        return None
    comma = next((t for t in doc[v.i + 1: min(sent.end, v.i + 10)] if t.text == ","), None)
    if comma is None or comma.i == v.i + 1:
        return None
    src = doc[v.i + 1: comma.i]
    if any(t.pos_ in ("VERB", "AUX") for t in src) or src[0].pos_ not in ("PROPN", "DET", "NOUN", "ADJ", "NUM") \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in src):
        return None
    para = d.paragraph(v.idx)
    left = [t for t in doc[sent.start: v.i - 1] if t.idx >= para[0] and not t.is_space]
    right = [t for t in doc[comma.i + 1: sent.end] if t.idx < para[1] and not t.is_space]
    if not right or right[0].pos_ in ("VERB", "AUX", "PUNCT") and right[0].tag_ not in FINITE:
        return None  # "X, his aide, urged a stand, saying …": the phrase after the verb is its object
    if len([t for t in left if t.is_alpha]) < 2 or any(t.tag_ in FINITE for t in left) \
            or not any(t.tag_ in FINITE and not d.quote_of(t.idx) for t in right) or d.quote_of(v.idx):
        return None  # "Prices rose, said X, …": a sentence-final clause, handled elsewhere
    k = next(i for i, t in enumerate(right) if t.tag_ in FINITE and not d.quote_of(t.idx))
    if 1 < k and right[k - 1].text == "," and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in right[:k - 1]):
        src = doc[v.i + 1: right[k - 1].i]  # "said Maria Lund, the city engineer, would …": the role too
    content = d.chars(left + list(doc[v.i - 1: comma.i + 1]) + right)
    return _with_kind(d, Candidate(content, "indirect", src, (v.idx, v.idx + len(v.text)), v.i), True)


def _in_paragraph(d: _Doc, v: Any, toks: list[Any]) -> list[Any]:
    """The content tokens in the cue's paragraph: a parse that glues two paragraphs into one sentence
    must not carry the previous paragraph's quotation into this attribution."""
    start, end = d.paragraph(v.idx)
    return [t for t in toks if start <= t.idx < end]


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
                                        and any(c.dep_ == "nsubj" for c in t.children)) \
                or (t.head.i == v.i and t.dep_ in ("cc", "conj")):  # "X said A, and thinks B": A only
            end = t.i
            break
    return list(v.doc[toks[0].i: max(end, toks[-1].i + 1)])


def _before_second_predicate(d: _Doc, toks: list[Any]) -> list[Any]:
    cut = next((i for i, t in enumerate(toks) if i > 1 and _second_predicate(d, t)
                and (toks[i - 1].dep_ == "cc" or toks[i - 1].text == "," and t.tag_ == "VBG")), None)
    return toks[:cut - 1] if cut else toks


CONTRAST = {"but", "while", "although", "though", "whereas", "yet"}


def _before_contrast(d: _Doc, toks: list[Any]) -> list[Any]:
    """"X said A, but critics point to B" / "…, and has since issued …": the reported content ends before a
    contrasting clause or a predicate that continues the reporting sentence (outside quotations)."""
    for i in range(2, len(toks) - 1):
        t = toks[i]
        if toks[i - 1].text != "," or d.quote_of(t.idx) is not None:
            continue
        if len([x for x in toks[:i - 1] if x.is_alpha]) < 3:
            continue  # "argue that, while …, …": the clause is still to come
        if t.lower_ in CONTRAST and t.dep_ in ("cc", "mark"):
            nxt = toks[i + 1: next((j for j in range(i + 1, len(toks)) if toks[j].text == ","), len(toks))]
            if t.lower_ == "but" and any(x.lower_ == "not" for x in toks[:i]) or not any(x.tag_ in FINITE for x in nxt):
                continue  # "not just A, but B"; "the scandal, while troublesome, was …"
            return toks[:i - 1]
        if t.lower_ == "and" and toks[i + 1].tag_ in ("VBD", "VBZ", "VBP", "MD") and toks[i + 1].pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in toks[i + 1].head.children if c.i > t.i):
            return toks[:i - 1]
    return toks


def _second_predicate(d: _Doc, t: Any) -> bool:
    """"X said A, and thinks B" / "…, adding B": a subjectless reporting verb is X's, not part of A."""
    return t.dep_ in ("conj", "advcl") and t.pos_ == "VERB" and t.lemma_.lower() in d.lex.cue_lemmas | d.lex.need_clause \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


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
    para = d.paragraph(tok.idx)
    side = [t for t in before + after if t.i not in phrase and para[0] <= t.idx < para[1]]
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
    if content[1] <= content[0]:
        return None
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
                ev = d.chars(toks)
                c.evidence = ev if ev[1] > ev[0] else None
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


