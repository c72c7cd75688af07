"""The domain gazetteer: actors and places with their aliases, as typed objects and as an EntityRuler.

Actors come from ``resources/actors.yaml`` (plus ``NARRATRACE_ACTORS``, a user file of the same
shape layered on top); places from ``resources/places.yaml`` when that file is present. The
EntityRuler runs ahead of the statistical NER, so known names get one entity each with the right
label ("Kafr Jales" a GPE, not "Kafr" a LANGUAGE; "HTS" an ORG without its bracket).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import logging

import yaml

log = logging.getLogger(__name__)

ACTOR_TYPES = ("official_body", "official_person", "person", "media_outlet", "armed_group", "ngo",
               "state", "international_body", "military_unit")
SETTLEMENT_KINDS = {"city", "town", "village", "province", "governorate", "district", "subdistrict",
                    "country", "capital", "neighbourhood", "neighborhood", "suburb", "admin"}
RULER_NAME = "narratrace_gazetteer"

_SPELLINGS = [("defense", "defence"), ("center", "centre"), ("organization", "organisation")]
_NORM = re.compile(r"[\s\"“”‘’'`.,:;()\[\]-]+")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    label: str = "ORG"
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    role: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    admin: str | None = None
    country: str | None = None
    kind: str | None = None
    ambiguous: tuple[str, ...] = ()  # aliases too common to look for in running text

    @property
    def label(self) -> str:
        return "GPE" if (self.kind or "").lower() in SETTLEMENT_KINDS else "LOC"


@dataclass
class Gazetteer:
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    _by_alias: dict[str, Actor] = field(default_factory=dict, repr=False)
    _by_description: dict[str, list[Actor]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            for alias in (actor.name, *actor.aliases):
                for variant in spelling_variants(alias):
                    self._by_alias.setdefault(norm(variant), actor)
            for desc in actor.descriptions:
                for variant in spelling_variants(desc):
                    self._by_description.setdefault(norm(variant), []).append(actor)

    def actor(self, text: str) -> Actor | None:
        """The actor whose name or alias is ``text`` (case, quotes, 's and a leading 'the' ignored)."""
        key = norm(text)
        hit = self._by_alias.get(key)
        if hit is None and key.startswith("the "):
            hit = self._by_alias.get(key[4:])
        return hit

    def described_by(self, text: str) -> list[Actor]:
        """Actors a definite description ("the center", "the military") may refer back to."""
        key = norm(text)
        return list(self._by_description.get(key) or self._by_description.get("the " + key, []))


def norm(text: str) -> str:
    text = text.casefold().replace("’s", "'s").replace("'s ", " ").replace("’", "'")
    return _NORM.sub(" ", text).strip()


def spelling_variants(text: str) -> set[str]:
    """British/American spellings and straight/curly apostrophes of one alias."""
    out = {text}
    for us, gb in _SPELLINGS:
        for t in list(out):
            low = t.lower()
            if us in low or gb in low:
                out.add(re.sub(us, lambda m: _same_case(m.group(0), gb), t, flags=re.I))
                out.add(re.sub(gb, lambda m: _same_case(m.group(0), us), t, flags=re.I))
    for t in list(out):
        if "'" in t:
            out.add(t.replace("'", "’"))
    return out


def _same_case(like: str, word: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _read_yaml(name: str) -> Any:
    res = resources.files("narratrace.resources").joinpath(name)
    if not res.is_file():
        return None
    return yaml.safe_load(res.read_text("utf-8"))


def _actors_from(data: Any, origin: str) -> Iterator[Actor]:
    for i, row in enumerate((data or {}).get("actors") or []):
        if not isinstance(row, dict) or "name" not in row or row.get("type") not in ACTOR_TYPES:
            raise ValueError(f"{origin}: actor {i + 1} needs a name and a type in {', '.join(ACTOR_TYPES)}")
        yield Actor(name=str(row["name"]), type=row["type"], label=row.get("label", "ORG"),
                    aliases=tuple(map(str, row.get("aliases") or ())),
                    descriptions=tuple(map(str, row.get("descriptions") or ())),
                    role=row.get("role"), sector=row.get("sector"))


def _places_from(data: Any) -> Iterator[Place]:
    rows = data.get("places", []) if isinstance(data, dict) else (data or [])
    for row in rows:
        if isinstance(row, dict) and row.get("name"):
            yield Place(name=str(row["name"]), aliases=tuple(map(str, row.get("aliases") or ())),
                        lat=row.get("lat"), lon=row.get("lon"), admin=row.get("admin"),
                        country=row.get("country"), kind=row.get("kind"),
                        ambiguous=tuple(map(str, row.get("ambiguous") or ())))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The packaged gazetteer, with the user's NARRATRACE_ACTORS file layered on top."""
    actors = list(_actors_from(_read_yaml("actors.yaml"), "actors.yaml"))
    user = os.environ.get("NARRATRACE_ACTORS")
    if user:
        with open(user, encoding="utf-8") as fh:
            actors = list(_actors_from(yaml.safe_load(fh), user)) + actors  # user entries win
    try:
        places = list(_places_from(_read_yaml("places.yaml")))
    except yaml.YAMLError as exc:  # the places file is maintained separately; never break parsing
        log.warning("places.yaml unreadable, places left out of the gazetteer: %s", exc)
        places = []
    return Gazetteer(actors=actors, places=places)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def patterns(gaz: Gazetteer, make_doc: Any) -> list[dict[str, Any]]:
    """EntityRuler patterns: phrase patterns (case-insensitive) and token patterns for acronyms.

    Acronyms match case-sensitively so that "WHO" never tags the pronoun "who" nor "US" the word "us".
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, alias: str, ent_id: str) -> None:
        for variant in spelling_variants(alias):
            key = (label, variant if _is_acronym(variant) else variant.lower())
            if key in seen:
                continue
            seen.add(key)
            if _is_acronym(variant):
                toks = [{"ORTH": t.text} for t in make_doc(variant)]
                out.append({"label": label, "pattern": toks, "id": ent_id})
            else:
                out.append({"label": label, "pattern": variant, "id": ent_id})

    place_names = {norm(a) for p in gaz.places for a in (p.name, *p.aliases)}
    for place in gaz.places:  # places first: "Damascus" is a place to geocode, not the Syrian state
        for alias in (place.name, *place.aliases):
            if alias not in place.ambiguous:
                add(place.label, alias, place.name)
    for actor in gaz.actors:
        for alias in (actor.name, *actor.aliases):
            if norm(alias) not in place_names:
                add(actor.label, alias, actor.name)
    return out


def add_entity_ruler(nlp: Any, gaz: Gazetteer | None = None) -> Any:
    """Add the gazetteer EntityRuler ahead of NER (idempotent); returns the ruler."""
    if RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(RULER_NAME)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "LOWER",
                                                                   "overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns(gaz or load(), nlp.make_doc))
    return ruler

