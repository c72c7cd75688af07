"""Who: the accuser, the accused and their helpers, read off the parse of one sentence
(with surface fallbacks when the parse is broken)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from narratrace.analyze.allegation_lexicon import Lexicon
from narratrace.analyze.allegation_spans import (_CLAUSE_OPENERS, _DOING_LEMMAS, _NOT_ACTORS, _POSS_PRONOUNS,
                                                 _VERBISH, PRONOUNS, SpanReader, _dedupe, _is_inside, _overlaps,
                                                 _pobj, active_imitation, names_actor, resolve_relative)
from narratrace.analyze.allegation_triggers import PREPARED_VERBS
from narratrace.model import Span


# Verbs whose subject handles a staged event without having staged it.
_BYSTANDER_VERBS = {"cover", "ignore", "investigate", "consider", "discuss", "condemn", "derail", "hide", "expose",
                    "reveal", "reject", "deny", "debunk", "confirm", "prove", "report", "acknowledge", "recognize",
                    "recognise", "show", "suggest", "examine", "probe", "document", "pay", "fund"}


# Verbs whose agent made the footage called fake ("photos posted by X are fake").
_MAKERS = {"post", "publish", "film", "produce", "make", "record", "shoot", "release", "distribute", "circulate",
           "spread", "share", "create", "stage", "prepare", "upload", "broadcast"}

# Trigger words that name the stagers themselves: the accused is the trigger's own noun phrase.
ACTOR_TRIGGERS = frozenset({"provocateur", "provocateurs"})
# nouns for a person by office, whose name may follow in commas ("the head of ..., Igor K.,")
_PERSON_TITLES = frozenset({"head", "chief", "spokesman", "spokeswoman", "spokesperson", "minister", "commander",
                            "general", "deputy", "director", "envoy", "ambassador", "representative", "official",
                            "officer", "adviser", "advisor", "secretary", "president", "speaker", "chairman"})
# nouns for a scheme whose named compound is its author ("US plan", "Kremlin plot")
_PLAN_NOUNS = frozenset({"plan", "plot", "scheme", "scenario", "preparation"})
# Adjectives that make the noun after them a faked thing ("a staged 'Russian sabotage' provocation").
_STAGED_WORDS = frozenset({"staged", "simulated", "fabricated", "orchestrated", "imitated", "invented"})
# words that make a title's lead ("X: ...") a source rather than a topic, and words that make it a topic
_LEAD_ACTOR_WORDS = frozenset({"ministry", "minister", "spokesman", "spokeswoman", "expert", "experts", "official",
                               "officials", "defence", "defense", "mod", "mfa", "intelligence", "embassy", "government",
                               "army", "kremlin", "president", "command", "sources", "service", "services", "diplomat", "envoy",
                               "agency", "police", "office", "committee", "council", "speaker", "spokesperson",
                               "ambassador", "general", "chief", "head", "deputy", "mp", "senator", "lawmaker",
                               "governor", "mayor"})
_LEAD_TIME_WORDS = frozenset({"years", "year", "months", "weeks", "days", "anniversary", "ago", "since", "after",
                              "before"})
_SPEAKING_CAPITALS = frozenset({"moscow", "washington", "london", "beijing", "damascus", "tehran", "kyiv", "kiev",
                                "minsk", "belgrade", "ankara", "paris", "berlin", "brussels", "pyongyang", "caracas",
                                "havana", "baghdad", "tbilisi", "chisinau", "warsaw", "budapest"})
_RECEIVING = {"receive", "obtain", "get"}
# What a body "receives" that is its evidence ("received information / a tip-off"), not someone's claim.
_RECEIVED_WORD = {"information", "intelligence", "data", "report", "tip", "call", "message", "signal"}


def _received_word(verb: Any) -> bool:
    return verb.lemma_.lower() in _RECEIVING and any(  # "a tip - off" is parsed as "off" with a compound "tip"
        c.dep_ in {"dobj", "obj"} and {t.lemma_.lower() for t in [c, *c.children] if t.i <= c.i} & _RECEIVED_WORD
        for c in verb.children)


def _speaker_rank(tok: Any) -> int:
    """How far a speaker gives way to one further out (lower wins; innermost among equals): 0 a named
    speaker; 1 one who "received information" ("X said: the centre received information that ..." is X's
    claim); 2 a pronoun ("it", "we"; not a relative "who", which stands for its noun) or the source of received
    information ("the centre received a tip-off from a resident who said ...": the resident is the centre's
    evidence; but "Putin received a warning by the SVR, which claims ...": the SVR)."""
    if tok.pos_ == "PRON" and tok.lower_ not in {"who", "which", "that", "whom"}:
        return 2
    if any(_received_word(a) for a in tok.head.ancestors):
        return 2
    return 1 if _received_word(tok.head) else 0


def _according_below(trigger: Any, speaker: Any | None, lex: Lexicon) -> Any | None:
    """The X of an "according to X" on the trigger's clause, below the verb whose subject is ``speaker``
    (anywhere above the trigger when ``speaker`` is None; not "according to reliable information": evidence)."""
    for node in [trigger, *trigger.ancestors]:
        if speaker is not None and node.i == speaker.head.i:
            return None
        for prep in node.children:
            if prep.lower_ == "according" and prep.dep_ == "prep":
                pobj = _pobj(prep, "to")
                if pobj is not None and pobj.lemma_.lower() not in lex.evidence_subjects and not any(
                        p.match("according to " + " ".join(t.text for t in pobj.subtree)) for p in lex.evidence_patterns):
                    return pobj
    return None


# A title's lead before a colon: who says it ("Lavrov: ...") or its topic ("Syria: ...", "MH17: ...").
TITLE_LEAD = re.compile(r"(?P<src>[^:“”\"]{3,70}):\s+")
# Verbless headline predicates whose subject is the one who would act ("The White Helmets ready to kill ...").
_READY = frozenset({"ready", "willing", "prepared", "eager", "poised", "set", "about", "likely", "able"})


def _noun_read_verb(tok: Any) -> bool:
    """"Bild claims that X staged ...": a reporting verb the tagger read as a noun (it has a subject and a clause)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children) \
        and any(c.dep_ == "ccomp" for c in tok.children)


# "UK services created the White Helmets that plan to stage ...": whoever made the accused backs them.
_CREATORS = {"create", "found", "establish", "set", "arm", "recruit", "train", "fund", "finance", "sponsor"}


_ADMISSION = {"admit", "concede", "confess"}


class ActorReader(SpanReader):
    # ------------------------------------------------------------ accuser
    def reporting_chain(self, trigger: Any) -> list[Any]:
        """Reporting verbs above the trigger, innermost first. "X admitted (that) the landing was staged"
        reports a clause; "X admit staging attacks" is X's own act, no report."""
        out, below = [], trigger
        for a in trigger.ancestors:
            lemma = a.lemma_.lower()
            if (lemma in self.lex.reporting_lemmas or (lemma in _ADMISSION and below.dep_ == "ccomp")) \
                    and (a.pos_ in _VERBISH or a.tag_.startswith("VB") or a.dep_ == "acomp" or _noun_read_verb(a)):
                out.append(a)
            below = a
        return out

    def accuser(self, trigger: Any) -> tuple[Span | None, Any | None]:
        """The subject of the innermost reporting verb above the trigger with the best rank (see
        :func:`_speaker_rank`), innermost among equals; or a surface pattern."""
        found = None
        for verb in self.reporting_chain(trigger):
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            subj = self._agent(verb) if passive else self._subject(verb)  # "were exposed by RT for staging"
            if passive and subj is None:
                continue
            if subj is None and verb.dep_ == "acomp":
                subj = self._subject(verb.head)
            if subj is None and verb.lemma_.lower() == "say" and verb.head.lower_ == "as" \
                    and verb.head.head.lemma_.lower() in {"quote", "cite"}:  # "TV quoted an official as saying"
                subj = next((c for c in verb.head.head.children if c.dep_ in {"dobj", "obj"}), None)
            if subj is None and verb.dep_ in {"pcomp", "advcl", "xcomp", "acl", "relcl", "conj"}:
                for anc in verb.ancestors:
                    if verb.dep_ == "advcl" and anc.dep_ == "ccomp" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
                            and anc.head.lemma_.lower() in self.lex.reporting_lemmas:
                        continue  # "X said Y had placed mines, warning that ...": X warns, the parse hangs it on Y's verb
                    subj = self._subject(anc) if anc.pos_ in _VERBISH or anc.tag_.startswith("VB") else None
                    if subj is not None or anc.dep_ == "ROOT":
                        break
            if subj is not None and subj.lemma_.lower() in self.lex.event_nouns:
                subj = None
            if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in {"doubt", "question"}
                   for c in verb.children):
                continue  # "reporters had raised doubts about the false flag": they do not allege it
            if subj is not None and subj.lemma_.lower() not in self.lex.evidence_subjects \
                    and not _is_inside(trigger, subj):
                # the innermost named speaker ("RT reports that the ministry warned ...": the ministry); a
                # pronoun ("what it describes as", "we believe") gives way to a speaker further out
                if found is None or _speaker_rank(subj) < _speaker_rank(found):
                    found = subj
        if found is not None:  # "X reports that, according to the ministry, ...": the ministry
            inner = _according_below(trigger, found, self.lex)
            found = inner if inner is not None and _speaker_rank(inner) <= _speaker_rank(found) else found
        if found is None:  # "According to the ministry's spokesman, Igor K., Kyiv is preparing ..." (parsed)
            found = _according_below(trigger, None, self.lex)
        if found is None:  # "claims by Russian state television that the poisoning was staged"
            for anc in trigger.ancestors:
                if anc.pos_ == "NOUN" and anc.lemma_.lower() in self.lex.claim_nouns:
                    by = _pobj(anc, "by")
                    if by is not None and not _is_inside(trigger, by) and self.actor_like(by):
                        found = by
                    break
        if found is None:  # "The ministry sent two letters to the UN on the preparations of X to fabricate ...": the
            for anc in trigger.ancestors:  # sender of a letter about it
                if anc.lemma_.lower() in {"send", "address", "submit", "deliver"} and any(
                        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in {"letter", "message", "note", "appeal",
                                                                           "complaint"} for c in anc.children):
                    subj = self._subject(anc)
                    if subj is not None and self.actor_like(subj) and not _is_inside(trigger, subj):
                        found = subj
                    break
        if found is None:  # "The article elaborates on ... crisis actors hired by media": a text describes it
            for anc in trigger.ancestors:
                subj = self._subject(anc) if anc.pos_ in _VERBISH or anc.tag_.startswith("VB") else None
                if subj is not None and subj.lemma_.lower() in self.lex.text_sources and not _is_inside(trigger, subj):
                    found = subj
                    break
        if found is not None:
            relative = found.lower_ in {"which", "that"}
            found = resolve_relative(found)
            bare = found.tag_ == "NN" and not found.ent_type_ and not any(c.dep_ in {"det", "poss"} for c in found.children)
            if relative and (bare or not self.actor_like(found)):  # "placed there by hand, which, according to the
                found = _according_below(trigger, None, self.lex)  # outlet, confirms ...": the outlet, not "hand"
        if found is not None and found.lemma_.lower() in self.lex.event_nouns:
            found = None
        if found is not None:
            start, end = self.subtree_span(found)
            if found.dep_ == "pobj" and found.head.lower_ == "to" and found.head.head.lower_ == "according":
                # "according to Russian media, Ukraine, with British help, is ...": the apposition is the subject
                appos = next((c for c in found.children if c.dep_ == "appos" and c.i > found.i), None)
                if appos is not None:
                    first = found.doc[appos.left_edge.i - 1] if appos.left_edge.i > found.i + 1 else appos.left_edge
                    end = min(end, first.idx if first.text == "," else appos.left_edge.idx)
                end = self._named_apposition(found, end)
            return self.span(start, end), found
        return self.surface_accuser(), None

    _APPOSED_NAME = re.compile(r",\s+(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+(?=\s*,)")

    def _named_apposition(self, title: Any, end: int) -> int:
        """"according to the head of the troops, Lieutenant General Igor K., ...": the name set off by commas
        after a person's title extends the speaker (not "according to the ministry, Boris Johnson, backed by
        MI6, staged ...", where the name is the subject, nor "the United States" listed next)."""
        m = self._APPOSED_NAME.match(self.sent.doc.text, end)
        if m is None:
            return end
        toks = [t for t in self.sent if end <= t.idx < m.end() and t.is_alpha]
        named = bool(toks) and toks[-1].ent_type_ == "PERSON"
        return m.end() if named and (title.lemma_.lower() in _PERSON_TITLES or toks[-1].dep_ == "appos") else end

    def _subject(self, verb: Any) -> Any | None:
        """The subject of ``verb``; with two (a broken parse of "X: Y are ..."), the one nearest the verb."""
        subs = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != verb.i]
        before = [c for c in subs if c.i < verb.i]
        return before[-1] if before else (subs[0] if subs else None)

    _QUOTE_SAID = re.compile(r"[”\"’],?\s+(?:(?:the|a)\s+)?(?P<src>[^,.“”\"]{2,90}?),?\s+(?:has\s+)?"
                             r"(?:said|says|added|stated|told|warned|noted|claimed|alleged(?=\s*(?:[,.;]|that\b|$))|explained"
                             r"|wrote)\b")  # (not "... after the alleged gas attack": an adjective)
    _TRAIL_SAYS = re.compile(r",\s+(?P<src>[^,]{2,120}?)\s+(?:says|said|claims|claimed|warns|warned|reports|believes|"
                             r"told(?:\s+(?:an? |the )?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?|reporters|journalists|media|"
                             r"(?:[\w-]+ )?(?:briefing|press conference|news conference)))?)"
                             r"(?:\s+(?:on|at|in|late|early|this|last|earlier|yesterday|today)\b[^,;:]{0,40})?\W*$", re.I)
    # "..., Rear Admiral Oleg Z., head of the Reconciliation Centre, said on Monday": a speaker and the title set off
    # by commas before a closing verb of saying (the parse hangs the speaker on the last noun of the claim)
    _SET_OFF_SAYING = (r"(?:said|says|told|stated|added|claimed|claims|warned|noted|stressed|specified|explained|"
                       r"recalled|insisted|insists|reported|announced|alleged|alleges)")
    _TRAIL_APPOSED = re.compile(r",\s+(?P<src>(?P<first>[^,]{2,90}?),\s+[^,]{2,140}?),\s+(?:has\s+)?" + _SET_OFF_SAYING
                                + r"(?:\s+(?:an? |the )?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?|reporters|journalists|media|"
                                  r"(?:[\w-]+ )?(?:briefing|press conference|news conference)))?"  # "told TASS"
                                + r"(?:\s+(?:on|at|in|late|early|this|last|earlier|yesterday|today)\b[^,;:]{0,40})?\W*$")
    # "The staged footage, Kulit specified, is to be ...": a speaker set off by commas inside the claim
    _PAREN_SAYS = re.compile(r"^[^,]{3,120}?,\s+(?P<src>[^,]{2,60}?)\s+" + _SET_OFF_SAYING + r",\s+")
    # a title's source after a closing dash: "X plot an attack – Defence Ministry"
    _TRAIL_DASH = re.compile(r"\s[–—-]\s+(?P<src>[^–—,.;:’'\"“”]{2,50}?)\W*$")
    _ACCORDING = re.compile(r"\baccording to (?P<src>[^,.;]{2,80})", re.I)
    # "Facebook pages in Mali allege that ...": a sentence-initial source whose verb the parse took for a noun
    _LEAD_SAYS = re.compile(r"^(?P<src>[^,.;:“”\"]{2,90}?)\s+(?:allege|alleges|alleged|claim|claims|claimed|say|says|"
                            r"said|assert|asserts|asserted|insist|insists|suggest|suggests|warn|warns|warned|report|reports|"
                            r"reported)\s+that\b")

    def surface_accuser(self) -> Span | None:
        text = self.text
        for pat in (self._QUOTE_SAID, self._TRAIL_SAYS):
            m = pat.search(text)
            if m:
                return self.span(self.base + m.start("src"), self.base + m.end("src"))
        for pat, part in ((self._TRAIL_APPOSED, "first"), (self._PAREN_SAYS, "src")):
            m = pat.search(text)
            if m and self._actorish(m.start(part), m.end(part)) and not self._eventish_lead(m.group(part)):
                return self.span(self.base + m.start("src"), self.base + m.end("src"))
        m = self._LEAD_SAYS.match(text)
        if m and not self._eventish_lead(m.group("src")):
            return self.span(self.base + m.start("src"), self.base + m.end("src"))
        m = self._TRAIL_DASH.search(text)
        if m and self._actorish(m.start("src"), m.end("src")) and not self._eventish_lead(m.group("src")) \
                and not self.lex.is_candidate(m.group("src")):
            return self.span(self.base + m.start("src"), self.base + m.end("src"))
        m = TITLE_LEAD.match(text)
        if m and self._actorish(m.start("src"), m.end("src")) and not self._eventish_lead(m.group("src")):
            return self.span(self.base + m.start("src"), self.base + m.end("src"))
        m = self._ACCORDING.search(text)
        if m and not any(p.match(m.group(0)) for p in self.lex.evidence_patterns):
            return self.span(self.base + m.start("src"), self.base + m.end("src"))
        return None

    def _eventish_lead(self, src: str) -> bool:
        """"MH17: ...", "Downing of PS752: ...": a title's topic, not who says it."""
        words = re.findall(r"[\w-]+", src.lower())
        return any(ch.isdigit() for ch in src) or bool(self.lex.incident_name_re.search(src)) \
            or any(w in self.lex.event_nouns or w in self.lex.claim_nouns for w in words) \
            or bool(words) and words[-1].removesuffix("s") in self.lex.event_nouns  # "Nord Stream explosions: ..."

    def _actorish(self, start: int, end: int) -> bool:
        toks = [t for t in self.sent if start <= t.idx - self.base < end]
        if any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in self.lex.reporting_lemmas for t in toks) \
                or any(t.lower_ in _LEAD_TIME_WORDS for t in toks):
            return False  # "Racak thus became the pretext NATO needed: ...", "Twenty-five years after Racak: ..."
        if len(toks) == 1 and toks[0].lower_ in _SPEAKING_CAPITALS:
            return True  # "Beijing: ...": a capital speaking for its government
        if any(t.ent_type_ == "GPE" for t in toks) and not any(t.ent_type_ in {"ORG", "PERSON"} for t in toks):
            return any(t.lower_ in _LEAD_ACTOR_WORDS | {"military"} for t in toks)
        if len(toks) == 1 and toks[0].text.isupper() and toks[0].is_alpha and len(toks[0].text) >= 2:
            return True  # an acronym: "DPR: ..."
        return any(t.ent_type_ in {"ORG", "PERSON", "NORP"} or t.lower_ in _LEAD_ACTOR_WORDS for t in toks)

    # ------------------------------------------------------------ accused and helpers
    def accused_and_helpers(self, trigger: Any, stop: Iterable[Any]) -> tuple[list[Span], list[Span]]:
        stop_ids = {t.i for t in stop}
        accused: list[Span] = []
        helpers: list[Span] = []
        if trigger.lower_ in ACTOR_TRIGGERS:  # "masked provocateurs were behind ...": they stage it
            return _dedupe(self.nps(trigger)), []
        noun = trigger.head if trigger.dep_ in {"amod", "compound"} and trigger.head.pos_ == "NOUN" else trigger
        # ("simulate shelling of the station by the Ukrainian army": "by" names the one the act is put on)
        head = (None if active_imitation(trigger) else self._agent(trigger)) \
            or (self._agent(noun) if noun is not trigger else None)
        if head is None and trigger.lower_ == "provocations":  # (a singular "the provocation of X" may name its
            of = _pobj(trigger, "of")  # target) "the provocations of Ukrainian servicemen and radicals": theirs
            head = of if of is not None and self.actor_like(of) and of.ent_type_ not in {"GPE", "LOC", "FAC"} else None
        if head is None and noun.dep_ == "pobj" and noun.head.lower_ == "behind" and noun.head.head.lemma_ == "be":
            head = self._subject(noun.head.head)  # "Western spies were behind the Navalny 'provocation'"
        if head is None and trigger.dep_ in {"amod", "compound"} and trigger.head.tag_ == "VBN":
            head = self._agent(trigger.head)  # "a hoax set up by MI6" parsed with "hoax" modifying "set"
        if head is None:
            head = self._owner(noun)
        if head is None:
            head = self._hyphen_maker(trigger, noun)
        if head is None and trigger.dep_ == "acl" and trigger.tag_ in {"VBD", "VBN"} \
                and any(c.dep_ in {"dobj", "obj"} for c in trigger.children) \
                and not any(c.dep_ in {"agent", "auxpass"} for c in trigger.children) \
                and trigger.head.i < trigger.i and names_actor(trigger.head, self.lex):
            head = trigger.head  # a headline misparsed after "X:": "Lukashenko: Polish services set up a fake ..."
        owned = head is not None
        if head is None:
            for anc in trigger.ancestors:  # "accusing Kiev of preparing a false-flag attack"
                if anc.lemma_.lower() in {"accuse", "blame", "suspect"}:
                    obj = next((c for c in anc.children if c.dep_ in {"dobj", "obj"}), None)
                    preps = [c for c in [*anc.children, *(obj.children if obj is not None else ())]
                             if c.dep_ == "prep" and c.lower_ in {"of", "for"}]  # "of" may hang on the object
                    if obj is not None and any(_is_inside(trigger, p) for p in preps):
                        if any(p.head.i == obj.i and _is_inside(trigger, p) for p in preps):
                            accused.extend(self.nps(obj))  # "accused rebels [of launching ...]": the noun only
                        else:
                            head = obj
                    break
        if head is None:
            for anc in [trigger, *trigger.ancestors]:
                if anc.i in stop_ids:
                    break
                if anc is not trigger and anc.lemma_.lower() in _BYSTANDER_VERBS:
                    break  # "in attempts to cover up the provocation, X ...": X did not stage it
                if anc.pos_ in {"NOUN", "PROPN"} and anc is not trigger:
                    if anc.lemma_.lower() in _PLAN_NOUNS:  # "US plan for 'false flag' attack"
                        named = next((c for c in anc.children if c.dep_ == "compound" and c.i < anc.i
                                      and c.ent_type_ in {"GPE", "ORG", "NORP"} and self.actor_like(c)), None)
                        if named is not None:
                            head = named
                            break
                    poss = next((c for c in anc.children if c.dep_ == "poss" and c.lower_ not in _POSS_PRONOUNS), None)
                    if poss is not None:  # "the Kremlin's plan to create a false-flag operation"
                        head = poss
                        break
                if anc.lemma_.lower() in self.lex.helper_verbs:
                    obj = next((c for c in anc.children if c.dep_ in {"dobj", "obj"}), None)
                    subj = self._subject(anc)
                    by = self._agent(anc)
                    if obj is None and by is not None and subj is not None:  # "X were ordered by Y to fake"
                        helpers.extend(self.actors(resolve_relative(by))[0])
                    if obj is not None and obj.i == trigger.i:
                        obj = None  # "groups had directed the Ghouta scenario": the staging itself is the object
                    if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                        head = obj
                        if subj is not None or by is not None:
                            helpers.extend(self.nps(resolve_relative(by if by is not None else subj)))
                        break
                subj = self._subject(anc) if anc.pos_ in _VERBISH or anc.tag_.startswith("VB") \
                    or (anc.pos_ == "ADJ" and anc.lower_ in _READY) else None  # "X ready to kill ..."
                if subj is not None and subj.lemma_.lower() in self.lex.evidence_subjects \
                        and anc.lemma_.lower() not in PREPARED_VERBS | _DOING_LEMMAS:
                    break  # "an intercepted call proves the case is fabricated": evidence, not the accused
                    # (but "Lithuanian intelligence ... is preparing a provocation": the service prepares it)
                if subj is not None and subj.pos_ == "NOUN" and subj.lower_ in {"plan", "plans", "plot", "plots"}:
                    named = [c for c in subj.children if c.dep_ == "compound"]  # "Idlib rebels plan staged ..."
                    subj = named[-1] if named else subj
                if subj is not None:
                    subj = resolve_relative(subj)
                    if self._is_thing(subj) or subj.i == trigger.i:  # "a mise-en-scène ... was organised by X"
                        if anc.lemma_.lower() in self.lex.staging_lemmas | _DOING_LEMMAS or anc is trigger:
                            head = self._agent(anc)
                    else:
                        head = subj
                        if anc.head is not anc and anc.head.lemma_.lower() in self.lex.helper_verbs:
                            helper_subj = self._subject(anc.head)
                            if helper_subj is not None:
                                helpers.extend(self.actors(resolve_relative(helper_subj))[0])
                    break
                if anc.dep_ == "acl" and anc.head.pos_ in {"NOUN", "PROPN"} and anc.tag_ in {"VBG", "VBN"} \
                        and not self._is_thing(anc.head):
                    head = anc.head
                    break
                if anc is trigger and subj is None and any(c.dep_ == "auxpass" for c in anc.children):
                    break  # "the attack was staged" with no agent: nobody is named, do not climb
                if anc.dep_ == "ROOT" and anc.pos_ in {"NOUN", "PROPN"} and anc is not trigger \
                        and not self._is_thing(anc):
                    mod = next((c for c in anc.children if c.dep_ in {"compound", "nmod", "amod"}
                                and c.ent_type_ in {"GPE", "ORG", "NORP"}), None)
                    head = anc if self.actor_like(anc) else mod  # "US preparation of a false flag attack"
                    clause_subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i < anc.i), None)
                    if clause_subj is not None and self.actor_like(clause_subj):
                        head = clause_subj  # a verb the parse made a noun: "They have ... stolen kids ..."
                    break
        if head is not None and head.lower_ not in {"who", "which", "that", "false", "fake", "staged"} \
                and self.actor_like(head) \
                and (owned or not (head.head is trigger and head.dep_ in {"amod", "compound"})):
            acc, helps = self.actors(head)
            if head.dep_ == "appos" and head.head.pos_ in {"NOUN", "PROPN"} and self.actor_like(head.head) \
                    and head.head.i < head.i:  # a title's list "White Helmets, terrorists plotting ..."
                acc = [*self.nps(head.head), *acc]
            accused.extend(acc)
            helpers.extend(helps)
            if head.head.lemma_.lower() in self.lex.helper_verbs | _CREATORS and head.dep_ in {"nsubj", "dobj"}:
                helper_subj = self._subject(head.head)
                if helper_subj is not None and helper_subj is not head:
                    helpers.extend(self.actors(resolve_relative(helper_subj))[0])
        if not accused:
            acc, helps = self.surface_accused(trigger)
            accused.extend(acc)
            helpers.extend(helps)
        if not helpers:
            helpers.extend(self._after(self.lex.helper_re, None, trigger))
        for c in trigger.children:  # "a new provocation ... involving NATO"
            if c.dep_ == "acl" and c.lemma_.lower() in {"involve", "include"}:
                obj = next((g for g in c.children if g.dep_ in {"dobj", "obj"}), None)
                if obj is not None and (obj.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}):
                    helpers.extend(self.nps(obj))
        for anc in trigger.ancestors:  # "Terrorists have met with White Helmets to stage ...": both stage it
            if anc.lemma_.lower() in {"meet", "team", "join", "collude", "conspire", "unite"} and accused:
                partner = _pobj(anc, "with") or next((_pobj(c, "with") for c in anc.children if c.dep_ == "prt"), None)
                if partner is not None and self.actor_like(partner):
                    accused.extend(self.nps(partner))
                break
        if accused:  # "X are plotting, together with Y, a hoax", "a hoax orchestrated by X together with Y"
            accused.extend(self._partners(trigger, accused, helpers))
        backers = [a for a in accused if self._backer(a)]  # "Daesh and their supporters (the US)"
        if backers and len(backers) < len(accused):
            helpers.extend(backers)
            accused = [a for a in accused if a not in backers]
        named = {a.text.casefold() for a in accused}
        helpers = [h for h in helpers if h.text.casefold() not in named]
        accused = [a for a in accused if not any(_overlaps(a, h) for h in helpers)]
        return _dedupe(accused), _dedupe(helpers)

    def _partners(self, trigger: Any, accused: list[Span], helpers: list[Span]) -> list[Span]:
        """Co-stagers named by "together with / jointly with / along with" on the trigger's clause, outside the
        accused phrase (which :meth:`actors` splits itself)."""
        out: list[Span] = []
        doc = self.sent.doc
        clause = {trigger.i}  # the trigger and the verbs above it, up to a verb of saying (whose partners are the
        for t in trigger.ancestors:  # speaker's)
            if t.lemma_.lower() in self.lex.reporting_lemmas:
                break
            if t.pos_ in {"VERB", "AUX"}:
                clause.add(t.i)
        for m in self.lex.coaccused_re.finditer(doc.text, self.sent.start_char, self.sent.end_char):
            prep = next((t for t in self.sent if t.idx <= m.end() - 1 < t.idx + len(t.text)), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None or not self.actor_like(obj):
                continue
            if any(a.start <= obj.idx < a.end for a in (*accused, *helpers)):
                continue  # already read, in the accused phrase or as a helper
            anchor = prep.head
            while anchor.lower_ in {"together", "jointly", "along", "tandem", "in"} and anchor.head is not anchor:
                anchor = anchor.head  # "together with", "in tandem with": the word they hang on
            # the partner hangs on the trigger, on a verb of its clause, or on the accused phrase ("X together
            # with Y"), not deeper ("killing soldiers along with their commanders", "accuses Z of working with Y")
            if anchor.i in clause or any(a.start <= anchor.idx < a.end for a in accused):
                out.extend(self.nps(obj))
        return out

    _VERB_GROUP = re.compile(r"\b(?:are|is|were|was|will|would|had|have|has|plan|plans|planned|planning|prepare|"
                             r"prepares|prepared|preparing|intend|intends|plot|plots|plotting|want|wants|seek|seeks|"
                             r"try|tries|trying|stage|stages|staged|staging|fake|faked|fakes|orchestrated?|"
                             r"fabricated?|arrived|admit|admits|produce|produces|organi[sz]e|organi[sz]es)\b")
    _BOUNDARY = re.compile(r"(?:\bthat\b|:|“|\"|\bsaid\b|\bsays\b|\bwarned\b|\balleged\b|,)\s*")

    def surface_accused(self, trigger: Any) -> tuple[list[Span], list[Span]]:
        """When the parse gives no subject: the noun phrase right before the first verb group
        that leads to the trigger ("X together with Y, backed by Z, are preparing to ...")."""
        left_end = trigger.idx - self.base
        left = self.text[:left_end]
        m = self._VERB_GROUP.search(left)
        while m is not None:
            head_text = left[:m.start()]
            whole = re.split(r"\bthat\b|:|“", head_text)[-1].strip().lower()
            whole_head = re.split(r"\s(?:in|of|on|at|near|against|by|from|with)\s|,", " " + whole + " ")[0].split()
            if whole_head and whole_head[-1].strip("“”\"'’") in self.lex.event_nouns:
                return [], []  # "Chemical weapons attack in Douma, Syria was staged": no one named
            cut = 0
            for b in self._BOUNDARY.finditer(head_text):
                if b.group(0).strip() == ",":
                    after = head_text[b.end():]
                    if self.lex.helper_re.match(after) or self._helper_clause_before(head_text, b.start()) \
                            or not after.strip():
                        continue
                cut = b.end()
            subj = head_text[cut:].strip()
            lead = self.leading_actor(cut)
            if lead is not None:
                return [lead], []
            if re.search(r"\b(?:which|how|means|shows|proves)\b| - ", subj):
                return [], []  # a clause, not a noun phrase
            words = subj.split()
            if 0 < len(words) <= 25 and any(w[:1].isalpha() for w in words):
                first = re.split(r",|\band\b", subj)[0]
                for pat in (self.lex.coaccused_re, self.lex.helper_re):
                    first = pat.split(first)[0]
                head_words = re.split(r"\s(?:in|of|on|at|near|against|by|from|with)\s", " " + first.lower() + " ")[0].split()
                head_word = head_words[-1].strip(",.;:“”\"'’").split("-")[-1] if head_words else ""
                things = self.lex.event_nouns | self.lex.claim_nouns
                toks = [t for t in self.sent if cut <= t.idx - self.base < m.start()]
                heads = [t for t in toks if t.lower_ == head_word or t.lower_.split("-")[-1] == head_word]
                if head_word not in things and head_word.rstrip("s") not in things \
                        and not _CLAUSE_OPENERS.match(subj) and heads and self.actor_like(heads[0]) \
                        and not (toks and toks[0].lower_ in _NOT_ACTORS and len(toks) == 1):
                    start = self.base + cut + (len(head_text[cut:]) - len(head_text[cut:].lstrip()))
                    end = self.base + m.start()
                    piece = self.sent.doc.text[start:end]
                    accused, helpers = self._split_piece(start, end, piece)
                    if accused:
                        return accused, helpers
            break
        return [], []

    def _backer(self, span: Span) -> bool:
        words = re.findall(r"[\w-]+", span.text.lower())
        return bool(words) and any(w in self.lex.helper_nouns for w in words[:3])

    def leading_actor(self, cut: int) -> Span | None:
        """"They have, for example, stolen ...", "White Helmets kidnap children, ...": a pronoun or a
        name at the start of the subject, followed by a lower-case word (a verb the parse missed)."""
        toks = [t for t in self.sent if t.idx - self.base >= cut and not t.is_space]
        if len(toks) < 2:
            return None
        if toks[0].lower_ in {"they", "he", "she"} and not toks[1].text[:1].isupper():
            return self.span(toks[0].idx, toks[0].idx + len(toks[0].text))
        ent = next((e for e in self.sent.ents if e.start == toks[0].i and e.label_ in {"ORG", "NORP", "GPE", "PERSON"}),
                   None)
        if ent is not None and ent.end < self.sent.end:
            nxt = self.sent.doc[ent.end]
            if nxt.is_alpha and nxt.text.islower() and nxt.lower_ not in {"and", "or", "of", "in", "with", "together"} \
                    and nxt.lower_ not in self.lex.actor_heads and nxt.lemma_.lower() not in self.lex.actor_heads \
                    and nxt.tag_ != "NNS":  # "Nusra militants" is one actor
                return self.span(ent.start_char, ent.end_char)
        return None

    def _helper_clause_before(self, text: str, comma: int) -> bool:
        """Is the comma at ``comma`` the end of a ", backed by ..." clause?"""
        prev = text.rfind(",", 0, comma)
        return prev >= 0 and bool(self.lex.helper_re.match(text[prev + 1:comma].strip()))

    def _split_piece(self, start: int, end: int, piece: str) -> tuple[list[Span], list[Span]]:
        helpers: list[Span] = []
        m = self.lex.helper_re.search(piece)
        if m:
            tail = piece[m.end():]
            stop = re.search(r",|\bto\s+\w+\b", tail)
            h_end = m.end() + (stop.start() if stop else len(tail))
            helpers.extend(self._parts(start + m.end(), start + h_end))
            piece_cut = piece[:m.start()].rstrip(" ,")
            rest = piece[h_end:].lstrip(" ,")
            accused = self._parts(start, start + len(piece_cut))
            if rest:
                accused.extend(self._parts(end - len(rest), end))
            return accused, helpers
        return self._parts(start, end), helpers

    def actor_like(self, tok: Any) -> bool:
        """Can this noun be someone who stages (not "it", "evidence", "the problem")?"""
        if tok.lower_ in _NOT_ACTORS:
            return False
        if names_actor(tok, self.lex) or tok.pos_ == "PROPN":
            return True
        if tok.pos_ != "NOUN":
            return False
        words = {tok.lower_, tok.lemma_.lower(), tok.lemma_.lower() + "s"}
        return not words & (self.lex.non_actors | self.lex.event_nouns | self.lex.claim_nouns)

    def _is_thing(self, tok: Any) -> bool:
        words = {tok.lower_, tok.lemma_.lower()}
        return bool(words & (self.lex.event_nouns | self.lex.claim_nouns)) and tok.lower_ not in self.lex.actor_heads

    def _agent(self, tok: Any) -> Any | None:
        for c in tok.children:
            if c.dep_ in {"agent", "prep"} and c.lower_ == "by":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None:  # "provocations by Kiev involving a dirty bomb", parsed as "Kiev" doing the involving
                    pcomp = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                    pobj = next((g for g in pcomp.children if g.dep_ == "nsubj" and g.pos_ == "PROPN"), None) \
                        if pcomp is not None else None
                if pobj is not None:
                    return pobj
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "advance" for g in c.children):
                found = self._agent(next(g for g in c.children if g.lower_ == "advance"))
                if found is not None:  # "prepared in advance by X" (the parse hangs "by" on "advance")
                    return found
        return None

    def _hyphen_maker(self, trigger: Any, noun: Any) -> Any | None:
        """"a CIA-scripted operation", "the US-staged attack": the actor fused to the staging participle (a
        proper name, not "a state-orchestrated provocation")."""
        doc = trigger.doc
        makers = self.lex.staging_lemmas | PREPARED_VERBS
        for part in [trigger, *(c for c in noun.children if c.dep_ == "amod" and c.i < noun.i and c is not trigger)]:
            if part.tag_ != "VBN" or not (part.lower_ in makers or part.lemma_.lower() in makers):
                continue
            for c in part.children:
                if c.i + 1 < part.i and doc[c.i + 1].text in {"-", "–"} and not c.whitespace_ \
                        and c.dep_ in {"npadvmod", "compound", "nmod", "dep", "nsubj"} \
                        and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}):
                    return c
        return None

    def _named(self, tok: Any) -> bool:
        """A name or a known actor ("the Kremlin", "Poroshenko", "terrorists"), not any noun."""
        return tok.pos_ == "PROPN" or bool(tok.ent_type_) or names_actor(tok, self.lex)

    def _owner(self, trigger: Any) -> Any | None:
        """"Poroshenko's provocation", "a Ukrainian provocation", "US provocation"."""
        doc = trigger.doc
        for c in trigger.children if trigger.pos_ in {"NOUN", "PROPN"} else ():
            if c.i + 1 < len(doc) and doc[c.i + 1].text in {"-", "–"} and not c.whitespace_ \
                    or c.lower_ in {"anti", "pro"} or len(c.text) < 2 \
                    or (c.i > 0 and doc[c.i - 1].text in {"-", "–"} and not doc[c.i - 1].whitespace_):
                continue  # "anti-Russian provocation", "a Daesh-orchestrated bombing" (not a spaced dash)
            if c.dep_ == "poss" and c.lower_ not in PRONOUNS | {"its", "their", "his", "her"} and self._named(c):
                return c  # not "a 'dirty bomb' false flag", whose 'bomb' the parse made a possessor
            if (c.lower_ in self.lex.staging_object_modifiers and c.dep_ == "amod"
                    or c.lower_ in self.lex.title_object_modifiers) \
                    and not trigger.lower_.startswith("provocation"):
                continue  # "a staged terrorist attack": a kind of attack, not who stages it
            if any(x.dep_ == "amod" and x.i < c.i and x.lower_ in self.lex.staging_object_modifiers | _STAGED_WORDS
                   for x in trigger.children):
                continue  # "a fake Ukrainian attack", "a staged 'Russian sabotage' provocation": what is faked
            if self.lex.incident_re.fullmatch(" ".join(t.text for t in c.subtree)):
                continue  # "the Ghouta scenario", "the Bucha provocation": the incident, not who stages it
            if c.dep_ in {"amod", "compound", "nmod"} and (c.ent_type_ in {"NORP", "GPE", "ORG"}
                                                           or c.lower_ in self.lex.actor_heads
                                                           or c.lower_ in self.lex.demonyms
                                                           or c.lower_ + "s" in self.lex.actor_heads):
                return c
        nominal = [trigger, *[x for x in trigger.children if x.dep_ == "conj"]] if trigger.pos_ in {"NOUN", "PROPN"} else []
        for c in nominal:  # "a provocation ... of Ukraine"
            of = _pobj(c, "of")
            if of is not None and (of.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} or of.pos_ == "PROPN"
                                   or of.lower_ in self.lex.actor_heads):  # "a provocation of terrorists"
                return of
            if of is not None and of.lemma_.lower() in self.lex.event_nouns and self._agent(of) is not None:
                return self._agent(of)  # "the provocation of the downing of MH17 by Ukraine"
            frm = _pobj(c, "from")
            if frm is not None and frm.ent_type_ in {"GPE", "ORG", "NORP"}:
                return frm  # "a provocation in Crimea from NATO"
        if nominal and trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
            act = trigger.head.head  # "an act of provocation personally staged by X"
            for c in act.children:
                if c.dep_ in {"acl", "relcl"}:
                    agent = self._agent(c)
                    if agent is not None:
                        return agent
        for c in trigger.children if nominal else ():  # "a provocation, which is likely to be carried out by X"
            if c.dep_ in {"relcl", "acl"}:
                for t in c.subtree:
                    agent = self._agent(t)
                    if agent is not None:
                        return agent
        if trigger.dep_ in {"acomp", "attr"}:  # "Photos of victims posted by the White Helmets are fake"
            subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            for c in subj.subtree if subj is not None else ():
                if c.dep_ == "acl" and c.lemma_.lower() in _MAKERS:
                    agent = self._agent(c)
                    if agent is not None:
                        return agent
        if trigger.dep_ == "attr":  # "X was a clear provocation, most probably committed by Y", "a fake staged by Y"
            for c in [*trigger.head.children, *trigger.children]:
                if c.dep_ in {"advcl", "acl"} and c.tag_ == "VBN" and c.i > trigger.i:
                    agent = self._agent(c)
                    if agent is not None:
                        return agent
        return None

    def _after(self, pattern: re.Pattern[str], near: Any | None, trigger: Any | None = None) -> list[Span]:
        out: list[Span] = []
        for m in pattern.finditer(self.text):
            before = re.findall(r"[\w-]+", self.text[:m.start()].lower())[-2:]
            if any(w in self.lex.claim_nouns for w in before):
                continue  # "an account backed by Iran": backs a claim, not the stagers
            if trigger is not None and self.lex.helper_near_re.match(m.group(0)):
                prep = next((t for t in self.sent if t.idx == self.base + m.start()), None)
                if prep is None or prep.head.i not in {trigger.i, trigger.head.i, trigger.head.head.i}:
                    continue  # "systems put on alert on the orders of X, who heard that Y prepares ...": not Y's backer
            end = self.base + m.end()
            nxt = [t for t in self.sent if t.idx >= end and not t.is_punct]
            if not nxt:
                continue
            first = nxt[0]
            head = first
            while head.head is not head and head.head.i >= first.i and head.head.idx - self.base < len(self.text) \
                    and head.dep_ not in {"pobj", "dobj"} and head.head.pos_ in {"NOUN", "PROPN"}:
                head = head.head
            if head.pos_ not in {"NOUN", "PROPN"}:
                nouns = [t for t in nxt[:8] if t.pos_ in {"NOUN", "PROPN"}]
                if not nouns:
                    continue
                head = nouns[0]
                while head.head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"compound", "amod"}:
                    head = head.head
            out.extend(self.nps(head))
        return out
