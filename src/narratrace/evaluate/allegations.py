"""The allegation-frame scorer of ``specs/allegation-frames.md``.

Gold: JSONL, one object per article ``{"article", "text", "frames": [{slot: text | [texts] | null}]}``.
Gold values are texts; the scorer locates them in the article (a value not found in the text
is a gold error, reported before any scoring).

- A predicted frame matches a gold frame when both are in the same article and their sentences
  overlap; each gold frame is matched at most once. Frame P/R/F1 count matched frames.
- For matched pairs each slot is compared as a set of values; two values match when one contains
  the other or their token Jaccard is >= 0.5 (case-insensitive). Slot micro-F1 over
  ``SCORED_SLOTS`` and per slot; ``event_type`` and ``time`` are one value each.

A development gold stored as row ids (``devgold/*.jsonl``) is joined with the texts of
``../shared/data`` by :func:`load_devgold`.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from narratrace.errors import InputError

SCORED_SLOTS = ("accuser", "accused", "helpers", "event_type", "locations", "blame_target", "evidence", "time")
LIST_SLOTS = {"accused", "helpers", "locations", "blame_target"}
EVENT_TYPES = {"chemical_attack", "attack_on_civilians", "massacre", "poisoning", "other"}
TIMES = {"future", "past", "unspecified"}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class GoldArticle:
    article: str
    text: str
    frames: tuple[Mapping[str, Any], ...]
    where: str = ""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if not (self.tp + self.fp + self.fn):
            p = r = f = 1.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    frames: Counts = field(default_factory=Counts)
    slots: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SCORED_SLOTS})
    errors: list[dict[str, Any]] = field(default_factory=list)

    def slot_micro(self) -> Counts:
        total = Counts()
        for c in self.slots.values():
            total.add(c)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {"frames": self.frames.prf(), "slots_micro": self.slot_micro().prf(),
                "slots": {k: v.prf() for k, v in self.slots.items()}}


# ---------------------------------------------------------------- gold

def _values(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, dict):
        return [str(v["text"])]
    if isinstance(v, (list, tuple)):
        return [x for item in v for x in _values(item)]
    return [str(v)]


def validate(gold: GoldArticle) -> list[str]:
    """Problems in one gold article: unknown labels, values that are not in its text."""
    problems = []
    low = gold.text.casefold()
    for i, frame in enumerate(gold.frames):
        sent = frame.get("sentence")
        if not sent or str(_values(sent)[0]).casefold() not in low:
            problems.append(f"frame {i}: sentence not found in the text")
        if frame.get("event_type") not in EVENT_TYPES:
            problems.append(f"frame {i}: event_type {frame.get('event_type')!r} not one of {sorted(EVENT_TYPES)}")
        if frame.get("time") not in TIMES:
            problems.append(f"frame {i}: time {frame.get('time')!r} not one of {sorted(TIMES)}")
        for slot in ("trigger", "accuser", "accused", "helpers", "event", "locations", "blame_target", "evidence"):
            for value in _values(frame.get(slot)):
                if value.casefold() not in low:
                    problems.append(f"frame {i}: {slot} value {value!r} not found in the text")
    return problems


def read_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Gold articles from a JSONL file; raises InputError naming file:line on a bad line."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                gold = GoldArticle(str(d["article"]), str(d["text"]), tuple(d.get("frames") or ()), f"line {n}")
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(str(path), f"line {n}", f"not a gold article ({exc})") from exc
            problems = validate(gold)
            if problems:
                raise InputError(str(path), f"line {n}", "; ".join(problems))
            yield gold


# ---------------------------------------------------------------- matching

def tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.casefold()))


def values_match(a: str, b: str) -> bool:
    """One contains the other, or token Jaccard >= 0.5 (case-insensitive)."""
    a, b = a.casefold().strip(), b.casefold().strip()
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    ta, tb = tokens(a), tokens(b)
    return bool(ta | tb) and len(ta & tb) / len(ta | tb) >= 0.5


def match_sets(pred: Sequence[str], gold: Sequence[str]) -> Counts:
    """One-to-one greedy matching of two value sets (exact-text pairs first)."""
    pred = list(dict.fromkeys(p for p in pred if p))
    gold = list(dict.fromkeys(g for g in gold if g))
    used: set[int] = set()
    tp = 0
    for exact in (True, False):
        for p in list(pred):
            for j, g in enumerate(gold):
                if j in used:
                    continue
                if (p.casefold() == g.casefold()) if exact else values_match(p, g):
                    used.add(j)
                    pred.remove(p)
                    tp += 1
                    break
    return Counts(tp=tp, fp=len(pred), fn=len(gold) - len(used))


def _interval(text: str, sentence: str, hint: int = 0) -> tuple[int, int]:
    i = text.find(sentence, hint)
    if i < 0:
        i = text.casefold().find(sentence.casefold())
    return (i, i + len(sentence)) if i >= 0 else (-1, -1)


def score_article(gold: GoldArticle, predicted: Sequence[Mapping[str, Any]], report: Report) -> None:
    """Add one article's counts to ``report``. ``predicted``: frame dicts (spans or texts)."""
    gold_iv, seen = [], {}
    for f in gold.frames:  # a sentence repeated in the article (a title printed twice): next occurrence
        sent = _values(f["sentence"])[0]
        iv = _interval(gold.text, sent, seen.get(sent, 0))
        iv = iv if iv[0] >= 0 else _interval(gold.text, sent)
        seen[sent] = iv[0] + 1
        gold_iv.append(iv)
    pred_iv = []
    for f in predicted:
        s = f["sentence"]
        pred_iv.append((s["start"], s["end"]) if isinstance(s, dict) else _interval(gold.text, s))
    used: set[int] = set()
    for pi, (ps, pe) in enumerate(pred_iv):
        best = None
        for gi, (gs, ge) in enumerate(gold_iv):
            if gi in used or not (ps < ge and gs < pe):
                continue
            overlap = min(pe, ge) - max(ps, gs)
            if best is None or overlap > best[0]:
                best = (overlap, gi)
        if best is None:
            report.frames.fp += 1
            report.errors.append({"article": gold.article, "kind": "spurious", "sentence": gold.text[ps:pe]})
            continue
        gi = best[1]
        used.add(gi)
        report.frames.tp += 1
        for slot in SCORED_SLOTS:
            c = match_sets(_values(predicted[pi].get(slot)), _values(gold.frames[gi].get(slot)))
            report.slots[slot].add(c)
            if c.fp or c.fn:
                report.errors.append({"article": gold.article, "kind": "slot", "slot": slot,
                                      "predicted": _values(predicted[pi].get(slot)),
                                      "gold": _values(gold.frames[gi].get(slot))})
    for gi, f in enumerate(gold.frames):
        if gi not in used:
            report.frames.fn += 1
            report.errors.append({"article": gold.article, "kind": "missed", "sentence": _values(f["sentence"])[0]})


def evaluate(golds: Iterable[GoldArticle],
             extractor: Callable[[str], Sequence[Mapping[str, Any]]] | None = None) -> Report:
    """Run ``extractor`` (default: the allegations analyzer) over each gold text and score it."""
    if extractor is None:
        from narratrace.analyze.allegations import extract_frames

        def extractor(text: str) -> list[dict[str, Any]]:
            return [f.to_dict() for f in extract_frames(text)]

    report = Report()
    for gold in golds:
        score_article(gold, extractor(gold.text), report)
    return report


# ---------------------------------------------------------------- the development gold (row ids)

DEVGOLD_DIR = Path(__file__).with_name("devgold")
# corpus -> (file under shared, id column or None for the data-row index, CSV delimiter)
_CORPORA = {"euvsdisinfo": ("data/euvsdisinfo/posts.csv", "id", ","),
            "euvsdisinfo-cases": ("data/euvsdisinfo/cases-2015-2017.csv", None, ";"),
            "fa-kes": ("data/fa-kes/articles.csv", "unit_id", ","),
            # CLEF-2020 CheckThat! T2 fact-checked claims: the id is the first, unnamed column
            "clef2020": ("data/clef2020-t2/verified_claims.docs.tsv", "", "\t")}
# corpus -> folder under shared whose files are whole articles (row = file name; text = the file as on disk)
# (PolNeAR rows keep their split folder: "train/text/x.txt")
_FILE_CORPORA = {"ptc": "data/ptc/train-articles", "semeval2025-en": "data/semeval2025-t10/EN/raw-documents",
                 "polnear": "data/polnear"}


# Slots whose values a row-id gold stores as character offsets into the joined text (so that no
# sentence of the shared corpora is copied into the project): [start, end], or a list of them.
TEXT_SLOTS = ("sentence", "trigger", "accuser", "accused", "helpers", "event", "locations", "blame_target", "evidence")


def frame_texts(frame: Mapping[str, Any], text: str) -> dict[str, Any]:
    """A row-id gold frame with its offset values replaced by the texts they point at."""
    out = dict(frame)
    for slot in TEXT_SLOTS:
        value = frame.get(slot)
        if slot in LIST_SLOTS and isinstance(value, list):
            out[slot] = [text[v[0]:v[1]] if _is_offset(v) else v for v in value]
        elif _is_offset(value):
            out[slot] = text[value[0]:value[1]]
    return out


def frame_offsets(frame: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The inverse of :func:`frame_texts`: text values -> offsets (inside the frame's sentence when possible)."""
    out = dict(frame)
    sent = frame["sentence"] if isinstance(frame["sentence"], str) else text[frame["sentence"][0]:frame["sentence"][1]]
    s0, s1 = _interval(text, sent)

    def locate(value: str) -> list[int]:
        i = text.find(value, s0, s1 + len(value))
        if i < 0:
            i = text.casefold().find(value.casefold(), s0)
        if i < 0:
            i = text.casefold().find(value.casefold())
        return [i, i + len(value)]

    for slot in TEXT_SLOTS:
        value = frame.get(slot)
        if slot in LIST_SLOTS and isinstance(value, list):
            out[slot] = [locate(v) if isinstance(v, str) else v for v in value]
        elif isinstance(value, str):
            out[slot] = locate(value)
    return out


def _is_offset(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value)


def row_text(corpus: str, row: Mapping[str, str]) -> str:
    """The text a development-gold item is annotated on: the claim title (EUvsDisinfo) or the
    article title, a blank line and its content (FA-KES); for the 2015-2017 case file, the claim
    title, a blank line and the case summary when the summary says more than the title."""
    if corpus == "euvsdisinfo":
        return row["title"]
    if corpus == "clef2020":
        return row["vclaim"]
    if corpus == "euvsdisinfo-cases":
        title, summary = row["title"].strip(), row["summary"].strip()
        return f"{title}\n\n{summary}" if summary and summary != title else title
    return f"{row['article_title']}\n\n{row['article_content']}"


def load_devgold(path: str | Path, shared: str | Path, folds: Iterable[int] | None = None) -> Iterator[GoldArticle]:
    """Join a row-id gold file (``{"corpus", "row", "fold", "frames"}`` per line) with the texts in
    ``shared``; ``folds``: keep only the items of these folds."""
    path, shared = Path(path), Path(shared)
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if folds is not None:
        keep = set(folds)
        items = [item for item in items if item.get("fold") in keep]
    wanted: dict[str, set[str]] = {}
    for item in items:
        wanted.setdefault(item["corpus"], set()).add(str(item["row"]))
    texts: dict[tuple[str, str], str] = {}
    csv.field_size_limit(sys.maxsize)
    for corpus, ids in wanted.items():
        if corpus in _FILE_CORPORA:
            for row_id in ids:
                parts = [p for p in Path(row_id).parts if p not in ("..", "/")]
                file = shared / _FILE_CORPORA[corpus] / Path(*parts)
                if file.is_file():
                    texts[(corpus, row_id)] = file.read_text("utf-8")
            continue
        rel, key, delimiter = _CORPORA[corpus]
        with (shared / rel).open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh, delimiter=delimiter)):
                row_id = row[key] if key is not None else str(n)
                if row_id in ids:
                    texts[(corpus, row_id)] = row_text(corpus, row)
    for n, item in enumerate(items, 1):
        text = texts.get((item["corpus"], str(item["row"])))
        if text is None:
            raise InputError(str(path), f"line {n}", f"row {item['row']!r} not found in {item['corpus']}")
        frames = tuple(frame_texts(f, text) for f in item.get("frames") or ())
        gold = GoldArticle(f"{item['corpus']}:{item['row']}", text, frames, f"line {n}")
        problems = validate(gold)
        if problems:
            raise InputError(str(path), f"line {n}", "; ".join(problems))
        yield gold
