"""Text reuse across a corpus: candidates, passages, kinds, clusters.

Two streaming passes and bounded memory:

1. every article is hashed once (``minhash.hash_batch``); only compact per-article metadata
   (id, date, outlet code) and packed 64-bit LSH keys and anchors are kept;
2. candidate pairs are aligned (``align.align``), fetching article texts in small groups
   through ``fetch`` with a bounded token cache.

Kinds: ``copy`` (the passages cover at least ``copy_share`` of the later article), ``partial``
(less), ``boilerplate`` (same outlet, and the shared text recurs in at least
``template_articles`` articles of that outlet: a template rerun under new leads, not news).
"""
from __future__ import annotations

from array import array
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from narratrace.corpus.align import AlignParams, align_contained, covered_words
from narratrace.corpus.clusters import UNDATED, Cluster, Edge, build_clusters
from narratrace.corpus.minhash import ROWS, Tokens, anchor_keys, band_keys, collisions, gather, hash_batch, \
    split_sorted, tokenize
from narratrace.model import Article

Fetch = Callable[[list[str]], Iterable[Article]]
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class ReuseParams:
    window: int = 16
    rows: int = ROWS
    chain: int = 2  # in a big group of equal keys each article links to its next `chain` holders
    min_anchors: int = 2  # shared anchors that make a candidate pair
    align: AlignParams = AlignParams()
    copy_share: float = 0.5
    template_articles: int = 3
    template_full_share: float = 0.9  # a later article covered this fully is a copy, never a template
    batch: int = 1000
    cache: int = 4000


@dataclass
class DocTable:
    """Compact per-article metadata in stream order (index = position)."""

    ids: list[str] = field(default_factory=list)
    dates: array = field(default_factory=lambda: array("i"))
    outlets: array = field(default_factory=lambda: array("i"))
    outlet_names: list[str | None] = field(default_factory=lambda: [None])
    _codes: dict[str, int] = field(default_factory=dict)

    def add(self, a: Article) -> None:
        self.ids.append(a.id)
        self.dates.append(_ordinal(a.date))
        code = 0
        if a.outlet:
            code = self._codes.setdefault(a.outlet, len(self.outlet_names))
            if code == len(self.outlet_names):
                self.outlet_names.append(a.outlet)
        self.outlets.append(code)

    def outlet(self, i: int) -> str | None:
        return self.outlet_names[self.outlets[i]]

    def __len__(self) -> int:
        return len(self.ids)


def _ordinal(d: str | None) -> int:
    try:
        return date.fromisoformat(d[:10]).toordinal() if d else UNDATED
    except ValueError:
        return UNDATED


@dataclass(slots=True)
class Link:
    """A reuse link between doc indexes; passages as char offsets (earlier start, end, later start, end)."""

    earlier: int
    later: int
    passages: list[tuple[int, int, int, int]]
    share_of_later: float
    share_of_earlier: float
    basis: str  # date | same-date | undated: how earlier/later were decided
    containment: float = 0.0  # share of the later article's 5-word shingles found verbatim in the earlier
    later_chars: int = 0  # characters from the later article's first to last word
    kind: str = ""
    boilerplate: list[bool] = field(default_factory=list)


@dataclass
class ReuseResult:
    docs: DocTable
    links: list[Link]
    clusters: list[Cluster]
    candidates: int
    cluster_of: dict[int, str]


# -- pass 1: hashing and candidates -----------------------------------------------------------

def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def candidate_pairs(articles: Iterable[Article], params: ReuseParams = ReuseParams(),
                    progress: Progress | None = None) -> tuple[DocTable, np.ndarray]:
    """Hash every article once; return the doc table and candidate pairs packed ``(a << 32) | b``."""
    docs = DocTable()
    anchors: list[np.ndarray] = []
    bands: list[np.ndarray] = []
    for batch in _batches(articles, params.batch):
        first = len(docs)
        for a in batch:
            docs.add(a)
        hashed = hash_batch([a.body for a in batch])
        anchors.append(anchor_keys(hashed, first, params.window))
        bands.append(band_keys(hashed, first, params.rows))
        if progress:
            progress("hash", len(batch))
    band_pairs = collisions(*_sorted_split(bands), params.chain, 1)
    anchor_pairs = collisions(*_sorted_split(anchors), params.chain, params.min_anchors)
    return docs, np.union1d(band_pairs, anchor_pairs)


def _sorted_split(chunks: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate, sort and split packed keys, releasing the chunks and the packed array."""
    return split_sorted(gather(chunks))


# -- pass 2: alignment ------------------------------------------------------------------------

class TokenCache:
    """Tokens of recently used articles (bounded), fetched in groups."""

    def __init__(self, docs: DocTable, fetch: Fetch, size: int) -> None:
        self.docs, self.fetch, self.size = docs, fetch, size
        self.items: OrderedDict[int, Tokens] = OrderedDict()

    def load(self, needed: Iterable[int]) -> None:
        missing = sorted({i for i in needed if i not in self.items})
        by_id = {self.docs.ids[i]: i for i in missing}
        for a in self.fetch(list(by_id)):
            t = tokenize(a.body)
            if a.body_start:
                t = Tokens(t.starts + a.body_start, t.ends + a.body_start, t.hashes, t.shingles)
            self.items[by_id[a.id]] = t
        while len(self.items) > self.size:
            self.items.popitem(last=False)

    def get(self, i: int) -> Tokens | None:
        t = self.items.get(i)
        if t is not None:
            self.items.move_to_end(i)
        return t


def _order(docs: DocTable, a: int, b: int) -> tuple[int, int, str]:
    da, db = docs.dates[a], docs.dates[b]
    if da == UNDATED or db == UNDATED:
        return a, b, "undated"
    if da == db:
        return a, b, "same-date"
    return (a, b, "date") if da < db else (b, a, "date")


def align_pairs(pairs: np.ndarray, docs: DocTable, fetch: Fetch, params: ReuseParams = ReuseParams(),
                progress: Progress | None = None) -> Iterator[Link]:
    """Align candidate pairs (grouped by the later doc so each text is fetched about once)."""
    a_idx = (pairs >> np.uint64(32)).astype(np.int64)
    b_idx = (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64)
    order = np.lexsort((a_idx, b_idx))
    a_idx, b_idx = a_idx[order], b_idx[order]
    cache = TokenCache(docs, fetch, max(params.cache, 2 * params.batch))
    step = max(1, params.batch)
    for s in range(0, len(order), step):
        aa, bb = a_idx[s:s + step].tolist(), b_idx[s:s + step].tolist()
        cache.load(aa + bb)
        for a, b in zip(aa, bb):
            link = _link(docs, cache, a, b, params.align)
            if link is not None:
                yield link
        if progress:
            progress("align", len(aa))


def _link(docs: DocTable, cache: TokenCache, a: int, b: int, ap: AlignParams) -> Link | None:
    earlier, later, basis = _order(docs, a, b)
    te, tl = cache.get(earlier), cache.get(later)
    if te is None or tl is None or not len(tl) or not len(te):
        return None
    matches, contained = align_contained(te, tl, ap)
    if not matches:
        return None
    passages = [(int(te.starts[m.a0]), int(te.ends[m.a1 - 1]), int(tl.starts[m.b0]), int(tl.ends[m.b1 - 1]))
                for m in matches]
    return Link(earlier, later, passages, round(covered_words(matches, "b") / len(tl), 4),
                round(covered_words(matches, "a") / len(te), 4), basis, round(contained, 4),
                int(tl.ends[-1] - tl.starts[0]))


# -- kinds and clusters -----------------------------------------------------------------------

def _template_regions(links: Sequence[Link], docs: DocTable, need: int) -> dict[int, list[tuple[int, int]]]:
    """Per article, char regions shared with at least ``need`` other articles of its own outlet."""
    spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for n, l in enumerate(links):
        if docs.outlets[l.earlier] and docs.outlets[l.earlier] == docs.outlets[l.later]:
            for es, ee, ls, le in l.passages:
                spans[l.earlier].append((es, ee, l.later))
                spans[l.later].append((ls, le, l.earlier))
    regions: dict[int, list[tuple[int, int]]] = {}
    for doc, sp in spans.items():
        if len({p for _, _, p in sp}) < need:
            continue
        events = sorted([(s, 1, p) for s, _, p in sp] + [(e, -1, p) for _, e, p in sp])
        active: dict[int, int] = defaultdict(int)
        out, start = [], None
        for pos, delta, partner in events:
            active[partner] += delta
            if not active[partner]:
                del active[partner]
            if len(active) >= need and start is None:
                start = pos
            elif len(active) < need and start is not None:
                out.append((start, pos))
                start = None
        if out:
            regions[doc] = out
    return regions


def _inside(regions: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, re) - max(s, rs)) for rs, re in regions)


def assign_kinds(links: list[Link], docs: DocTable, params: ReuseParams = ReuseParams()) -> None:
    """Set ``kind`` and per-passage ``boilerplate`` flags on every link.

    Template text is discounted before deciding copy versus partial: what counts is the share of
    the later article's own (non-template) text that the passages cover. A link whose shared text
    is mostly template and that covers little else is ``boilerplate``, whichever outlet reran it.
    """
    regions = _template_regions(links, docs, params.template_articles - 1)
    for l in links:
        re_, rl = regions.get(l.earlier, []), regions.get(l.later, [])
        flags, template, shared = [], 0.0, 0
        for es, ee, ls, le in l.passages:
            inside = max(_inside(re_, es, ee) / max(1, ee - es), _inside(rl, ls, le) / max(1, le - ls))
            flags.append(inside >= 0.5)
            template += inside * (le - ls)
            shared += le - ls
        l.boilerplate = flags
        own = (shared - template) / max(1.0, l.later_chars - template) if template else l.share_of_later
        if l.share_of_later >= params.template_full_share:
            l.kind = "copy"
        elif template >= 0.5 * shared and own < params.copy_share:
            l.kind = "boilerplate"
        else:
            l.kind = "copy" if own >= params.copy_share else "partial"


def find_reuse(articles: Iterable[Article], fetch: Fetch, params: ReuseParams = ReuseParams(),
               progress: Progress | None = None) -> ReuseResult:
    """The whole analysis over a stream of articles (ordered by date, then id, for stable results)."""
    docs, pairs = candidate_pairs(articles, params, progress)
    links = list(align_pairs(pairs, docs, fetch, params, progress))
    assign_kinds(links, docs, params)
    edges = [Edge(l.earlier, l.later, l.kind, l.share_of_later, l.containment) for l in links]
    clusters = build_clusters(edges, docs.dates, lambda i: docs.ids[i])
    cluster_of = {m: c.id for c in clusters for m in c.members}
    return ReuseResult(docs, links, clusters, len(pairs), cluster_of)
