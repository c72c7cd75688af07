"""The trigger of an allegation frame: the words that say "staged / fake / provocation", and the
filters that keep the spec's negatives out (carry-out "stage", provocation as a policy, denials,
claims called fabricated). Used by :mod:`narratrace.analyze.allegations`."""
from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from narratrace.analyze.allegation_lexicon import Lexicon
from narratrace.analyze.allegation_spans import _FACILITIES, _pobj, names_actor, resolve_relative

_QUOTES = "\"'“”‘’«»"


def _event_of(tok: Any) -> Any | None:
    """The noun a staging verb / adjective applies to."""
    if tok.dep_ in {"amod", "conj"} and tok.head.lower_ == "one" and tok.head.dep_ in {"attr", "acomp"}:
        subj = next((c for c in tok.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:  # "the event was a planned and staged one"
            return subj
    if tok.dep_ == "conj" and tok.head.dep_ == "amod" and tok.head.head.lower_ == "one":
        return _event_of(tok.head)
    if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.lower_ in {"order", "bid", "attempt", "effort"}:
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is not None:
            return obj  # "in order to stage a man-made disaster": what is staged, not "order"
    if tok.dep_ in {"amod", "compound", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head
    if tok.dep_ == "amod" and tok.head.tag_ == "VBG":
        return tok.head  # "the staged shelling was prepared": a gerund the tagger calls a verb
    if headline_appos(tok):
        return tok.head  # "Bucha massacre: a fake"
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


def headline_appos(tok: Any) -> bool:
    """A headline's "X: a fake" / "X: a set-up": what follows the colon is said of the noun before it."""
    return tok.dep_ == "appos" and tok.head.dep_ == "ROOT" and tok.head.pos_ in {"NOUN", "PROPN"} \
        and any(c.text == ":" and tok.head.i < c.i < tok.i for c in tok.head.children)


def _is_event(noun: Any, lex: Lexicon) -> bool:
    if noun.lemma_.lower() == "crime" and any(c.lower_ == "war" and c.dep_ in {"compound", "nmod", "amod"}
                                              for c in noun.children):
        return True  # "staged war crimes in Bucha" (not "fabricated crimes": a criminal case)
    words = {noun.lower_, noun.lemma_.lower()} | {c.lower_ for c in noun.children if c.dep_ == "compound"}
    if words & lex.claim_nouns:
        return False
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in lex.claim_nouns:
        return False  # "fake chemical attacks evidence": the evidence is faked
    if noun.lemma_.lower() in _RELEASES:  # "a chlorine release", "a toxic gas leak" (not "a press release", nor
        # "a fake chemical company press release": only the words that modify the noun itself)
        mods = " ".join(t.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i
                        for t in c.subtree)
        return bool(lex.chem_re.search(mods))
    return bool(words & lex.event_nouns)


# happenings that are an event only when something toxic is released
_RELEASES = frozenset({"release", "leak", "leakage", "spill", "discharge", "emission"})


def _right_window_event(tok: Any, lex: Lexicon, width: int = 6) -> Any | None:
    doc = tok.doc
    for t in doc[tok.i + 1: min(len(doc), tok.i + 1 + width)]:
        if t.is_punct and t.text not in _QUOTES:
            break
        if t.pos_ in {"NOUN", "PROPN"} and (t.lower_ in lex.claim_nouns or t.lemma_ in lex.claim_nouns):
            return None
        if t.pos_ in {"NOUN", "PROPN"} and (t.lower_ in lex.event_nouns or t.lemma_.lower() in lex.event_nouns):
            if t.dep_ == "compound" and t.head.lemma_.lower() in lex.claim_nouns:
                return None  # "fake chemical attacks evidence": the evidence is faked, not an attack
            return t
    return None


def _negated(tok: Any, lex: Lexicon) -> bool:
    """Negated ("did not stage"), denied ("denied staging", "rejected claims that ... was staged") or
    without basis ("no evidence that the attack was staged")."""
    clause = [tok]
    for t in tok.ancestors:  # the trigger's own clause: "this is not the first time that X fabricate" is no denial
        if clause[-1].dep_ in {"relcl", "ccomp", "advcl", "acl", "pcomp", "csubj"}:
            break
        if clause[-1].dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause[-1].children):
            break  # "X won't let him win and we can expect a staged attack": a clause of its own
        clause.append(t)
    for below, t in zip(clause, clause[1:4]):
        neg = next((c for c in t.children if c.lower_ in lex.negations and c.dep_ == "neg"), None)
        if neg is not None and not _contrasted(below, neg):
            return True
    if any(c.lower_ in lex.negations and c.dep_ == "neg" and not _negates_after(c, tok) for c in tok.children):
        return True
    chain = [tok, *tok.ancestors]
    for t in chain[1:]:  # "claims that Britain staged the poisoning are false": the claim is called untrue
        if t.lemma_.lower() in lex.claim_nouns and t.dep_ in {"nsubj", "nsubjpass"} and (
                (t.head.lemma_ == "be" and any((c.dep_ == "acomp" and c.lower_ in _UNTRUE)
                                               or (c.dep_ == "attr" and c.lemma_.lower() in _UNTRUE_NOUNS)
                                               for c in t.head.children))
                or (t.head.lemma_.lower() in {"support", "back", "confirm", "substantiate", "corroborate"}
                    and (any(c.dep_ == "neg" for c in t.head.children)
                         or any(d.dep_ == "det" and d.lower_ == "no" for a in t.head.children if a.dep_ == "agent"
                                for g in a.children for d in g.children)))):
            return True  # "... are false", "... are not supported by any / supported by no evidence"
        if t.lemma_.lower() in lex.claim_nouns and t.dep_ in {"dobj", "obj"} \
                and t.head.lemma_.lower() in _CALLING | {"dismiss", "reject"} \
                and any(x.lower_ in _UNTRUE and x.dep_ in {"oprd", "acomp", "amod", "attr"}
                        for x in t.doc[t.i + 1:t.sent.end]):
            return True  # "the Kremlin called claims that Britain staged the poisoning false"
    for t in chain[1:]:  # "no one has suggested that the murder was orchestrated": nobody alleges it
        if t.lemma_.lower() in lex.reporting_lemmas and any(
                c.dep_ == "nsubj" and (c.lower_ in _NOBODY or (c.lower_ == "one" and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children))) for c in t.children):
            return True
    for prev, t in zip(chain, chain[1:] + [None]):
        if t is not None and prev.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in prev.children):
            break  # "X denied planning it, and it says ... planned provocations": the second clause stands alone
        if prev is not tok and prev.pos_ == "VERB" and prev.dep_ in {"advcl", "conj", "pcomp", "relcl"} \
                and prev.lemma_.lower() in lex.reporting_lemmas:
            break  # "X rejected the accusations, saying the attack was staged", "..., with Y suggesting that ...":
            # the denier's own claim
        if prev.lemma_.lower() == "doubt" and any(c.lower_ in {"no", "little"} for c in prev.children):
            continue  # "there is no doubt that the whole incident was invented": certainty, not doubt
        if prev.lemma_.lower() in lex.denial_lemmas and prev is not tok:
            if any(c.dep_ == "prep" and c.lower_ == "as" and _in_subtree(tok, c) for c in prev.children):
                continue  # "debunked by Russia as a hoax": the denier calls the event staged
            if any(c.dep_ == "advcl" and _in_subtree(tok, c) and any(m.dep_ == "mark" and m.lower_ == "as"
                                                                    for m in c.children) for c in prev.children):
                continue  # "dismissed evidence of atrocities as staged": the same, with "staged" parsed as a clause
            return True
    for t in chain:
        if t.pos_ == "NOUN" and t.lemma_.lower() in {"evidence", "proof", "sign", "indication"} \
                and any(c.lower_ in {"no", "little"} and c.dep_ == "det" for c in t.children):
            return True
        if t is not tok and any(c.dep_ == "attr" and c.lemma_.lower() in {"evidence", "proof"} for c in t.children) \
                and any(c.dep_ == "neg" for c in t.children):
            return True  # "the clip is not evidence that rescues in Syria are faked"
    return False


# what a claim is called when it is denied ("claims that X staged it are false / a lie")
_UNTRUE = frozenset({"false", "untrue", "baseless", "unfounded", "groundless", "wrong", "absurd", "fake", "bogus",
                     "ridiculous", "nonsense"})
_UNTRUE_NOUNS = frozenset({"lie", "fabrication", "myth", "nonsense", "falsehood", "fiction", "invention"})


def _contrasted(part: Any, neg: Any) -> bool:
    """"were not thrown by the protesters but by agent provocateurs": ``part`` follows a "but" that comes
    after the negation, so the negation is not about it."""
    doc = part.doc
    start = part.left_edge.i
    return start > neg.i and start > 0 and doc[start - 1].lower_ == "but"


def _negates_after(neg: Any, tok: Any) -> bool:
    """"show actors, not victims": the negation after the word, behind a comma, is about what follows."""
    return neg.i > tok.i and neg.doc[neg.i - 1].text == ","


_QUOTED_EVENT = re.compile(r"[‘'“\"](?:[\w-]+ ){0,2}?(?:massacres?|attacks?|shelling|strikes?|bombings?|explosions?|"
                           r"poisonings?|shootings?|atrocit(?:y|ies)|killings?|incidents?)[’'”\"]", re.I)


def _strong_context(sent: Any, lex: Lexicon) -> bool:
    low = sent.text.lower()
    return bool(lex.chem_re.search(low) or lex.poison_re.search(low) or lex.strong_context_re.search(low)
                or _QUOTED_EVENT.search(sent.text)  # "the next 'massacre' is being rehearsed"
                or any(t.lemma_ in lex.blame_lemmas | {"pretext", "video", "footage", "fake"}
                       or t.lower_ in {"videos", "faked", "fake"} or (t.lower_ == "false" and _false_event(t, lex))
                       for t in sent))


def _story_about(story: Any, lex: Lexicon, strict: bool = True) -> Any | None:
    """The harm a story is "about" / "of" ("an invented story about Navalny poisoning" -> poisoning), if any
    (``strict=False``: any event noun, "the reports of casualties")."""
    for prep in story.children:
        if prep.dep_ == "prep" and prep.lower_ in {"about", "of"}:
            for obj in prep.children:
                word = obj.lemma_.lower()
                if obj.dep_ == "pobj" and word in lex.event_nouns and word not in _NOT_A_HARM \
                        and word not in lex.media_nouns and (not strict or lex.event_cue_re.search(obj.text.lower())
                                                             or word in lex.perpetration_nouns):
                    return obj
    return None


def _false_event(tok: Any, lex: Lexicon) -> bool:
    """"false flag", "a false attack" (not "a false reality", "a false story", "false news")."""
    head = tok.head if tok.dep_ in {"amod", "compound"} else tok.doc[min(tok.i + 1, len(tok.doc) - 1)]
    word = head.lemma_.lower()
    return word == "flag" or (word in lex.event_nouns and word not in _NOT_A_HARM)


def _eventish(tok: Any, lex: Lexicon) -> bool:
    """Does the phrase headed by ``tok`` name an event ("the Kerch incident", "Navalny's poisoning")?"""
    return any(t.lemma_.lower() in lex.event_nouns or t.lower_ in lex.event_nouns for t in tok.subtree
               if t.pos_ in {"NOUN", "PROPN"})


def _provocation_ok(tok: Any, sent: Any, lex: Lexicon, title: bool = False) -> bool:
    low = sent.text.lower()
    if any(p.search(low) for p in lex.provocation_exclusions) and not lex.incident_re.search(low):
        return False
    if not title and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "such", "these", "those"}
                         for c in tok.children) \
            and (tok.dep_ in {"nsubj", "nsubjpass"} or tok.i - sent.start < 4) \
            and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children) \
            and not (tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in PREPARED_VERBS
                     and any(c.dep_ == "aux" for c in tok.head.children)):
        return False  # an anaphoric "the planned provocation" restates an earlier frame (but "the provocation
        # was being prepared with the help of X" says again that it is prepared)
    if any(c.dep_ == "det" and c.lower_ in {"any", "every", "no"} for c in tok.children):
        return False  # "any provocation would be met with force": a threat about none in particular
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "resort" \
            and not _STAGING_CUE.search(low) and not lex.chem_re.search(low) and not _blames_a_side(tok, lex) \
            and not _blames_a_side(tok.head.head, lex, also=frozenset({"discredit"})):
        return False  # "the Azerbaijani side is resorting to yet another provocation, deliberately targeting
        # settlements": a hostile act (not "resorting to provocations to discredit Belarus")
    if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in {"commit", "carry", "conduct", "launch", "perpetrate"} \
            and not _STAGING_CUE.search(low) and (
                (tok.lower_ == "provocations" and any(c.dep_ == "nummod" for c in tok.children))
                or any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                     and g.lemma_.lower() in HARM_VERBS | {"fire"}
                                                                     for g in c.children) for c in tok.head.children)):
        return False  # "the enemy had committed yet another provocation by shelling the district", "militants carried
        # out 14 provocations in Idlib, shelling positions": hostile acts done, a count of attacks
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in {"aim", "purpose", "goal"} \
            and tok.head.head.dep_ == "nsubj" and not _STAGING_CUE.search(low) \
            and not any(t.lemma_.lower() in lex.blame_lemmas for t in sent):
        return False  # "the aim of this provocation is to involve the armed forces of Belarus in the war": a purpose
        # told of a provocation already named, with no one to blame (not "... is to accuse Russia")
    if any(c.lemma_.lower() in {"terror", "violence", "intimidation", "harassment", "repression", "aggression"}
           for c in tok.conjuncts) and not _STAGING_CUE.search(low):
        return False  # "carrying out provocations and terror against the Serb people": hostile acts, none staged
    called = called_object(tok)
    if called is not None and called.lower_ == "what":
        called = None  # "over what it called the provocations of X in Bucha": the provocations are named themselves
    if called is not None and _politics_or_claim(called, lex):
        return False  # "called the mass protests a provocation organised from abroad": politics, no staging
    if _INTENDED_TO_BLAME.match(sent.doc[tok.i + 1:sent.end].text):
        return True  # "in a bloody provocation intended to ... pin the deaths on Russia": staged to blame another
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "as"} and tok.head.head.lemma_.lower() in _MANOEUVRES \
            and not _STAGING_CUE.search(low):
        return False  # "HMS Defender entered Crimean waters in a deliberate provocation by London": provocative
        # conduct, nothing staged
    # "called the episode a planned provocation": an incident (not "the TV episode", nor "called the episode a
    # provocation against Serbia", a hostile act)
    episode = called is not None and called.lower_ == "episode" and not any(c.dep_ == "compound" for c in called.children) \
        and any(c.dep_ == "amod" and c.lower_ in {"planned", "staged", "orchestrated", "organised", "organized", "prepared"}
                for c in tok.children)
    if called is not None and called.lemma_.lower() in _PERFORMANCES | _SCREENED | {"production", "staging"} \
            and not episode:
        return False  # "critics called the production a deliberate provocation": a play that provokes
    doer = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if tok.dep_ == "attr" \
        else None
    named_doer = doer is not None and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
                                          for c in doer.children)
    if (tok.dep_ in {"attr", "oprd", "conj"} or (tok.dep_ == "pobj" and tok.head.lower_ == "as")) and (
            (named_doer and any(c.dep_ == "prep" and c.lower_ in {"against", "to"} for c in tok.children))
            or any(c.lemma_.lower() in _HOSTILE_ACTS for c in [*tok.conjuncts, tok.head] if c is not tok)) \
            and not _STAGING_CUE.search(low):
        return False  # "the strikes are a provocation against Russian forces", "called the attack an aggression and
        # a provocation": a hostile act that provokes, not a staged one
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in HARM_VERBS and (tok.head.lower_ == "as" or (
            tok.head.lower_ == "in" and any(c.dep_ == "agent" for c in tok.head.head.children)
            and _purpose_cue(sent, lex))):
        return True  # "X was poisoned by Y as a provocation against Z", "the theatre was blown up by Azov in a bloody
        # provocation to accuse Russia": the harm done as a provocation (not "killed by Chinese troops in a bloody
        # provocation", a hostile act, when no blame purpose is said)
    if called is not None and tok.dep_ in {"oprd", "attr"} and not _eventish(called, lex) \
            and not lex.incident_re.search(called.text) and not episode:
        return False  # "Kyiv's decision to cut the water was called a provocation": a policy called one
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex.event_nouns:
        return True  # "provocation killings", "a provocation attack"
    window = [t for t in sent.doc[max(sent.start, tok.i - 4): min(sent.end, tok.i + 5)]
              if t.i <= tok.i or t.lower_ not in _BEFORE_ONLY_CUES]  # "a new provocation", not "... to launch a new
    near = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}  # campaign"
    near |= {a.lemma_.lower() for a in list(tok.ancestors)[:2]}
    if near & lex.provocation_cues:
        return True
    if _blames_a_side(tok, lex, also=frozenset({"set"})):
        return True  # "resorting to provocations to discredit Belarus": provocations made so that a side is blamed
        # (not "the remarks were a provocation to discredit the talks")
    if tok.dep_ in {"attr", "acomp"}:  # "X was a provocation": only when X is an event
        subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.lower_ in {"it", "this"}:  # "evidence of the poisoning ...; it is a provocation"
            before = sent.doc[sent.start:subj.i]
            return any(t.lemma_.lower() in lex.event_nouns and t.pos_ == "NOUN" for t in before) \
                or bool(lex.incident_re.search(before.text))
        if subj is not None and subj.lemma_.lower() in lex.political_nouns:
            return False  # "the Maidan protests were a Western-backed provocation": politics, not a staged event
        if subj is not None and subj.lemma_.lower() in _ASSAULTS and any(c.dep_ == "poss" for c in subj.children) \
                and not _STAGING_CUE.search(low):
            return False  # "Saakashvili's assault on Tskhinvali was a provocation": an act of aggression
        if subj is not None and subj.dep_ != "expl":
            return _eventish(subj, lex) or bool(lex.incident_re.search(" ".join(t.text for t in subj.subtree))) \
                or any(c.dep_ == "acl" and c.lower_ in lex.event_nouns and c.i == subj.i + 1 for c in subj.children)
            # ("Mariupol shelling was Kyiv's provocation", with "shelling" parsed as a verb after the place)
    if any(c.dep_ in {"compound", "nmod", "amod"} and c.ent_type_ == "DATE" for c in tok.subtree):
        return True  # "the January 13 provocation": a dated incident
    if title and tok.lower_ == "provocation" and any(c.dep_ == "prep" and c.lower_ in {"in", "at", "near"}
                                                     for c in tok.children):
        return True  # a title naming "the provocation in Salisbury"
    if tok.dep_ == "appos" and _eventish(tok.head, lex):
        return True  # "Detention of a tanker – Poroshenko's provocation"
    after = sent.doc[tok.i + 1:min(sent.end, tok.i + 9)]
    if any(t.lower_ in {"in", "at", "near"} and t.i + 1 < sent.end and t.nbor().text[:1].isupper()
           and lex.incident_name_re.fullmatch(t.nbor().text) for t in after):
        return True  # "the criminal provocations of X in Bucha", "provocations by X’ in Bucha": at a named incident
    plural_policy = tok.lower_ == "provocations"  # "Russian provocations", "Georgia's provocations": a policy
    if not plural_policy and any(c.dep_ in {"amod", "compound", "poss", "nmod"}
                                 and (c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or c.lower_ in lex.actor_heads
                                      or c.lower_ + "s" in lex.actor_heads or (c.dep_ == "poss" and c.pos_ == "PROPN"))
                                 for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"by", "of"} for c in tok.children) and not plural_policy:
        return True
    before = {t.lemma_.lower() for t in sent.doc[sent.start:tok.i]}
    return bool(before & {"poisoning", "attack", "incident", "bombing", "crash", "shooting", "explosion", "downing",
                          "massacre", "killing", "murder", "event", "events"})


# a drill named after the simulating verb ("... simulate a chemical attack during NATO drills")
_DURING_DRILLS = re.compile(r"\b(?:during|in|as part of|at) (?:the |an? |their |its )?(?:[\w-]+ ){0,2}?(?:drills?|exercises?|"
                            r"manoeuvres|maneuvers|war games)\b", re.I)


# a purpose of putting the blame on another, right after what is staged: "(staged it) to pin the blame on Damascus",
# "(a provocation) intended to ... pin the deaths on Russia" (not "..., and analysts were quick to blame Y")
_BLAME_VERBS = (r"(?:blame|frame|accuse|implicate|incriminate|put the blame on|"
                r"pin (?:it|this|that|them|the (?:blame|deaths|killings|attack|crime)) on)\b")
_TO_BLAME = re.compile(r"\s*(?:(?:in order|so as) )?to (?:then )?" + _BLAME_VERBS, re.I)
_INTENDED_TO_BLAME = re.compile(r"[^,;:]{0,20}?\b(?:intended|designed|meant|aimed|planned|calculated)\b[^,;:]{0,80}?"
                                r"\b(?:in order )?to (?:then )?" + _BLAME_VERBS, re.I)


# words that make an event called a provocation a staged one whatever else the sentence says
_STAGING_CUE = re.compile(r"\b(?:blam|accus|fram|implicat|incriminat|discredit|justif|pretext|stag|fake|false|plann|"
                          r"prepar)", re.I)
_ASSAULTS = frozenset({"assault", "offensive", "invasion", "incursion", "aggression"})
# movements of ships, planes and troops: done "in a provocation", they provoke and stage nothing
_MANOEUVRES = frozenset({"enter", "sail", "cross", "fly", "violate", "approach", "intrude", "breach", "deploy",
                         "patrol", "overfly", "manoeuvre", "maneuver", "move", "dock", "land"})
# provocation cues that qualify the provocation only before it ("another provocation")
_BEFORE_ONLY_CUES = frozenset({"new", "another", "possible"})
_HOSTILE_ACTS = frozenset({"aggression", "violation", "escalation", "crime", "act", "breach", "affront", "insult"})


def called_object(tok: Any) -> Any | None:
    """What ``tok`` ("a provocation") is said to be the name of: "branded the street protests a provocation",
    "described the rally as a provocation", "the decision was called a provocation"."""
    caller = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    if caller.lemma_.lower() not in _CALLING or tok.dep_ not in {"oprd", "attr", "dobj", "pobj"}:
        return None
    named = next((c for c in caller.children if c.dep_ in {"nsubjpass", "dobj", "obj"} and c.i != tok.i), None)
    if named is None and caller.dep_ == "relcl":
        return caller.head  # "an allegation (that) the minister called a provocation": the allegation
    return resolve_relative(named) if named is not None else None  # "the protests, which X branded a ..."


def _political(tok: Any, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.political_nouns | {"protester", "demonstrator"}


def _politics_or_claim(tok: Any, lex: Lexicon) -> bool:
    """What a "provocation" or a "staged show" is said of, when that is no event: politics ("the protests",
    "the referendum") or a claim ("an allegation"; not "the reports of casualties", which name a harm)."""
    return _political(tok, lex) or (tok.lemma_.lower() in lex.claim_nouns and _story_about(tok, lex, strict=False) is None)


def conflict_context(sent: Any, lex: Lexicon) -> bool:
    """Does the sentence name a side of a conflict (a nationality, an armed or state actor, a usual stager, a
    capital or country) and stay clear of fiction, games, sport, drills and business?"""
    if lex.conflict_exclusions.search(sent.text):
        return False
    return names_side(sent, lex) or any(t.ent_type_ == "NORP" for t in sent) \
        or bool(lex.noncombatant_stagers.search(sent.text.lower()))


def names_side(tokens: Any, lex: Lexicon) -> bool:
    """Is one of the words a side of a conflict: a nationality or a word of ``conflict_sides`` ("forces",
    "militants", "Moscow", "Douma")?"""
    return any(t.lower_ in lex.demonyms or t.lower_ in lex.conflict_sides or t.lemma_.lower() in lex.conflict_sides
               for t in tokens)


def find_trigger(sent: Any, lex: Lexicon, title: bool = False) -> tuple[Any, Any | None] | None:
    """(trigger token, event noun) of the first staging expression in the sentence, or None.
    ``title``: the text is one line (a claim title), where "the provocation in X" is not anaphoric."""
    if any(p.search(sent.text) for p in lex.staging_exclusions):
        return None  # "a death hoax", "hoax calls", "fake news": no staged event
    found = _find_trigger(sent, lex, lex.staging_patterns, tokens=True, title=title) \
        or (_find_trigger(sent, lex, lex.context_staging_patterns, tokens=False, title=title)
            if conflict_context(sent, lex) else None) \
        or _find_trigger(sent, lex, lex.pretext_patterns, tokens=False, title=title)
    if found is not None and _word_talk(found[0]):
        return None  # "the 'provocation' label is used to shift blame": talk about the word
    if found is not None and _narrative_about(found[0]):
        return None  # "a recurring narrative about Western-backed false flag operations": a fact-check's comment
    if found is not None and _restated(found[0]):
        return None  # "The staged incident would then be used by Washington as a pretext": an earlier frame's sequel
    return found


def _restated(tok: Any) -> bool:
    """"The staged incident would then be used as a pretext for strikes": a definite staged event, with nothing
    named of it, as the subject of what is then done with it (the staging was stated before)."""
    noun = tok.head if tok.dep_ == "amod" else tok
    verb = noun.head
    return noun.dep_ in {"nsubj", "nsubjpass"} and verb.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children) \
        and not any(c.dep_ in {"prep", "compound", "nmod", "poss", "acl", "relcl"} for c in noun.children) \
        and any(c.dep_ == "advmod" and c.lower_ in {"then", "later", "subsequently"} for c in verb.children)


# happenings that are "staged" only in the sense of faked, never carried out like an assault or a protest
_STAGED_ONLY_AS_FAKE = frozenset({"blackout", "outage", "accident", "crash", "derailment", "sinking", "disaster",
                                  "catastrophe", "incident"})


def _faked_only(event: Any) -> bool:
    """"stage a blackout": staged only as faked (not "staged a simulated derailment": an exercise)."""
    return event.lemma_.lower() in _STAGED_ONLY_AS_FAKE and not any(
        c.dep_ in {"amod", "compound"} and c.lower_ in {"simulated", "mock", "practice", "training"}
        for c in event.children)


# nouns that make a staging word before them the word itself, not a claim ("the 'provocation' label")
_WORD_NOUNS = frozenset({"label", "labels", "term", "terms", "word", "words", "tag", "tags", "buzzword", "trope",
                         "tropes"})


_NARRATIVES = frozenset({"narrative", "narratives", "theory", "theories", "myth", "myths", "trope", "tropes", "meme",
                         "memes"})
_NARRATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_NARRATIVES)) + r")\s+(?:about|of)\s+(?:[\w’'-]+\s+){0,3}$",
                               re.I)


def _narrative_about(tok: Any) -> bool:
    """Is the staging word inside "a narrative / theory / myth about (or of) ..."?"""
    before = tok.doc.text[tok.sent.start_char:tok.idx]
    if _NARRATIVE_BEFORE.search(before):  # the words, whatever the parse ("narrative about staged attacks")
        return True
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "pobj" and anc.head.lower_ in {"about", "of"} and anc.head.head.lower_ in _NARRATIVES:
            return True
        if anc.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _word_talk(tok: Any) -> bool:
    head = tok.head if tok.dep_ in {"amod", "compound"} else tok
    return head.dep_ in {"compound", "nmod", "amod"} and head.head.lower_ in _WORD_NOUNS


# who practises in a drill ("chemical defence units practised ...")
_DRILLING = frozenset({"unit", "troop", "soldier", "force", "crew", "serviceman", "rescuer", "firefighter", "team",
                       "brigade", "battalion", "regiment", "personnel", "cadet", "reservist", "staff", "service"})


# what troops or rescuers rehearse in a drill ("rehearse the response to a simulated attack")
_DRILLED = frozenset({"response", "reaction", "evacuation", "rescue", "defence", "defense", "procedure", "procedures"})

# "a hoax carefully prepared with the help of ...": a staging noun whose verb says it was made
PREPARED_VERBS = frozenset({"prepare", "plan", "organise", "organize", "arrange", "orchestrate", "stage", "mount",
                             "direct", "script", "engineer"})


def _drill_named(sent: Any, lex: Lexicon) -> bool:
    """A drill named after what it simulates: "... as part of an annual exercise" (not "to justify their war
    drills", nor "who had trained during NATO exercises"), or "troops rehearse response to ..."."""
    doc = sent.doc
    for t in sent:
        if t.lower_ == "part" and t.i > sent.start and doc[t.i - 1].lower_ == "as" and t.i + 1 < sent.end \
                and doc[t.i + 1].lower_ == "of" \
                and any(x.lower_ in lex.simulation_subjects for x in doc[t.i + 2:min(sent.end, t.i + 6)]):
            return True
        if _rehearses_drill(t):
            return True
        if t.pos_ == "VERB" and t.lemma_.lower() in {"practice", "practise", "drill"} and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _DRILLING for c in t.children) and not _purpose_cue(sent, lex):
            return True  # "units practised decontaminating vehicles after a simulated chemical attack"
    return False


def _rehearses_drill(tok: Any) -> bool:
    """"rehearse (the) response / evacuation": the rehearsal of a drill, not of a staged event."""
    return tok.lemma_.lower() == "rehearse" and any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _DRILLED
                                                    for c in tok.children)


def _find_trigger(sent: Any, lex: Lexicon, patterns: Sequence[re.Pattern[str]],
                  tokens: bool, title: bool) -> tuple[Any, Any | None] | None:
    low = sent.text.lower()
    for pat in patterns:
        m = pat.search(low)
        if m:
            at = m.span("head") if "head" in pat.groupindex and m.group("head") else m.span()
            tok = sent.char_span(at[0], at[1], alignment_mode="expand")
            if tok is not None:
                head = tok[-1]
                if head.dep_ == "prt":
                    head = head.head  # "laid out", "brought in": the verb
                if head.dep_ in {"compound", "amod"} and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i > head.i:
                    head = head.head
                subj = next((c for c in [*head.children, *head.head.children] if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and subj.lemma_.lower() in lex.claim_nouns and not lex.incident_re.search(subj.text):
                    continue  # "the British version of the case was made up": a claim
                if subj is not None and head.lemma_.lower() in _SHOWS | _THEATRE | {"charade", "sham"} \
                        and _politics_or_claim(subj, lex):
                    continue  # "the elections were a staged show organised by the ruling party", "the referendum
                    # was a farce staged by the president": politics
                if subj is not None and subj.i != head.i and head.lemma_.lower() in _SHOWS | {"play"} \
                        and subj.lemma_.lower() in _PERFORMANCES | _SCREENED | _APPEARANCES \
                        and not (subj.lower_ == "episode" and _purpose_cue(sent, lex)):
                    continue  # "the film is a production of the BBC", "his speech was a performance for the cameras"
                    # (but "the episode was a show prepared by X who needed a pretext": an incident)
                if m.group(0).startswith("made") and not any(
                        t.lemma_.lower() in lex.event_nouns and t.pos_ in {"NOUN", "PROPN"} for t in sent):
                    continue  # "This was, in my opinion, made up": a claim called invented, no event
                if head.lemma_.lower() in {"act", "play-act"} and any(c.dep_ in {"dobj", "obj"} for c in head.children) \
                        and not _stager_subject(head, lex):
                    continue  # "protesters acted out the poisoning of X outside the embassy": street theatre
                if not _negated(head, lex):
                    return head, head if head.pos_ in {"NOUN", "PROPN"} else _event_of(head)
    for tok in sent if tokens else ():
        form, lemma = tok.lower_, tok.lemma_.lower()
        prev = sent.doc[tok.i - 1] if tok.i > sent.start else None
        if tok.text[:1].isupper() and (tok.i > sent.start or tok.ent_type_) \
                and (tok.text.lower() != "fake" or _in_name(tok, lex)) \
                and (_in_name(tok, lex) or tok.lower_ == "sham" or prev is None
                     or not (prev.text == ":" or prev.lower_ in lex.demonyms or prev.lower_ in {"a", "an", "the"})):
            continue  # "Tahrir al-Sham": a name; "an American Provocation", "X: Provocation by Y" are staging words
        nxt = sent.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if form in {"set", "up"}:
            found = _set_up(tok, sent, lex)
            if found is not None:
                return found
            continue
        if form == "staging" and nxt in {"ground", "grounds", "post", "posts", "area", "point", "base"}:
            continue
        if (form in lex.staging_nouns or lemma in lex.staging_nouns) and (tok.pos_ in {"NOUN", "PROPN"} or (
                tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr"} and form not in {"fake", "false", "staged"}
                and any(c.lower_ in {"a", "an", "another"} for c in sent.doc[max(sent.start, tok.i - 3):tok.i])
                and (_blames_a_side(tok, lex) or any(
                    c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" and names_side(g.subtree, lex)
                                                                  for g in c.children) for c in tok.children)))):
            # ("the poisoning was yet another hoax by London to blame Moscow": a noun the tagger calls an adjective;
            # not "another hoax by a local prankster")
            if form.startswith("provocation") or lemma == "provocation":
                if _provocation_ok(tok, sent, lex, title) and not _negated(tok, lex):
                    return tok, tok
                continue
            said_of = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if tok.dep_ == "attr" else None
            if (of := next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)) is not None \
                    and any(g.dep_ == "pobj" and g.lemma_.lower() in lex.claim_nouns for g in of.children) \
                    and not (said_of is not None and _eventish(said_of, lex)):
                continue  # "this fabrication of lies": claims (not "the massacre is a fabrication of propaganda")
            if any(c.lemma_.lower() in lex.claim_nouns or c.lower_ in lex.claim_nouns for c in tok.conjuncts):
                continue  # "hoaxes, rumors and conspiracy theories about the shooting": claims listed together
            if form in {"fake", "fakes"} and any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
                continue  # "fakes about Russia": fake news
            if form in {"fake", "fakes"} and tok.dep_ not in {"amod", "attr", "acomp", "ROOT"} \
                    and not _eventish(tok, lex) and not _media_context(sent, lex) \
                    and not (tok.head.pos_ in {"NOUN", "PROPN"} and _is_event(tok.head, lex)):
                continue  # "the source of the fake", "slip in some fakes": forged claims or documents
            if tok.head.lemma_.lower() in _CALLING \
                    and any(t.lemma_.lower() in lex.claim_nouns or t.lower_ in lex.claim_nouns
                            for t in sent.doc[tok.head.i + 1:tok.i]):
                continue  # "calls claims 'fabrications'" (parsed with "claims'" as a possessive): a denial
            if tok.head.lemma_.lower() in _CALLING and any(
                    c.dep_ in {"dobj", "obj", "dative"} and c.lower_ in {"them", "it", "these", "those"} for c in tok.head.children) \
                    and any(t.lemma_.lower() in lex.claim_nouns for t in sent.doc[sent.start:tok.head.i]):
                continue  # "rejected Western allegations that ..., calling them fabrications": the claims
            if tok.dep_ in {"npadvmod", "appos", "dobj", "oprd"} and any(
                    t.lemma_.lower() in _CALLING and any(c.dep_ in {"dobj", "obj", "oprd"}
                                                         and c.lemma_.lower() in lex.claim_nouns
                                                         for c in t.children) for t in sent.doc[sent.start:tok.i]):
                continue  # "called reports ... about an alleged evacuation of diplomats a fake" (the parser hanging
                # "a fake" from the evacuation): the reports are called fake
            if tok.dep_ in {"attr", "oprd", "acomp"} and _clause_subject_is_claim(tok, lex):
                continue  # "the report was revealed to be a hoax": a claim, not an event
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.reporting_lemmas:
                continue  # "a similar hoax falsely reported a leak": a false report, not a staged event
            if form in {"fake", "fakes"} and tok.dep_ == "amod":
                pass  # adjective "fake": handled below
            elif form.startswith("simulation") and not _strong_context(sent, lex):
                continue  # "the WEF conducted a simulation of cyber attacks": an exercise
            elif not _negated(tok, lex):
                subj = _event_of(tok)
                if subj is None and tok.dep_ in {"attr", "acomp"}:
                    subj = next((c for c in tok.head.children if c.dep_ == "csubj"), None)
                if tok.dep_ == "oprd":  # "calling the referendum a sham": the thing called a sham
                    subj = next((c for c in tok.head.children if c.dep_ in {"dobj", "obj"}), subj)
                if subj is not None and subj.lemma_.lower() in lex.political_nouns:
                    continue  # "the referendum is a sham": politics, not a staged event
                if tok.dep_ in {"attr", "acomp"} and subj is not None and subj.dep_ != "expl" \
                        and not _eventish(subj, lex) and not lex.incident_re.fullmatch(" ".join(t.text for t in subj.subtree)) \
                        and not (subj.dep_ == "csubj" and lex.incident_name_re.search(" ".join(t.text for t in subj.subtree))) \
                        and not (subj.lower_ in _WEAK_EVENTS and _strong_context(sent, lex)) \
                        and not (form in {"staging", "simulation", "imitation", "fabrication"} and any(
                            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _is_event(g, lex)
                                                                          for g in c.children)
                            for c in tok.children)):
                    continue  # "Russiagate is a hoax": a claim about a story, not a staged event (but "their task
                    # is the staging of a chemical attack" names the staged event, and "what the world has been shown
                    # in Bucha is a fabrication" a named incident)
                prepared = tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in PREPARED_VERBS
                if tok.dep_ not in {"attr", "acomp", "ROOT", "appos"} and not prepared and not _strong_context(sent, lex) \
                        and not _eventish(tok, lex) and not (tok.head.pos_ in {"NOUN", "PROPN"}
                                                             and _is_event(tok.head, lex)):
                    continue  # "the problem with this latest fabrication": no staged event named
                return tok, subj
        if form in lex.staging_lemmas or lemma in lex.staging_lemmas or _stem(form) in lex.staging_lemmas:
            if tok.pos_ in {"NOUN", "PROPN"} and form not in lex.staging_nouns and not verb_parsed_as_noun(tok, lex):
                continue  # "the next stage of the deal"
            if lemma == "mock" and tok.pos_ == "VERB":
                continue  # "mocking him on their show": ridicule; only "a mock attack" is a fake
            simulating = lemma in {"simulate", "rehearse", "mock"} or _stem(form) in {"simulate", "rehearse"}
            ambiguous = _stem(form) in lex.ambiguous_lemmas or lemma in lex.ambiguous_lemmas
            # a drill named before the staging word, or after it ("staged a mock attack ... as part of an annual
            # exercise", "troops rehearse response to simulated chemical attack"); only where a branch reads it
            drill_before = (simulating or ambiguous) and (
                any(t.lower_ in lex.simulation_subjects and not (t.pos_ == "VERB" and t.lower_ in {"film", "films", "model"})
                    and not (t.dep_ == "nsubj" and t.head.lemma_.lower() in lex.reporting_lemmas)
                    for t in sent.doc[sent.start:tok.i]) or _drill_named(sent, lex))
            # (not "The programme suggests that ...": a broadcast that reports it)
            if simulating:
                if _rehearses_drill(tok):
                    continue  # "rehearse response to ...": the drill itself
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                subj = _antecedent(subj) if subj is not None else None
                if (subj is not None and subj.lemma_.lower() in lex.simulation_subjects) or \
                        ((subj is None or subj.lower_ in {"that", "which"}) and drill_before):
                    continue  # "an exercise that simulated the same kind of attack": a drill
                if lemma != "mock" and not _strong_context(sent, lex) \
                        and not lex.implicit_stagers.search(sent.text.lower()) and not _simulated_as_other_side(tok, lex):
                    continue  # "Russia even simulated an attack on the island": a military exercise
                if (lemma == "simulate" or _stem(form) == "simulate") and _trial(sent, lex) \
                        and not _purpose_cue(sent, lex) and not _strong_context(sent, lex):
                    continue  # "used loudspeakers to simulate shelling by Russian artillery during a civil defence test"
                if _DURING_DRILLS.search(sent.text) and not _purpose_cue(sent, lex) \
                        and not lex.implicit_stagers.search(sent.text.lower()):
                    continue  # "US troops in Latvia simulate a chemical attack during NATO drills"
            if ambiguous and drill_before \
                    and (not _strong_context(sent, lex) or any(t.lower_ in {"mock", "simulated"} for t in sent)):
                continue  # "the scenario of the drills envisions the staged landing of ...": an exercise
            if ambiguous and tok.i > sent.start and sent.doc[tok.i - 1].text in {"-", "–"}:
                continue  # "a Daesh-orchestrated car bombing": carried out by
            event = _event_of(tok)
            infinitive = tok.dep_ == "amod" and tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "to" \
                and not form.endswith(("ed", "ing")) and event is not None and event.i == tok.head.i
            if event is None or not _is_event(event, lex):
                window = _right_window_event(tok, lex)
                event = window if window is not None else (event if event is not None and _is_event(event, lex) else None)
            if event is None:  # "to simulate shelling by X" with "shelling" parsed as a verb
                event = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"
                              and c.lower_ in lex.event_nouns), None)
            if event is not None and event.lemma_.lower() in _RELEASES and not _armed_stager(tok, lex):
                continue  # "a teenager faked a chlorine leak", "engineers simulated a chlorine leak to test ..."
            staging = lemma in {"stage", "stag"} or _stem(form) == "stage"
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None) if staging else None
            blamed_after = obj is not None and _TO_BLAME.match(sent.doc[obj.i + 1:sent.end].text) is not None
            if obj is not None and obj.lemma_.lower() in _PERFORMANCES and not blamed_after:
                continue  # "the theatre staged a play about the massacre": a performance, not a staged event
                # (but "staged this theatre to blame the state" is the staging claim)
            if ambiguous and tok.pos_ == "VERB" and any(c.dep_ in {"dobj", "obj"} and c.lower_ in lex.simulation_subjects
                                                        for c in tok.children):
                continue  # "the army staged an exercise simulating an invasion": a drill it held
            if event is None and staging and tok.pos_ == "VERB":
                if obj is not None and obj.lemma_.lower() in _STAGED_GATHERINGS and not _negated(tok, lex):
                    return tok, obj  # "CNN staged the group of Muslims condemning ...": people placed for the camera
                if blamed_after and (obj.lower_ in {"it", "this", "that"} or obj.lemma_.lower() in _PERFORMANCES | _THEATRE) \
                        and not _negated(tok, lex):
                    return tok, obj  # "the rebels had staged it to pin the blame on Damascus", "staged this theatre
                    # to blame the Syrian state": the staging claim
            said = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if tok.pos_ == "VERB" and any(c.lemma_.lower() in lex.claim_nouns and not lex.incident_re.search(
                    " ".join(t.text for t in c.subtree)) and not any(
                    t.pos_ == "NOUN" and t.lemma_.lower() in lex.event_nouns for t in c.subtree) for c in said):
                continue  # "reports about mercenaries are fabricated by X to discredit Y": claims, no event
                # (but "reports of a chemical attack were fabricated": the attack is called fake)
            if event is None:
                subj = said[0] if said else None
                if subj is not None and subj.lemma_.lower() in _PERFORMANCES:
                    continue  # "a play about the poisoning was staged in London": a performance
                if form == "staged" and tok.dep_ == "acl" and tok.head.lemma_.lower() in _THEATRE \
                        and _FOR_CAMERAS.search(sent.text) and conflict_context(sent, lex) and not _negated(tok, lex) \
                        and (lex.event_cue_re.search(sent.text.lower()) or lex.incident_re.search(sent.text)):
                    return tok, tok.head  # "Bucha: a bloody theatre staged by Ukrainian special services for Western
                    # cameras" (not a theatre company's play, nor "the summit was a farce staged for the cameras": no
                    # harm named)
                if form in {"staged", "faked", "fabricated", "fake", "simulated", "orchestrated", "falsified", "invented",
                            "concocted"} \
                        and tok.dep_ in {"ROOT", "acomp", "ccomp", "conj", "xcomp", "attr", "acl", "advcl"} \
                        and not _negated(tok, lex) and (_subject_is_event(tok, lex) or (
                            _passive_by_actor(tok, lex) and form not in {"invented", "concocted"})):
                    return tok, _event_of(tok)  # (an invented name or product is no event: "invented" needs one)
                told = _story_about(subj, lex, strict=False) if subj is not None and subj.lemma_.lower() in lex.claim_nouns \
                    else None
                if told is not None and form in {"invented", "fabricated", "faked", "staged", "concocted", "falsified"} \
                        and _blames_a_side(tok, lex) and not _negated(tok, lex):
                    return tok, told  # "reports of mass executions were invented by X to blame the Syrian army": the
                    # executions are called invented so that a side is blamed (not "reports about mercenaries are
                    # fabricated by X to discredit Y", which name no harm)
                assault = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}
                                and c.lemma_.lower() in _ASSAULTS | {"attack"}), None)
                if assault is not None and (lemma in {"stage", "stag", "imitate", "simulate", "fake"}
                                            or _stem(form) in {"stage", "imitate", "simulate"}) \
                        and _other_side_by(assault, tok, lex) and not _trial(sent, lex) and not _negated(tok, lex):
                    return tok, assault  # "preparing to stage an incursion by Russian troops from Transnistria" (not
                    # "the army staged an offensive by three brigades": its own)
                if form in {"staged", "faked"} and tok.dep_ == "amod" and tok.head.lemma_.lower() == "episode" \
                        and tok.head.head.lemma_.lower() in _MEDIA_MAKERS | {"prepare"} and conflict_context(sent, lex) \
                        and not _trial(sent, lex) and not _negated(tok, lex) \
                        and not re.search(r"\b(?:documentar|actors?\b|drama|reconstruction|re-?creat)", sent.text, re.I):
                    return tok, tok.head  # "the staged episodes were filmed in the city of Jisr al-Shughur" (not a
                    # television series' episodes: no film, drama or series words)
                continue
            if ambiguous \
                    and (event.lemma_.lower() in lex.perpetration_nouns or event.lower_ in lex.perpetration_nouns) \
                    and not _strong_context(sent, lex) and not _strong_object(event, lex, title) \
                    and not (tok.tag_ == "VB" and _purpose_cue(sent, lex)) and not _pretext_after(tok) \
                    and not _noncombatant_subject(tok, lex) \
                    and event.dep_ in {"dobj", "obj"} and event.head.i == tok.i:
                continue  # "who staged an attack": carried it out (not "will stage an attack to justify ...")
            if ambiguous \
                    and not (form == "staged" and tok.dep_ == "amod" and event.lower_ in {"event", "events"}) \
                    and not (form == "staged" and tok.dep_ == "amod" and event.lower_ in {"operation", "operations"}
                             and any(c.dep_ == "compound" and c.lower_ in {"rescue", "evacuation"}
                                     for c in event.children)) \
                    and event.lower_ in {"event", "events", "everything", "operation", "operations", "case", "affair",
                                         "story"} and not _strong_context(sent, lex) \
                    and (tok.dep_ == "amod" or event.dep_ in {"dobj", "obj"}):
                continue
            if (lemma == "script" or form.startswith("script")) and not _strong_context(sent, lex) \
                    and (event.lemma_.lower() in lex.media_nouns | _SHOWS or event.lower_ in lex.media_nouns | _SHOWS):
                continue  # "scripted a new comedy show": television, not a staged event
            if event.lower_ in _WEAK_EVENTS or event.lemma_.lower() in _WEAK_EVENTS:
                told = _story_about(event, lex)
                if told is not None:
                    event = told  # "Germany's invented story about Navalny poisoning": the poisoning is called fake
                elif (lemma == "invent" or not _strong_context(sent, lex)) \
                        and not (ambiguous and event.dep_ in {"nsubjpass", "nsubj"} and _pretext_after(tok)) \
                        and not (lemma in {"stage", "stag", "orchestrate"} and _whole_story(event, lex)):
                    continue  # "her case is fabricated", "an invented story about a war hero": no staged event
                    # (but "the whole story was staged ... in order to justify the sanctions" is the claim)
            if ambiguous \
                    and ((event.dep_ in {"dobj", "obj"} and event.head.i == tok.i) or infinitive) \
                    and not _strong_object(event, lex, title) \
                    and not (form.endswith("ed") and event.i == tok.i + 1) \
                    and not _purpose_cue(sent, lex) and not _pretext_after(tok) \
                    and not _noncombatant_subject(tok, lex) and not _faked_only(event) \
                    and not (tok.tag_ == "VB" and _toxic_stager_before(tok, lex)):
                continue  # "who staged the attack": carried it out (not "stage a blackout": nobody carries one out,
                # nor "militants brought chlorine to the village, where they intend to stage the attack")
            if (_stem(form) in lex.ambiguous_lemmas) and event.lower_ in {"assault", "offensive", "counterattack",
                                                                       "counter-attack", "demonstration",
                                                                       "protest", "protests", "comeback"} \
                    and not any(t.text in _QUOTES for t in sent.doc[tok.i + 1:event.i]) \
                    and not (_other_side_by(event, tok, lex) and not _trial(sent, lex)):
                continue  # (but a staged “Russian offensive”: the scare quotes say it is not what it seems; and
                # "to stage an incursion by Russian troops": put on another side)
            if event.lemma_.lower() in lex.media_nouns and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _PORTRAYED
                                                                  for g in c.children) for c in event.children):
                continue  # "pictures of the suspects are fabricated": evidence about people, no staged event
            if any(c.lemma_.lower() in lex.claim_nouns for c in event.conjuncts) \
                    and (event.lemma_.lower() in lex.media_nouns or event.i == tok.i):
                continue  # "fabricated photos and documents", "built on fakes and insinuations": evidence, claims
            if event.lemma_.lower() in lex.media_nouns and tok.dep_ in {"acomp", "attr", "ROOT", "ccomp", "conj"} \
                    and not (lemma in {"stage", "stag"} and _passive_by_actor(tok, lex)) \
                    and not _media_context(sent, lex, skip=lex.media_nouns) \
                    and not (lemma in {"stage", "stag"} and _TO_DISCREDIT.search(sent.doc[tok.i:sent.end].text)
                             and conflict_context(sent, lex)):
                continue  # "the image is fake": a doctored picture, no staged event in sight (but "the video had
                # been staged ... to show the Belarusian military in a bad light")
            if event.lemma_.lower() in lex.media_nouns and tok.dep_ == "amod" and tok.head.i == event.i \
                    and not _media_context(sent, lex, skip=lex.media_nouns) and not _MEDIA_USED.search(sent.text) \
                    and not (event.dep_ in {"dobj", "obj"} and event.head.lemma_.lower() in _MEDIA_MAKERS):
                continue  # "posed for a fake photograph": a doctored picture, no event and no one to blame (not
                # "used a fake video to show the missile came from Russia")
            if _negated(tok, lex):
                continue
            called = called_object(event) if event.lower_.startswith("provocation") else None
            if called is not None and _politics_or_claim(called, lex):
                continue  # "branded the protests a provocation orchestrated from abroad"
            if event.lemma_.lower() in _SHOWS | lex.staging_nouns and event.dep_ == "attr":
                subj = next((c for c in event.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and _politics_or_claim(subj, lex):
                    continue  # "Moldova's EU referendum was a staged show" (not "the reports of casualties were")
            return tok, event
    return None


def _set_up(tok: Any, sent: Any, lex: Lexicon) -> tuple[Any, Any | None] | None:
    """"X set up the crash / the violence at the rally" (an event, not "set up a hotline / a regime"), "the
    attack was set up by X", "the shooting was a set-up" (tokens "set - up")."""
    doc = tok.doc
    noun_setup = tok.lower_ == "set" and tok.dep_ in {"attr", "acomp"} \
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) \
        and any(t.lower_ in {"a", "an"} for t in doc[max(sent.start, tok.i - 2):tok.i])  # "was a “set up”"
    if tok.lower_ == "up" and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "as"} and tok.i - sent.start >= 2 \
            and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "set" \
            and any(t.lemma_.lower() in lex.blame_lemmas for t in tok.subtree if t.i > tok.i) \
            and tok.head.head.pos_ == "VERB" and tok.head.head.lemma_.lower() in HARM_VERBS and not _negated(tok, lex):
        return tok, tok.head.head  # "was downed by X in a set-up meant to put the blame on Y"
    if tok.lower_ == "up" or noun_setup:  # the noun "set-up" split in three tokens, called what an event was
        if not noun_setup and not (tok.i - sent.start >= 2 and doc[tok.i - 1].text == "-"
                                   and doc[tok.i - 2].lower_ == "set"
                                   and (tok.dep_ in {"attr", "acomp", "oprd"} or headline_appos(tok))):
            return None
        subj = tok.head if headline_appos(tok) else \
            next((c for c in tok.head.children  # "calling the whole affair a set-up": the affair
                  if c.dep_ in ({"dobj", "obj"} if tok.dep_ == "oprd" else {"nsubj", "nsubjpass"})), None)
        if subj is not None and subj.lower_ in {"it", "this"}:  # "... carried out the massacre and that it was a
            before = doc[sent.start:subj.i]                     # set-up": the event named before the pronoun
            if not any(t.lemma_.lower() in lex.event_nouns and t.pos_ == "NOUN" for t in before):
                return None
        elif subj is None or not (_eventish(subj, lex) or lex.incident_re.search(" ".join(t.text for t in subj.subtree))
                                  or (subj.lemma_.lower() in _SET_UP_FIRES and conflict_context(sent, lex))):
            return None  # (a fire called a set-up only in a conflict: "the fire had been a set-up by Guaido's camp",
            # not "the restaurant blaze was a set-up by its owner")
        elif tok.dep_ == "oprd" and subj.lemma_.lower() not in _SET_UP_HARMS | _SET_UP_FIRES \
                and not lex.incident_re.search(" ".join(t.text for t in subj.subtree)):
            return None  # "called his arrest a set-up by the military": an arrest, no staged harm
        return (tok, subj) if not _negated(tok, lex) else None
    if tok.pos_ != "VERB" or not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    if obj is not None and obj.dep_ == "nsubjpass" and (obj.lemma_.lower() in _SET_UP_BY_SOMEONE
                                                       or (_whole_story(obj, lex) and conflict_context(sent, lex))) \
            and _passive_by_actor(tok, lex) and not _negated(tok, lex):
        return tok, obj  # "the whole scene had been set up by the nationalists": a scene arranged for the cameras
        # ("the whole story had been set up by Western special services": the events it tells of)
    if obj is not None and obj.dep_ in {"dobj", "obj"} and obj.lemma_.lower() in _SET_UP_BY_SOMEONE \
            and _side_named(tok, lex) and any(c.dep_ in {"advcl", "xcomp"} and any(g.lower_ == "to" for g in c.children)
                                              and (c.lemma_.lower() in lex.blame_lemmas | {"discredit"}
                                                   or (c.lemma_.lower() == "stir" and _ANTI_FEELING.search(c.sent.text)))
                                              for c in tok.children) and not _negated(tok, lex):
        return tok, obj  # "Ukrainian nationalists had set up the whole scene to stir up anti-Russian feeling"
    scene = tok.head if tok.dep_ == "acl" else obj if obj is not None and obj.dep_ == "nsubjpass" else None
    if scene is not None and scene.lemma_.lower() in _SET_UP_BY_SOMEONE and _blames_a_side(tok, lex) \
            and not _negated(tok, lex):
        return tok, scene  # "a scene set up to pin the attack on Damascus", "the scene was set up to blame Russian
        # soldiers": arranged so that a side is blamed (not "a crime scene set up to frame the butler": fiction)
    if obj is None or obj.lemma_.lower() in _SETUP_NOT_EVENTS or not _is_event(obj, lex) \
            or obj.lemma_.lower() in lex.political_nouns:
        return None
    return (tok, obj) if not _negated(tok, lex) else None


_ANTI_FEELING = re.compile(r"\banti-[a-z]+ (?:feeling|feelings|sentiment|sentiments|hysteria|mood|moods|hatred)\b", re.I)


def _side_named(verb: Any, lex: Lexicon) -> bool:
    """Is the verb's subject a side ("Ukrainian nationalists", "the rebels"), not a director, farmers or the media?"""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and names_side(subj.subtree, lex)


def _blames_a_side(verb: Any, lex: Lexicon, also: frozenset[str] = frozenset()) -> bool:
    """Does a purpose "to blame / pin ... on / frame" (or one of ``also``) hang from the verb or noun (directly or
    over "in order": "provocations to discredit Belarus"), and name a side ("Damascus", "Russian soldiers", "the
    government army"), not a person in a story ("the butler") nor a thing ("to discredit the talks")?"""
    for c in verb.children:
        purpose = c
        if c.dep_ == "prep" and c.lower_ == "in":  # "in order to blame"
            order = next((g for g in c.children if g.lower_ == "order"), None)
            purpose = next((g for g in order.children if g.dep_ == "acl"), None) if order is not None else None
        elif c.dep_ not in {"advcl", "xcomp", "acl"} \
                and not (c.dep_ == "relcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
            continue  # (an infinitive may be parsed as a relative clause: "needed this provocation to set up Russia")
        if purpose is None or purpose.lemma_.lower() not in lex.blame_lemmas | also:
            continue
        obj = next((g for g in purpose.children if g.dep_ in {"dobj", "obj"}), None)
        if purpose.lemma_.lower() in {"pin", "blame"}:
            obj = _pobj(purpose, "on") or (_pobj(obj, "on") if obj is not None else None) or obj
        if obj is not None and _actor_like(obj, lex) and obj.pos_ != "PRON":
            return True
    return False


# what an event called "a set-up" must be for a staging claim ("called the whole affair a set-up against Russia")
_SET_UP_HARMS = frozenset({"affair", "incident", "attack", "poisoning", "strike", "shooting", "bombing", "explosion",
                           "killing", "murder", "massacre", "crash", "downing", "case", "tragedy", "episode"})
_SET_UP_FIRES = frozenset({"fire", "blaze", "burning", "arson"})


# verbs of harm: an event done "in a set-up" or "as a provocation" ("the airliner was downed in a set-up meant to
# ..."), and what a site as a passive subject suffered ("the dam was blown up")
HARM_VERBS = frozenset({"down", "shoot", "kill", "bomb", "bombard", "attack", "shell", "poison", "blow", "destroy",
                        "murder", "strike", "hit", "explode", "detonate", "gas", "massacre", "assassinate", "burn",
                        "sink", "damage", "torch", "sabotage", "target", "flood", "mine"})

# ... but these, "set up by" an actor, are scenes or pictures arranged ("the footage was set up by X").
_SET_UP_BY_SOMEONE = {"scene", "everything", "video", "footage", "image", "photo", "picture", "photograph",
                      "spectacle"}
# Event nouns one "sets up" in the ordinary sense (an operation, a rescue, a film, a case).
_SETUP_NOT_EVENTS = {"operation", "event", "case", "affair", "story", "use", "show", "production", "performance",
                     "film", "recording", "evacuation", "rescue", "arrest", "detention", "clip", "video", "footage",
                     "image", "photo", "picture", "photograph", "foto", "scene", "spectacle", "everything", "flag",
                     "catastrophe", "disaster", "tragedy"}  # "an attempt to set up a geopolitical catastrophe"


_HARMED = re.compile(r"\b(?:bodies|corpses|casualties|wounded|injured|dead)\b")


def _media_context(sent: Any, lex: Lexicon, skip: frozenset[str] = frozenset()) -> bool:
    """Does the sentence name a staged event (an event noun other than ``skip``), a chemical or poisoning
    event or a usual stager ("the White Helmets")? The staging word itself does not count."""
    low = sent.text.lower()
    if lex.event_cue_re.search(low) or lex.implicit_stagers.search(low) or _HARMED.search(low):
        return True  # chemical, poisoning, massacre ("dead bodies"), civilian words; "images of bodies"
    return any(t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in lex.event_nouns - skip
               and t.lemma_.lower() not in lex.staging_nouns for t in sent)


def _clause_subject_is_claim(tok: Any, lex: Lexicon) -> bool:
    """Is the subject of the clause that calls something a hoax a claim ("the report ... to be a hoax")?"""
    head = tok.head
    for _ in range(3):
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj.lemma_.lower() in lex.claim_nouns and not lex.incident_re.search(subj.text)
        if head.dep_ not in {"xcomp", "ccomp", "auxpass"} or head.head is head:
            return False
        head = head.head
    return False


def implicit_trigger(sent: Any, lex: Lexicon) -> tuple[Any, Any | None] | None:
    """"The White Helmets prepare a chemical attack": the narrative's pre-emptive claim without a staging word."""
    m = lex.implicit_pattern.search(sent.text)
    if m is None:
        m = lex.implicit_use_pattern.search(sent.text)
        if m is not None and not _purpose_cue(sent, lex):
            m = None  # "X are preparing to use chemical weapons" counts only with "... and blame Y"
    if m is None:
        m = lex.implicit_purpose_pattern.search(sent.text)  # "launching the chemical attacks to provoke ..."
    if m is None or not lex.implicit_stagers.search(sent.text[:m.start()]):
        return None
    span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or _negated(span[0], lex):
        return None
    event = next((t for t in reversed(span) if t.pos_ in {"NOUN", "PROPN"}), None)
    return span[0], event


def blame_purpose_trigger(sent: Any, lex: Lexicon) -> tuple[Any, Any | None] | None:
    """"X planned to kill Y and blame it on Z", "NATO might kill its own officers to provoke a war": harm done
    so that someone else is blamed, without a staging word. The harm word must be a verb ("the poisoning was
    used to blame Russia" is exploitation of an event, not its staging) and not negated."""
    if any(p.search(sent.text) for p in lex.staging_exclusions):
        return None  # "political attacks", "fake news": the same idioms as for the staging words
    fallback = None
    for pat in lex.blame_purpose_patterns:
        for m in _overlapping(pat, sent.text):
            span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            head, purpose = span[0], span[-1]
            if head.pos_ not in {"VERB", "AUX"} or _negated(head, lex):
                continue
            if purpose not in head.subtree and not _attached_above(purpose, head):
                continue  # "a gang that can't shoot straight and that he's eager to blame": another clause
            target = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
            if head.lemma_.lower() == "attack" and target is not None \
                    and (target.ent_type_ == "PERSON" or target.pos_ == "PRON"):
                continue  # "the candidate attacked the governor to blame him for the deficit": words
            blamer = next((t for t in span[1:] if t.lower_ in {"blamed", "accused"} and t.pos_ == "VERB"), None)
            if blamer is not None:  # "killed his neighbour and later blamed the alcohol for it": no one blamed
                obj = next((c for c in blamer.children if c.dep_ in {"dobj", "obj"}), None)
                on = _pobj(blamer, "on") or (_pobj(obj, "on") if obj is not None else None)
                blamed = on if on is not None else obj  # "blamed it on the army": the army
                why = next((c for c in blamer.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                what = next((c for c in why.children if c.dep_ in {"pobj", "pcomp"}), None) if why is not None else None
                if what is not None and not (what.dep_ == "pobj" and (
                        what.lemma_.lower() in lex.event_nouns | {"fire", "blaze", "burning", "destruction"}
                        or what.lower_ in {"it", "this", "that", "them"})):
                    continue  # "burned their own stubble and then blamed Delhi for failing to pay": blamed for else
                if blamed is not None and (blamed.pos_ == "PRON" or not (_actor_like(blamed, lex)
                                                                         or names_side([blamed], lex))):
                    continue  # (but "burned their own trucks and then blamed our soldiers": a side)
            if purpose.lower_ == "frame" or (purpose.lower_ == "up" and purpose.head.lower_ == "set"):
                # "attacked the bill to frame the debate", "set up a camp": framing / setting up a thing, not blaming
                verb = purpose if purpose.lower_ == "frame" else purpose.head
                obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
                if obj is None or not _actor_like(obj, lex):
                    continue
            event = _event_of(head)
            if (event is None or event.lower_ in {"which", "that"}) and head.dep_ == "relcl" \
                    and any(c.dep_ == "auxpass" for c in head.children) and head.head.pos_ in {"NOUN", "PROPN"}:
                event = head.head  # "the Salisbury affair, which was engineered to pin the blame on Moscow"
            if event is not None and (event.lemma_.lower() in lex.claim_nouns or event.lower_ in {"story", "stories"}):
                continue  # "someone planted this story to discredit the journalists": a claim, not harm
            aim = next((a for a in purpose.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            aim_subj = next((c for c in aim.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if aim is not None \
                else None
            if aim_subj is not None and aim_subj.i != head.i and aim_subj.lemma_.lower() in lex.claim_nouns:
                continue  # "accusations about X-sponsored attacks aim to discredit Y": the claims' purpose
            if purpose.lower_.startswith("discredit") and (head.lemma_.lower() == "attack" or event is None):
                continue  # "attacked the report to discredit the minister", "committed to discredit": words, no harm
            if head.lemma_.lower() in {"back", "sponsor", "organize", "organise", "engineer", "orchestrate",
                                       "mastermind", "destroy", "sabotage"} \
                    and (event is None or not any(_is_event(t, lex) for t in event.subtree if t.pos_ in {"NOUN", "PROPN"})) \
                    and not (head.lemma_.lower() in {"destroy", "sabotage"}
                             and any(t.lower_ in _TARGETS for t in span[1:7])):
                continue  # "backed the Kaiser into a corner": backing an event, not a person (but "destroyed the dam")
            if head.dep_ == "relcl" and head.i + 1 < sent.end and fallback is None:
                fallback = (head, event)  # "the missile that hit the station was fired by X to accuse Y": the
                continue                  # clause describing the missile is background; look on for the act
            return head, event
    return fallback


# what can be destroyed or sabotaged as an attack ("destroyed the dam itself to pin the flood on Y"): the sites
# a place can name, and a few more
_TARGETS = frozenset(_FACILITIES | {"pipeline", "pipelines", "reactor", "depot", "tanker", "ship", "train"})


def _overlapping(pat: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pat``, each starting at a later character than the one before, so that a rejected match
    ("a dirty bomb and planned to detonate it ... and then blame": "bomb" is a noun) does not hide one inside it
    ("detonate it ... and then blame")."""
    pos = 0
    while (m := pat.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _actor_like(tok: Any, lex: Lexicon) -> bool:
    """Someone to frame ("the rebels", "Moscow", "them", "Russian aviation"), not a thing ("the debate")."""
    return names_actor(tok, lex) or any(c.dep_ in {"amod", "compound"} and names_actor(c, lex) and c.pos_ != "PRON"
                                        for c in tok.children)


def _attached_above(purpose: Any, head: Any) -> bool:
    """Does the purpose phrase hang from a word above the harm verb ("X claims that Y prepares to murder Z
    in order to accuse W", the parser attaching "in order to" to "claims")? The regular expression has already
    kept clause words (that, who, but, because) out of the words between them."""
    above = {a.i for a in head.ancestors}
    for anc in purpose.ancestors:
        if anc.pos_ in {"VERB", "AUX", "ADJ"}:
            if anc.i == head.i or anc.i in above:
                return True
            # "getting ready to shell X and pin the blame on Y", "intend to use chlorine so that Y would be held
            # responsible": the purpose verb coordinated with, or a clause of, a verb the harm verb hangs from
            first = anc
            while first.dep_ == "conj" and first.head is not first:  # "pushed back, filmed there and presented as"
                first = first.head
            return (anc.dep_ in {"conj", "advcl"} and anc.head.i in above and anc.head.pos_ in {"VERB", "AUX"}) \
                or (first is not anc and first.i in above and first.pos_ in {"VERB", "AUX"}) \
                or (anc.dep_ == "ccomp" and head.dep_ == "ccomp" and anc.head.i == head.head.i and anc.i > head.i
                    and any(t.lower_ == "and" for t in head.doc[head.i:anc.i]))
            # ("said X would detonate a bomb and the blame will be placed on Y", parsed as two things said)
    return False


_MEDIA_USED = re.compile(r"\b(?:to (?:show|prove|blame|accuse|frame|discredit|implicate|incriminate|justify|smear)|as (?:evidence|"
                         r"proof)|evidence|proof)\b", re.I)
_MEDIA_MAKERS = {"produce", "make", "film", "shoot", "create", "release", "publish", "distribute", "record", "circulate",
                 "fabricate", "stage", "spread", "post", "upload"}
# a purpose that turns a staged picture against someone
_TO_DISCREDIT = re.compile(r"\b(?:(?:meant|intended|designed) to (?:show|depict|present|portray) [^.;]{0,40}?"
                           r"\b(?:aggression|attacks?|crimes?|atrocit(?:y|ies)|shelling|strikes?|killings?|violence|abuse)|"
                           r"(?:in order |so as )?to (?:discredit|smear|demoni[sz]e|blame|accuse|frame|incriminate|"
                           r"show (?:[\w’'-]+ ){1,4}?in a (?:bad|negative|poor|unfavourable|unfavorable) light))\b", re.I)
_WEAK_EVENTS = {"case", "affair", "story", "situation"}
_NOT_A_HARM = _WEAK_EVENTS | {"event", "news"}  # event nouns too weak to be the harm a story or "false" names
# Harms that one does not "stage" in the sense of carrying out: staged, they were faked.
_FAKED_ONLY = {"disaster", "catastrophe", "tragedy", "massacre", "atrocity", "horror", "carnage", "genocide",
               "holocaust", "accident", "death", "gassing", "poisoning", "incident"}
# People whose pictures or names a text may call fabricated (investigation evidence, not a staged event).
_PORTRAYED = {"suspect", "accused", "perpetrator", "agent", "officer", "culprit", "killer", "poisoner"}
# People one "stages" only for the camera (a protest, a rally, a vigil is carried out; a group or crowd is placed).
_STAGED_GATHERINGS = {"group", "crowd"}
# Entertainment that is "scripted" in the ordinary sense.
_SHOWS = {"show", "shows", "performance", "production", "spectacle", "series", "episode", "scene", "scenes", "event",
          "events", "landing", "everything"}
# What a theatre or a club "stages" in the ordinary sense (the event named after it is only the theme).
_PERFORMANCES = {"play", "opera", "drama", "musical", "concert", "exhibition", "reading", "ceremony", "parade",
                 "festival", "match", "tournament", "competition", "reenactment", "re-enactment", "premiere"}
# A performance word used of a staged event ("staged this theatre to blame the state") when a pretext follows.
_THEATRE = {"theatre", "theater", "show", "spectacle", "farce", "performance", "circus"}
# what is produced for a screen in the ordinary sense
_SCREENED = {"film", "movie", "documentary", "series", "programme", "program", "show", "broadcast", "episode",
             "podcast", "album", "book", "novel"}
# a politician's appearances, which are "a show for the cameras" as a figure of speech
_APPEARANCES = {"speech", "conference", "briefing", "statement", "address", "interview", "visit", "appearance",
                "debate", "announcement", "remarks", "tour", "trip", "summit", "meeting", "handshake"}
_NOBODY = {"nobody", "none", "no-one", "noone"}
_CALLING = {"call", "brand", "label", "describe", "term", "dub", "characterise", "characterize", "portray",
            "denounce", "condemn", "dismiss", "qualify"}
# Quantifiers whose "of" phrase names what they stand for ("nearly all of global warming").
_QUANTIFIERS = {"all", "most", "much", "some", "part", "half", "many", "none", "any"}


# "the whole story / affair was staged": the events the story tells of, staged (not "the whole case was invented")
_WHOLE_STAGED = frozenset({"story", "affair", "situation", "episode"})
# secret services, and a purpose, that make "the whole story was staged / set up" a staging claim
_SPIES = re.compile(r"\b(?:(?:special|secret|security) services?|intelligence|MI6|MI5|CIA|SBU|"
                    r"GCHQ|Mossad|BND)\b", re.I)
_STAGED_FOR = re.compile(r"\bstaged (?:in order )?to (?:give|provide|create|justify|pave|open|whip|stir|fuel|stoke|incite|discredit|"
                         r"blame|accuse|smear)\b", re.I)


def _whole_story(noun: Any, lex: Lexicon) -> bool:
    """"The whole story was staged with the participation of the British special services", "the whole episode was
    staged to give Washington a reason ...": the events a story tells of, staged by a secret service or a usual
    stager, told with an event, or staged for a purpose (not a politician's "the whole story was set up by my
    rivals")."""
    if noun.lower_ not in _WHOLE_STAGED or not any(c.dep_ == "amod" and c.lower_ in {"whole", "entire"}
                                                   for c in noun.children):
        return False
    sent = noun.sent
    return bool(_SPIES.search(sent.text) or lex.implicit_stagers.search(sent.text.lower())
                or lex.event_cue_re.search(sent.text.lower()) or _STAGED_FOR.search(sent.text))


def _toxic_stager_before(tok: Any, lex: Lexicon) -> bool:
    """"militants brought chlorine to the village, where they intend to stage the attack": a usual stager and a
    toxic agent named before "stage" (not "the army plans to stage an offensive; a chlorine leak ...")."""
    before = tok.doc[tok.sent.start:tok.i].text.lower()
    return bool(lex.implicit_stagers.search(before) and (lex.chem_re.search(before) or lex.poison_re.search(before)))


def side_by(event: Any, lex: Lexicon) -> Any | None:
    """The side a staged harm is said to be done "by" ("stage the bombing of a school in Idlib by the Syrian air
    force"), wherever the parser hangs the "by": in the event's phrase or on the verb that stages it."""
    for c in [*event.subtree, *(event.head.children if event.dep_ in {"dobj", "obj"} else ())]:
        if c.dep_ == "prep" and c.lower_ == "by":
            side = next((g for g in c.children if g.dep_ == "pobj" and names_side(g.subtree, lex)), None)
            if side is not None:
                return side
    return None


def _strong_object(event: Any, lex: Lexicon, title: bool = False) -> bool:
    """Is the object of "stage" something one fakes ("a chemical attack", "the sexual attacks", a
    scare-quoted “death”; in a one-line claim title also "a terrorist attack") rather than something one
    carries out ("an assault"; in news "an agent who wanted to stage a terrorist attack")?"""
    text = " ".join(t.lower_ for t in event.subtree)
    if re.search(r"\b(?:their|its|his|her) own (?:people|citizens|population|civilians|soldiers|troops|positions|"
                 r"villages?|towns?|cities|city|territory|side|men)\b", text):
        return True  # "staged the bombing of their own village": harm to one's own side is faked, not carried out
    if _other_side_by(event, event.head, lex, warning=False) and not _trial(event.sent, lex):
        return True  # "preparing to stage the shelling of Odessa by the Russian Navy", "to stage the bombing of a
        # school in Idlib by the Syrian air force": harm put on another side (not "staged ... as a play in Berlin",
        # nor "Russian forces staged the shelling of Kharkiv by Russian artillery")
    if event.lemma_.lower() in _FAKED_ONLY and event.head.lower_.startswith(("stag", "fak", "simulat", "imitat")):
        return True  # "to stage a mass-casualty disaster", "stage the massacre": no one "carries out" a disaster
    mods = lex.staging_object_modifiers | (lex.title_object_modifiers if title else frozenset())
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in mods for c in event.children):
        return True
    doc = event.doc
    lo = event.left_edge.i
    quoted_before = doc[lo].text in _QUOTES or (lo > 0 and doc[lo - 1].text in _QUOTES) \
        or (event.i > 0 and doc[event.i - 1].text in _QUOTES)
    if quoted_before and ((event.i + 1 < len(doc) and doc[event.i + 1].text in _QUOTES)
                          or any(t.text in _QUOTES for t in event.subtree if t.i > event.i)):
        return True  # a scare-quoted “death”, 'Ukrainian attack', 'victims of Russian troops'

    if event.lower_ == "provocations" and not any(c.dep_ in {"det", "poss"} for c in event.children):
        return _provocation_ok(event, event.sent, lex, title) or any(
            c.dep_ == "prep" and c.lower_ == "against" for c in event.children)  # "stage provocations with chemical
        # weapons", "staging provocations against Russia" (not "North Korea stages provocations along the border")
    return bool(lex.chem_re.search(text) or lex.poison_re.search(text) or lex.strong_context_re.search(text)
                or re.search(r"\b(?:false|fake|faked|video|videos|footage|provocations?|flag|rescues?|scenes?)\b", text))


def verb_parsed_as_noun(tok: Any, lex: Lexicon) -> bool:
    """A headline verb the tagger read as a noun: "White Helmets ... stage chemical attacks",
    "Foreign media stage family's “death”" (not "the next stage of the offensive")."""
    if tok.lower_ not in {"stage", "orchestrate", "fake", "fabricate"} or tok.i == tok.sent.start:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.pos_ in {"DET", "ADJ", "NUM", "ADP", "PRON", "PART"} or prev.is_punct or prev.tag_ == "PRP$":
        return False
    event = _right_window_event(tok, lex, width=5)
    return event is not None and _strong_object(event, lex)


def _antecedent(tok: Any) -> Any:
    if tok.lower_ in {"that", "which", "who"} and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _passive_by_actor(tok: Any, lex: Lexicon) -> bool:
    """"9/11 was orchestrated by the US deep state": a passive staging verb with a named agent and a
    subject that is neither a claim ("the report") nor politics ("the protests", "the coup")."""
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    by = next((c for c in tok.children if c.dep_ == "agent" and c.lower_ == "by"), None)
    agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subj is None:
        return False
    if subj.lower_ in _QUANTIFIERS:  # "all of global warming was fabricated by X": what "all" stands for
        subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), subj)
    words = {subj.lower_, subj.lemma_.lower()}
    return not words & (lex.claim_nouns | lex.political_nouns | lex.non_actors)


_FOR_CAMERAS = re.compile(r"\bfor (?:the |a |an )?(?:western |foreign |international |world |local |mainstream )*"
                          r"(?:media|cameras?|tv|television|journalists|press|reporters|news crews?|propaganda)\b", re.I)


_PRETEXT_AFTER = re.compile(r"\b(?:to|in order to|so as to) (?:\w+ )?(?:justify|provide (?:an? |the )?pretext|create (?:an? |the )?"
                            r"pretext|(?:pave|open) (?:the |a )?way for|trigger (?:nato's |nato’s )?article 5|drag (?:[\w’'-]+ ){1,3}?into (?:a |the )?(?:[\w-]+ )?(?:war|conflict|fighting|confrontation|hostilities|intervention)|"
                            + _BLAME_VERBS + r"|discredit|(?:cover up|conceal|hide) (?:the |their |"
                            r"its |his |her )?(?:[\w-]+ ){0,2}?(?:crimes?|killings?|murders?|torture|executions?|"
                            r"massacres?|atrocit(?:y|ies)|deaths?))\b"
                            r"|\bas (?:an? |the )?pretext\b"
                            # props: "staged the strike using fragments of Russian missiles"
                            r"|\b(?:using|with|planting|placing|scattering) (?:the )?(?:fragments|debris|remnants|parts|pieces|"
                            r"wreckage|shrapnel|casings) of (?:\w+ ){0,2}?(?:missiles?|munitions?|shells?|bombs?|rockets?|"
                            r"drones?|ammunition)\b", re.I)


_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas|although|though|after|before)\b|;|\s[–—]\s")


def _pretext_after(tok: Any) -> bool:
    """A pretext purpose or planted props after the verb ("staged the attack to justify a US strike", "... using
    fragments of Russian missiles"): staged, whatever the tense."""
    sent = tok.sent
    rest = sent.text[tok.idx + len(tok.text) - sent.start_char:]
    rest = _NEXT_CLAUSE.split(rest, maxsplit=1)[0]  # not "..., and the government used it to justify strikes"
    return bool(_PRETEXT_AFTER.search(rest))


def _other_side_by(event: Any, verb: Any, lex: Lexicon, warning: bool = True) -> bool:
    """Is the staged harm said to be done "by" a side other than the stager's ("Kyiv ... to stage an incursion by
    Russian troops", "the rebels intend to stage the bombing of a school by the Syrian air force")? ``warning``: only
    of one to come ("preparing to stage"; an army "staged an assault by Chechen troops" carried it out)."""
    side = side_by(event, lex)
    if side is None or (warning and (verb.tag_ != "VB" or not _sides(side.subtree, lex))):
        return False
    subj = next((c for v in (verb, verb.head) for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return True
    own = _sides(subj.subtree, lex) | {lex.nationality_of[t.lower_] for t in subj.subtree if t.lower_ in lex.nationality_of}
    return not _sides(side.subtree, lex) & own  # (not "Kyiv ... by Ukrainian troops": its own)


def _sides(span: Any, lex: Lexicon) -> set[str]:
    return {t.lower_ for t in span if t.lower_ in lex.demonyms}


# what one hides or plants so that its blast or its finding looks like the other side's doing
_PLANTING_LEMMAS = frozenset({"place", "plant", "hide", "lay", "put", "position", "install", "mine", "leave"})
# words of a test or a study, in which a simulated attack by another side is an exercise (with the
# lexicon's conflict_exclusions: drills, games, fiction, pranks, insurance ...)
_TRIAL_WORDS = re.compile(r"\b(?:tests?|testing|courses?|simulat(?:ion|or)s?|study|studies|experiments?|to train)\b", re.I)


def _trial(sent: Any, lex: Lexicon) -> bool:
    return bool(_TRIAL_WORDS.search(sent.text) or lex.conflict_exclusions.search(sent.text))


def _stager_subject(tok: Any, lex: Lexicon) -> bool:
    """Is one who acts out an event, named before it, a usual stager (the White Helmets, militants, a side's
    forces, medics linked to the rebels), not actors, pupils, protesters or firefighters?"""
    words = tok.doc[tok.sent.start:tok.i]
    return names_side(words, lex) or bool(lex.noncombatant_stagers.search(words.text.lower()))


def _armed_stager(tok: Any, lex: Lexicon) -> bool:
    """Is the one said to fake or simulate (a toxic release) an armed or state actor ("militants", "Ukrainian
    forces", "the White Helmets"), outside any test or drill, rather than a company, a prankster or engineers?"""
    if _trial(tok.sent, lex):
        return False
    subj = next((c for a in [tok, *tok.ancestors] for c in a.children if c.dep_ == "nsubj"), None)
    return subj is not None and names_side([_antecedent(subj)], lex)


def _simulated_as_other_side(tok: Any, lex: Lexicon) -> bool:
    """"Russian troops placed objects in order to simulate shelling by the Ukrainian army": something planted
    so that it looks like an attack by the other side, not an exercise (not "fired blank rounds in order to
    simulate an attack by Russian special forces", "fitted the bridge with sensors in order to simulate a
    strike by Russian missiles": no planting; nor a test, a drill or a re-enactment; nor one side alone)."""
    if not (tok.i > tok.sent.start and tok.doc[tok.i - 1].lower_ == "to"):
        return False
    act = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)  # (over "in order")
    if act is None or _trial(tok.sent, lex) or not any(
            t.lemma_.lower() in _PLANTING_LEMMAS and t.pos_ == "VERB" for t in tok.doc[act.i:tok.i]):
        return False  # (the planting verb from the act on: "had hidden charges" may parse "hidden" as an adjective)
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "xcomp", "ccomp"}]  # ("shelling" parsed as a verb)
    by = [c for t in (tok, *objs) for c in t.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"]
    blamed = {w for b in by for w in _sides(b.subtree, lex)}
    stager = next((c for a in tok.ancestors for c in a.children if c.dep_ == "nsubj"), None)
    if stager is None or not names_side([stager], lex):
        return False  # an armed side plants it ("Russian troops"), not "Ukrainian curators" or "Polish firefighters"
    own = _sides(stager.subtree, lex)
    return bool(blamed and own and not blamed & own)


def _noncombatant_subject(tok: Any, lex: Lexicon) -> bool:
    """"The White Helmets staged the attack": rescuers, reporters and the like do not carry out attacks, so
    an attack they "stage" is faked."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    cut = {t.i for c in subj.children if c.dep_ in {"relcl", "acl", "advcl", "appos", "punct"} for t in c.subtree}
    words = " ".join(t.lower_ for t in subj.subtree if t.i not in cut)  # not "the gunmen who shot two journalists"
    return bool(lex.noncombatant_stagers.search(words))


def _purpose_cue(sent: Any, lex: Lexicon) -> bool:
    """A purpose that makes "stage X" faking, not carrying out: a blame verb, a pretext, or an audience
    ("staged the killing of civilians for Western media")."""
    return any(t.lemma_.lower() in lex.blame_lemmas | {"pretext", "justify", "provoke"} for t in sent) \
        or bool(_FOR_CAMERAS.search(sent.text))


def _subject_is_event(tok: Any, lex: Lexicon) -> bool:
    """Is "staged" / "fabricated" predicated of an event ("the attack ... was staged")?"""
    if any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        return False
    subj = next((c for c in list(tok.children) + list(tok.head.children) if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and {subj.lower_, subj.lemma_.lower()} & (lex.claim_nouns | lex.political_nouns):
        be = next((t for t in reversed(tok.doc[max(tok.sent.start, tok.i - 4):tok.i]) if t.lemma_ == "be"), None)
        before = tok.doc[be.i - 1] if be is not None and be.i > tok.sent.start else None
        if before is None or before.i == subj.i or _in_phrase(before, subj):
            return False  # "Trial on X's murder is staged": the trial, not the murder
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
        return tok.dep_ == "ROOT" and tok.tag_ in {"VBN", "VBD"}
    if _whole_story(subj, lex):
        return True  # "the whole episode was staged to give Washington a reason ..."
    if subj.lower_ == "it" and tok.dep_ == "advcl" and tok.head.lemma_.lower() in {"look", "seem", "appear", "sound"}:
        host = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if host is not None and _whole_story(host, lex):
            return True  # "the whole story looked as if it had been staged to whip up anti-Russian hysteria"
    if subj.lower_ in {"which", "that"}:  # "a chemical attack in the town of Douma, which Moscow said had been
        rel = next((a for a in subj.ancestors if a.dep_ == "relcl"), None)  # staged by X": what "which" stands for
        noun = rel.head if rel is not None else None
        for _ in range(4):
            if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
                return False
            if noun.lemma_.lower() in lex.event_nouns and noun.lemma_.lower() not in lex.claim_nouns:
                return True
            noun = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        return False
    words = {subj.lower_, subj.lemma_.lower()}
    if not words & lex.claim_nouns and lex.incident_name_re.fullmatch(" ".join(t.text for t in subj.subtree)):
        return True  # "Bucha was staged": a named incident
    return bool(words & lex.event_nouns) and not words & lex.claim_nouns


def _in_name(tok: Any, lex: Lexicon) -> bool:
    """Is ``tok`` part of a named entity other than "demonym + staging word" ("an American Provocation")?"""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return False
    return any(t.i != tok.i and t.lower_ not in lex.demonyms and t.pos_ not in {"DET", "ADJ"} for t in ent)


def _in_subtree(tok: Any, head: Any) -> bool:
    return any(t.i == tok.i for t in head.subtree)


def _in_phrase(tok: Any, head: Any) -> bool:
    """Is ``tok`` inside the noun phrase of ``head`` (reached without crossing a verb)?"""
    for anc in tok.ancestors:
        if anc.i == head.i:
            return True
        if anc.pos_ == "VERB":
            return False
    return False


def _stem(form: str) -> str:
    for suffix in ("ing", "ed", "s", "d"):  # ("stages" -> "stage", not "stag")
        if form.endswith(suffix) and len(form) - len(suffix) >= 4:
            base = form[: -len(suffix)]
            return base + "e" if suffix in {"ing", "ed"} and not base.endswith("e") else base
    return form
