"""PolNeAR (brat standoff) loader and the Source / Cue / Content scorer.

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``; a text
annotated by several annotators has several ``.ann`` files, and ``metadata.tsv`` (one level up)
names the annotator of record per split — that one is used, else the first file in name order.

An ``.ann`` holds text-bound lines ``T<n><TAB><Label> <start> <end>[;<start> <end>...]<TAB>text``
(labels Source, Cue, Content, Attribution, Attribution-no-source, Discard, Discuss) and event lines
``E<n><TAB>Attribution:T<a> Content:T<c> Cue:T<q> Source:T<s>`` that tie the roles together.
Offsets are character offsets into the ``.txt`` file, end exclusive; a span may be discontinuous.

Scoring (data/README.md: "per attribution, match Source, Cue and Content spans by overlap"):
predicted attributions are aligned one-to-one with gold ones in the same text (cue overlap first,
then content overlap); per role, a pair is a hit when both have the role and their spans match —
*exact* (same extent) or *overlap* (any shared character). P = hits / predicted attributions with
the role, R = hits / gold attributions with the role.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from narratrace.errors import InputError

ROLES = ("source", "cue", "content")
Ranges = tuple[tuple[int, int], ...]
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: Ranges | None
    cue: Ranges | None
    content: Ranges | None

    def role(self, name: str) -> Ranges | None:
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    path: str


def parse_ann(text: str, origin: str = "<ann>") -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (events; lines with unknown shapes are skipped)."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if m := _T_LINE.match(line):
            ranges = tuple(tuple(int(x) for x in part.split()) for part in m.group(3).split(";"))
            spans[m.group(1)] = ranges  # type: ignore[assignment]
        elif m := _E_LINE.match(line):
            roles = dict(p.split(":", 1) for p in m.group(2).split() if ":" in p)
            events.append(roles)
    out = []
    for roles in events:
        def get(role: str) -> Ranges | None:
            ref = roles.get(role)
            if ref is not None and ref not in spans:
                raise InputError(origin, None, f"event refers to missing span {ref}")
            return spans.get(ref) if ref else None
        out.append(GoldAttribution(get("Source"), get("Cue"), get("Content")))
    return out


def _annotators_of_record(root: Path) -> dict[str, str]:
    meta = root.parent / "metadata.tsv"
    if not meta.is_file():
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {row["filename"]: row["annotators"] for row in csv.DictReader(fh, delimiter="\t")
                if row.get("compartment") == root.name and row.get("annotators")}


def iter_docs(root: str | Path) -> Iterator[PolnearDoc]:
    """Stream the texts of one PolNeAR split with their gold attributions."""
    root = Path(root)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(root), None, "not a PolNeAR split (needs text/ and attributions/ folders)")
    record = _annotators_of_record(root)
    for txt in sorted(text_dir.glob("*.txt")):
        candidates = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if not candidates:
            continue
        chosen = next((c for c in candidates if c.stem == f"{txt.stem}_{record.get(txt.stem)}"), candidates[0])
        text = txt.read_text(encoding="utf-8")
        atts = parse_ann(chosen.read_text(encoding="utf-8"), str(chosen))
        yield PolnearDoc(txt.stem, text, tuple(atts), str(txt))


# ---------------------------------------------------------------- scoring

def _extent(r: Ranges) -> tuple[int, int]:
    return min(a for a, _ in r), max(b for _, b in r)


def overlaps(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def same_extent(a: Ranges, b: Ranges) -> bool:
    return _extent(a) == _extent(b)


def align(pred: Sequence[GoldAttribution], gold: Sequence[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), greedy by (cue overlap, content overlap)."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            cue = overlaps(p.cue, g.cue) if p.cue and g.cue else 0
            content = overlaps(p.content, g.content) if p.content and g.content else 0
            if cue or content:
                cands.append((-(cue > 0), -content, -cue, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for *_, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class RoleCounts:
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0

    def prf(self, mode: str) -> tuple[float, float, float]:
        hits = self.exact if mode == "exact" else self.overlap
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(pred: Sequence[GoldAttribution], gold: Sequence[GoldAttribution],
              counts: dict[str, RoleCounts]) -> None:
    """Add one text's counts to ``counts`` (one RoleCounts per role)."""
    for role in ROLES:
        counts[role].predicted += sum(1 for p in pred if p.role(role))
        counts[role].gold += sum(1 for g in gold if g.role(role))
    for i, j in align(pred, gold):
        for role in ROLES:
            p, g = pred[i].role(role), gold[j].role(role)
            if p and g:
                counts[role].overlap += overlaps(p, g) > 0
                counts[role].exact += same_extent(p, g)


def new_counts() -> dict[str, RoleCounts]:
    return {r: RoleCounts() for r in ROLES}


def report(counts: dict[str, RoleCounts]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for role, c in counts.items():
        for mode in ("exact", "overlap"):
            p, r, f = c.prf(mode)
            out[f"{role}/{mode}"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                                     "predicted": c.predicted, "gold": c.gold}
    return out


def from_records(records: Iterable[dict]) -> list[GoldAttribution]:
    """Predicted attributions (``Attribution.to_dict()`` shapes) as scorer records."""
    out = []
    for d in records:
        def r(key: str) -> Ranges | None:
            s = d.get(key)
            return ((int(s["start"]), int(s["end"])),) if s else None
        out.append(GoldAttribution(r("source"), r("cue"), r("content")))
    return out


def evaluate(root: str | Path, extract, progress=None) -> dict[str, dict[str, float]]:
    """Run ``extract(text) -> list[Attribution dicts]`` over a split and score it.

    PolNeAR annotates a cue on every attribution (but 1 role-less event in dev, 35 cue-less ones in train:
    see docs/attribution.md), so predictions without one — unattributed leads and quotations that continue
    an earlier speaker — are left out.
    """
    counts = new_counts()
    n = 0
    for doc in iter_docs(root):
        preds = [d for d in extract(doc.text) if d.get("kind") != "unattributed" and d.get("cue")]
        score_doc(from_records(preds), doc.attributions, counts)
        n += 1
        if progress:
            progress(doc)
    out = report(counts)
    out["_texts"] = {"count": n}
    return out


# ---------------------------------------------------------------- GenderGapTracker-style proxy gold

def quote_gold(doc: PolnearDoc) -> dict:
    """One PolNeAR text as a GGT-format gold article (see ``evaluate/quotes.py``).

    Kept: attributions with a source, a content and a cue that reports speech or writing (or "according
    to") — ``is_speech_cue`` over ``ggt_quotes`` in ``resources/attribution.yaml``; beliefs, stances and
    perceptions ("believe", "is uncomfortable with", "know") are what GGT does not annotate. A content
    split by its cue inside one sentence ("“A,” he said, “B.”") is one quote (its extent); a part after a
    sentence end ("“A,” X said. “B.”") is a separate quote with the same speaker and no verb — GGT's
    *floating* quote. A quote inside another kept quote, or with the extent of an earlier one, is dropped
    (GGT quotes are flat). ``reference`` is empty: PolNeAR does not resolve pronouns, so a speaker is
    judged by its span.
    """
    from narratrace.analyze.lexicon import is_speech_cue, lexicon

    lex, text = lexicon(), doc.text
    kept: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]] = []
    for a in doc.attributions:
        if a.source is None or a.content is None or a.cue is None:
            continue
        if is_speech_cue(" ".join(text[s:e] for s, e in a.cue), lex):
            src, cue = _extent(a.source), _extent(a.cue)
            for i, part in enumerate(_sentence_parts(text, a.content)):
                kept.append((part, src, cue if i == 0 else None))
    flat: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]] = []
    for q in kept:
        inside = any(o[0][0] <= q[0][0] and q[0][1] <= o[0][1] and o[0] != q[0] for o in kept)
        if not inside and all(f[0] != q[0] for f in flat):
            flat.append(q)
    flat.sort(key=lambda q: q[0])
    return {"id": doc.name, "text": text, "quotes": [
        {"speaker": text[s[0]:s[1]], "verb": text[v[0]:v[1]] if v else "", "quote": text[c[0]:c[1]],
         "speaker_index": list(s), "verb_index": list(v) if v else None, "quote_index": list(c), "reference": ""}
        for c, s, v in flat]}


_SENTENCE_GAP = re.compile(r"[.!?][”\"’']*\s")
_WORD_BEFORE = re.compile(r"(\w+)$")
NAME_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr"}  # plus the lexicon's title_abbreviations


def _ends_sentence(gap: str) -> bool:
    """Whether the text between two parts of a content ends a sentence ("… Mr. Abboud said, …" does not)."""
    from narratrace.analyze.lexicon import lexicon

    abbreviations = NAME_ABBREVIATIONS | lexicon().title_abbreviations
    for m in _SENTENCE_GAP.finditer(gap):
        w = _WORD_BEFORE.search(gap[:m.start()])
        if gap[m.start()] != "." or not w or w.group(1).lower() not in abbreviations:
            return True
    return False


def _sentence_parts(text: str, content: Ranges) -> list[tuple[int, int]]:
    """A content's ranges joined into extents, split where the gap between two ranges ends a sentence."""
    ranges = sorted(content)
    parts = [list(ranges[0])]
    for s, e in ranges[1:]:
        if _ends_sentence(text[parts[-1][1]:s]) or "\n" in text[parts[-1][1]:s]:
            parts.append([s, e])
        else:
            parts[-1][1] = max(parts[-1][1], e)
    return [(s, e) for s, e in parts]


def iter_quote_gold(root: str | Path) -> Iterator[dict]:
    """A PolNeAR split as GGT-format gold articles, streamed."""
    for doc in iter_docs(root):
        yield quote_gold(doc)
