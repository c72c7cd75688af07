"""Outlet-name normalization through the alias table shipped as package data."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources

import yaml

_STRIP = re.compile(r"^(?:https?://)?(?:www\.)?|[\s\"'“”‘’()\[\]:;,.]+$")


def _key(name: str) -> str:
    return _STRIP.sub("", name.strip().casefold()).strip()


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Alias (normalized) -> canonical outlet name; user file from NARRATRACE_OUTLETS layers on top."""
    texts = [resources.files("narratrace.resources").joinpath("outlets.yaml").read_text("utf-8")]
    user = os.environ.get("NARRATRACE_OUTLETS")
    if user:
        texts.append(open(user, encoding="utf-8").read())
    table: dict[str, str] = {}
    for text in texts:
        for canonical, aliases in (yaml.safe_load(text) or {}).items():
            for alias in [canonical, *(aliases or [])]:
                table[_key(str(alias))] = str(canonical)
    return table


def normalize_outlet(name: str | None) -> str | None:
    """The canonical outlet for a name or domain (``rt.com`` -> ``RT``); unknown names kept, trimmed."""
    if name is None:
        return None
    cleaned = name.strip()
    if not cleaned:
        return None
    key = _key(cleaned)
    table = alias_table()
    if key in table:
        return table[key]
    if "." in key:  # a URL or domain: try its host and the host without a subdomain
        host = key.split("/")[0]
        for cand in (host, ".".join(host.split(".")[-2:])):
            if cand in table:
                return table[cand]
    return cleaned
