"""Quote extraction scored the way GenderGapTracker scores its quote extractor.

Gold: JSONL, one article per line::

    {"id", "text", "quotes": [{"speaker", "verb", "quote", "speaker_index": [s, e],
                               "verb_index": [s, e], "quote_index": [s, e], "reference"}]}

Indices are character offsets into ``text`` (end exclusive); ``reference`` is the resolved speaker
name (for a pronoun speaker, the person or body it stands for), or empty.

* Quote P/R/F1 at an overlap threshold (0.3 and 0.8): overlap = shared characters / the longer of
  the two spans; predicted and gold quotes are paired one-to-one, best overlap first.
* Speaker accuracy over matched quotes (threshold 0.3): the predicted source span overlaps the gold
  ``speaker_index``, or the resolved speaker equals (case-insensitively) the gold ``reference`` or
  the gold speaker text.
* Verb accuracy over matched quotes: the predicted cue overlaps the gold ``verb_index`` (or neither
  has one: a quotation continuing an earlier speaker).

Predictions are the attributions GGT would call quotes (``flat``): a cue reporting speech or writing
(``ggt_quotes`` in ``resources/attribution.yaml``; not beliefs or stances) or no cue (a quotation
continuing its speaker), no *unattributed* leads, none nested inside another one's content (GGT quotes
are flat): content = quote, source = speaker span, cue = verb.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from narratrace.analyze.lexicon import is_speech_cue, lexicon
from narratrace.errors import InputError

THRESHOLDS = (0.3, 0.8)


@dataclass(frozen=True)
class GoldQuote:
    quote: tuple[int, int]
    speaker: tuple[int, int] | None
    verb: tuple[int, int] | None
    speaker_text: str
    reference: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


def _pair(v: Any, text: str, where: str, field: str) -> tuple[int, int] | None:
    if v in (None, [], ""):
        return None
    if not (isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v)):
        raise InputError(where, None, f"{field} must be [start, end], got {v!r}")
    s, e = v
    if not 0 <= s <= e <= len(text):
        raise InputError(where, None, f"{field} {s}:{e} is outside the text (length {len(text)})")
    return s, e


def load_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Stream and validate a gold file; a bad line raises an InputError naming file:line."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"{lineno}", f"not JSON ({exc.msg})") from exc
            yield article_from_dict(d, str(path), lineno)


def article_from_dict(d: dict, path: str = "<gold>", lineno: int = 0) -> GoldArticle:
    """One validated gold article from its JSON object."""
    where = f"{path}:{lineno}"
    if not isinstance(d.get("text"), str) or not isinstance(d.get("quotes"), list):
        raise InputError(path, f"{lineno}", "needs a text string and a quotes list")
    text = d["text"]
    quotes = []
    for q in d["quotes"]:
        qi = _pair(q.get("quote_index"), text, where, "quote_index")
        if qi is None:
            raise InputError(path, f"{lineno}", "a quote without quote_index")
        quotes.append(GoldQuote(qi, _pair(q.get("speaker_index"), text, where, "speaker_index"),
                                _pair(q.get("verb_index"), text, where, "verb_index"),
                                q.get("speaker") or "", q.get("reference") or ""))
    return GoldArticle(str(d.get("id", lineno)), text, tuple(quotes))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if longer else 0.0


def _touch(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def match(pred: Sequence[dict], gold: Sequence[GoldQuote], threshold: float) -> list[tuple[int, int]]:
    cands = []
    for i, p in enumerate(pred):
        pq = (p["content"]["start"], p["content"]["end"])
        for j, g in enumerate(gold):
            o = overlap(pq, g.quote)
            if o >= threshold:
                cands.append((-o, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _span(d: dict | None) -> tuple[int, int] | None:
    return (d["start"], d["end"]) if d else None


def speaker_ok(p: dict, g: GoldQuote) -> bool:
    if _touch(_span(p.get("source")), g.speaker):
        return True
    name = (p.get("speaker") or "").casefold().strip()
    return bool(name) and name in {g.reference.casefold().strip(), g.speaker_text.casefold().strip()}


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: dict[float, int] | None = None
    speaker: int = 0
    verb: int = 0
    matched_at_03: int = 0
    articles: int = 0

    def __post_init__(self) -> None:
        self.matched = {t: 0 for t in THRESHOLDS}


def flat(pred: Sequence[dict]) -> list[dict]:
    """Our attributions as GGT-style quotes: speech only (a cue that reports speech or writing, or no cue —
    a quotation continuing its speaker), no unattributed leads, none nested inside another's content."""
    lex = lexicon()
    pred = [p for p in pred if p.get("kind") != "unattributed"
            and (not p.get("cue") or is_speech_cue(p["cue"].get("text"), lex))]
    spans = [(p["content"]["start"], p["content"]["end"]) for p in pred]
    return [p for p, (s, e) in zip(pred, spans)
            if not any((s2 <= s and e <= e2) and (s2, e2) != (s, e) for s2, e2 in spans)]


def score_article(pred: Sequence[dict], gold: GoldArticle, c: Counts) -> list[dict]:
    """Add one article's counts; return the speaker errors (for inspection)."""
    pred = flat(pred)
    c.articles += 1
    c.predicted += len(pred)
    c.gold += len(gold.quotes)
    errors = []
    for t in THRESHOLDS:
        pairs = match(pred, gold.quotes, t)
        c.matched[t] += len(pairs)  # type: ignore[index]
        if t == 0.3:
            c.matched_at_03 += len(pairs)
            for i, j in pairs:
                ok = speaker_ok(pred[i], gold.quotes[j])
                c.speaker += ok
                pv, gv = _span(pred[i].get("cue")), gold.quotes[j].verb
                c.verb += _touch(pv, gv) or (pv is None and gv is None)  # a continuation quote has no verb
                if not ok:
                    errors.append({"article": gold.id, "quote": gold.text[slice(*gold.quotes[j].quote)][:80],
                                   "gold": gold.quotes[j].reference or gold.quotes[j].speaker_text,
                                   "predicted": pred[i].get("speaker")})
    return errors


def report(c: Counts) -> dict[str, Any]:
    out: dict[str, Any] = {"articles_quotes": {"predicted": c.predicted, "gold": c.gold}}
    for t in THRESHOLDS:
        m = c.matched[t]  # type: ignore[index]
        p = m / c.predicted if c.predicted else 0.0
        r = m / c.gold if c.gold else 0.0
        out[f"quote@{t}"] = {"precision": round(p, 4), "recall": round(r, 4),
                             "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    n = c.matched_at_03
    out["speaker_accuracy"] = round(c.speaker / n, 4) if n else 0.0
    out["verb_accuracy"] = round(c.verb / n, 4) if n else 0.0
    return out


def evaluate(gold: str | Path | Iterable[GoldArticle], extract: Callable[[str], list[dict]],
             progress: Callable[[GoldArticle], None] | None = None) -> dict[str, Any]:
    """Score ``extract(text) -> [Attribution.to_dict()]`` against a gold file (or gold articles)."""
    c = Counts()
    errors: list[dict] = []
    arts = load_gold(gold) if isinstance(gold, (str, Path)) else gold
    for art in arts:
        errors += score_article(extract(art.text), art, c)
        if progress:
            progress(art)
    out = report(c)
    out["_texts"] = {"count": c.articles}
    out["speaker_errors"] = errors
    return out
