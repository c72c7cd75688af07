"""Core typed records: the article, spans, annotations and what analyzers produce.

Everything here is a frozen dataclass. Offsets are character offsets into ``Article.text``
exactly as stored (end exclusive), so ``article.text[span.start:span.end] == span.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any, Mapping

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of an article's text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
        return cls(start, end, text[start:end])

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "Span | None":
        if d is None:
            return None
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One news item as stored.

    ``text`` is the decoded source text unchanged for plain-text files; a parsed header
    (date / outlet) stays in the text and ``body_start`` points past it.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # input file path (or "-" for stdin)
    locator: str | None = None  # where inside the source: "line 12", "row 40", "entry 3"
    name: str | None = None  # a human key: file stem, CSV row id, feed entry id
    body_start: int = 0
    language: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def to_dict(self) -> JSON:
        d = asdict(self)
        d["meta"] = dict(self.meta)
        return d


@dataclass(frozen=True, slots=True)
class Annotation:
    """A generic stored annotation: one span (or the whole article) labelled by an analyzer.

    ``attrs`` carries the analyzer-specific record (e.g. an attribution's source/cue/content spans).
    """

    analyzer: str
    version: str
    kind: str
    start: int
    end: int
    label: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        return {
            "analyzer": self.analyzer,
            "version": self.version,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "attrs": dict(self.attrs),
        }


def _span_or_none(s: Span | None) -> JSON | None:
    return s.to_dict() if s is not None else None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: ``source`` (as written), ``cue`` (verb or marker), ``content`` (the claim)."""

    content: Span
    kind: str  # direct | indirect | mixed | according_to | unattributed
    source: Span | None = None
    cue: Span | None = None
    speaker: str | None = None  # resolved source name; None when the text does not say
    speaker_role: str | None = None
    speaker_type: str = "unknown"  # official_body | official_person | person | media_outlet | anonymous | unknown
    evidence: Span | None = None
    evidence_type: str = "none"  # named | anonymous | none

    def to_dict(self) -> JSON:
        return {
            "source": _span_or_none(self.source),
            "cue": _span_or_none(self.cue),
            "content": self.content.to_dict(),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "speaker_type": self.speaker_type,
            "evidence": _span_or_none(self.evidence),
            "evidence_type": self.evidence_type,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Attribution":
        return cls(
            content=Span.from_dict(d["content"]),  # type: ignore[arg-type]
            kind=d["kind"],
            source=Span.from_dict(d.get("source")),
            cue=Span.from_dict(d.get("cue")),
            speaker=d.get("speaker"),
            speaker_role=d.get("speaker_role"),
            speaker_type=d.get("speaker_type", "unknown"),
            evidence=Span.from_dict(d.get("evidence")),
            evidence_type=d.get("evidence_type", "none"),
        )


FRAME_LIST_SLOTS = ("accused", "helpers", "locations", "blame_target")


@dataclass(frozen=True, slots=True)
class AllegationFrame:
    """One staging / false-flag allegation in one sentence (see specs/allegation-frames.md)."""

    sentence: Span
    trigger: Span
    event_type: str  # chemical_attack | attack_on_civilians | massacre | poisoning | other
    time: str  # future | past | unspecified
    accuser: Span | None = None
    accuser_resolved: str | None = None
    accused: tuple[Span, ...] = ()
    helpers: tuple[Span, ...] = ()
    event: Span | None = None
    locations: tuple[Span, ...] = ()
    blame_target: tuple[Span, ...] = ()
    evidence: Span | None = None

    def to_dict(self) -> JSON:
        return {
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "accuser": _span_or_none(self.accuser),
            "accuser_resolved": self.accuser_resolved,
            "accused": [s.to_dict() for s in self.accused],
            "helpers": [s.to_dict() for s in self.helpers],
            "event": _span_or_none(self.event),
            "event_type": self.event_type,
            "locations": [s.to_dict() for s in self.locations],
            "blame_target": [s.to_dict() for s in self.blame_target],
            "evidence": _span_or_none(self.evidence),
            "time": self.time,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AllegationFrame":
        def many(key: str) -> tuple[Span, ...]:
            return tuple(Span.from_dict(x) for x in d.get(key) or ())  # type: ignore[misc]

        return cls(
            sentence=Span.from_dict(d["sentence"]),  # type: ignore[arg-type]
            trigger=Span.from_dict(d["trigger"]),  # type: ignore[arg-type]
            event_type=d["event_type"],
            time=d["time"],
            accuser=Span.from_dict(d.get("accuser")),
            accuser_resolved=d.get("accuser_resolved"),
            accused=many("accused"),
            helpers=many("helpers"),
            event=Span.from_dict(d.get("event")),
            locations=many("locations"),
            blame_target=many("blame_target"),
            evidence=Span.from_dict(d.get("evidence")),
        )


@dataclass(frozen=True, slots=True)
class TechniqueSpan:
    """A persuasion-technique span (SemEval-2020 Task 11 label set)."""

    start: int
    end: int
    text: str
    technique: str
    score: float = 1.0

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end,
                "technique": self.technique, "score": self.score}


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage shared by two articles: offsets in the earlier and in the later one."""

    earlier: Span
    later: Span
    boilerplate: bool = False  # the passage recurs across one outlet's articles (a template)

    def to_dict(self) -> JSON:
        return {"earlier": self.earlier.to_dict(), "later": self.later.to_dict(), "boilerplate": self.boilerplate}


@dataclass(frozen=True, slots=True)
class ReuseLink:
    """Text reuse between two articles; ``kind`` is copy | partial | boilerplate."""

    earlier: str  # article id
    later: str  # article id
    passages: tuple[Passage, ...]
    share_of_later: float
    kind: str
    cluster: str | None = None
    share_of_earlier: float = 0.0
    basis: str = "date"  # date | same-date | undated: how earlier and later were decided

    def to_dict(self) -> JSON:
        return {"earlier": self.earlier, "later": self.later, "kind": self.kind,
                "share_of_later": self.share_of_later, "share_of_earlier": self.share_of_earlier,
                "basis": self.basis, "cluster": self.cluster,
                "passages": [p.to_dict() for p in self.passages]}
