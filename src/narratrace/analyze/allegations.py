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
from dataclasses import replace
from functools import lru_cache
from typing import Any, ClassVar, Iterable, Iterator, Sequence

from narratrace.analyze.allegation_actors import ACTOR_TRIGGERS, TITLE_LEAD
from narratrace.analyze.allegation_lexicon import Lexicon, load_lexicon, split_sentences
from narratrace.analyze.allegation_slots import GUISE_LEMMAS, PRONOUNS, SentenceSlots
from narratrace.analyze.allegation_triggers import (_QUOTES, _WHOLE_STAGED, HARM_VERBS, blame_purpose_trigger,
                                                   called_object, find_trigger, headline_appos, implicit_trigger,
                                                   verb_parsed_as_noun)
from narratrace.analyze.base import AnalysisContext
from narratrace.model import AllegationFrame, Annotation, Article, Attribution, Span

__all__ = ["AllegationAnalyzer", "extract_frames", "find_trigger", "frames_in_doc", "iter_frames"]

_CUT_DEPS = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis"}


# ---------------------------------------------------------------- time, event type, event

_FIRST_PERSON = {"we", "i", "us"}
_RELATIVES = {"whose", "which", "who", "whom", "that", "where", "when"}
_STAGING_PARTICIPLES = {"organize", "organise", "plan", "prepare", "instigate", "arrange", "orchestrate", "commit"}
_READYING = {"prepare", "ready", "train", "groom", "push", "use", "recruit"}


# "the whole episode / incident" as a subject is what was staged, never who staged it
_WHOLE_EVENT = re.compile(r"(?i)(?:the )?(?:whole|entire) (?:%s)\b" % "|".join(sorted(_WHOLE_STAGED | {"incident", "thing"})))

# A wire dateline opening the sentence: "LONDON (Reuters) - ", "MOSCOW, October 3. /TASS/. ", "KYIV, May 2 (AP) — "
_DATELINE = re.compile(r"[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*\b(?:,? (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)\.?)?"
                       r"(?:, [A-Z]{2,}\b)?"
                       r"(?: ?\([^)]{2,30}\)| ?/[^/]{2,20}/\.?)?(?<=[\d.)/]|[A-Z]\b)(?: ?(?:--|[-–—]))?"
                       r"(?<=[\d.)/–—-]) ?(?=[A-Z“\"])")


def _whole_hyphenated(slots: Any, span: Span) -> Span:
    """"Jabhat al" -> "Jabhat al-Nusra": a name the parse cut at its hyphen."""
    end = span.end - slots.offset
    m = re.match(r"[-–][A-Za-z][\w’']*", slots.text[end:])
    if not m or not span.text[-1:].isalpha() or (m.group()[1:].islower() and m.group().endswith("ed")):
        return span  # nothing cut, or "CIA-scripted": the actor fused to a participle
    return slots.span(slots.base + span.start - slots.offset, slots.base + end + m.end()) or span


def _first_person(span: Span) -> bool:
    """"we", "I", "us", "our sources" (the outlet's or a quote's own voice), not the upper-case "US" nor "our
    country's enemies"."""
    words = span.text.casefold().split()
    return (span.text.casefold() in _FIRST_PERSON and span.text != "US") \
        or (len(words) == 2 and words[0] == "our" and words[1] in _OWN_SOURCES)


# what "our ..." names when an outlet cites itself ("according to our sources")
_OWN_SOURCES = frozenset({"sources", "source", "correspondent", "correspondents", "reporter", "reporters",
                          "journalists", "information", "data", "intelligence", "informants"})


def _reflexive_to_subject(slots: Any, span: Span) -> Span:
    """"itself" / "themselves" as the accused: the subject it stands beside ("Kyiv was itself planning ...")."""
    if span.text.casefold() not in {"itself", "themselves", "himself", "herself"}:
        return span
    tok = next((t for t in slots.sent if t.idx - slots.sent.start_char + slots.offset == span.start), None)
    verb = tok.head if tok is not None else None
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i), None) \
        if verb is not None else None
    if subj is None:
        return span
    lo, hi = slots.subtree_span(subj)
    return slots.span(lo, hi) or span


def _after_topic_lead(slots: Any, accused: list) -> list:
    """A title's lead "Syria: White Helmets preparing ..." / "Idlib: militants ...": the words before the colon
    name the topic (or the source, then they are the accuser), never the one accused of staging."""
    m = TITLE_LEAD.match(slots.text)
    if not m or len(m.group("src").split()) > 6:
        return accused
    cut = slots.offset + m.end()
    out = []
    for a in accused:
        if a.end <= cut:
            continue
        if a.start < cut:  # the parse joined the lead to the subject: keep what follows the colon
            a = slots.span(slots.base + m.end(), slots.base + a.end - slots.offset)
            if a is None:
                continue
        out.append(a)
    return out


def _agent_elsewhere(slots: Any, trigger: Any) -> list:
    """"an act of provocation staged by X" (the agent hangs off "act"); "the attack was orchestrated from
    the US" (a passive staging verb with a country or organisation it came from)."""
    if trigger.pos_ == "NOUN" or (trigger.pos_ == "ADJ" and trigger.lower_ in {"hoax", "hoaxes"}):
        # ("a hoax arranged by X": the tagger may read "hoax" as an adjective and "arranged" as its head)
        for acl in (t for t in trigger.sent if (t.dep_ == "acl" or (t.dep_ == "acomp" and trigger.head.i == t.i))
                    and t.tag_ in {"VBN", "VBD"} and t.i > trigger.i
                    and {t.lemma_.lower(), t.lower_} & (_STAGING_PARTICIPLES | slots.lex.staging_lemmas)):
            agent = slots._agent(acl)
            if agent is not None and slots.actor_like(agent):
                return slots.nps(agent)
    if trigger.dep_ == "attr" and trigger.head.lemma_ == "be":  # "the invasion by X is a provocation"
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        by = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "by"), None) if subj is not None \
            else None
        agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        if agent is not None and slots.actor_like(agent):
            return slots.nps(agent)
    if trigger.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in trigger.children):
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "from"):
            src = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if src is not None and src.ent_type_ in {"GPE", "ORG", "NORP"}:
                return slots.nps(src)
    return []


def _preparer(slots: Any, noun: Any) -> list:
    """The subject of the verb of preparing or doing above the noun a staging adjective qualifies ("X prepare the
    next invented 'attack by Y'"), over verbs without a subject of their own ("Russia is planning to fabricate a
    pretext for invading Ukraine with a video of a staged attack")."""
    for anc in noun.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is None and anc.dep_ in {"pcomp", "xcomp"}:
                continue
            if anc.lemma_.lower() in _PREPARING | _DOING and subj is not None and slots.actor_like(subj):
                return slots.nps(subj)
            break
    return []


_TAKING_PART = re.compile(r"\bwith the (?:active )?(?:participation|involvement) of (?:the )?$", re.I)
_ARMED_WORDS = re.compile(r"\b(?:servicemen|soldiers|troops|fighters|militants|formations?|battalions?|brigades?|"
                          r"units?|saboteurs|terrorists|jihadists)\b", re.I)


def _taking_part(slots: Any, accused: list, helpers: list) -> tuple[list, list]:
    """"militants ... with the participation of the White Helmets", "with the involvement of the Azov formation":
    a usual stager or an armed group that takes part stages it too (a secret service or Western advisers that
    take part back it, and stay helpers)."""
    text = slots.sent.doc.text
    moved = [h for h in helpers if _TAKING_PART.search(text[max(0, h.start - 60):h.start])
             and (slots.lex.implicit_stagers.search(h.text.lower()) or _ARMED_WORDS.search(h.text))
             and not slots.lex.conflict_exclusions.search(h.text)]
    if not moved:
        return accused, helpers
    return [*accused, *moved], [h for h in helpers if h not in moved]


_PLAN_NOUNS = frozenset({"preparation", "plan", "attempt", "intention", "plot", "scheme", "effort"})


def _planner_of(slots: Any, trigger: Any) -> list:
    """Whose "preparations / plans ... to stage" they are: the "of" or "by" actor of a plan noun right before the
    infinitive trigger, wherever the parser hangs the infinitive; [] if there is none."""
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children):
        return []
    doc = trigger.doc
    for tok in reversed(doc[max(trigger.sent.start, trigger.i - 14):trigger.i]):
        if tok.pos_ == "VERB":
            return []
        if tok.lemma_.lower() in _PLAN_NOUNS and tok.pos_ == "NOUN":
            for prep in tok.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"of", "by"}:
                    owner = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if owner is not None and slots.actor_like(owner) and owner.i < trigger.i:
                        return slots.nps(owner)
            return []
    return []


def _pronoun_subject(slots: Any, trigger: Any) -> list:
    """"Since the army is stationed nearby, it is poisoning the wells to blame ...": a pronoun subject of the
    staging verb stands for the last actor subject before it in the same sentence (number agreeing)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ not in {"it", "they"}:
        return []
    tags = {"NN", "NNP"} if subj.lower_ == "it" else {"NNS", "NNPS", "NN", "NNP"}
    for tok in reversed(list(trigger.sent)[:subj.i - trigger.sent.start]):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.tag_ in tags and slots.actor_like(tok) \
                and tok.head.lemma_.lower() not in slots.lex.reporting_lemmas:
            return slots.nps(tok)  # (not the speaker: "Zakharova said the whole story looked as if it had been staged")
    return []


def _prepared_for(slots: Any, trigger: Any, lex: Any, accused: list, helpers: list) -> tuple[list, list]:
    """"The US is preparing Ukraine for a new provocation": Ukraine stages it, the US backs it."""
    prep = trigger.head if trigger.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "for" or prep.head.lemma_.lower() not in _READYING:
        return accused, helpers
    verb = prep.head
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if obj is None or not slots.actor_like(obj):
        return accused, helpers
    backers = slots.nps(subj) if subj is not None and slots.actor_like(subj) else []
    return slots.nps(obj), [*backers, *(h for h in helpers if h.text not in {b.text for b in backers})]


_ORDER_NOUNS = {"order", "orders", "instruction", "instructions", "task", "command", "directive", "assignment"}
_OBJECT_PRONOUNS = {"him", "her", "them"}


def _ordered_to(slots: Any, trigger: Any, accused: list, helpers: list) -> tuple[list, list]:
    """"X summoned Y to give him an order to organize provocations": the one given the order (Y, through
    "him") stages it, the ones who give it back it."""
    verb = trigger.head if trigger.dep_ in {"dobj", "obj"} else trigger
    noun = verb.head if verb.dep_ == "acl" else None
    if noun is None or noun.lower_ not in _ORDER_NOUNS or noun.dep_ not in {"dobj", "obj"}:
        return accused, helpers
    give = noun.head
    target = next((c for c in give.children if c.dep_ in {"dative", "iobj"}), None)
    if target is None:
        return accused, helpers
    upper = give.head if give.dep_ in {"advcl", "xcomp", "conj"} else give
    if target.lower_ in _OBJECT_PRONOUNS:  # "summoned the minister ... to give him": the one summoned
        target = next((c for c in upper.children if c.dep_ in {"dobj", "obj"}), None)
    if target is None or not slots.actor_like(target):
        return accused, helpers
    subj = next((c for c in upper.children if c.dep_ == "nsubj"), None) or \
        next((c for c in give.children if c.dep_ == "nsubj"), None)
    backers = slots.nps(subj) if subj is not None and slots.actor_like(subj) else []
    ordered = [slots.np(target)] if slots.np(target) is not None else []
    if not ordered:
        return accused, helpers
    named = {b.text for b in backers}
    return ordered, [*backers, *(h for h in helpers if h.text not in named and h.text != ordered[0].text)]


_RELATING = {"relate", "link", "connect", "tie", "associate", "explain", "mean", "show", "prove"}
_MODALS = {"will", "would", "could", "may", "might", "shall", "'ll", "can"}
_DOING = {"carry", "conduct", "organize", "organise", "arrange", "commit", "launch", "perform", "stage", "fake",
          "imitate", "simulate", "orchestrate", "forge", "create", "fabricate", "manufacture"}
_PREPARING = {"film", "record", "shoot", "prepare", "plan", "bring", "deliver", "gather", "train", "recruit", "move",
              "pay", "hire", "bribe", "coach", "assemble",
              "transport", "set", "ready", "get", "produce", "make", "rehearse", "script", "stage", "fake",
              "fabricate", "organise", "organize", "arrange"}
_GETTING_READY = _PREPARING - {"make", "get", "set"}  # ("moved the bodies to make it look as if ...": no readying)
# what is done with a staged thing still to come ("the footage is to be distributed", "is to be used")
_STILL_TO_DO = _DOING | _GETTING_READY | {"use", "distribute", "release", "show", "broadcast", "publish", "post", "air",
                                     "circulate", "present", "send", "hand", "give", "spread", "blame"}


_NEAR_FUTURE = re.compile(r"\b(?:near(?:est)?|coming|next) (?:future|days?|weeks?|months?|year)\b", re.I)


def _called_event(trigger: Any, lex: Lexicon) -> Any | None:
    """The event or its pictures that a staging noun is said of ("described the incident as a provocation", "called
    the footage a staged provocation"), or None."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ not in {"oprd", "pobj"}:
        return None
    obj = called_object(trigger)
    if obj is None:
        return None
    named = " ".join(t.text for t in obj.subtree)
    word = obj.lemma_.lower()
    return obj if word in lex.event_nouns or word in lex.media_nouns or word == "episode" \
        or lex.incident_name_re.search(named) else None  # ("called the episode a planned provocation")


_HABITUAL = re.compile(r"\b(?:consistently|repeatedly|regularly|constantly|often|always|time and again)\b", re.I)
# a fake being filmed now, about to be filmed, or just finished (not yet shown): the words right before the trigger
_FILMING_NOW = re.compile(
    r"(?:\b(?:is|are|am|been|be) (?:now |currently |already |still )?(?:filming|shooting|recording|staging)"
    r"|\bto (?:film|shoot|record)|\b(?:completed?|finish(?:ed)?|completing|finishing) (?:the )?(?:filming|shooting|"
    r"recording)(?: of)?|^(?:[\w’'-]+ ){1,4}(?:filming|shooting|recording))"
    r"\s+(?:(?:the|a|an|some|new|more|several|their)\s+)?[‘'“\"]?$", re.I)


def _filming_under_way(trigger: Any) -> bool:
    """"are filming staged scenes", "White Helmets filming staged chemical attack" (a headline), "came to Kherson to
    film staged 'war crimes'", "have completed the filming of staged videos": a fake not yet shown, a warning."""
    sent = trigger.sent
    return bool(_FILMING_NOW.search(trigger.doc.text[sent.start_char:trigger.idx]))


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
    if trigger.lower_ == "mined" and trigger.pos_ == "VERB" and not any(
            t.tag_ == "VBD" and t.lemma_.lower() in {"blow", "detonate", "explode"} for t in sent if t.i > trigger.i):
        return "future"  # "nationalists have mined ammonia tanks ... to accuse Russia": explosives laid for a blast
        # still to come (not "mined and blew up the dam last June")
    if _filming_under_way(trigger):
        return "future"  # "militants are filming staged scenes", "came to Kherson to film staged 'war crimes'",
        # "have completed the filming of staged videos": a fake made and not yet shown, a warning
    if trigger.dep_ in {"attr", "acomp"} and trigger.head.lower_ in {"was", "were"}:
        return "past"  # "the incident was a planned provocation"
    looks = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "like" else \
        trigger.head.head if trigger.dep_ == "attr" and trigger.head.lemma_ == "be" and trigger.head.dep_ == "xcomp" \
        else None  # "looks like a planned operation", "seems to have been / looks to be a plot"
    if looks is not None and looks.lemma_.lower() in {"look", "seem", "appear", "sound"} and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.event_nouns for c in looks.children):
        return "past"  # "the poisoning looks like a planned operation": a happened event
    said_of = _called_event(trigger, lex)
    planned = said_of is not None and any(c.dep_ == "amod" and lex.future_lemmas & {c.lemma_.lower(), c.lower_}
                                          for c in said_of.children)  # "called the planned attack a provocation"
    if said_of is not None and not planned and not _NEAR_FUTURE.search(sent.text):
        return "past"  # "described the Salisbury incident as a carefully planned provocation": a happened event
    if trigger.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "amod" and c.lower_ in {"possible", "potential"}
                                                 for c in trigger.children) and not _HABITUAL.search(sent.text):
        return "future"  # "voicing concern over possible provocations by Kiev": none has happened yet (not "Moscow
        # has consistently raised concerns about possible provocations": a habit, unspecified as in sample 004)
    if trigger.pos_ in {"NOUN", "PROPN"} and any(c.dep_ in {"compound", "nmod", "amod", "npadvmod"}
                                                 and c.ent_type_ == "DATE" for c in trigger.children) \
            and not re.search(r"\b(?:next|coming|upcoming)\b", sent.text, re.I):
        return "past"  # "the January 13 provocation": a dated incident
    if _NEAR_FUTURE.search(sent.text):
        return "future"
    if any(t.lemma_.lower() in {"admit", "confess", "acknowledge"} for t in chain):
        return "past"  # "White Helmets admit staging chemical attacks"
    if any(t.dep_ == "ROOT" and t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
           for t in chain):
        return "future"  # headline infinitive: "UK to use chemical labs for new provocations"
    if not any(t.pos_ in {"VERB", "AUX"} for t in sent) and any(
            t.lemma_.lower() in lex.event_nouns for t in sent.doc[sent.start:trigger.i] if t.pos_ == "NOUN"):
        return "past"  # verbless title: "Skripal poisoning and Syria bombing a provocation"
    near = [t for t in near if not (t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"}
                                                            for c in t.children))]  # "was prepared by"
    past_clause = any(t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"}
                                                                  for c in t.children)) for t in chain[1:])
    if past_clause:  # "MH17 was shot down in a planned provocation": "planned" names no plan to come
        near = [t for t in near if not (t.dep_ == "amod" and t.tag_ == "VBN")]
    if any(t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in t.children)
           and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children)
           and any(c.dep_ == "auxpass" and c.lower_ == "been" for c in t.children) for t in chain[:2]):
        return "past"  # "the poisoning may have been planned by the West": a guess about what was done (not "a
        # provocation has been prepared", a warning)
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    if trigger.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in trigger.children):
        words -= {"likely"}  # "was most likely staged by the jihadists": a guess about a past event
    if words & lex.future_lemmas:
        return "future"
    if any(t.tag_ in {"VBG", "VBZ", "VBP"} and t.lemma_.lower() in {"prepare", "plan", "plot"}
           for t in sent.doc[max(sent.start, trigger.i - 4):trigger.i]) or \
            (trigger.i > sent.start and sent.doc[trigger.i - 1].lower_ in {"plan", "plans", "plot", "plots"}):
        return "future"  # a headline "Kiev regime preparing staged 'strike' on ..." the parse did not join
    if any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"start", "begin", "happen", "occur", "come", "take"}
           and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in trigger.children):
        return "future"  # "a provocation ... to start on Monday"
    if any(t.lemma_.lower() in _DOING | _GETTING_READY | lex.staging_lemmas | {"use"}
           and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
           and (t.dep_ in {"advcl", "xcomp"} or (t.dep_ == "acl" and t.head.lower_ in _ORDER_NOUNS)) for t in chain):
        return "future"  # "deployed ... to carry out false flag attacks", "gave him an order to organize ...",
        # "transported women and children to the area to use them in filming the fabricated scenes"
    if any(any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children)
           and not any(c.dep_ == "aux" and c.lower_ in {"have", "has", "had"} for c in t.children)
           and t.tag_ in {"VB", "VBN"} and t.lemma_ != "be"
           and not (i > 0 and chain[i - 1].dep_ in {"nsubj", "nsubjpass"} and t.lemma_.lower() in _RELATING)
           for i, t in enumerate(chain)):  # (not "the setup may be related to ...": a guess about a staged thing)
        return "future"  # "a false flag could be used", "will be staged" (not "could be a provocation")
    if any(t.lemma_.lower() in _STILL_TO_DO and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
           and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "are"} for c in t.children) for t in chain) \
            or any(t.lower_ in {"is", "are"}
                   and any(c.dep_ == "xcomp" and c.lemma_.lower() in _STILL_TO_DO
                           and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                           and (c in chain or any(d.dep_ == "nsubj" and d in chain for d in t.children))
                           for c in t.children) for t in chain):
        return "future"  # "the staged footage is to be distributed": what is still to be done
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ == "for" \
            and trigger.head.head.lemma_.lower() in {"bring", "deliver", "transport", "move", "send", "ship", "take",
                                                     "truck", "smuggle"}:
        return "future"  # "brought chlorine tankers to X for staging": props for a staging still to come
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in trigger.children) or \
            (trigger.dep_ == "pobj" and trigger.head.lower_ in {"after", "following", "since"}):
        return "past"  # "a provocation arranged by ...", "after the provocation"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and trigger.pos_ == "VERB" \
            and trigger.lower_ != "make":  # "moved the bodies to make it look as if ...": the tense of the act
        return "future"
    if trigger.dep_ in {"dobj", "pobj"} and trigger.head.lemma_ in {"imitate", "stage", "fake", "simulate",
                                                                     "orchestrate"} \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.head.children):
        return "future"
    if any(t.tag_ == "VBG" and t.lemma_.lower() in _PREPARING
           and any(c.dep_ == "aux" and c.lower_ in {"are", "is", "am"} for c in t.children) for t in chain):
        return "future"  # "are (already) filming the fake attack": in preparation
    if any(t.tag_ == "VBN" and t.lemma_.lower() in _PREPARING and any(c.lower_ == "being" for c in t.children)
           and any(c.dep_ == "aux" and c.lower_ in {"are", "is", "am"} for c in t.children) for t in chain):
        return "future"  # "bodies are being brought to the village so that ...": in preparation
    for t in chain:
        if t.tag_ == "VBN" and _generic_subject(t) and any(c.dep_ == "auxpass" and c.lower_ in {"is", "are"}
                                                          for c in t.children):
            continue  # "most terrorist attacks are staged": a habit, not one event
        if t.tag_ in {"VBD", "VBN"} or any(c.dep_ in {"aux", "auxpass"}
                                            and c.lower_ in {"was", "were", "had", "been", "did"} for c in t.children):
            return "past"
    pred = trigger.head if trigger.dep_ in {"amod", "compound"} and trigger.head.dep_ in {"attr", "oprd"} else trigger
    thing = None  # what is called staged: "X is a provocation", "X was debunked / acknowledged as a hoax"
    if pred.dep_ in {"attr", "acomp"} and pred.head.lemma_ == "be" and not _generic_subject(pred.head):
        thing = next((c for c in pred.head.children if c.dep_ == "nsubj"), None)
    elif pred.dep_ == "oprd":  # "called the events in Bucha a 'fake attack'"
        thing = next((c for c in pred.head.children if c.dep_ in {"dobj", "obj"}), None)
    elif headline_appos(pred):  # "Skripal poisoning: a provocation of British special services ..."
        thing = pred.head
    elif trigger.dep_ == "pobj" and trigger.head.lower_ == "as":
        verb = trigger.head.head
        if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "obj", "nsubjpass"}:
            thing = verb  # "acknowledges the incident as a provocation" with "as" hung on the noun
        else:
            thing = next((c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
    if thing is not None and _names_incident(thing, sent, lex):
        return "past"  # "the chemical attack is a Washington-orchestrated event", "MH17 ...: it is a provocation"
    if trigger.tag_ == "VBG" and trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ in {"for", "of"} \
            and trigger.head.head.tag_ in {"VBD", "VBN"}:
        return "past"  # "they were exposed for staging videos"
    if _media_of_event(trigger, lex):
        return "past"  # "photographs of the victims of the gas attack are fake": pictures of a happened event
    if trigger.lower_ in {"actor", "actors", "actress", "actresses", "extras", "job", "jobs"}:
        return "past"  # "X is a crisis actor", "the 9/11 inside job": roles in an event that happened
    if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in sent) and any(
            t.tag_ == "VBG" and t.dep_ == "ROOT" and t.lemma_.lower() not in HARM_VERBS  # (not "X and Syria bombing")
            and any(c.dep_ == "nsubj" for c in t.children) for t in chain):
        return "future"  # a headline in the progressive, "White Helmets filming fake aftermath of ...": under way
    if lex.incident_name_re.search(sent.text):
        return "past"  # "Events in Bucha are staged provocation of Kyiv regime": a named incident that happened
    return "unspecified"


def _media_of_event(trigger: Any, lex: Lexicon) -> bool:
    """Is what is called fake a picture or video "of" a named event ("footage of the victims of the attack",
    "a fake photo of the tragedy in X"), not footage in general ("fake videos about their work")?"""
    media = None
    if trigger.dep_ == "amod" and trigger.head.lemma_.lower() in lex.media_nouns:
        media = trigger.head
    elif trigger.dep_ in {"acomp", "attr"}:
        media = next((c for c in trigger.head.children if c.dep_ == "nsubj"
                      and c.lemma_.lower() in lex.media_nouns), None)
    if media is None:
        return False
    for m in [media, *media.conjuncts]:
        for prep in (c for c in m.children if c.dep_ == "prep" and c.lower_ == "of"):
            if any(t.lemma_.lower() in lex.event_nouns and t.lemma_.lower() not in lex.media_nouns
                   for t in prep.subtree if t.pos_ == "NOUN"):
                return True
    return False


def _names_incident(thing: Any, sent: Any, lex: Lexicon) -> bool:
    """Does the phrase name a specific incident (an event noun or a known incident name)?"""
    if thing.lower_ in {"it", "this", "that"}:
        return bool(lex.incident_re.search(sent.doc[sent.start:thing.i].text))
    words = [t for t in thing.subtree if t.pos_ in {"NOUN", "PROPN"}]
    return any(t.lower_ in lex.event_nouns or t.lemma_.lower() in lex.event_nouns for t in words) \
        or bool(lex.incident_re.search(" ".join(t.text for t in thing.subtree)))


def _generic_subject(verb: Any) -> bool:
    """A bare plural or a quantifier as subject ("chemical attacks are provocations", "most attacks are staged")."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    if subj.lower_ in {"most", "all", "many", "some", "much"}:
        return True
    return subj.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod", "acl"} or (c.dep_ == "prep" and c.lower_ == "of")
                                          for c in subj.children)  # "photos of victims posted by X": specific


_BACK_DETS = {"the", "this", "that", "these", "those", "such"}
_BACK_PRONOUNS = {"it", "this", "that", "which", "everything", "all"}


def _refers_back(sent: Any, trigger: Any, event: Any | None, lex: Lexicon) -> bool:
    """Does the frame's event point back to the text before ("the whole event was staged", "it looked like a
    provocation", "such an operation could take the form of ...", "they used them in a staged attack")? Then
    the sentences before may say what kind of event it is; a sentence about "false flags" or "provocations" in
    general names no earlier event."""
    own = [t for t in (event, trigger) if t is not None]
    subjects = [c for t in [trigger, *trigger.ancestors] for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects.extend(c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"})
    for t in own + subjects:
        if t.lower_ in _BACK_PRONOUNS:
            return True
        dets = {c.lower_ for c in t.children if c.dep_ in {"det", "predet"}} if t.pos_ in {"NOUN", "PROPN"} else set()
        if dets & (_BACK_DETS - {"the"}):  # "such an operation", "this attack"
            return True
        if "the" in dets and (t in own or t.lemma_.lower() in lex.event_nouns):
            return True  # "the whole event" (not "the agency")
    nouns = [t for t in own if t.pos_ in {"NOUN", "PROPN"}]
    singular = bool(nouns) and all(t.tag_ in {"NN", "NNP"} for t in nouns)
    return singular and any(t.lower_ in {"they", "he", "she"} for t in subjects)


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

# Trigger words that name players of the event ("the victims were actors"): not the stagers. (A singular
# "X is a crisis actor" / "a hired actress" names X as the accused, by the convention of the gold.)
_PLAYERS = {"actors", "actresses", "extras"}
# personal pronouns of the third person: an accused that stays one names no one (not all of PRONOUNS: "US", the
# United States, casefolds to "us")
_BARE_PRONOUNS = frozenset({"they", "them", "it", "he", "she", "him", "her"})
# what people brought in or hired are said to do: play a part ("brought in to play the victims")
_PLAYING = {"play", "act", "pose", "pretend", "portray", "feign"}


def frames_in_doc(sent: Any, offset: int, lex: Lexicon, context: Sequence[str] = (),
                  last_actor: str | None = None, title: bool = False) -> AllegationFrame | None:
    """The frame a parsed sentence states, or None. ``offset``: the sentence's start in the article.
    ``title``: the text is this one line."""
    found = find_trigger(sent, lex, title) or implicit_trigger(sent, lex) or blame_purpose_trigger(sent, lex)
    if found is None:
        return None
    trigger, event = found
    slots = SentenceSlots(sent, offset - sent.start_char + sent.start_char, lex)
    slots.offset = offset
    reporting = slots.reporting_chain(trigger)
    accuser, accuser_tok = slots.accuser(trigger)
    if accuser is not None and _first_person(accuser):
        accuser = None  # "we can expect a provocation": the outlet's own voice (a quote's speaker is found later)
    accused, helpers = slots.accused_and_helpers(trigger, reporting)
    accused = _after_topic_lead(slots, accused)  # "Zakharova: Kiev and ..." parsed as one phrase
    if accuser is not None:
        accused = [a for a in accused if not (a.start < accuser.end and accuser.start < a.end)]
    blame = slots.blame_targets(trigger, event)
    kept = [a for a in accused if not any(a.start < b.end and b.start < a.end for b in blame)]
    staged_noun = trigger.head if trigger.dep_ == "amod" else trigger if any(
        c.dep_ == "amod" and c.lemma_.lower() in {"stage", "stag"} for c in trigger.children) else None
    if accused and not kept and trigger.dep_ == "amod":  # "X prepare the next invented 'attack by Y'": Y is
        kept = _preparer(slots, trigger.head)  # blamed; X, who prepares it, is the accused
    elif kept and staged_noun is not None and (trigger.dep_ != "amod" or trigger.lemma_.lower() in {"stage", "stag"}) \
            and (agent := slots._agent(staged_noun)) is not None and slots.actor_like(agent):
        preparer = _preparer(slots, staged_noun)
        by = slots.nps(agent)
        if preparer and any(a.start < b.end and b.start < a.end for a in kept for b in by):
            kept = preparer  # "Russia is planning to fabricate a pretext ... with a video of a staged attack by
            blame = _dedupe_spans([*blame, *by])  # Ukrainian forces": Russia stages it, Ukraine is to be blamed
    accused = kept
    t_start = offset + trigger.idx - sent.start_char
    if trigger.lower_ not in ACTOR_TRIGGERS:  # "The Navalny setup" is no accused; "provocateurs" are
        accused = [a for a in accused if not (a.start <= t_start < a.end)]
    accused, helpers = _prepared_for(slots, trigger, lex, accused, helpers)
    accused, helpers = _ordered_to(slots, trigger, accused, helpers)
    accused, helpers = _taking_part(slots, accused, helpers)
    accused = [a for a in accused if not slots.place_apposition(a)  # "the bombing in Manchester, England was"
               and not _WHOLE_EVENT.match(a.text)]  # "the whole episode was staged": what was staged, not who
    accused = [a for a in accused if not lex.incident_name_re.fullmatch(a.text)  # "Bucha was staged": the incident
               and not lex.strong_context_re.fullmatch(a.text.lower())]  # "plotting 'dirty bomb' false flag"
    if trigger.lower_ in _PLAYERS:  # "are British TV actors": what kind of actors, not who stages
        lo, hi = trigger.left_edge.idx, trigger.idx
        accused = [a for a in accused if not (a.start < offset + hi - sent.start_char
                                              and offset + lo - sent.start_char < a.end)]
    if trigger.lower_ in _PLAYERS and trigger.dep_ == "pobj" and trigger.head.lower_ == "as" \
            and trigger.head.head.lemma_.lower() in {"use", "employ", "hire", "recruit", "pay", "cast"}:
        used = next((c for c in trigger.head.head.children if c.dep_ in {"nsubjpass", "dobj", "obj"}), None)
        if used is not None:  # "local children are being used as crisis actors": the players, not the stagers
            accused = _outside(accused, used, offset, sent)
    if trigger.lower_ in {"played", "portrayed"}:  # "the victims were played by volunteers": players, not stagers
        by = next((c for c in trigger.children if c.dep_ == "agent"), None)
        accused = _outside(accused, by, offset, sent) if by is not None else accused
    if trigger.lower_ in _PLAYERS | {"actor", "actress"}:  # "a hired actress and make-up": what goes with them
        for c in (c for c in trigger.children if c.dep_ == "conj"):
            accused = _outside(accused, c, offset, sent)
    if trigger.lower_ in _PLAYERS and trigger.dep_ in {"attr", "acomp"}:  # "the victims of X were actors"
        played = next((c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if played is not None:  # the victims played the event; they did not stage it
            accused = _outside(accused, played, offset, sent)
        if not accused:  # "the attacks were carried out by X, the victims were actors"
            for verb in (t for t in sent if t.i < trigger.i and any(c.dep_ == "auxpass" for c in t.children)):
                agent = slots._agent(verb)
                if agent is not None and slots.actor_like(agent):
                    accused = slots.nps(agent)
                    break
    if trigger.lower_ in {"planted", "placed", "brought", "put", "scattered", "dumped", "laid", "delivered",
                          "transported", "moved", "trucked", "arranged"}:
        laid = next((c for c in [*trigger.children, *(trigger.head.children if trigger.dep_ == "conj" else ())]
                     if c.dep_ == "nsubjpass"), None)
        if laid is not None and laid.lower_ in {"bodies", "corpses"}:  # "the bodies were placed there": not stagers
            accused = _outside(accused, laid, offset, sent)
    if any(c.dep_ == "auxpass" for c in trigger.children) and any(
            c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in _PLAYING for c in trigger.children):
        played = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        if played is not None:  # "children had been brought in to play the victims": players, not stagers
            accused = _outside(accused, played, offset, sent)
    harm = event if trigger.lower_ == "up" and event is not None and event.pos_ == "VERB" else \
        trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in {"as", "in"} \
        and trigger.head.head.lemma_.lower() in HARM_VERBS \
        and (trigger.head.lower_ == "as" or any(c.dep_ == "agent" for c in trigger.head.head.children)) else None
    if trigger.dep_ == "pobj" and harm is not None:
        # "MH17 was downed by Kyiv in a set-up ...", "X was poisoned by Y as a provocation": the one who did the
        # harm, not the one it hit
        doer = slots._agent(harm) if any(c.dep_ == "auxpass" for c in harm.children) else slots._subject(harm)
        accused = slots.nps(doer) if doer is not None and slots.actor_like(doer) else []
    text = slots.sent.doc.text
    accused = [a for a in accused  # "orchestrated the 'Iranian' attack": a side's adjective in scare quotes is the
               if not (a.start > 0 and a.end < len(text) and " " not in a.text  # disguise, not the stager (but
                       and text[a.start - 1] in _QUOTES and text[a.end] in _QUOTES  # "staged by 'Azov'")
                       and any(t.idx == a.start and (t.pos_ == "ADJ" or t.ent_type_ == "NORP") for t in sent))]
    for tok in sent:  # "saboteurs disguised as Russian peacekeepers": whom they pose as is not who stages it
        if tok.lemma_.lower() in GUISE_LEMMAS and tok.pos_ == "VERB" \
                and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "as":
            as_end = offset + tok.doc[tok.i + 1].idx + 2 - sent.start_char  # article offset after "as"
            kept = [a for a in accused if not 0 <= a.start - as_end <= 20]  # the phrase right after "as"
            if len(kept) < len(accused) and not kept:  # the parse took the disguise for the subject
                wearer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if wearer is None and tok.dep_ == "acl":
                    wearer = tok.head
                kept = slots.nps(wearer) if wearer is not None and slots.actor_like(wearer) else []
            accused = kept
    if trigger.dep_ == "relcl" and trigger.lemma_.lower() in {"blame", "pin", "attribute"}:
        # "... an attack on the local population, which will then be blamed on the army": the antecedent is
        # what is blamed (or whom it hits), not who stages it
        accused = _outside(accused, trigger.head, offset, sent)
    if not accused:
        accused = _agent_elsewhere(slots, trigger)
    if not accused:
        accused = _pronoun_subject(slots, trigger)
    planner = _planner_of(slots, trigger)
    if planner:  # "letters on the preparations of terrorist organizations to fabricate a chemical incident",
        accused = planner  # "plans by the militants to stage an attack": whose preparations they are
    if not accused and trigger.pos_ == "VERB" and trigger.dep_ == "xcomp" and blame:
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and slots.actor_like(subj) and subj.lower_ not in _BARE_PRONOUNS:
            accused = slots.nps(subj)  # "The rebels intend to stage the bombing of a school by the Syrian air force":
            # with the "by" side blamed, the one who intends it stages it
    if accused and _is_setup(trigger):  # "Paddock could not have carried out the massacre and it was a set-up":
        cleared = _denied_doers(sent, offset)  # the one said not to have done it is the framed, not the stager
        framed = [a for a in accused if any(c.start < a.end and a.start < c.end for c in cleared)]
        if framed:
            accused = [a for a in accused if a not in framed]
            blame = _dedupe_spans([*blame, *framed])
    pred = trigger.head if trigger.dep_ in {"amod", "compound"} else trigger
    if pred.dep_ == "attr" and pred.head.lemma_ == "be":  # "Skripal and MH17 are provocations": events
        accused = [a for a in accused if not lex.incident_re.fullmatch(a.text.strip())]
    accused = [_reflexive_to_subject(slots, a) for a in accused  # "Kyiv was itself planning to strike ..."
               if not _first_person(a)]  # "We believe this was a provocation": the speaker, not the stager
    # a relative clause is no actor: "X, whose claim to fame was ..., described the salvo as theatre"
    accused = [a for a in accused if a.text.split(" ", 1)[0].casefold() not in _RELATIVES]
    accused = [_whole_hyphenated(slots, a) for a in accused]
    verbal = trigger.pos_ in {"NOUN", "PROPN"} and verb_parsed_as_noun(trigger, lex)
    if verbal:  # a headline verb read as a noun: the parse's subject is unreliable
        lead = slots.leading_actor(0)
        left = [c for c in trigger.children if c.i < trigger.i and c.dep_ in {"compound", "nmod", "nsubj"}]
        if lead is not None:  # "White Helmets kidnap children, ... and stage chemical attacks"
            accused = [lead]
        elif not accused and left and slots.actor_like(left[0]):  # "Foreign media stage family's “death”"
            accused = [a for a in [slots.np(left[0])] if a is not None]
    nominal = trigger.pos_ in {"NOUN", "PROPN"} and not verbal
    trig = slots.np(trigger) if nominal else slots.span(trigger.idx, trigger.idx + len(trigger.text))
    if trig is None:
        return None
    ev = _event_span(slots, trigger, event)
    exclude = [s for s in [accuser] if s is not None]
    named = {a.text.casefold().removeprefix("the ") for a in (*accused, *helpers, *blame)}
    # (an opening wire dateline, "LONDON (Reuters) -", is blanked before parsing: no place and no accused there)
    locations = [p for p in slots.locations(exclude, ()) if p.text.casefold().removeprefix("the ") not in named]
    etype = event_type_of([sent.text, *(context if _refers_back(sent, trigger, event, lex) else ())], lex) or "other"
    resolved = None
    if accuser is not None and accuser.text.casefold() in PRONOUNS and accuser.text != "US":
        resolved = last_actor  # ("US" is the United States, not "us")
    accused = [a for a in accused if a.text.casefold() not in _BARE_PRONOUNS]  # "they plan to plant ...": an
    # unresolved pronoun names no one (the annotation leaves it out)
    evidence = slots.evidence(trigger)
    if evidence is not None:  # "a leaked memo is proof that ...": the basis is not the stager
        accused = [a for a in accused if not (a.start < evidence.end and evidence.start < a.end)]
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
        evidence=evidence,
    )


def _outside(spans: list, tok: Any, offset: int, sent: Any) -> list:
    """The spans that do not overlap the phrase ``tok`` heads (``offset``: the sentence's start in the text)."""
    lo = offset + tok.left_edge.idx - sent.start_char
    hi = offset + tok.right_edge.idx + len(tok.right_edge.text) - sent.start_char
    return [a for a in spans if not (a.start < hi and lo < a.end)]


def _is_setup(trigger: Any) -> bool:
    """Is the trigger the noun "set-up" ("a set-up", "a “set up”")?"""
    doc = trigger.doc
    if trigger.lower_ == "up":
        return trigger.i >= 2 and doc[trigger.i - 2].lower_ == "set"
    return trigger.lower_ in {"set", "setup", "set-up"} and trigger.dep_ in {"attr", "acomp"}


def _denied_doers(sent: Any, offset: int) -> list[Span]:
    """Subjects of negated verbs in the sentence ("Paddock could not have carried out ..."), as spans."""
    out = []
    for tok in sent:
        if tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "neg" for c in tok.head.children):
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            out.append(Span(offset + lo - sent.start_char, offset + hi - sent.start_char, tok.doc.text[lo:hi]))
    return out


def _dedupe_spans(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in spans:
        if not any(o.start == sp.start and o.end == sp.end for o in out):
            out.append(sp)
    return out


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
        cands = [i for i, (s, e) in enumerate(sents) if lex.is_candidate(text, s, e)]
        batch.append((text, attrs, sents, cands))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, lex, nlp)
            batch = []
    if batch:
        yield from _run_batch(batch, lex, nlp)


def _blank_dateline(piece: str) -> str:
    """The sentence with an opening wire dateline ("MINSK, 3 September (BelTA) – ", "MOSCOW, February 23. /TASS/. ")
    turned into spaces of the same length, so that the parser does not take the city for a subject and every offset
    stays where it was."""
    m = _DATELINE.match(piece)
    return " " * m.end() + piece[m.end():] if m and m.end() < len(piece) else piece


def _run_batch(batch: list[tuple[str, Sequence[Attribution], list[tuple[int, int]], list[int]]], lex: Lexicon,
               nlp: Any) -> Iterator[list[AllegationFrame]]:
    pieces = [_blank_dateline(text[sents[i][0]:sents[i][1]]) for text, _, sents, cands in batch for i in cands]
    if pieces and nlp is None:
        from narratrace.nlp import get_nlp

        nlp = get_nlp()
    docs = iter(nlp.pipe(pieces, batch_size=128)) if pieces else iter(())
    for text, attributions, sents, cands in batch:
        frames: list[AllegationFrame] = []
        last_actor: str | None = None
        last_at = -2
        for i in cands:
            doc = next(docs)
            start = sents[i][0]
            context = [text[s:e] for s, e in reversed(sents[max(0, i - 3):i])] + [text[sents[0][0]:sents[0][1]]]
            # a pronoun accuser: the accuser of the sentence just before, else the attribution's resolved
            # speaker, else the last named accuser of the article
            adjacent = last_actor if last_at == i - 1 else None
            # a Title Case headline is read in sentence case first (its parse is better), then as written
            frame = _sentence_cased(text, sents[i], lex, nlp, context, adjacent, len(sents) == 1)
            if frame is None:
                frame = frames_in_doc(doc[:], start, lex, context, adjacent, title=len(sents) == 1)
            if frame is None or (not frame.accused and TITLE_LEAD.match(text, start, sents[i][1])):
                # "Russian MoD: White Helmets preparing ...": a lead that broke the parse of the claim after it
                again = _after_lead(doc, text, sents[i], lex, nlp, context, adjacent, len(sents) == 1)
                frame = again if again is not None and (frame is None or again.accused) else frame
            if frame is None:
                continue
            if frames and _restated_purpose(text, sents[i], frame, frames):
                continue  # "The staged attack would serve as a pretext for ...": the purpose of a frame already made
            frame = _with_attribution(frame, attributions, keep_resolved=adjacent is not None)
            if frame.accuser is not None and frame.accuser_resolved is None \
                    and frame.accuser.text.casefold() in PRONOUNS:
                frame = replace(frame, accuser_resolved=last_actor or _speaker_before(attributions, start))
            if frame.accuser is None:
                frame = _quote_speaker(frame, text, sents[i])
            if frame.accuser is not None and frame.accuser.text.casefold() not in PRONOUNS:
                last_actor, last_at = frame.accuser.text, i
            frames.append(frame)
        yield frames


# A sentence that only gives the purpose of an allegation the article has already made: a definite staged thing as
# the subject, then what it would serve for ("The staged attack would serve as a pretext ...", "The planned
# 'provocation' is also to justify ...", "This set-up could then be used to ..."). Not a new frame (as in the samples).
_RESTATED_PURPOSE = re.compile(
    r"\b(?:the|this|such an?) (?P<subj>(?:[\w’'‘“\"-]+ ){0,2}?(?P<noun>attacks?|provocations?|incidents?|strikes?|set-?ups?|"
    r"operations?|staging|videos?|footage|hoax|show|performance)[’'”\"]?)(?:,[^,]{1,60},)? (?:would|will|could|might|is|are|"
    r"was|were)(?: (?:also|then|later|subsequently|in turn))? (?:to |meant to |intended to |designed to |supposed to |"
    r"expected to |aimed at |be used |serve|give|provide|justify|offer)", re.I)


def _restated_purpose(text: str, sent: tuple[int, int], frame: AllegationFrame,
                      before: Sequence[AllegationFrame]) -> bool:
    if frame.trigger is None or frame.accused or frame.helpers or frame.locations:
        return False  # "the provocation, staged by X, would ...": a new participant or place makes it a frame
    for m in _RESTATED_PURPOSE.finditer(text, sent[0], sent[1]):
        stem = m.group("noun").lower().rstrip("s")[:6]
        if m.start("subj") <= frame.trigger.start < m.end("subj") and (
                any(stem in f.sentence.text.lower() for f in before)  # the same thing named before
                or sent[0] - before[-1].sentence.end < 300):  # or a frame just before it (within 300 characters)
            return True
    return False


_TITLE_WORD = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
_REPORTING_FORMS = frozenset({"says", "said", "claims", "claimed", "warns", "warned", "reports", "alleges", "reveals",
                              "admits", "accuses", "insists", "suggests", "believes", "thinks"})


_COUNTRY_NAMES = frozenset({"ukraine", "russia", "syria", "israel", "iran", "china", "america", "britain", "england",
                            "france", "germany", "poland", "belarus", "georgia", "serbia", "kosovo", "turkey"})
_COMMON_EXTRA = frozenset({"false", "flag", "chemical", "nuclear", "toxic", "gas", "radioactive", "dirty", "bomb",
                           "plant", "village", "border", "apartments", "children", "child", "actors", "actor",
                           "crisis", "mass", "grave", "graves", "own", "itself", "themselves", "new", "another", "leaders",
                           "officials", "spies", "agents", "mercenaries", "footage", "war", "wars", "world", "meet", "continue",
                           "continues", "use", "used"})


@lru_cache(maxsize=8)
def _common_words(lex: Lexicon) -> frozenset[str]:
    """The words a Title Case headline puts in lower case (computed once per lexicon)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS | lex.staging_lemmas | lex.staging_nouns | lex.event_nouns | lex.claim_nouns
                     | lex.reporting_lemmas | lex.future_lemmas | lex.media_nouns | lex.perpetration_nouns
                     | lex.purpose_lemmas | lex.blame_lemmas | lex.helper_verbs | lex.denial_lemmas
                     | lex.hedge_lemmas | _REPORTING_FORMS | _COMMON_EXTRA | (lex.actor_heads - {"helmets"})) \
        - {w.lower() for w in lex.place_stoplist} - lex.demonyms - _COUNTRY_NAMES  # names stay capitalised


def _sentence_cased(text: str, sent: tuple[int, int], lex: Lexicon, nlp: Any, context: Sequence[str],
                    adjacent: str | None, title: bool) -> AllegationFrame | None:
    """A Title Case headline ("Russian Embassy Says Salisbury Poisoning Was A British Set-Up") parses badly:
    its common words (stop words, the lexicon's staging, event and claim words, reporting verbs) are put in
    lower case and it is parsed again. Lower case keeps every offset; the frame's spans take the original text."""
    start, end = sent
    piece = text[start:end]
    words = re.findall(r"(?<![\w’'-])[A-Za-z][\w’'-]*", piece)
    if len(words) < 4 or sum(bool(_TITLE_WORD.fullmatch(w)) for w in words) < 0.8 * len(words) \
            or words[0].lower() in lex.claim_nouns:
        return None  # not Title Case; or "Accusations on MH17 Crash 'Planned Provocation'": about claims
    common = _common_words(lex)
    first = True

    def lower(m: re.Match[str]) -> str:
        nonlocal first
        w, was_first, first = m.group(0), first, False
        low = w.lower()
        if "-" in low and all(part in common for part in low.split("-")):
            return low  # "False-Flag"
        forms = {low, low[:-1], low[:-2], low[:-3], low[:-4], low[:-3] + "e", low[:-2] + "e"}  # says, warned, plotting
        return low if not was_first and (low in common or (len(low) > 4 and forms & common)) else w

    cased = _TITLE_WORD.sub(lower, piece)
    if cased == piece:
        return None
    frame = frames_in_doc(nlp(_blank_dateline(cased))[:], start, lex, context, adjacent, title=title)
    return None if frame is None else _respan(frame, text)


def _respan(frame: AllegationFrame, text: str) -> AllegationFrame:
    """The same frame with every span's text read from ``text`` (the spans' offsets are kept)."""
    def one(sp: Span | None) -> Span | None:
        return None if sp is None else Span(sp.start, sp.end, text[sp.start:sp.end])

    return replace(frame, sentence=one(frame.sentence), trigger=one(frame.trigger), accuser=one(frame.accuser),
                   accused=tuple(map(one, frame.accused)), helpers=tuple(map(one, frame.helpers)),
                   event=one(frame.event), locations=tuple(map(one, frame.locations)),
                   blame_target=tuple(map(one, frame.blame_target)), evidence=one(frame.evidence))


def _after_lead(doc: Any, text: str, sent: tuple[int, int], lex: Lexicon, nlp: Any, context: Sequence[str],
                adjacent: str | None, title: bool) -> AllegationFrame | None:
    """A headline "Foreign Ministry: Khan Shaykhun 'attack' was fabricated ..." whose lead broke the parse: the
    words after the colon parsed alone; the lead is the accuser when it names one (else it is the topic)."""
    start, end = sent
    m = TITLE_LEAD.match(text, start, end)
    if not m or len(m.group("src").split()) > 6 or m.end() >= end:
        return None
    # a Title Case claim after the lead is read in sentence case first, as a whole headline is
    frame = _sentence_cased(text, (m.end(), end), lex, nlp, context, adjacent, title)
    if frame is None:
        rest = nlp(_blank_dateline(text[m.end():end]))
        frame = frames_in_doc(rest[:], m.end(), lex, context, adjacent, title=title)
    if frame is None:
        return None
    whole = Span(start, end, text[start:end])
    accuser = frame.accuser
    if accuser is None:  # "Foreign Ministry: ...": the lead says who claims it
        lead = SentenceSlots(doc[:], start, lex).surface_accuser()
        accuser = lead if lead is not None and lead.end <= m.end() else None
    return replace(frame, sentence=whole, accuser=accuser)


_CLOSE_SAID = re.compile(r"[”\"],?\s+(?P<src>[A-Za-z][^,.“”\"\n]{1,80}?),?\s+(?:has\s+)?(?:said|says|added|stated|"
                         r"told|warned|noted|claimed|alleged|explained|wrote|insisted|stressed)\b")
_OPEN_SAID = re.compile(r"(?P<src>[A-Z][^,.“”\"\n]{1,80}?)\s+(?:said|says|added|stated|warned|noted|claimed|"
                        r"insisted|stressed)(?:\s+that)?[:,]?\s*[“\"]\s*$")


def _quote_speaker(frame: AllegationFrame, text: str, sent: tuple[int, int]) -> AllegationFrame:
    """A frame sentence inside a multi-sentence quotation takes the quote's speaker
    ("“... They are preparing a staged attack,” the officer said." two sentences later)."""
    start, end = sent
    before = text[max(0, start - 2000):start]
    opens_quote = text[start:end].count("“") > text[start:end].count("”")
    if not opens_quote and before.count("“") <= before.count("”"):
        return frame
    opening = before.rfind("“")
    m = None if opens_quote else _OPEN_SAID.search(before[:opening + 1])
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


def _with_attribution(frame: AllegationFrame, attributions: Sequence[Attribution],
                      keep_resolved: bool = False) -> AllegationFrame:
    """Fill the accuser from the attribution whose content holds the trigger, when the parse found none,
    and resolve a pronoun accuser through the attribution's resolved speaker."""
    holding = [a for a in attributions if a.content.start <= frame.trigger.start and frame.trigger.end <= a.content.end
               and a.source is not None]
    if not holding:
        return frame
    outer = max(holding, key=lambda a: a.content.end - a.content.start)
    if frame.accuser is None:
        frame = replace(frame, accuser=outer.source)
    if frame.accuser is not None and frame.accuser.text.casefold() in PRONOUNS and outer.speaker \
            and not (keep_resolved and frame.accuser_resolved):
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
