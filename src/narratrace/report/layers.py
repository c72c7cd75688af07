"""Article text with its annotation layers as safe HTML.

Each stored annotation becomes one or more *marks* (a character range with a layer, a role and a
hover text): an attribution gives its source, cue and content spans; an allegation frame gives one
mark per slot value; a technique span gives one mark labelled with the technique. The text is cut
at every mark boundary, so overlapping and nested marks render correctly, and every piece of text
is escaped. Toggling a layer is pure CSS (see ``web/static/style.css``), so no script runs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from markupsafe import Markup, escape

FRAME_SLOTS = ("sentence", "trigger", "accuser", "accused", "helpers", "event", "locations", "blame_target",
               "evidence")
ATTRIBUTION_ROLES = ("source", "cue", "content")
LAYERS = {  # kind -> (layer id, human name)
    "attribution": ("attribution", "Attributions"),
    "allegation_frame": ("frame", "Allegation frames"),
    "technique": ("technique", "Techniques"),
    "reuse_passage": ("reuse", "Shared text"),  # not an annotation: passages from the reuse tables
}
REUSE_ROLES = {"from": "taken from an earlier article", "by": "taken by a later article",
               "boilerplate": "template text"}
SLOT_NAMES = {"sentence": "frame sentence", "trigger": "trigger (staged / fake)", "accuser": "accuser",
              "accused": "accused", "helpers": "helpers", "event": "event", "locations": "locations",
              "blame_target": "blame target", "evidence": "evidence"}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: str  # attribution | frame | technique | other
    role: str  # slot / attribution role / technique name / annotation kind
    tip: str  # hover text
    ann: int  # index of the annotation in the article's list


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    marks: tuple[Mark, ...]


def css_token(value: str) -> str:
    """A safe CSS class fragment for any label (letters, digits, dashes)."""
    out = "".join(c.lower() if c.isalnum() else "-" for c in value)
    return "-".join(p for p in out.split("-") if p) or "x"


def _spans(value: Any) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, Mapping)]
    return []


def _valid(span: Mapping[str, Any], n: int) -> tuple[int, int] | None:
    try:
        s, e = int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        return None
    s, e = max(0, s), min(n, e)
    return (s, e) if s < e else None


def marks_for(index: int, ann: Mapping[str, Any], text_len: int) -> list[Mark]:
    """The marks one annotation (as ``Annotation.to_dict()``) puts on the text."""
    kind, attrs = ann.get("kind", ""), ann.get("attrs") or {}
    out: list[Mark] = []

    def add(span: Mapping[str, Any], layer: str, role: str, tip: str) -> None:
        rng = _valid(span, text_len)
        if rng is not None:
            out.append(Mark(rng[0], rng[1], layer, role, tip, index))

    if kind == "attribution":
        who = attrs.get("speaker") or (attrs.get("source") or {}).get("text") or "unattributed"
        for role in ATTRIBUTION_ROLES:
            for sp in _spans(attrs.get(role)):
                add(sp, "attribution", role, f"attribution {role} ({ann.get('label') or ''}; speaker: {who})")
    elif kind == "allegation_frame":
        for slot in FRAME_SLOTS:
            for sp in _spans(attrs.get(slot)):
                name = SLOT_NAMES[slot] if slot == "sentence" else f"frame {SLOT_NAMES[slot]}"
                add(sp, "frame", slot, f"{name} ({attrs.get('event_type', '')}, {attrs.get('time', '')})")
    elif kind == "technique":
        label = ann.get("label") or "technique"
        add(ann, "technique", label, f"technique: {label}")
    else:
        add(ann, "other", kind or "annotation", f"{kind}: {ann.get('label') or ''}")
    return out


def passage_marks(passages: Sequence[Mapping[str, Any]], text_len: int) -> list[Mark]:
    """Marks for the passages this article shares with others (``article_links``' ``shared_passages``)."""
    out = []
    for p in passages:
        rng = _valid(p, text_len)
        if rng is None:
            continue
        role = "boilerplate" if p.get("boilerplate") else ("from" if p.get("direction") == "copied from" else "by")
        tip = f"{REUSE_ROLES[role]}: {p.get('outlet') or 'unknown outlet'} {p.get('date') or 'undated'} ({p.get('kind')})"
        out.append(Mark(rng[0], rng[1], "reuse", role, tip, -1))
    return out


def all_marks(annotations: Sequence[Mapping[str, Any]], text_len: int,
              passages: Sequence[Mapping[str, Any]] = ()) -> list[Mark]:
    return [m for i, a in enumerate(annotations) for m in marks_for(i, a, text_len)] + \
        passage_marks(passages, text_len)


def segment(text_len: int, marks: Iterable[Mark]) -> list[Segment]:
    """Cut [0, text_len) at every mark boundary; each piece lists the marks covering it."""
    marks = list(marks)
    bounds = sorted({0, text_len, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(Segment(a, b, tuple(active)))
    return out


def _classes(marks: Sequence[Mark]) -> str:
    names = {"m"}
    for m in marks:
        names.add(f"l-{m.layer}")
        if m.layer == "technique":
            names.add("t-" + css_token(m.role))
        else:
            names.add(f"{m.layer[0]}-{css_token(m.role)}")
    return " ".join(sorted(names))


def render_text(text: str, annotations: Sequence[Mapping[str, Any]],
                passages: Sequence[Mapping[str, Any]] = ()) -> Markup:
    """The whole text as escaped HTML with one ``<span>`` per marked segment and an anchor per annotation."""
    marks = all_marks(annotations, len(text), passages)
    first_at: dict[int, list[int]] = {}
    for i, a in enumerate(annotations):
        own = [m.start for m in marks if m.ann == i]
        if own:
            first_at.setdefault(min(own), []).append(i)
    parts: list[str] = []
    for seg in segment(len(text), marks):
        for i in first_at.get(seg.start, ()):
            parts.append(f'<span class="anchor" id="ann-{i}"></span>')
        piece = escape(text[seg.start:seg.end])
        if not seg.marks:
            parts.append(str(piece))
            continue
        tips = " · ".join(dict.fromkeys(m.tip for m in seg.marks))
        techniques = ", ".join(dict.fromkeys(m.role for m in seg.marks if m.layer == "technique"))
        data = f' data-technique="{escape(techniques)}"' if techniques else ""
        parts.append(f'<span class="{_classes(seg.marks)}" title="{escape(tips)}"{data}>{piece}</span>')
    return Markup("".join(parts))


def legend(annotations: Sequence[Mapping[str, Any]],
           passages: Sequence[Mapping[str, Any]] = ()) -> dict[str, list[dict[str, str]]]:
    """For each present layer, the roles it shows with their CSS class (for the colour legend)."""
    seen: dict[str, dict[str, str]] = {}
    for m in all_marks(annotations, 1 << 62, passages):
        cls = ("t-" if m.layer == "technique" else f"{m.layer[0]}-") + css_token(m.role)
        name = (SLOT_NAMES.get(m.role, m.role) if m.layer == "frame" else
                REUSE_ROLES[m.role] if m.layer == "reuse" else m.role.replace("_", " "))
        seen.setdefault(m.layer, {})[cls] = name
    order = {"frame": FRAME_SLOTS, "attribution": ATTRIBUTION_ROLES}
    out: dict[str, list[dict[str, str]]] = {}
    for layer, roles in seen.items():
        items = [{"class": c, "name": n} for c, n in roles.items()]
        rank = {("f-" if layer == "frame" else "a-") + css_token(r): i for i, r in enumerate(order.get(layer, ()))}
        out[layer] = sorted(items, key=lambda d: (rank.get(d["class"], 99), d["name"]))
    return out
