"""Who is on which side: actor aliases -> canonical name -> party -> bloc (package data in events.yaml).

A frame's accused and blame target, an event's perpetrator and an accuser are all free text; they are compared
by party after alias normalization ("the Russian Aerospace Forces" and "Syrian government troops" against an
event attributed to the "Syrian-Russian military alliance"). The bloc answers "is this the accuser's own side".
When the actor gazetteer (``narratrace.gazetteer``) is installed, its canonical names are tried first.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from narratrace.record.places import normalize


@dataclass(frozen=True, slots=True)
class Party:
    key: str
    bloc: str
    members: tuple[str, ...] = ()  # an alliance stands for its member parties


@dataclass(frozen=True, slots=True)
class ActorMatch:
    canonical: str
    party: str


class Parties:
    """Alias lookup over parties; scans text for the longest known alias runs."""

    def __init__(self, parties: Iterable[Party], aliases: Mapping[str, ActorMatch]) -> None:
        self.parties = {p.key: p for p in parties}
        self._alias = {tuple(k.split()): v for k, v in aliases.items()}
        self._longest = max((len(k) for k in self._alias), default=1)
        self._memo: dict[str | None, frozenset[str]] = {}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Mapping[str, Any]]) -> "Parties":
        parties, aliases = [], {}
        for key, d in data.items():
            parties.append(Party(key, str(d.get("bloc") or key), tuple(d.get("members") or ())))
            plain = [str(a) for a in d.get("aliases") or ()]
            groups: dict[str, list[str]] = {str(k): [str(a) for a in v or ()]
                                            for k, v in (d.get("names") or {}).items()}
            if plain:
                groups.setdefault(plain[0], []).extend(plain[1:])
            for canonical, names in groups.items():
                for alias in (canonical, *names):
                    aliases.setdefault(normalize(alias), ActorMatch(canonical, key))
        return cls(parties, aliases)

    def actors_in(self, text: str | None) -> list[ActorMatch]:
        """Every known actor named in ``text``, longest alias first, in order of appearance."""
        tokens = normalize(text or "").split()
        out: list[ActorMatch] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                hit = self._alias.get(tuple(tokens[i:i + n]))
                if hit is not None:
                    if hit not in out:
                        out.append(hit)
                    i += n
                    break
            else:
                i += 1
        return out

    def parties_in(self, texts: Iterable[str | None]) -> frozenset[str]:
        """Party keys named in any of ``texts``; an alliance adds its members."""
        keys: set[str] = set()
        for text in texts:
            keys.update(self._parties_of(text))
        return frozenset(keys)

    def _parties_of(self, text: str | None) -> frozenset[str]:
        hit = self._memo.get(text)
        if hit is None:
            keys: set[str] = set()
            for m in self.actors_in(_canonical_first(text)):
                keys.add(m.party)
                keys.update(self.parties[m.party].members)
            hit = frozenset(keys)
            if len(self._memo) < 100_000:
                self._memo[text] = hit
        return hit

    def blocs(self, party_keys: Iterable[str]) -> frozenset[str]:
        return frozenset(self.parties[k].bloc for k in party_keys if k in self.parties)

    def canonical(self, text: str | None) -> str | None:
        """The canonical name of the actor ``text`` names (shared actor gazetteer first); None when unknown."""
        if not text:
            return None
        shared = _shared_actor(text)
        if shared:
            return shared
        hits = self.actors_in(text)
        if not hits:
            return None
        return _shared_actor(hits[0].canonical) or hits[0].canonical


def _canonical_first(text: str | None) -> str | None:
    """``text`` plus the shared gazetteer's canonical name for it, so either can match an alias."""
    shared = _shared_actor(text) if text else None
    return f"{text} | {shared}" if shared else text


def _shared_actor(text: str) -> str | None:
    """The actor gazetteer's canonical name for exactly this text (``narratrace.gazetteer``), if installed."""
    try:
        from narratrace import gazetteer
        actor = gazetteer.load().actor(text)
    except Exception:  # optional module; a problem there must not break the record check
        return None
    return actor.name if actor is not None else None
