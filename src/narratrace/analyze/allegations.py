"""Allegation frames: who is said to stage or fake what, where, so that whom is blamed.

One frame per sentence that states a staging allegation (see ``specs/allegation-frames.md``).
The extractor is rule-based over a dependency parse of the candidate sentences only: a cheap
regular-expression filter finds sentences with a staging word, spaCy parses those, and the
slots are read off the parse with the lexicon in ``resources/allegations.yaml``.

Public entry points: :func:`extract_frames` (pure: text in, frames out) and the analyzer
:class:`AllegationAnalyzer` (name ``allegations``, kind ``allegation_frame``).
"""
from __future__ import annotations

import re
from typing import Any, ClassVar, Iterable, Iterator, Sequence

from narratrace.analyze.allegation_lexicon import Lexicon, load_lexicon, split_sentences
from narratrace.analyze.allegation_slots import PRONOUNS, SentenceSlots
from narratrace.analyze.base import AnalysisContext
from narratrace.model import AllegationFrame, Annotation, Article, Attribution, Span

__all__ = ["AllegationAnalyzer", "extract_frames", "frames_in_doc", "iter_frames"]

_PRONOUNS = {"it", "they", "he", "she", "we", "them", "this", "these", "those", "who", "which"}
_QUOTES = "\"'“”‘’«»"
_EDGE = re.compile(r"^[\s,;:\"'“”‘’«»()\-–—.]+|[\s,;:\"'“”‘’«»()\-–—.]+$")
_CUT_DEPS = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis"}


# ---------------------------------------------------------------- the trigger

def _event_of(tok: Any) -> Any | None:
    """The noun a staging verb / adjective applies to."""
    if tok.dep_ in {"amod", "compound", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass", "obj"}:
            return child
    if tok.dep_ in {"acomp", "attr", "oprd"} or tok.head.lemma_ == "be":
        for child in tok.head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
    for child in tok.children:
        if child.dep_ == "nsubj":
            return child
    if tok.head.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"acl", "relcl"}:
        return tok.head
    return None


def _is_event(noun: Any, lex: Lexicon) -> bool:
    words = {noun.lower_, noun.lemma_.lower()} | {c.lower_ for c in noun.children if c.dep_ == "compound"}
    if words & lex.claim_nouns:
        return False
    return bool(words & lex.event_nouns)


def _right_window_event(tok: Any, lex: Lexicon, width: int = 6) -> Any | None:
    doc = tok.doc
    for t in doc[tok.i + 1: min(len(doc), tok.i + 1 + width)]:
        if t.is_punct and t.text not in _QUOTES:
            break
        if t.pos_ in {"NOUN", "PROPN"} and (t.lower_ in lex.claim_nouns or t.lemma_ in lex.claim_nouns):
            return None
        if t.pos_ in {"NOUN", "PROPN"} and (t.lower_ in lex.event_nouns or t.lemma_.lower() in lex.event_nouns):
            return t
    return None


def _negated(tok: Any, lex: Lexicon) -> bool:
    """Negated ("did not stage"), denied ("denied staging", "rejected claims that ... was staged") or
    without basis ("no evidence that the attack was staged")."""
    clause = [tok]
    for t in tok.ancestors:  # the trigger's own clause: "this is not the first time that X fabricate" is no denial
        if clause[-1].dep_ in {"relcl", "ccomp", "advcl", "acl", "pcomp", "csubj"}:
            break
        clause.append(t)
    if any(any(c.lower_ in lex.negations and c.dep_ == "neg" for c in t.children) for t in clause[:4]):
        return True
    chain = [tok, *tok.ancestors]
    for t in chain:
        if t.lemma_.lower() in lex.denial_lemmas:
            return True
        if t.pos_ == "NOUN" and t.lemma_.lower() in {"evidence", "proof", "sign", "indication"} \
                and any(c.lower_ in {"no", "little"} and c.dep_ == "det" for c in t.children):
            return True
    return False


def _strong_context(sent: Any, lex: Lexicon) -> bool:
    low = sent.text.lower()
    return bool(lex.chem_re.search(low) or lex.poison_re.search(low)
                or any(t.lemma_ in lex.blame_lemmas | {"pretext", "video", "footage", "fake", "false"}
                       or t.lower_ in {"videos", "faked", "fake", "false"} for t in sent))


def _eventish(tok: Any, lex: Lexicon) -> bool:
    """Does the phrase headed by ``tok`` name an event ("the Kerch incident", "Navalny's poisoning")?"""
    return any(t.lemma_.lower() in lex.event_nouns or t.lower_ in lex.event_nouns for t in tok.subtree
               if t.pos_ in {"NOUN", "PROPN"})


def _provocation_ok(tok: Any, sent: Any, lex: Lexicon, title: bool = False) -> bool:
    low = sent.text.lower()
    if any(p.search(low) for p in lex.provocation_exclusions) and not (lex.chem_re.search(low)
                                                                       or lex.poison_re.search(low)):
        return False
    if not title and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "such", "these", "those"}
                         for c in tok.children) \
            and (tok.dep_ in {"nsubj", "nsubjpass"} or tok.i - sent.start < 4) \
            and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return False  # an anaphoric "the planned provocation" restates an earlier frame
    window = sent.doc[max(sent.start, tok.i - 4): min(sent.end, tok.i + 5)]
    near = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}
    near |= {a.lemma_.lower() for a in list(tok.ancestors)[:2]}
    if near & lex.provocation_cues:
        return True
    if tok.dep_ in {"attr", "acomp"}:  # "X was a provocation": only when X is an event
        subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.dep_ != "expl":
            return _eventish(subj, lex)
    if any(c.dep_ in {"amod", "compound", "poss", "nmod"} and (c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
                                                               or c.lower_ in lex.actor_heads
                                                               or c.lower_ + "s" in lex.actor_heads)
           for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"by", "of"} for c in tok.children):
        return True
    before = {t.lemma_.lower() for t in sent.doc[sent.start:tok.i]}
    return bool(before & {"poisoning", "attack", "incident", "bombing", "crash", "shooting", "explosion", "downing",
                          "massacre", "killing", "murder", "event", "events"})


def find_trigger(sent: Any, lex: Lexicon, title: bool = False) -> tuple[Any, Any | None] | None:
    """(trigger token, event noun) of the first staging expression in the sentence, or None.
    ``title``: the text is one line (a claim title), where "the provocation in X" is not anaphoric."""
    return _find_trigger(sent, lex, lex.staging_patterns, tokens=True, title=title) \
        or _find_trigger(sent, lex, lex.pretext_patterns, tokens=False, title=title)


def _find_trigger(sent: Any, lex: Lexicon, patterns: Sequence[re.Pattern[str]],
                  tokens: bool, title: bool) -> tuple[Any, Any | None] | None:
    low = sent.text.lower()
    for pat in patterns:
        m = pat.search(low)
        if m:
            tok = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            if tok is not None:
                head = tok[-1]
                if head.dep_ in {"compound", "amod"} and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i > head.i:
                    head = head.head
                if not _negated(head, lex):
                    return head, head if head.pos_ in {"NOUN", "PROPN"} else _event_of(head)
    for tok in sent if tokens else ():
        form, lemma = tok.lower_, tok.lemma_.lower()
        if tok.text[:1].isupper() and (tok.i > sent.start or tok.ent_type_) and tok.text.lower() != "fake":
            continue  # "Tahrir al-Sham", "Operation X": names, not staging words
        nxt = sent.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if form == "staging" and nxt in {"ground", "grounds", "post", "posts", "area", "point", "base"}:
            continue
        if (form in lex.staging_nouns or lemma in lex.staging_nouns) and tok.pos_ in {"NOUN", "PROPN"}:
            if form.startswith("provocation") or lemma == "provocation":
                if _provocation_ok(tok, sent, lex, title) and not _negated(tok, lex):
                    return tok, tok
                continue
            if form in {"fake", "fakes"} and tok.dep_ == "amod":
                pass  # adjective "fake": handled below
            elif not _negated(tok, lex):
                subj = _event_of(tok)
                if subj is None and tok.dep_ in {"attr", "acomp"}:
                    subj = next((c for c in tok.head.children if c.dep_ == "csubj"), None)
                if tok.dep_ in {"attr", "acomp"} and subj is not None and subj.dep_ != "expl" \
                        and not _eventish(subj, lex):
                    continue  # "Russiagate is a hoax": a claim about a story, not a staged event
                if tok.dep_ not in {"attr", "acomp", "ROOT", "appos"} and not _strong_context(sent, lex) \
                        and not _eventish(tok, lex) and not (tok.head.pos_ in {"NOUN", "PROPN"}
                                                             and _is_event(tok.head, lex)):
                    continue  # "the problem with this latest fabrication": no staged event named
                return tok, subj
        if form in lex.staging_lemmas or lemma in lex.staging_lemmas or _stem(form) in lex.staging_lemmas:
            if tok.pos_ in {"NOUN", "PROPN"} and form not in lex.staging_nouns:
                continue  # "the next stage of the deal"
            if tok.i > sent.start and sent.doc[tok.i - 1].text in {"-", "–"} and \
                    (_stem(form) in lex.ambiguous_lemmas or lemma in lex.ambiguous_lemmas):
                continue  # "a Daesh-orchestrated car bombing": carried out by
            event = _event_of(tok)
            if event is None or not _is_event(event, lex):
                window = _right_window_event(tok, lex)
                event = window if window is not None else (event if event is not None and _is_event(event, lex) else None)
            if event is None:
                if form in {"staged", "faked", "fabricated", "fake", "simulated", "orchestrated", "falsified"} \
                        and tok.dep_ in {"ROOT", "acomp", "ccomp", "conj", "xcomp", "attr", "acl", "advcl"} \
                        and not _negated(tok, lex) and _subject_is_event(tok, lex):
                    return tok, _event_of(tok)
                continue
            if (_stem(form) in lex.ambiguous_lemmas or lemma in lex.ambiguous_lemmas) \
                    and (event.lemma_.lower() in lex.perpetration_nouns or event.lower_ in lex.perpetration_nouns) \
                    and not _strong_context(sent, lex) and event.dep_ in {"dobj", "obj"} and event.head.i == tok.i:
                continue
            if (_stem(form) in lex.ambiguous_lemmas or lemma in lex.ambiguous_lemmas) \
                    and event.lower_ in {"event", "events", "everything", "operation", "operations", "case", "affair",
                                         "story"} and not _strong_context(sent, lex) \
                    and (tok.dep_ == "amod" or event.dep_ in {"dobj", "obj"}):
                continue
            if event.lower_ in _WEAK_EVENTS and not _strong_context(sent, lex):
                continue  # "her case is fabricated": a legal case, not a staged event
            if (_stem(form) in lex.ambiguous_lemmas or lemma in lex.ambiguous_lemmas) \
                    and event.dep_ in {"dobj", "obj"} and event.head.i == tok.i and not _strong_object(event, lex) \
                    and not _purpose_cue(sent, lex):
                continue  # "who staged the attack": carried it out
            if (_stem(form) in lex.ambiguous_lemmas) and event.lower_ in {"assault", "offensive", "counterattack",
                                                                       "counter-attack", "demonstration",
                                                                       "protest", "protests", "comeback"}:
                continue
            if _negated(tok, lex):
                continue
            return tok, event
    return None


def implicit_trigger(sent: Any, lex: Lexicon) -> tuple[Any, Any | None] | None:
    """"The White Helmets prepare a chemical attack": the narrative's pre-emptive claim without a staging word."""
    m = lex.implicit_pattern.search(sent.text)
    if m is None:
        m = lex.implicit_use_pattern.search(sent.text)
        if m is not None and not _purpose_cue(sent, lex):
            m = None  # "X are preparing to use chemical weapons" counts only with "... and blame Y"
    if m is None or not lex.implicit_stagers.search(sent.text[:m.start()]):
        return None
    span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or _negated(span[0], lex):
        return None
    event = next((t for t in reversed(span) if t.pos_ in {"NOUN", "PROPN"}), None)
    return span[0], event


_WEAK_EVENTS = {"case", "affair", "story", "situation"}


def _strong_object(event: Any, lex: Lexicon) -> bool:
    text = " ".join(t.lower_ for t in event.subtree)
    return bool(lex.chem_re.search(text) or lex.poison_re.search(text)
                or re.search(r"\b(?:false|fake|faked|video|videos|footage|provocations?|flag)\b", text))


def _purpose_cue(sent: Any, lex: Lexicon) -> bool:
    return any(t.lemma_.lower() in lex.blame_lemmas | {"pretext", "justify", "provoke"} for t in sent)


def _subject_is_event(tok: Any, lex: Lexicon) -> bool:
    """Is "staged" / "fabricated" predicated of an event ("the attack ... was staged")?"""
    if any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        return False
    subj = next((c for c in list(tok.children) + list(tok.head.children) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:  # broken parse: the subject of the nearest "be" to the left
        doc = tok.doc
        for t in reversed(doc[max(tok.sent.start, tok.i - 6):tok.i]):
            if t.lemma_ == "be":
                subj = next((c for c in list(t.children) + list(t.head.children)
                             if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is None and t.i > tok.sent.start and doc[t.i - 1].pos_ in {"NOUN", "PROPN"}:
                    subj = doc[t.i - 1]
                break
    doc = tok.doc
    for t in reversed(doc[max(tok.sent.start, tok.i - 4):tok.i]):  # "... attack was staged": the noun before "was"
        if t.lemma_ == "be" and t.i > tok.sent.start and doc[t.i - 1].pos_ in {"NOUN", "PROPN"}:
            prev = doc[t.i - 1]
            if {prev.lower_, prev.lemma_.lower()} & lex.event_nouns:
                return True
            break
    if subj is None:
        return tok.dep_ == "ROOT"
    words = {subj.lower_, subj.lemma_.lower()}
    return bool(words & lex.event_nouns) and not words & lex.claim_nouns


def _stem(form: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 4:
            base = form[: -len(suffix)]
            return base + "e" if suffix in {"ing", "ed"} and not base.endswith("e") else base
    return form


# ---------------------------------------------------------------- time, event type, event

_MODALS = {"will", "would", "could", "may", "might", "shall", "'ll", "can"}
_DOING = {"carry", "conduct", "organize", "organise", "arrange", "commit", "launch", "perform", "stage", "fake",
          "imitate", "simulate", "orchestrate"}
_PREPARING = {"film", "record", "shoot", "prepare", "plan", "bring", "deliver", "gather", "train", "recruit", "move",
              "transport", "set", "ready", "get", "produce", "make", "rehearse"}


def frame_time(trigger: Any, sent: Any, lex: Lexicon, reporting: Sequence[Any]) -> str:
    """future (a warning of something prepared), past (a happened event called staged), unspecified."""
    stop = {t.i for t in reporting}
    chain = [trigger]
    for anc in trigger.ancestors:
        if anc.i in stop:
            break
        chain.append(anc)
    near = list(chain)
    for t in chain:
        near.extend(c for c in t.children if c.dep_ in {"aux", "auxpass", "amod", "advmod", "neg", "acomp", "xcomp"})
    if trigger.dep_ in {"attr", "acomp"} and trigger.head.lower_ in {"was", "were"}:
        return "past"  # "the incident was a planned provocation"
    if re.search(r"\b(?:near(?:est)?|coming|next) (?:future|days|weeks|months)\b", sent.text, re.I):
        return "future"
    near = [t for t in near if not (t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"}
                                                            for c in t.children))]  # "was prepared by"
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    if words & lex.future_lemmas:
        return "future"
    if any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"start", "begin", "happen", "occur", "come", "take"}
           and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in trigger.children):
        return "future"  # "a provocation ... to start on Monday"
    if any(t.lemma_.lower() in _DOING | lex.staging_lemmas and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                    for c in t.children)
           and t.dep_ in {"advcl", "xcomp"} for t in chain):
        return "future"  # "deployed ... to carry out false flag attacks"
    if any(any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children)
           and not any(c.dep_ == "aux" and c.lower_ in {"have", "has", "had"} for c in t.children)
           and t.tag_ in {"VB", "VBN"} and t.lemma_ != "be" for t in chain):
        return "future"  # "a false flag could be used", "will be staged" (not "could be a provocation")
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in trigger.children) or \
            (trigger.dep_ == "pobj" and trigger.head.lower_ in {"after", "following", "since"}):
        return "past"  # "a provocation arranged by ...", "after the provocation"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and trigger.pos_ == "VERB":
        return "future"
    if trigger.dep_ in {"dobj", "pobj"} and trigger.head.lemma_ in {"imitate", "stage", "fake", "simulate",
                                                                     "orchestrate"} \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.head.children):
        return "future"
    if any(t.tag_ == "VBG" and t.lemma_.lower() in _PREPARING
           and any(c.dep_ == "aux" and c.lower_ in {"are", "is", "am"} for c in t.children) for t in chain):
        return "future"  # "are (already) filming the fake attack": in preparation
    for t in chain:
        if t.tag_ in {"VBD", "VBN"} or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"was", "were", "had", "been"}
                                            for c in t.children):
            return "past"
    if trigger.dep_ in {"attr", "acomp"} and trigger.head.lemma_ == "be":
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.lower_ in lex.event_nouns or subj.lemma_.lower() in lex.event_nouns):
            return "past"
    return "unspecified"


def event_type_of(texts: Sequence[str], lex: Lexicon) -> str | None:
    for text in texts:
        for name, pat in lex.event_types:
            if pat.search(text):
                return name
    return None


def _event_span(slots: SentenceSlots, trigger: Any, event: Any | None) -> Span | None:
    if trigger.lower_.startswith("provocation") or trigger.lower_ in {"flag", "operation", "operations"}:
        for t in trigger.subtree:
            if t.lemma_ in {"involve", "use"} and t.i > trigger.i:
                obj = next((c for c in t.children if c.dep_ in {"dobj", "pobj"}), None)
                if obj is not None:
                    return slots.np(obj)
            if t.lower_ == "of" and t.head.lower_ == "use":
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return slots.np(obj)
    if event is not None:
        return slots.np(event)
    return None


# ---------------------------------------------------------------- frames

def frames_in_doc(sent: Any, offset: int, lex: Lexicon, context: Sequence[str] = (),
                  last_actor: str | None = None, title: bool = False) -> AllegationFrame | None:
    """The frame a parsed sentence states, or None. ``offset``: the sentence's start in the article."""
    found = find_trigger(sent, lex, title) or implicit_trigger(sent, lex)
    if found is None:
        return None
    trigger, event = found
    slots = SentenceSlots(sent, offset - sent.start_char + sent.start_char, lex)
    slots.offset = offset
    reporting = slots.reporting_chain(trigger)
    accuser, accuser_tok = slots.accuser(trigger)
    accused, helpers = slots.accused_and_helpers(trigger, reporting)
    if accuser is not None:
        accused = [a for a in accused if not (a.start < accuser.end and accuser.start < a.end)]
    blame = slots.blame_targets(trigger, event)
    accused = [a for a in accused if not any(a.start < b.end and b.start < a.end for b in blame)]
    trig = slots.np(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else slots.span(trigger.idx, trigger.idx + len(trigger.text))
    if trig is None:
        return None
    t_start = offset + trigger.idx - sent.start_char
    accused = [a for a in accused if not (a.start <= t_start < a.end)]  # "The Navalny setup" is no accused
    ev = _event_span(slots, trigger, event)
    exclude = [s for s in [accuser] if s is not None]
    named = {a.text.casefold() for a in (*accused, *helpers, *blame)}
    locations = [p for p in slots.locations(exclude, ()) if p.text.casefold() not in named]
    etype = event_type_of([sent.text, *context], lex) or "other"
    resolved = None
    if accuser is not None and accuser.text.casefold() in PRONOUNS:
        resolved = last_actor
    return AllegationFrame(
        sentence=slots.span(sent.start_char, sent.end_char) or trig,
        trigger=trig,
        event_type=etype,
        time=frame_time(trigger, sent, lex, reporting),
        accuser=accuser,
        accuser_resolved=resolved,
        accused=tuple(accused),
        helpers=tuple(helpers),
        event=ev,
        locations=tuple(locations),
        blame_target=tuple(blame),
        evidence=slots.evidence(),
    )


def extract_frames(text: str, attributions: Sequence[Attribution] = (), lex: Lexicon | None = None,
                   nlp: Any = None, body_start: int = 0) -> list[AllegationFrame]:
    """Every allegation frame in ``text`` (pure: parses only the candidate sentences).
    ``body_start``: where the body begins after a parsed header (no sentence crosses it)."""
    return next(iter_frames([(text, body_start)], [attributions], lex=lex, nlp=nlp))


def _sentences(text: str, body_start: int) -> list[tuple[int, int]]:
    if not 0 < body_start < len(text):
        return split_sentences(text)
    head = split_sentences(text[:body_start])
    return head + [(s + body_start, e + body_start) for s, e in split_sentences(text[body_start:])]


def iter_frames(texts: Iterable[str | tuple[str, int]], attributions: Iterable[Sequence[Attribution]] | None = None,
                lex: Lexicon | None = None, nlp: Any = None, batch_size: int = 256) -> Iterator[list[AllegationFrame]]:
    """Frames for each text of a stream (a text or a ``(text, body_start)`` pair), parsing the candidate
    sentences of a batch of texts together."""
    lex = lex or load_lexicon()
    attr_iter = iter(attributions) if attributions is not None else None
    batch: list[tuple[str, Sequence[Attribution], list[tuple[int, int]], list[int]]] = []
    for item in texts:
        text, body_start = (item, 0) if isinstance(item, str) else item
        attrs = next(attr_iter, ()) if attr_iter is not None else ()
        sents = _sentences(text, body_start)
        cands = [i for i, (s, e) in enumerate(sents) if lex.candidate_re.search(text, s, e)]
        batch.append((text, attrs, sents, cands))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, lex, nlp)
            batch = []
    if batch:
        yield from _run_batch(batch, lex, nlp)


def _run_batch(batch: list[tuple[str, Sequence[Attribution], list[tuple[int, int]], list[int]]], lex: Lexicon,
               nlp: Any) -> Iterator[list[AllegationFrame]]:
    pieces = [text[sents[i][0]:sents[i][1]] for text, _, sents, cands in batch for i in cands]
    if pieces and nlp is None:
        from narratrace.nlp import get_nlp

        nlp = get_nlp()
    docs = iter(nlp.pipe(pieces, batch_size=128)) if pieces else iter(())
    for text, attributions, sents, cands in batch:
        frames: list[AllegationFrame] = []
        last_actor: str | None = None
        for i in cands:
            doc = next(docs)
            start = sents[i][0]
            context = [text[s:e] for s, e in reversed(sents[max(0, i - 3):i])] + [text[sents[0][0]:sents[0][1]]]
            frame = frames_in_doc(doc[:], start, lex, context, last_actor or _speaker_before(attributions, start),
                                  title=len(sents) == 1)
            if frame is None:
                continue
            frame = _with_attribution(frame, attributions)
            if frame.accuser is None:
                frame = _quote_speaker(frame, text, sents[i])
            if frame.accuser is not None and frame.accuser.text.casefold() not in PRONOUNS:
                last_actor = frame.accuser.text
            frames.append(frame)
        yield frames


_CLOSE_SAID = re.compile(r"[”\"],?\s+(?P<src>[A-Za-z][^,.“”\"\n]{1,80}?),?\s+(?:has\s+)?(?:said|says|added|stated|"
                         r"told|warned|noted|claimed|alleged|explained|wrote|insisted|stressed)\b")
_OPEN_SAID = re.compile(r"(?P<src>[A-Z][^,.“”\"\n]{1,80}?)\s+(?:said|says|added|stated|warned|noted|claimed|"
                        r"insisted|stressed)(?:\s+that)?[:,]?\s*[“\"]\s*$")


def _quote_speaker(frame: AllegationFrame, text: str, sent: tuple[int, int]) -> AllegationFrame:
    """A frame sentence inside a multi-sentence quotation takes the quote's speaker
    ("“... They are preparing a staged attack,” the officer said." two sentences later)."""
    from dataclasses import replace

    start, end = sent
    before = text[max(0, start - 2000):start]
    if before.count("“") <= before.count("”") or text[start:end].count("“") > text[start:end].count("”"):
        return frame
    opening = before.rfind("“")
    m = _OPEN_SAID.search(before[:opening + 1])
    if m is None:
        close = text.find("”", start)
        if close < 0 or close - start > 1500:
            return frame
        m = _CLOSE_SAID.match(text, close)
        if m is None:
            return frame
        s0, e0 = m.start("src"), m.end("src")
    else:
        base = start - len(before)
        s0, e0 = base + m.start("src"), base + m.end("src")
    src = text[s0:e0].strip()
    if not src or len(src.split()) > 10:
        return frame
    s0 = text.index(src, s0)
    return replace(frame, accuser=Span(s0, s0 + len(src), src))


def _speaker_before(attributions: Sequence[Attribution], start: int) -> str | None:
    best = None
    for a in attributions:
        if a.content.start < start and a.speaker:
            best = a.speaker
    return best


def _with_attribution(frame: AllegationFrame, attributions: Sequence[Attribution]) -> AllegationFrame:
    """Fill the accuser from the attribution whose content holds the trigger, when the parse found none,
    and resolve a pronoun accuser through the attribution's resolved speaker."""
    from dataclasses import replace

    holding = [a for a in attributions if a.content.start <= frame.trigger.start and frame.trigger.end <= a.content.end
               and a.source is not None]
    if not holding:
        return frame
    outer = max(holding, key=lambda a: a.content.end - a.content.start)
    if frame.accuser is None:
        frame = replace(frame, accuser=outer.source)
    if frame.accuser is not None and frame.accuser.text.casefold() in PRONOUNS and outer.speaker:
        frame = replace(frame, accuser_resolved=outer.speaker)
    return frame


class AllegationAnalyzer:
    """Staging / false-flag allegation frames, one per sentence that states one."""

    name: ClassVar[str] = "allegations"
    version: ClassVar[str] = "0.2.0"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("allegation_frame",)
    needs_doc: ClassVar[bool] = False

    def analyze(self, article: Article, ctx: AnalysisContext) -> list[Annotation]:
        attributions = [Attribution.from_dict(a.attrs) for a in ctx.of_kind("attribution")]
        frames = extract_frames(article.text, attributions, body_start=article.body_start)
        return [to_annotation(f, self.version) for f in frames]


def to_annotation(frame: AllegationFrame, version: str = AllegationAnalyzer.version) -> Annotation:
    return Annotation(analyzer="allegations", version=version, kind="allegation_frame",
                      start=frame.sentence.start, end=frame.sentence.end, label=frame.event_type,
                      attrs=frame.to_dict())
