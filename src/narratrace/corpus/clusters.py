"""Reuse clusters: stable ids, the earliest publisher (ties and missing dates stated), propagation
paths as dated hops between outlets, and the outlet graph (GraphML and node-link JSON)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Sequence

UNDATED = -1


def iso(ordinal: int) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal != UNDATED else None


@dataclass(frozen=True)
class Edge:
    """What clustering needs of a reuse link: doc indexes, kind, and the share of the later one."""

    earlier: int
    later: int
    kind: str
    share_of_later: float
    containment: float = 0.0  # verbatim 5-word shingles of the later found in the earlier


@dataclass
class Hop:
    """One dated step: ``later`` took text from ``earlier`` (``days`` None when a date is missing)."""

    earlier: int
    later: int
    days: int | None
    share_of_later: float


@dataclass
class Cluster:
    id: str
    members: list[int]
    earliest: list[int]  # all members sharing the earliest date (one when unique)
    earliest_status: str  # unique | tie | undated
    earliest_date: int
    undated: list[int]
    hops: list[Hop] = field(default_factory=list)
    unplaced: list[int] = field(default_factory=list)  # members with no strictly earlier linked member


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_clusters(edges: Sequence[Edge], dates: Sequence[int], ids: Callable[[int], str],
                   kinds: Iterable[str] = ("copy",)) -> list[Cluster]:
    """Connected components over links of ``kinds``; singletons are not clusters.

    The id is ``rc-`` + the article id of the root: the earliest dated member, the smallest id
    among same-day members, an undated member only when none is dated. It stays the same across
    runs and while no earlier article joins the group.
    """
    kinds = set(kinds)
    uf = UnionFind()
    for e in edges:
        if e.kind in kinds:
            uf.union(e.earlier, e.later)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in list(uf.parent):
        groups[uf.find(x)].append(x)
    for root in list(groups):
        if root not in groups[root]:
            groups[root].append(root)
    by_member: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        if e.kind in kinds:
            by_member[e.later].append(e)
    return sorted((_cluster(sorted(m), dates, ids, by_member) for m in groups.values()), key=lambda c: c.id)


def _cluster(members: list[int], dates: Sequence[int], ids: Callable[[int], str],
             by_member: dict[int, list[Edge]]) -> Cluster:
    dated = [m for m in members if dates[m] != UNDATED]
    undated = [m for m in members if dates[m] == UNDATED]
    if dated:
        first = min(dates[m] for m in dated)
        earliest = sorted((m for m in dated if dates[m] == first), key=ids)
        status = "unique" if len(earliest) == 1 else "tie"
    else:
        first, earliest, status = UNDATED, sorted(undated, key=ids), "undated"
    root = earliest[0]
    c = Cluster(f"rc-{ids(root)}", members, earliest, status, first, undated)
    for m in members:
        parent = _parent(m, dates, by_member.get(m, ()))
        if parent is None:
            if m not in earliest:
                c.unplaced.append(m)
        else:
            c.hops.append(Hop(parent.earlier, m, dates[m] - dates[parent.earlier], parent.share_of_later))
    c.hops.sort(key=lambda h: (dates[h.later], h.later))
    return c


def _parent(member: int, dates: Sequence[int], edges: Iterable[Edge]) -> Edge | None:
    """The strictly earlier linked article this one shares most verbatim text with (earliest on ties).

    Verbatim containment, not passage coverage, decides: a copy of a copy inherits its parent's
    edits and new lead, so it matches its parent word for word more than the original.
    """
    best = None
    for e in edges:
        if dates[member] == UNDATED or dates[e.earlier] == UNDATED or dates[e.earlier] >= dates[member]:
            continue
        if best is None or (e.containment, e.share_of_later, -dates[e.earlier]) > \
                (best.containment, best.share_of_later, -dates[best.earlier]):
            best = e
    return best


# -- outlet graph ------------------------------------------------------------------------------

@dataclass
class OutletGraph:
    """Directed outlet graph: an edge earlier outlet -> later outlet per reuse kind, plus cites."""

    nodes: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # outlet -> articles
    edges: dict[tuple[str, str], dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def add(self, source: str, target: str, kind: str) -> None:
        self.edges[(source, target)][kind] += 1

    def to_json(self) -> dict[str, Any]:
        """networkx node-link form (``networkx.node_link_graph(data, edges="links")`` reads it)."""
        return {
            "directed": True, "multigraph": False, "graph": {"name": "narratrace outlet graph"},
            "nodes": [{"id": n, "articles": c} for n, c in sorted(self.nodes.items())],
            "links": [{"source": s, "target": t, "weight": sum(k.values()), **dict(sorted(k.items()))}
                      for (s, t), k in sorted(self.edges.items())],
        }

    def to_graphml(self) -> str:
        ns = "http://graphml.graphdrawing.org/xmlns"
        root = ET.Element("graphml", xmlns=ns)
        kinds = sorted({k for ks in self.edges.values() for k in ks})
        ET.SubElement(root, "key", id="articles", attrib={"for": "node", "attr.name": "articles",
                                                          "attr.type": "int"})
        for key in ["weight", *kinds]:
            ET.SubElement(root, "key", id=key, attrib={"for": "edge", "attr.name": key, "attr.type": "int"})
        graph = ET.SubElement(root, "graph", id="outlets", edgedefault="directed")
        for name, count in sorted(self.nodes.items()):
            node = ET.SubElement(graph, "node", id=name)
            ET.SubElement(node, "data", key="articles").text = str(count)
        for n, ((s, t), ks) in enumerate(sorted(self.edges.items())):
            edge = ET.SubElement(graph, "edge", id=f"e{n}", source=s, target=t)
            ET.SubElement(edge, "data", key="weight").text = str(sum(ks.values()))
            for k in kinds:
                ET.SubElement(edge, "data", key=k).text = str(ks.get(k, 0))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1)
