"""The allegation-frame lexicon (``resources/allegations.yaml``) as a typed object, and the
sentence splitter the frame extractor uses (it also splits "said.The", which news scrapes
often glue together)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Lexicon:
    staging_lemmas: frozenset[str]
    ambiguous_lemmas: frozenset[str]
    staging_nouns: frozenset[str]
    staging_patterns: tuple[re.Pattern[str], ...]
    provocation_cues: frozenset[str]
    provocation_exclusions: tuple[re.Pattern[str], ...]
    event_nouns: frozenset[str]
    perpetration_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    reporting_lemmas: frozenset[str]
    evidence_subjects: frozenset[str]
    denial_lemmas: frozenset[str]
    negations: frozenset[str]
    helper_re: re.Pattern[str]
    helper_near_re: re.Pattern[str]
    helper_verbs: frozenset[str]
    coaccused_re: re.Pattern[str]
    blame_lemmas: frozenset[str]
    purpose_lemmas: frozenset[str]
    evidence_patterns: tuple[re.Pattern[str], ...]
    future_lemmas: frozenset[str]
    hedge_lemmas: frozenset[str]
    event_types: tuple[tuple[str, re.Pattern[str]], ...]
    place_patterns: tuple[re.Pattern[str], ...]
    place_stoplist: frozenset[str]
    place_prepositions: frozenset[str]
    actor_heads: frozenset[str]
    candidate_re: re.Pattern[str]  # matched against lower-cased text: use is_candidate()
    implicit_stagers: re.Pattern[str]
    media_nouns: frozenset[str]
    time_words: frozenset[str]
    pretext_patterns: tuple[re.Pattern[str], ...]
    non_actors: frozenset[str]
    implicit_pattern: re.Pattern[str]
    implicit_use_pattern: re.Pattern[str]
    # read only when the sentence names a side of a conflict and is no fiction, game, sport or drill
    context_staging_patterns: tuple[re.Pattern[str], ...] = ()
    conflict_sides: frozenset[str] = frozenset()
    conflict_exclusions: re.Pattern[str] = re.compile("(?!x)x")
    political_nouns: frozenset[str] = frozenset()
    staging_object_modifiers: frozenset[str] = frozenset()
    simulation_subjects: frozenset[str] = frozenset()
    evidence_verbs: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    # a country's or capital's name (lower case) -> its demonym: whose side "Kyiv" or "Russia" is
    nationality_of: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    helper_nouns: frozenset[str] = frozenset()
    text_sources: frozenset[str] = frozenset()
    noncombatant_stagers: re.Pattern[str] = re.compile("(?!x)x")
    implicit_purpose_pattern: re.Pattern[str] = re.compile("(?!x)x")
    staging_exclusions: tuple[re.Pattern[str], ...] = ()
    incident_re: re.Pattern[str] = re.compile("(?!x)x")  # incident names and the event types' cue words
    incident_name_re: re.Pattern[str] = re.compile("(?!x)x")  # incident names only ("Bucha", "MH17")
    title_object_modifiers: frozenset[str] = frozenset()
    blame_purpose_patterns: tuple[re.Pattern[str], ...] = ()
    strong_context_re: re.Pattern[str] = re.compile("(?!x)x")
    event_cue_re: re.Pattern[str] = re.compile("(?!x)x")  # the event_types cues alone (not event_types_more)

    @property
    def chem_re(self) -> re.Pattern[str]:
        return dict(self.event_types)["chemical_attack"]

    @property
    def poison_re(self) -> re.Pattern[str]:
        return dict(self.event_types)["poisoning"]

    def is_candidate(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether ``text[start:end]`` holds any cue that could make it an allegation sentence."""
        return self.candidate_re.search(text[start:end].lower()) is not None


def _alt(items: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{i})" for i in items), re.I)


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def _fill_parts(data: dict[str, Any]) -> dict[str, Any]:
    """Replace ``{{name}}`` in the regular expressions with the ``regex_parts`` entry of that name."""
    parts = {str(k): str(v) for k, v in (data.get("regex_parts") or {}).items()}
    if not parts:
        return data

    def fill(value: Any) -> Any:
        if isinstance(value, str) and "{{" in value:
            for name, part in parts.items():
                value = value.replace("{{" + name + "}}", part)
            return value
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    return {key: fill(value) if key != "regex_parts" else value for key, value in data.items()}


def _top_level_alternatives(pattern: str) -> list[str]:
    """``a|b(?:c|d)`` -> ``["a", "b(?:c|d)"]`` (escapes and character classes respected)."""
    parts, current, depth, escaped, in_class = [], [], 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def candidate_regex(patterns: list[str]) -> re.Pattern[str]:
    """The candidate test as one regex over *lower-cased* text. Two things make it several times faster
    than an ``re.I`` alternation on Python's engine: no case folding while matching, and the
    alternatives that begin with a word boundary gathered under one leading ``\\b``, so that they are
    tried only at word edges. Patterns must be written in lower case (checked here)."""
    at_word, elsewhere = [], []
    for pattern in patterns:
        if re.search("[A-Z]", re.sub(r"\\.", "", pattern)):
            raise ValueError(f"candidate pattern must be lower case: {pattern!r}")
        alternatives = _top_level_alternatives(pattern)
        if all(alt.startswith(r"\b") for alt in alternatives):
            at_word.extend(alt[2:] for alt in alternatives)
        else:
            elsewhere.append(pattern)
    return re.compile("|".join([r"\b(?:" + "|".join(f"(?:{p})" for p in at_word) + ")"]
                               + [f"(?:{p})" for p in elsewhere]))


def lexicon_from_dict(data: dict[str, Any]) -> Lexicon:
    data = _fill_parts(data)
    stems = sorted({w[:5] for w in data["staging_lemmas"] + data["staging_nouns"]} | {"provoc"})
    candidate = candidate_regex(
        [r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")",
         "false[- ]flag", "made[- ]up", "play[- ]act", "put on a show", "pretext", "theatrical"]
        + list(data.get("candidate_patterns") or ()) + list(data.get("blame_purpose_patterns") or ())
        + [data[k] for k in ("implicit_pattern", "implicit_use_pattern", "implicit_purpose_pattern") if data.get(k)])
    return Lexicon(
        staging_lemmas=_words(data, "staging_lemmas"),
        ambiguous_lemmas=_words(data, "ambiguous_lemmas"),
        staging_nouns=_words(data, "staging_nouns"),
        staging_patterns=tuple(re.compile(p, re.I) for p in data["staging_patterns"]),
        context_staging_patterns=tuple(re.compile(p, re.I) for p in data.get("context_staging_patterns") or ()),
        conflict_sides=_words(data, "conflict_sides")
        | (_words(data, "actor_heads") - _words(data, "non_side_actor_heads")),
        conflict_exclusions=_alt(data.get("conflict_exclusions") or ["(?!x)x"]),
        provocation_cues=_words(data, "provocation_cues"),
        provocation_exclusions=tuple(re.compile(p, re.I) for p in data["provocation_exclusions"]),
        event_nouns=_words(data, "event_nouns"),
        perpetration_nouns=_words(data, "perpetration_nouns"),
        claim_nouns=_words(data, "claim_nouns"),
        reporting_lemmas=_words(data, "reporting_lemmas"),
        evidence_subjects=_words(data, "evidence_subjects"),
        denial_lemmas=_words(data, "denial_lemmas"),
        negations=_words(data, "negations"),
        helper_re=_alt([rf"\b{p}\b" for p in data["helper_patterns"] + data.get("helper_near_patterns", [])]),
        helper_near_re=_alt([rf"\b{p}\b" for p in data.get("helper_near_patterns", [])]),
        helper_verbs=_words(data, "helper_verbs"),
        coaccused_re=_alt([rf"\b{p}\b" for p in data["coaccused_patterns"]]),
        blame_lemmas=_words(data, "blame_lemmas"),
        purpose_lemmas=_words(data, "purpose_lemmas"),
        evidence_patterns=tuple(re.compile(p, re.I) for p in data["evidence_patterns"]),
        future_lemmas=_words(data, "future_lemmas"),
        hedge_lemmas=_words(data, "hedge_lemmas"),
        event_types=tuple((k, _alt(v + list((data.get("event_types_more") or {}).get(k) or ())))
                          for k, v in data["event_types"].items()),
        place_patterns=tuple(re.compile(p) for p in data["place_patterns"]),
        place_stoplist=frozenset(data.get("place_stoplist") or ()),
        place_prepositions=_words(data, "place_prepositions"),
        actor_heads=_words(data, "actor_heads"),
        candidate_re=candidate,
        non_actors=_words(data, "non_actors"),
        pretext_patterns=tuple(re.compile(p, re.I) for p in data.get("pretext_patterns") or ()),
        implicit_stagers=_alt(data.get("implicit_stagers") or ["(?!x)x"]),
        media_nouns=_words(data, "media_nouns"),
        text_sources=_words(data, "text_sources"),
        noncombatant_stagers=_alt(data.get("noncombatant_stagers") or ["(?!x)x"]),
        time_words=_words(data, "time_words"),
        implicit_pattern=re.compile(data.get("implicit_pattern") or "(?!x)x", re.I),
        implicit_use_pattern=re.compile(data.get("implicit_use_pattern") or "(?!x)x", re.I),
        political_nouns=_words(data, "political_nouns"),
        staging_object_modifiers=_words(data, "staging_object_modifiers"),
        simulation_subjects=_words(data, "simulation_subjects"),
        evidence_verbs=_words(data, "evidence_verbs"),
        helper_nouns=_words(data, "helper_nouns"),
        implicit_purpose_pattern=re.compile(data.get("implicit_purpose_pattern") or "(?!x)x", re.I),
        staging_exclusions=tuple(re.compile(p, re.I) for p in data.get("staging_exclusions") or ()),
        title_object_modifiers=_words(data, "title_object_modifiers"),
        blame_purpose_patterns=tuple(re.compile(p, re.I) for p in data.get("blame_purpose_patterns") or ()),
        incident_re=_alt((data.get("incident_names") or ["(?!x)x"]) + sum(data["event_types"].values(), [])),
        incident_name_re=_alt(data.get("incident_names") or ["(?!x)x"]),
        demonyms=frozenset(str(k).lower() for k in (data.get("demonyms") or {})),
        nationality_of={**{str(v).lower(): str(k).lower() for k, v in (data.get("demonyms") or {}).items()},
                        **{str(k).lower(): str(v).lower() for k, v in (data.get("capital_demonyms") or {}).items()}},
        strong_context_re=_alt(data.get("strong_context_patterns") or ["(?!x)x"]),
        event_cue_re=_alt(sum(data["event_types"].values(), [])),
    )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **{k: _extend(out[key].get(k), v) for k, v in value.items()}}
        else:
            out[key] = value
    return out


def _extend(old: Any, new: Any) -> Any:
    """A user's entry added to the packaged one: lists are joined, a regular-expression part becomes an
    alternative ("a|b")."""
    if isinstance(old, list) and isinstance(new, list):
        return old + new
    if isinstance(old, str) and isinstance(new, str):
        return f"{old}|{new}"
    return new


@lru_cache(maxsize=8)
def load_lexicon(extra: str | None = None) -> Lexicon:
    """The packaged lexicon, optionally extended by a user YAML file with the same keys."""
    data = yaml.safe_load(resources.files("narratrace.resources").joinpath("allegations.yaml").read_text("utf-8"))
    if extra:
        data = _merge(data, yaml.safe_load(Path(extra).read_text("utf-8")) or {})
    return lexicon_from_dict(data)


# ---------------------------------------------------------------- sentences

_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "maj", "col", "lt", "capt", "sgt", "adm", "rear", "gov", "sen",
           "rep", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
           "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "inc", "co", "corp", "jr", "sr", "prof"}
_BOUNDARY = re.compile(r"(?<=\breports):(?=\s+[A-Z])|(?<=\breported):(?=\s+[A-Z])|[.!?…]+[\"'”’»)]*(?=\s*[\"'“‘«(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“‘])"
                       r"|\s//(?=\s)")  # "claim one. // claim two": the case index's claim separator


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; handles glued sentences ("said.The") and abbreviations."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        before = text[start:m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'“‘") if before else ""
        if text[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
            continue
        if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isdigit() \
                and m.end() < len(text) and text[m.end()].isdigit():
            continue
        if text[m.start()] == "." and word.isdigit() and len(word) <= 2 \
                and re.match(r"\s*\d{1,2}\.", text[m.end():]):
            continue  # a day-month date "31. 12." is no sentence end
        _push(text, start, end, out)
        start = end
    _push(text, start, len(text), out)
    return out


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[max(start, end - 2):end] == "//":
        end -= 2
        while end > start and text[end - 1].isspace():
            end -= 1
    if end > start:
        out.append((start, end))
