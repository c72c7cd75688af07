"""Who the source of an attribution is: names, titles and roles, pronouns and descriptions.

A :class:`Resolver` walks one parsed article. It knows the earlier *mentions* — the subjects of
main clauses, named entities, gazetteer actors and the sources already resolved — and resolves a
source span to a speaker:

* a name (PERSON entity or gazetteer alias) -> the canonical name; titles and appositions become the
  role ("Deputy head of the center, Major General Oleg Yegorov" -> Oleg Yegorov, role "Deputy head of
  the Russian Reconciliation Center for Syria");
* a pronoun (he/she/it/they, relative who/which/that) -> the nearest compatible earlier mention;
* a definite description ("the center", "the military") -> the nearest earlier mention of an actor
  the gazetteer says it may describe;
* anonymous sources ("a local resident", "three independent sources") keep their text.

When the text does not say (no compatible antecedent), the speaker stays ``None``.
"""
from __future__ import annotations

from bisect import insort
from dataclasses import dataclass
from typing import Any, Sequence

from narratrace.analyze.lexicon import Lexicon
from narratrace.gazetteer import Actor, Gazetteer
from narratrace.outlets import alias_table, normalize_outlet

PERSON_PRONOUNS = {"he", "she", "him", "her"}
THING_PRONOUNS = {"it"}
PLURAL_PRONOUNS = {"they", "them"}
RELATIVE = {"who", "which", "that", "whom"}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
ACTOR_TO_SPEAKER_TYPE = {"official_body": "official_body", "official_person": "official_person",
                         "person": "person", "media_outlet": "media_outlet", "state": "official_body",
                         "international_body": "official_body", "military_unit": "official_body",
                         "armed_group": "unknown", "ngo": "unknown"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MAIN_CLAUSES = {"ROOT", "conj", "advcl"}  # not ccomp: a reported clause's subject is not salient
LOOKBACK_CHARS = 1500
MAX_DEPTH = 6  # pronouns look back about three paragraphs


@dataclass
class Mention:
    start: int
    end: int
    speaker: str | None
    type: str  # a speaker type
    person: bool
    plural: bool
    subject: bool  # subject of a main clause or a resolved source (salient)
    in_quote: bool
    actor: Actor | None = None
    head: str = ""


@dataclass
class Speaker:
    name: str | None
    type: str = "unknown"
    role: str | None = None


def compact(span: Any) -> str:
    """A noun phrase's text without its relative/participial clauses and edge punctuation."""
    root = span.root
    drop = {t.i for c in root.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    toks = [t for t in span if t.i not in drop]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "”’\"')":
        toks.pop()
    return "".join(t.text_with_ws for t in toks).strip()


def _start(m: Mention) -> int:
    return m.start


def _main_clause_heads(doc: Any) -> Any:
    """The tokens whose dependency label is in MAIN_CLAUSES, in order (one array pass)."""
    from spacy.attrs import DEP

    if not len(doc):
        return
    wanted = {doc.vocab.strings.add(label) for label in MAIN_CLAUSES}
    for i, dep in enumerate(doc.to_array(DEP).tolist()):
        if dep in wanted:
            yield doc[i]


class Resolver:
    def __init__(self, doc: Any, quotes: Sequence[tuple[int, int]], gaz: Gazetteer, lex: Lexicon) -> None:
        self.doc, self.gaz, self.lex = doc, gaz, lex
        self.quotes = list(quotes)
        self.mentions: list[Mention] = []
        self._people: dict[str, list[Mention]] = {}  # last one or two words of a longer name -> its mentions
        self._depth = 0
        self.ents = list(doc.ents)  # doc.ents and span.ents rebuild the list on every access
        self._outlets = set(alias_table().values())
        self._collect()

    # ------------------------------------------------------------------ mentions
    def ents_in(self, span: Any) -> list[Any]:
        return [e for e in self.ents if span.start <= e.start and e.end <= span.end]

    def in_quote(self, pos: int) -> bool:
        return any(s < pos < e for s, e in self.quotes)

    def _collect(self) -> None:
        doc = self.doc
        ent_tokens: set[int] = set()
        for ent in self.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if ent.label_ == "NORP" and not ent.ent_id_:
                continue
            ent_tokens.update(range(ent.start, ent.end))
            actor = self.gaz.actor(ent.ent_id_ or ent.text)
            stype = ACTOR_TO_SPEAKER_TYPE[actor.type] if actor else \
                {"PERSON": "person", "GPE": "official_body"}.get(ent.label_, "unknown")
            name = actor.name if actor else self._person_name(ent) if ent.label_ == "PERSON" else ent.text
            self._add(Mention(ent.start_char, ent.end_char, name, stype, ent.label_ == "PERSON",
                              False, False, self.in_quote(ent.start_char), actor, ent.root.lemma_.lower()))
        for verb in _main_clause_heads(doc):
            subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")]
            if not subs:
                continue
            spans = [doc[t.left_edge.i: t.right_edge.i + 1] for t in subs]
            tok = subs[0]
            if len(subs) > 1:  # "a boy ..., as well as medical staff ... testified": a group
                name = " and ".join(compact(sp) for sp in spans)
                sp = Speaker(name, "unknown")
            else:
                sp = self.resolve(spans[0], register=False)
            plural = len(subs) > 1 or tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
            start, end = spans[0].start_char, spans[-1].end_char
            self._add(Mention(start, end, sp.name or compact(spans[0]), sp.type,
                              sp.type in ("person", "official_person"), plural, True,
                              self.in_quote(start), self.gaz.actor(sp.name or ""), tok.lemma_.lower()))
        self.mentions.sort(key=lambda m: m.start)
        self._people = {}
        for m in self.mentions:
            self._index(m, sort=False)

    def _add(self, m: Mention) -> None:
        self.mentions.append(m)
        self._index(m, sort=False)

    def _index(self, m: Mention, sort: bool) -> None:
        if not (m.person and m.speaker):
            return
        pieces = m.speaker.split(" ")
        for k in (1, 2):  # "Rami Abdel Rahman" under "Rahman" and "Abdel Rahman"
            if len(pieces) > k:
                same = self._people.setdefault(" ".join(pieces[-k:]), [])
                insort(same, m, key=_start) if sort else same.append(m)

    def register(self, span: Any, sp: Speaker) -> None:
        """Record a resolved source so later pronouns can refer back to it."""
        if sp.name is None:
            return
        root = span.root
        plural = root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children) \
            or root.lower_ in PLURAL_PRONOUNS
        m = Mention(span.start_char, span.end_char, sp.name, sp.type, sp.type in ("person", "official_person"),
                    plural, True, self.in_quote(span.start_char), self.gaz.actor(sp.name), root.lemma_.lower())
        insort(self.mentions, m, key=_start)  # the list is sorted once collected: same as append and sort
        self._index(m, sort=True)

    # ------------------------------------------------------------------ resolution
    def resolve(self, span: Any, register: bool = True, quote_speaker: Speaker | None = None) -> Speaker:
        sp = self._resolve(span, quote_speaker)
        if register:
            self.register(span, sp)
        return sp

    def _resolve(self, span: Any, quote_speaker: Speaker | None) -> Speaker:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:  # relative -> head -> author chains are short; never loop
                return Speaker(None, "unknown")
            return self._resolve_once(span, quote_speaker)
        finally:
            self._depth -= 1

    def _resolve_once(self, span: Any, quote_speaker: Speaker | None) -> Speaker:
        root = span.root
        low = root.lower_
        if len(span) <= 2 and root.pos_ == "PRON" or low in RELATIVE and len(span) == 1:
            if low in RELATIVE:
                return self._relative(root, quote_speaker)
            if low in FIRST_PERSON:
                inside = self.in_quote(span.start_char)
                return quote_speaker if inside and quote_speaker else Speaker(None, "unknown")
            return self._pronoun(span)
        text = compact(span)
        person = self._person_in(span)
        if person is not None:
            return self._named_person(span, person)
        actor = self._actor_in(span)
        if actor is not None and any(c.dep_ == "conj" for c in root.children):
            return Speaker(text, ACTOR_TO_SPEAKER_TYPE[actor.type])  # "Washington and its allies"
        if actor is not None:
            return Speaker(actor.name, ACTOR_TO_SPEAKER_TYPE[actor.type], self._role(span, None))
        outlet = normalize_outlet(text)
        if outlet in self._outlets:
            return Speaker(outlet, "media_outlet")
        described = self.gaz.described_by(text)
        if described:
            m = self._nearest(span.start_char, lambda m: m.actor in described, allow_quotes=True)
            if m and m.actor:
                return Speaker(m.actor.name, ACTOR_TO_SPEAKER_TYPE[m.actor.type])
            m = self._nearest(span.start_char, lambda m: m.subject and not m.person and not m.in_quote
                              and m.type == "official_body" and m.head in self.lex.body_words)
            if m is not None and root.lemma_.lower() in self.lex.body_words:  # "the military" after "The army said"
                return Speaker(m.speaker, m.type)
        return self._common_noun(span, text)

    def _relative(self, tok: Any, quote_speaker: Speaker | None) -> Speaker:
        head = tok.head.head if tok.head.dep_ in ("relcl", "acl") else None
        if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return Speaker(None, "unknown")
        doc = self.doc
        drop = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        toks = [t.i for t in head.subtree if t.i not in drop]
        return self._resolve(doc[min(toks): max(toks) + 1], quote_speaker)

    def _pronoun(self, span: Any) -> Speaker:
        low = span.root.lower_
        inside = self.in_quote(span.start_char)

        def ok(m: Mention) -> bool:
            if m.speaker is None or (m.in_quote and not inside) or m.end > span.start_char:
                return False
            if low in PERSON_PRONOUNS:
                return m.person
            if low in THING_PRONOUNS:
                return not m.person and not m.plural
            return m.plural or (not m.person and m.type in ("official_body", "media_outlet", "unknown")
                                and m.head in self.lex.body_words)

        m = self._nearest(span.start_char, lambda m: m.subject and ok(m)) \
            or self._nearest(span.start_char, ok, window=300)
        return Speaker(m.speaker, m.type) if m else Speaker(None, "unknown")

    def _nearest(self, pos: int, pred, allow_quotes: bool = True, window: int = LOOKBACK_CHARS) -> Mention | None:
        best = None
        for m in self.mentions:  # not assumed sorted: mentions are added while they are collected
            if m.end <= pos and pos - m.end <= window and (best is None or m.end > best.end) and pred(m):
                best = m
        return best

    def _person_in(self, span: Any) -> Any:
        people = [e for e in self.ents_in(span) if e.label_ == "PERSON"]
        for ent in people:
            if ent.start <= span.root.i < ent.end:
                return ent
        return people[-1] if people else None

    def _actor_in(self, span: Any) -> Actor | None:
        """The gazetteer actor the phrase names, when the phrase is about it (head inside the mention)."""
        whole = self.gaz.actor(compact(span))
        if whole:
            return whole
        for ent in self.ents_in(span):
            actor = self.gaz.actor(ent.ent_id_ or ent.text)
            if actor and ent.start <= span.root.i < ent.end:
                return actor
        return None

    def _person_name(self, ent: Any) -> str:
        words = ent.text.split()
        while len(words) > 1 and words[0].lower().strip(",") in self.lex.title_words:
            words.pop(0)
        name = " ".join(words).strip(" ,")
        actor = self.gaz.actor(name)
        if actor is not None and actor.type in ("official_person", "person"):
            return actor.name
        if len(words) <= 2:  # a surname ("Yegorov", "Abdel Rahman"): the earlier full name ending with it
            for m in reversed(self._people.get(name, ())):  # not every mention: that was quadratic
                if m.end <= ent.start_char and m.speaker != name and m.speaker.endswith(" " + name):
                    return m.speaker
        return name

    def _named_person(self, span: Any, ent: Any) -> Speaker:
        name = self._person_name(ent)
        actor = self.gaz.actor(name)
        role = self._role(span, ent)
        titled = role is not None or any(t.lower_.strip(".") in self.lex.official_titles for t in span)
        if actor is not None and actor.type == "official_person":
            return Speaker(actor.name, "official_person", role or actor.role)
        return Speaker(name, "official_person" if titled else "person", role)

    def _role(self, span: Any, ent: Any) -> str | None:
        """The apposition or title around the name, with descriptions like "the center" expanded."""
        skip = set(range(ent.start, ent.end)) if ent is not None else set()
        if ent is None:
            appos = [c for c in span.root.children if c.dep_ == "appos"]
            if not appos:
                return None
            skip = {t.i for t in span if t.i < appos[0].left_edge.i}
        parts, cur = [], []
        for t in span:
            if t.i in skip or t.text in ",()":
                if cur:
                    parts.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            parts.append(cur)
        kept = [p for p in parts if not all(t.lower_ in self.lex.title_words or t.is_punct for t in p)]
        if not kept:
            titles = [" ".join(t.text for t in p) for p in parts]
            return titles[0] if titles else None
        role = max(kept, key=len)
        text = self.doc[role[0].i: role[-1].i + 1].text
        return self._expand_descriptions(self.doc[role[0].i: role[-1].i + 1], text)

    def _expand_descriptions(self, span: Any, text: str) -> str:
        for t in span:
            if t.lower_ == "the" and t.i + 1 < len(self.doc):
                phrase = self.doc[t.i: t.head.i + 1] if t.head.i > t.i else None
                if phrase is None:
                    continue
                described = self.gaz.described_by(phrase.text)
                if described:
                    m = self._nearest(span.start_char, lambda m: m.actor in described)
                    if m and m.actor:
                        return text.replace(phrase.text, "the " + m.actor.name, 1)
        return text

    def _evidence_author(self, root: Any) -> Speaker:
        """"a report released by the auditor" -> the auditor; "a TASS report" -> TASS; else nobody."""
        for t in root.subtree:
            if t.i == root.i:
                continue  # the phrase itself may hang from "by"/"from": never resolve it again
            if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") or \
                    t.head.i == root.i and t.dep_ in ("poss", "compound") and t.pos_ == "PROPN":
                sp = self._resolve(self.doc[t.left_edge.i: t.right_edge.i + 1], None)
                if sp.name is not None:
                    return sp
        return Speaker(None, "anonymous")

    def _proper_name(self, span: Any, text: str) -> Speaker:
        """A capitalised name the NER missed: "Mayor Lina Ortez" -> Lina Ortez (official_person)."""
        words = [t for t in span if not t.is_punct]
        titles = []
        while len(words) > 1 and words[0].lower_ in self.lex.title_words:
            titles.append(words.pop(0).text)
        if len(words) == 1:  # a surname: the earlier full name ending with it
            for m in reversed(self.mentions):
                if m.person and m.speaker and m.end <= span.start_char and m.speaker.split()[-1] == words[0].text:
                    return Speaker(m.speaker, m.type, " ".join(titles) or None)
        if len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) \
                and not any(t.lower_ in self.lex.body_words | self.lex.media_words for t in words):
            name = " ".join(t.text for t in words)
            return Speaker(name, "official_person" if titles else "person", " ".join(titles) or None)
        return Speaker(text, "unknown")

    def _appositive_name(self, span: Any) -> Speaker | None:
        """"Its director, Ines Caldera" with a name the NER missed -> Ines Caldera, role "Its director"."""
        root = span.root
        appos = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.pos_ == "PROPN"), None)
        if appos is None or root.pos_ != "NOUN":
            return None
        words = [t for t in self.doc[appos.left_edge.i: appos.i + 1] if not t.is_punct]
        if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return None
        name = " ".join(t.text for t in words)
        role = compact(self.doc[span.start: root.i + 1])
        return Speaker(name, "official_person" if root.lower_ in self.lex.official_titles else "person", role)

    def _common_noun(self, span: Any, text: str) -> Speaker:
        root = span.root
        lex = self.lex
        mods = {t.lower_ for t in span if t.i != root.i}
        head = root.lemma_.lower()
        named = self._appositive_name(span)
        if named is not None:
            return named
        if len(span) == 1 and root.text[:1].isupper() and root.pos_ in ("PROPN", "NOUN", "X"):
            named = self._proper_name(span, text)  # "Reyes said" (tagged a noun): an earlier full name
            if named.name != text:
                return named
        prior = self._nearest(span.start_char, lambda m: m.head == head and m.speaker is not None and m.subject)
        if prior is not None and any(t.lower_ in ("the", "this", "that") for t in root.children):
            return Speaker(prior.speaker, prior.type)  # "the officer" after "a senior officer"
        indefinite = any(t.dep_ == "det" and t.lower_ in ("a", "an", "some") for t in root.children) \
            or not any(t.dep_ in ("det", "poss") for t in root.children) or bool(mods & lex.anonymous_modifiers)
        if (head in lex.anonymous_heads or root.lower_ in lex.anonymous_heads) and indefinite:
            return Speaker(text, "anonymous")
        if head in lex.evidence_nouns or root.lower_ in lex.evidence_nouns:
            return self._evidence_author(root)
        if root.lower_ in lex.media_words or head in lex.media_words:
            return Speaker(text, "media_outlet")
        if any(t.lower_ in lex.official_titles for t in span) and not indefinite:
            return Speaker(text, "official_person", text)
        if head in lex.body_words:
            return Speaker(text, "official_body")
        if root.pos_ == "PROPN":
            return self._proper_name(span, text)
        unnamed = not any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in self.ents_in(span))
        counted = any(t.dep_ == "nummod" or t.lower_ in ("a", "an", "some", "several", "many")
                      for t in root.children)
        if unnamed and counted and root.pos_ == "NOUN":
            return Speaker(text, "anonymous")  # "a local farmer", "two diplomats"
        return Speaker(text, "anonymous" if head in lex.anonymous_heads else "unknown")
