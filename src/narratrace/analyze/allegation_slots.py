"""Slot readers for allegation frames: each takes the parsed sentence (a spaCy ``Span``), the
trigger token and the lexicon, and returns spans of the article (sentence offset added).
Spans and phrases live in :mod:`allegation_spans`, the actors in :mod:`allegation_actors`."""
from __future__ import annotations

import re
from typing import Any, Iterable

from narratrace.analyze.allegation_actors import ActorReader
from narratrace.analyze.allegation_spans import (_FACILITIES, _PLACE_HEADS, PRONOUNS, _dedupe, _merge_overlapping,
                                                 _is_inside, _overlaps, _pobj, active_imitation, resolve_relative)
from narratrace.analyze.allegation_triggers import HARM_VERBS, side_by
from narratrace.model import Span

_DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
               "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
               "south-eastern", "south-western"}
_SETTLEMENTS = {"settlement", "village", "town", "city", "area", "district", "neighbourhood", "neighborhood",
                "locality", "region", "suburb"}

# the words that call an attack only alleged ("an alleged air raid by X": X is the one it is to be pinned on)
_DOUBTED = frozenset({"alleged", "supposed", "purported", "so-called"})
# the side whose name harm is done under: "under the pretext of 'Russian hackers'" (the name in quotes)
_UNDER_NAME = re.compile(r"\bunder the (?:pretext|mask) of [“\"‘']((?:[A-Z][\w’'-]+ ){1,2}[a-z]+)[”\"’']")
# "(stage a blackout) and present it as a cyberattack by Russian hackers", "create the picture of shelling from the
# Ukrainian side", "pass off the contamination as the result of Russia using a nuclear charge": the one it is passed
# off as the work of
_PASSED_OFF_AS = re.compile(
    r"\b(?:(?:present|portray|pass|depict|disguis)\w* (?:it |this |them |that |the (?:victims|dead|bodies|casualties|wounded) )?"
    r"(?:off (?:[\w’'-]+ ){0,6}?)?as|(?:picture|impression|appearance|illusion) of) (?:an? |the )?(?:[\w-]+ ){0,2}?"
    r"(?:attacks?|cyberattacks?|strikes?|shelling|work|sabotage|provocations?|result|consequence|"
    r"crimes?|casualties|victims|actions|shooting|fire|aggression|bombing)(?: of (?:[\w-]+ ){0,2}?(?:actions|attacks?|"
    r"strikes?|shelling|fire))? (?:(?:committed|carried out|perpetrated) )?(?:by|of|from) "
    r"((?:the )?[A-Z][\w’'-]*)")
# people named by the country they come from ("his counterparts from France and Turkey")
_PEOPLE_OF_A_PLACE = frozenset({"counterpart", "colleague", "minister", "official", "diplomat", "envoy", "delegation",
                                "partner", "ally", "sponsor", "curator", "backer", "handler", "master", "ambassador",
                                "representative", "leader", "president"})
# "staged to show the Belarusian military in a bad light": the one shown so
_BAD_LIGHT = re.compile(r"\bshow ((?:the )?[\w’'-]+(?: [\w’'-]+){0,3}?) in a (?:bad|negative|poor|unfavou?rable) light\b")
# "fire on migrants while dressed as Belarusian border guards", "in the uniform of the Russian armed forces": the side
# whose guise the stagers take is the one to be blamed
GUISE_LEMMAS = frozenset({"disguise", "dress", "pose", "masquerade", "clad"})
_POSING_AS = re.compile(r"\b(?:dressed|disguised|posing|posed|masquerading) (?:up )?as (?:an? |the )?([A-Z][\w’'-]*)"
                        r"|\buniforms? of (?:the )?([A-Z][\w’'-]*)")
_ANTI = re.compile(r"\banti-([A-Z][\w'’]*)(?= (?:\w+ )?(?:[Pp]rovocations?|[Ff]alse[- ][Ff]lags?|[Hh]oax(?:es)?|[Ss]tunts?)\b)")

__all__ = ["GUISE_LEMMAS", "PRONOUNS", "SentenceSlots", "resolve_relative"]


# "to trigger strikes on X": X is the one blamed (as with "strikes against X")
_STRIKES = {"strike", "airstrike", "air-strike", "attack", "bombing", "raid", "retaliation", "sanction", "reprisal"}


# meetings whose place is a venue, not where an event happens ("the peace talks in Istanbul")
_VENUES = frozenset({"talk", "talks", "summit", "negotiation", "negotiations", "conference", "meeting", "session",
                     "forum", "congress", "assembly"})
# verbs whose object is the place hit ("shell Daugavpils"), not a side attacked ("attack Russia")
_HITTING = frozenset({"shell", "bomb", "bombard", "strike", "hit", "gas", "flood", "mine"})
# what a capital's name may stand before without being a place of the event ("the Minsk talks")
_DIPLOMACY = frozenset({"talks", "agreement", "agreements", "accords", "format", "process", "summit", "negotiations",
                        "deal", "treaty", "protocol", "protocols", "memorandum", "declaration"})
def _came_from(place: Any) -> bool:
    """Is ``place`` inside a "from" phrase of a verb of bringing ("smuggled sarin from Turkey", "transported women
    and children from the camps in Atmeh"), and not the site itself ("brought the footage from Douma, where they
    staged the attack")? Only within the place's own clause."""
    if any(c.dep_ in {"relcl", "acl"} and any(g.lower_ == "where" for g in c.children) for c in place.children):
        return False
    for a in place.ancestors:
        if a.pos_ in {"VERB", "AUX"}:
            return False
        if a.dep_ == "prep" and a.lower_ == "from":
            verb = next((v for v in a.ancestors if v.pos_ == "VERB"), None)
            return verb is not None and verb.lemma_.lower() in _CARRYING
    return False


# verbs of bringing props or people from somewhere
_CARRYING = frozenset({"smuggle", "bring", "transport", "move", "deliver", "ship", "truck", "import", "send", "bus",
                       "transfer", "recruit", "cross", "infiltrate"})  # (not "carried from a bombed hospital": the site itself)
# people a name may stand beside in apposition ("his daughter Yulia"): never a place
_KIN = frozenset({"daughter", "son", "wife", "husband", "brother", "sister", "mother", "father", "child", "niece",
                  "nephew", "cousin", "widow", "girlfriend", "boyfriend", "partner", "colleague", "friend"})


# a weapon's model name ("fired a Tochka-U at ...", "an Su-24", "BM-21 rockets"): never a place
_MODEL_NAME = re.compile(r"[A-Z][A-Za-z]*-(?:[A-Z]{1,3}\d*|\d+[A-Za-z]*)")


# pronouns that stand for the event or a clause, never the one blamed
_NOT_BLAMED = frozenset({"it", "this", "that", "them", "these", "those", "which", "who", "whom"})


class SentenceSlots(ActorReader):
    """Every slot reader over one parsed sentence."""

    # ------------------------------------------------------------ blame target
    def blame_targets(self, trigger: Any, event: Any | None) -> list[Span]:
        out: list[Span] = []
        for tok in self.sent:
            lemma = tok.lemma_.lower()
            if lemma == "condemn" and tok.tag_ == "VBG" and tok.dep_ in {"advcl", "acl"}:
                continue  # "staged the group of Muslims condemning the attack": what the staged people do
            if tok.i == trigger.i and lemma in {"blame", "pin"} and (on := _pobj(tok, "on")) is not None:
                out.extend(self.nps(on))  # the trigger itself: "an attack that could be blamed on Assad"
            elif lemma in self.lex.blame_lemmas and tok.i != trigger.i and not _is_inside(trigger, tok):
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                if obj is None and lemma in {"blame", "pin"}:
                    obj = _pobj(tok, "on")
                elif obj is not None and lemma in {"blame", "pin"}:
                    # "blame it / pin the deaths on the rebels" (the parser may hang "on" from the object): the rebels
                    obj = _pobj(tok, "on") or _pobj(obj, "on") or obj
                if lemma == "attribute":  # "attribute the attack to X", "that would be attributed to X": X
                    obj = _pobj(tok, "to") or (_pobj(obj, "to") if obj is not None else None)
                if obj is None and lemma == "blame" and (tok.dep_ in {"dobj", "obj"} or (
                        tok.dep_ == "nsubj" and tok.head.lemma_.lower() in {"fall", "lie", "rest"}) or (
                        tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in {"place", "put", "lay", "shift"})):
                    obj = _pobj(tok.head, "on") or _pobj(tok.head, "onto") or _pobj(tok.head, "with")
                    # "to put the blame on rebels", "so that the blame falls on the army / lies with Moscow", "the
                    # blame will be placed on the army"
                    if obj is not None and obj.lower_ == "shoulders":
                        obj = _pobj(obj, "of") or obj  # "falls on the shoulders of Russian troops"
                if obj is None and lemma in {"blame", "accuse", "implicate", "frame", "incriminate"} \
                        and any(c.dep_ == "auxpass" for c in tok.children) and _pobj(tok, "on") is None:
                    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                    if subj is not None and self.actor_like(subj):
                        obj = subj  # "... so that the army would be blamed": the army
                if obj is not None:
                    out.extend(self.nps(obj))
            elif lemma in {"cast", "paint", "portray", "present", "depict"} and tok.i != trigger.i \
                    and (as_what := _pobj(tok, "as")) is not None \
                    and as_what.lemma_.lower() in {"aggressor", "villain", "culprit", "perpetrator", "attacker"}:
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
                out.extend(self.nps(obj) if obj is not None else [])  # "to paint Russia as the aggressor"
            elif lemma in self.lex.purpose_lemmas:
                target = self._against(tok)
                if target is not None:
                    out.extend(self.nps(target))
        setup = trigger.lower_ == "up" and trigger.i >= 2 and trigger.doc[trigger.i - 2].lower_ == "set"
        provocation = trigger if trigger.lower_.startswith("provocation") or setup else \
            event if event is not None and event.lower_.startswith("provocation") else None
        if provocation is not None:  # "a provocation against X", "staging provocations against X", "a set-up against X"
            target = _pobj(provocation, "against")
            if target is not None:
                out.extend(self.nps(target))
        if event is not None and trigger.lemma_.lower() in {"imitate", "simulate", "fake", "stage", "invent"}:
            agent = self._agent(event) or (self._agent(trigger) if active_imitation(trigger) else None) \
                or (side_by(event, self.lex) if event.lower_ not in self.lex.staging_nouns else None)
            if agent is not None and agent.ent_type_ not in {"DATE", "TIME"} and agent.lower_ not in self.lex.time_words \
                    and self.actor_like(agent):  # (not "by the end of the week", "by dawn")
                out.extend(self.nps(agent))
        for tok in self.sent:  # "... after an alleged air raid by Syrian government aircraft": the one the staged
            if tok.lower_ in _DOUBTED and tok.dep_ == "amod" and tok.head.lemma_.lower() in _STRIKES \
                    and tok.head.i != trigger.i and tok.i != trigger.i:  # event is to be pinned on
                by = self._agent(tok.head)
                if by is not None and self.actor_like(by):
                    out.extend(self.nps(by))
        for m in (*_UNDER_NAME.finditer(self.sent.text), *_PASSED_OFF_AS.finditer(self.sent.text),
                  *_BAD_LIGHT.finditer(self.sent.text),
                  *(() if out or trigger.lemma_.lower() not in GUISE_LEMMAS else _POSING_AS.finditer(self.sent.text))):
            # (the guise only for a disguise trigger, and when no one else is named)
            g = 1 if m.group(1) is not None else 2
            tok = self.sent.doc.char_span(self.sent.start_char + m.start(g), self.sent.start_char + m.end(g),
                                          alignment_mode="expand")
            if tok is not None:  # the whole noun phrase ("Newland border guards", not the words the pattern took)
                root = tok.root
                while root.dep_ in {"compound", "amod", "nmod", "det", "poss"} and root.head.i > root.i:
                    root = root.head
                side = self.span(root.left_edge.idx, root.idx + len(root.text)) if root.lower_ == "side" else None
                out.extend([side] if side is not None else self.nps(root))  # "the Russian side", not "the Russian
                # side near the plant" (the parse hangs the place on "side")
        for tok in self.sent:  # "made to look like the work of Kyiv": the one whose work it is to look like
            if tok.lower_ in {"work", "doing", "handiwork"} and tok.dep_ == "pobj" and tok.head.lower_ == "like" \
                    and (of := _pobj(tok, "of")) is not None and self.actor_like(of):
                out.extend(self.nps(of))
        if trigger.lemma_.lower() in {"fabricate", "manufacture", "plant"}:  # "fabricate evidence that French
            for ev in trigger.children:                                      # soldiers had committed atrocities"
                if ev.dep_ in {"dobj", "obj"} and ev.lemma_.lower() == "evidence":
                    for clause in ev.children:
                        if clause.dep_ in {"acl", "ccomp"}:
                            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                            if subj is not None and self.actor_like(subj):
                                out.extend(self.nps(subj))
        if not out:  # a Title Case headline the parser misreads: "False Flag ... to Maliciously Accuse Russia"
            out.extend(self._surface_blame())
        if not out:  # "anti-Russian provocations": aimed at Russia
            for m in _ANTI.finditer(self.sent.text):
                sp = self.span(self.sent.start_char + m.start(1), self.sent.start_char + m.end(1))
                out.extend([sp] if sp is not None else [])
        return _dedupe([b for b in out if b.text.casefold() not in _NOT_BLAMED])  # "and blame it…", ", which"

    def _surface_blame(self) -> list[Span]:
        verbs = "|".join(sorted(self.lex.blame_lemmas))
        pat = re.compile(rf"\bto (?:[A-Za-z]+ly )?(?i:{verbs})(?:s|d|ed)? ((?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)")
        out = []
        for m in pat.finditer(self.sent.text):
            sp = self.span(self.sent.start_char + m.start(1), self.sent.start_char + m.end(1))
            if sp is not None:
                out.append(sp)
        return out

    def _against(self, tok: Any) -> Any | None:
        for t in tok.subtree:
            if (t.lower_ == "against" or (t.lower_ == "on" and t.head.lemma_.lower() in _STRIKES)) and t.dep_ == "prep":
                pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
                hit = t.head.head.head if t.head.dep_ == "pobj" and t.head.head.lower_ == "by" else t.head
                if t.lower_ == "against" and hit.lemma_.lower() in _STRIKES | {"attack", "provocation"} \
                        and any(c.dep_ == "prep" and c.lower_ == "by" for c in hit.children):
                    continue  # "a staged attack by Ukrainian forces against Russian speakers": whom it hits
                if pobj is not None and t.lower_ == "on" and not (
                        pobj.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"} or pobj.lower_ in self.lex.actor_heads
                        or pobj.lemma_.lower() in self.lex.actor_heads):
                    continue  # "strikes on a Syrian airfield": a target place, not the one blamed
                if pobj is not None:
                    return pobj
        return None

    # ------------------------------------------------------------ places and evidence
    def locations(self, exclude: list[Span], places: Iterable[re.Pattern[str]]) -> list[Span]:
        cands: list[Span] = []
        title = self._title_case()
        for ent in self.sent.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC"}:
                continue
            root = ent.root
            if not any(t.pos_ == "PROPN" or t.tag_.startswith("NNP") or t.text[:1].isupper() for t in ent):
                continue
            if ent.text.lower() in self.lex.demonyms:
                continue  # "in the Ukrainian theater of operations": a nationality the tagger calls a place
            if root.dep_ == "appos" and root.head.lemma_.lower() in _KIN:
                continue  # "his daughter Yulia in Salisbury": a person the tagger calls a place
            prev_tok = self.sent.doc[ent.start - 1].lower_ if ent.start > self.sent.start else ""
            if title and prev_tok not in self.lex.place_prepositions:
                continue  # a Title Case Headline: only "in X" is trusted
            prev = self.sent.doc[ent.start - 1].lower_ if ent.start > self.sent.start else ""
            head = root.head
            while root.dep_ == "compound" and head.dep_ == "compound" and head.head is not head:
                head = head.head  # "Kharkiv apartment blocks": the last noun of the compound
            if root.dep_ in {"poss", "compound", "amod", "nmod"} and head.lower_ not in _PLACE_HEADS \
                    and head.ent_type_ not in {"GPE", "LOC", "FAC"} \
                    and not (head.lemma_.lower() in self.lex.event_nouns and head.lower_ not in self.lex.actor_heads
                             and head.ent_type_ not in {"ORG", "PERSON", "NORP"}) \
                    and head.lemma_.lower() not in _FACILITIES:
                continue
            after_place = ent.start - 2 >= self.sent.start and prev == "," \
                and self.sent.doc[ent.start - 2].ent_type_ in {"GPE", "LOC", "FAC"}  # "Douma, Syria"
            if ent.end < self.sent.end and self.sent.doc[ent.end].lower_ in _DIPLOMACY:
                continue  # "to wreck the Minsk talks": a name of talks, not where it happens
            shelled = any(c.dep_ == "acl" and c.i == ent.end and c.lower_ in self.lex.event_nouns for c in root.children)
            lead = root
            while lead.dep_ == "conj" and lead.head is not lead:
                lead = lead.head  # "the United States, Britain and France launched ...": Britain is a subject too
            if (root.dep_ in {"nsubj", "nsubjpass"} or (lead is not root and lead.dep_ == "nsubj"
                                                         and lead.ent_type_ in {"GPE", "ORG", "NORP"})) and not shelled \
                    and not (after_place and self._after_place_phrase(ent.start)) \
                    and not (root.dep_ == "nsubjpass" and root.lemma_.lower() in _FACILITIES
                             and root.head.lemma_.lower() in HARM_VERBS):
                continue  # a place as subject names who acts, unless it is a site that was hit ("the X dam was ...")
            of_place = root.dep_ == "poss" and root.head.ent_type_ in {"GPE", "LOC", "FAC"}  # "Syria's Idlib"
            if ent.end < self.sent.end and self.sent.doc[ent.end].text in {"-", "–"}:
                continue
            first = root
            while first.dep_ == "conj" and first.head is not first:
                first = first.head  # "within Ukraine and Russia": Russia shares Ukraine's preposition
            coordinated = first is not root and first.dep_ == "pobj" \
                and first.head.lower_ in self.lex.place_prepositions
            directed = prev in _DIRECTIONS and ent.start - 2 >= self.sent.start \
                and self.sent.doc[ent.start - 2].lower_ in self.lex.place_prepositions  # "in eastern Ukraine"
            if ent.text in self.lex.place_stoplist and prev not in self.lex.place_prepositions and not directed \
                    and not self._names_event_place(root) and not after_place and not of_place and not coordinated:
                continue
            if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in self.lex.reporting_lemmas:
                continue
            sp = self.span(self.sent.doc[ent.start - 1].idx if directed else ent.start_char, ent.end_char)
            if sp is not None:
                cands.append(sp)
        for tok in self.sent:  # "in Crimea": a proper noun after a place preposition the tagger left unlabelled
            if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "near", "at", "outside"} and tok.pos_ == "PROPN" \
                    and tok.ent_type_ in {"", "ORG"} and tok.text[:1].isupper() \
                    and tok.text not in self.lex.place_stoplist and tok.text.upper() != tok.text:
                sp = self.np(tok)
                if sp is not None and len(sp.text.split()) <= 3 and tok.lower_ not in self.lex.event_nouns \
                        and not self._title_case() and not self.lex.implicit_stagers.search(sp.text.lower()):
                    # (not "their friends in the White Helmets": members of a group)
                    cands.append(sp)
        for tok in self.sent:  # "on the Santander bridge": a name on a site after a place preposition, whatever
            head = tok.head     # the tagger calls the name
            if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.ent_type_ not in {"NORP", "ORG", "GPE", "LOC", "FAC"} \
                    and head.lemma_.lower() in _FACILITIES and head.dep_ == "pobj" \
                    and head.head.lower_ in self.lex.place_prepositions | {"on"} and not self._title_case():
                sp = self.span(tok.idx, head.idx + len(head.text))
                if sp is not None:
                    cands.append(sp)
        for tok in self.sent:  # "will shell Daugavpils": the place a shelling or bombing verb hits
            if tok.dep_ == "dobj" and tok.pos_ == "PROPN" and tok.head.lemma_.lower() in _HITTING \
                    and not (tok.i + 1 < self.sent.end and tok.doc[tok.i + 1].pos_ == "NOUN"
                             and tok.doc[tok.i + 1].text.islower()) \
                    and tok.ent_type_ in {"", "GPE", "LOC", "FAC"} and tok.text[:1].isupper() \
                    and tok.text not in self.lex.place_stoplist and tok.lower_ not in self.lex.actor_heads:
                sp = self.np(tok)
                if sp is not None and len(sp.text.split()) <= 3:
                    cands.append(sp)
        for tok in self.sent:  # "the Kerch incident", "the London Bridge attack": a place naming an event
            if self._names_event_place(tok) and tok.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"} \
                    and not (tok.i + 1 < self.sent.end and tok.doc[tok.i + 1].dep_ == "compound"):
                run = [tok]
                while run[0].i > self.sent.start and tok.doc[run[0].i - 1].dep_ == "compound" \
                        and tok.doc[run[0].i - 1].pos_ == "PROPN":
                    run.insert(0, tok.doc[run[0].i - 1])
                if not any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in run):
                    sp = self.span(run[0].idx, tok.idx + len(tok.text))
                    if sp is not None:
                        cands.append(sp)
        for tok in self.sent:  # "the settlements of Seraqeb, Erich and Jisr Shughur": whatever the tagger says
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and (
                    (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _SETTLEMENTS)
                    or (tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in {"border", "frontier"})):
                for t in [tok, *[c for c in tok.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]]:
                    sp = self.np(t)
                    if sp is not None and len(sp.text.split()) <= 3:
                        cands.append(sp)
        for pat in [*self.lex.place_patterns, *places]:
            for m in pat.finditer(self.text):
                sp = self.span(self.base + m.start(), self.base + m.end())
                if sp is not None:
                    cands.append(sp)
        cands = [c for c in cands if not any(_overlaps(c, x) for x in exclude)]
        return [c for c in _merge_overlapping(cands) if c.text.lower() not in self.lex.time_words  # "The September 19 attack"
                and not _MODEL_NAME.fullmatch(c.text) and not self._place_of_something_else(c)]

    def _place_of_something_else(self, span: Span) -> bool:
        """A place named as a side or a venue, not where the event is said to happen: "strikes by the United
        States", "on orders from London", "the peace talks in Istanbul", "the summit in Washington"."""
        words = self.sent.doc.char_span(span.start - self.offset + self.base, span.end - self.offset + self.base,
                                        alignment_mode="expand")
        root = words.root if words is not None else None
        while root is not None and root.dep_ == "conj" and root.head is not root:
            root = root.head  # "counterparts from the United States, Britain and France": the first of the list
        if root is None or root.dep_ != "pobj":
            return False
        if _came_from(root):
            return True  # "smuggled sarin from Turkey", "transported ... from the camps in Atmeh": where the props or
            # people came from, not where it is staged
        prep, owner = root.head.lower_, root.head.head
        if prep in {"from", "in", "of"} and owner.lemma_.lower() in _PEOPLE_OF_A_PLACE:
            return True  # "told his counterparts in Britain and France", "its Western backers in Washington": whose
            # people they are, not where it happens
        if prep == "by" and (root.head.dep_ == "agent" or owner.lemma_.lower() in self.lex.event_nouns):
            return True  # "strikes by the United States" (not "villages by Izium")
        if prep == "from" and owner.lemma_.lower() in {"order", "instruction", "command", "directive"}:
            return True
        if prep == "on" and owner.lemma_.lower() in {"aggression", "war", "sanction", "pressure"}:
            return True  # "launched a tripartite aggression on Syria under the pretext of ...": a side
        if prep == "against" and owner.lemma_.lower() not in self.lex.event_nouns:
            return True  # "turn opinion against Riyadh", "aggression against Syria": a side, not where it happens
            # (but "a staged chemical attack against Kramatorsk" names the place)
        if prep == "in" and owner.lemma_.lower() in {"trust", "confidence", "faith", "belief", "interest"}:
            return True  # "undermining trust in Moscow": a side, not where it happens
        return prep in {"in", "at"} and owner.lemma_.lower() in _VENUES


    def _names_event_place(self, tok: Any) -> bool:
        """Is ``tok`` a capitalised modifier of an event noun ("the Brussels attacks", "Kerch incident")?
        Not of a staging noun ("a Ukraine provocation" names who), not a name of a person or a flight."""
        head = tok.head
        return tok.dep_ in {"compound", "nmod"} and tok.pos_ == "PROPN" and tok.text[:1].isupper() \
            and head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.event_nouns \
            and head.lower_ not in self.lex.staging_nouns and head.lemma_.lower() not in self.lex.staging_nouns \
            and head.lower_ not in {"operation", "operations", "flag", "video", "videos", "footage", "case", "affair",
                                    "story", "photos", "photo", "images", "image", "picture", "pictures"} \
            and tok.is_alpha and tok.lower_ not in self.lex.actor_heads \
            and tok.lower_ not in self.lex.demonyms and not self.lex.poison_re.search(tok.text)

    def _title_case(self) -> bool:
        words = [t for t in self.sent if t.is_alpha and len(t.text) > 3]
        return len(words) >= 4 and sum(t.text[0].isupper() for t in words) / len(words) > 0.7

    def place_apposition(self, span: Span) -> bool:
        """Is ``span`` a place that follows another place and a comma ("in Manchester, England")?"""
        doc, start = self.sent.doc, self.sent.start_char + span.start - self.offset
        tok = next((t for t in self.sent if t.idx == start), None)
        return tok is not None and tok.ent_type_ in {"GPE", "LOC"} and tok.i - 2 >= self.sent.start \
            and doc[tok.i - 1].text == "," and doc[tok.i - 2].ent_type_ in {"GPE", "LOC", "FAC"} \
            and self._after_place_phrase(tok.i)

    def _after_place_phrase(self, i: int) -> bool:
        """Does the token before ", " at ``i`` end a place after a place preposition ("in Manchester, ")?"""
        prev = self.sent.doc[i - 2]
        while prev.dep_ in {"compound", "flat"} and prev.head.i > prev.i:
            prev = prev.head
        return prev.dep_ == "pobj" and prev.head.lower_ in self.lex.place_prepositions

    def evidence(self, trigger: Any | None = None) -> Span | None:
        found = self._pattern_evidence()
        if found is None and trigger is not None:
            found = self._proving_subject(trigger)
        return found

    def _proving_subject(self, trigger: Any) -> Span | None:
        """"The pictures of X prove that the attacks were staged": the subject of a proving verb above
        the trigger; "Video shows how ... - which means the attacks were staged": the clause before."""
        for anc in trigger.ancestors:
            if anc.pos_ == "NOUN" and anc.lemma_.lower() in _PROOF_NOUNS \
                    and not any(c.lower_ in {"no", "little", "any"} for c in anc.children):
                if anc.dep_ == "attr" and anc.head.lemma_ == "be":  # "X is proof that the landing was fake"
                    subj = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
                    if subj is None or subj.pos_ == "PRON" or subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
                        return None
                    return self.span(*self.subtree_span(subj))
                if anc.dep_ == "ROOT":  # a title "New evidence that the attack was a fake"
                    left = [c for c in anc.children if c.i < anc.i and c.dep_ in {"amod", "compound", "det"}]
                    start = min([anc.idx, *(c.idx for c in left)])
                    return self.span(start, anc.idx + len(anc.text))
                return None
            if anc.lemma_.lower() not in self.lex.evidence_verbs:
                continue
            subj = next((c for c in anc.children if c.dep_ in {"nsubj", "csubj"}), None)
            if subj is None:
                return None
            if subj.lower_ in {"which", "this", "that"} and subj.i > self.sent.start:
                left = self.sent.doc[self.sent.start:subj.i]
                return self.span(left.start_char, left.end_char)
            if subj.pos_ == "PRON" or subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} \
                    or subj.lower_ in self.lex.actor_heads:
                return None
            start, end = self.subtree_span(subj)
            return self.span(start, end)
        return None

    def _pattern_evidence(self) -> Span | None:
        best = None
        for pat in self.lex.evidence_patterns:
            for m in pat.finditer(self.text):
                if best is None or (m.end() - m.start()) > (best[1] - best[0]):
                    best = (m.start(), m.end())
        if best is None:
            return None
        return self.span(self.base + best[0], self.base + best[1])


# Nouns whose subject ("X is proof that ...") or own phrase ("New evidence that ...") is the evidence.
_PROOF_NOUNS = {"proof", "evidence"}


# ---------------------------------------------------------------- helpers
