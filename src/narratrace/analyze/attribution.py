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

from typing import Any, ClassVar

from narratrace.analyze.attribution_rules import (Candidate, _after_quote, _before_quote, _Doc, _floating, _lead,
                                                  _short_quotation)
from narratrace.analyze.attribution_verbs import (_according_to, _evidence_in, _evidence_noun, _received,
                                                  _verb_candidate)
from narratrace.analyze.base import AnalysisContext
from narratrace.analyze.lexicon import find_quotes, is_long, lexicon
from narratrace.analyze.speakers import Resolver, Speaker
from narratrace.gazetteer import Gazetteer, load as load_gazetteer
from narratrace.model import Annotation, Article, Attribution, Span


VERSION = "1.0"


def extract(doc: Any, body_start: int = 0, gaz: Gazetteer | None = None, text: str | None = None) -> list[Attribution]:
    """Every attribution in one parsed article, in text order (``text``: the doc's text, when at hand)."""
    text = doc.text if text is None else text
    lex = lexicon()
    quotes = find_quotes(text)
    d = _Doc(doc, text, lex, quotes, [q for q in quotes if is_long(text, q)])
    cands: list[Candidate] = []
    used: set[int] = set()
    short = [q for q in quotes if not is_long(text, q) and _short_quotation(text, q)]
    for q in sorted(d.long_quotes + short):
        c = _after_quote(d, q) or (_before_quote(d, q) if is_long(text, q) else None)
        if c is not None and c.cue_token not in used:
            cands.append(c)
            used.add(c.cue_token)  # type: ignore[arg-type]
    for tok in _cue_tokens(doc):
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


def _cue_tokens(doc: Any) -> Any:
    """The tokens the three cue rules can start from, in order: verbs and "according" (the rules
    return nothing for any other token; one array pass instead of three calls per token)."""
    from spacy.attrs import LOWER, POS
    from spacy.parts_of_speech import VERB

    if not len(doc):
        return
    according = doc.vocab.strings.add("according")
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if pos == VERB or lower == according:
            yield doc[i]


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

    def regions(self, article: Article) -> list[tuple[int, int]]:
        """The sentences the rules can use (cues, quotations, the lead, antecedents): see regions.py."""
        from narratrace.analyze.regions import select

        return select(article.text, article.body_start)

    def analyze(self, article: Article, ctx: AnalysisContext) -> list[Annotation]:
        doc = ctx.doc
        if doc is None:
            from narratrace.nlp import get_nlp
            doc = get_nlp()(article.text)
        return [Annotation(self.name, self.version, "attribution", a.content.start, a.content.end,
                           label=a.kind, attrs=a.to_dict())
                for a in extract(doc, article.body_start, text=article.text)]
