"""Spans and phrases for allegation-frame slots: a parsed sentence's tokens -> article spans, noun
phrases split into one value per actor. Base of :class:`narratrace.analyze.allegation_slots.SentenceSlots`."""

from __future__ import annotations

import re
from typing import Any

from narratrace.analyze.allegation_lexicon import Lexicon
from narratrace.model import Span

PRONOUNS = {"it", "they", "he", "she", "we", "them", "this", "these", "those", "him", "her", "us", "i"}
_EDGE_CHARS = " \t\n,;:\"'“”‘’«»()-–—."
_VERBISH = {"VERB", "AUX"}
_CUT_DEPS = {"relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis"}
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*")
_REL = re.compile(r",\s*(?:which|who|whose|that)\b[^,]*(?:,|$)")
_POSS_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your", "whose"}
_DOING_LEMMAS = {"carry", "conduct", "organize", "organise", "prepare", "plan", "arrange", "commit", "film",
                 "produce", "record", "shoot", "perform", "launch", "set", "create", "make"}
_NOT_ACTORS = {"it", "this", "that", "which", "what", "there", "these", "those"}
_CLAUSE_OPENERS = re.compile(r"^(?:if|when|while|although|though|because|since|as|unless|whether|after|before)\b",
                             re.I)
_FACILITIES = {"hospital", "school", "market", "airport", "airfield", "base", "camp", "clinic", "mosque",
               "street", "square", "centre", "center", "port", "harbour", "station", "suburb", "outskirts",
               "plant", "npp", "block", "building", "facility", "theatre", "theater", "prison", "colony", "bridge",
               "dam"}
_PLACE_HEADS = {"province", "village", "villages", "town", "city", "region", "area", "district",
                "governorate", "countryside", "suburb", "camp", "camps", "strait", "sea", "river", "zone",
                "street", "streets", "outskirts", "suburbs", "neighbourhood", "neighborhood"}


class SpanReader:
    """Spans over one parsed sentence. ``offset`` maps sentence chars to article chars."""

    def __init__(self, sent: Any, offset: int, lex: Lexicon) -> None:
        self.sent, self.offset, self.lex = sent, offset, lex
        self.text = sent.text
        self.base = sent.start_char  # char offset of the sentence inside its Doc

    # ------------------------------------------------------------ spans
    def span(self, start: int, end: int) -> Span | None:
        """Doc char range -> article Span, trimmed of edge punctuation and quotes."""
        s, e = start - self.base, end - self.base
        while s < e and self.text[s] in _EDGE_CHARS:
            s += 1
        while e > s and self.text[e - 1] in _EDGE_CHARS:
            e -= 1
        if self.text[max(s, e - 2):e] in {"’s", "'s"}:
            e -= 2
        if e <= s:
            return None
        return Span(self.offset + s, self.offset + e, self.text[s:e])

    def np(self, tok: Any) -> Span | None:
        keep = self._phrase(tok, top=True)
        idx = {t.i for t in keep}
        lo = hi = tok.i
        while lo - 1 in idx:
            lo -= 1
        while hi + 1 in idx:
            hi += 1
        doc = tok.doc
        return self.span(doc[lo].idx, doc[hi].idx + len(doc[hi].text))

    def _phrase(self, tok: Any, top: bool) -> list[Any]:
        out = [tok]
        for c in tok.children:
            if c.dep_ in _CUT_DEPS or (c.dep_ == "punct" and c.text in {",", ";", ":"}):
                continue
            if c.i > tok.i and c.dep_ == "prep" and c.lower_ in {"with", "by", "against", "to", "for", "into"}:
                continue
            if c.i > tok.i and c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children):
                continue  # "the troops [of using chemical weapons]"
            if c.i > tok.i and c.dep_ in {"advmod", "npadvmod"}:
                continue
            out.extend(self._phrase(c, top=False))
        return out

    def subtree_span(self, tok: Any) -> tuple[int, int]:
        """Doc char range of the whole subtree of ``tok`` without a trailing relative clause."""
        lo, hi = tok.left_edge, tok.right_edge
        start, end = lo.idx, hi.idx + len(hi.text)
        for c in tok.children:
            if c.dep_ in {"relcl", "acl"} and c.i > tok.i and c.left_edge.i > tok.i:
                end = min(end, c.left_edge.idx)
        piece = tok.doc.text[start:end]
        dash = max(piece.rfind(" - "), piece.rfind(" – "), piece.rfind(" — "))
        if dash >= 0 and dash < tok.idx - start:
            start += dash + 3
            piece = tok.doc.text[start:end]
        lead = re.match(r"(?:that|and|but|while|as|since|because|if|when)\s+", piece, re.I)
        if lead and tok.idx - start >= lead.end():
            start += lead.end()
            piece = tok.doc.text[start:end]
        m = _REL.search(piece)
        if m and m.start() > tok.idx - start:
            end = start + m.start()
        return start, end

    def actors(self, tok: Any) -> tuple[list[Span], list[Span]]:
        """Split the subject phrase of ``tok`` into accused parts and helper parts."""
        start, end = self.subtree_span(tok)
        piece = tok.doc.text[start:end]
        helpers: list[Span] = []
        m = self.lex.helper_re.search(piece)
        if m:
            tail = piece[m.end():]
            stop = re.search(r",|\bto\s+\w+\b|\bare\b|\bis\b|\bwere\b", tail)
            h_end = m.end() + (stop.start() if stop else len(tail))
            helpers.extend(self._parts(start + m.end(), start + h_end))
            piece_end = m.start()
            accused = self._parts(start, start + piece_end)
        else:
            accused = self._parts(start, end)
        return accused, helpers

    def _parts(self, start: int, end: int) -> list[Span]:
        text = self.sent.doc.text
        pieces: list[tuple[int, int]] = [(start, end)]
        for splitter in (self.lex.coaccused_re, _SPLIT):
            nxt = []
            for s, e in pieces:
                cur = s
                for m in splitter.finditer(text, s, e):
                    if _balanced(text[cur:m.start()]):
                        nxt.append((cur, m.start()))
                        cur = m.end()
                nxt.append((cur, e))
            pieces = nxt
        # "Turkish and Crimean Tatar fighters": two coordinated actors, "Turkish" and "Crimean Tatar fighters" (as the
        # spec's readers split them: each mention a value, verbatim)
        out = [self.span(s, e) for s, e in pieces]
        return [o for o in out if o is not None and any(ch.isalpha() for ch in o.text)]

    def nps(self, tok: Any) -> list[Span]:
        """``tok`` and its coordinated nouns, one span each."""
        out, todo = [], [tok]
        while todo:
            t = todo.pop()
            if t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"} or t is tok:
                sp = self.np(t)
                if sp is not None:
                    out.append(sp)
            todo.extend(c for c in t.children if c.dep_ == "conj")
        return sorted(out, key=lambda s: s.start)


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")") and text.count("‘") <= text.count("’") + 0 or "(" not in text


def active_imitation(tok: Any) -> bool:
    """An active "simulate" / "imitate" ("to simulate shelling by the army"): its "by" names whose act is
    simulated, not who simulates it (as the agent of a passive "was simulated by X" does)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in {"simulate", "imitate"} \
        and not any(c.dep_ == "auxpass" for c in tok.children) and tok.tag_ != "VBN"


def resolve_relative(tok: Any) -> Any:
    """``who`` / ``which`` -> the noun its clause modifies; "X is an organisation that ..." -> X; a cleft
    "it was X who / that ..." -> X (parsed as a relative clause on X or as a clause beside it)."""
    if tok.lower_ not in {"who", "which", "that"}:
        return tok
    if tok.head.dep_ == "relcl":
        noun = tok.head.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ != "it":
                return subj
        return noun
    if tok.head.dep_ == "ccomp" and tok.head.head.lemma_ == "be":
        be = tok.head.head
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in be.children if c.dep_ == "attr" and c.i < tok.i), None)
        if subj is not None and subj.lower_ == "it" and attr is not None:
            return attr
    return tok


def names_actor(tok: Any, lex: Lexicon) -> bool:
    """Does this word name someone (a pronoun, a demonym, a named person, group or place, an actor head such as
    "rebels" or "the republic"), as opposed to a thing ("the debate")?"""
    if tok.pos_ == "PRON" or tok.lower_ in lex.demonyms or tok.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}:
        return True
    return bool({tok.lower_, tok.lemma_.lower(), tok.lemma_.lower() + "s"} & lex.actor_heads)


def _pobj(tok: Any, prep: str) -> Any | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _is_inside(tok: Any, head: Any) -> bool:
    return any(t.i == tok.i for t in head.subtree)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _dedupe(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    seen: set[str] = set()
    for s in sorted(spans, key=lambda s: s.start):
        key = s.text.casefold()
        if key in seen or any(_overlaps(s, o) for o in out):
            continue
        seen.add(key)
        out.append(s)
    return out


def _merge_overlapping(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if out and _overlaps(s, out[-1]):
            last = out[-1]
            if s.end > last.end:  # union of the two readings ("Deir ez-Zor" + "Zor province")
                text = last.text + s.text[last.end - s.start:]
                out[-1] = Span(last.start, s.end, text)
            continue
        out.append(s)
    seen: set[str] = set()
    uniq = []
    for s in out:
        if s.text.casefold() not in seen:
            seen.add(s.text.casefold())
            uniq.append(s)
    return uniq
