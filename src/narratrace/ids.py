"""Content-hash ids: outlet (or url) plus normalized text.

Ingesting the same item twice gives the same id; a verbatim republication by another
outlet keeps an id of its own.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: what the id is computed over."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str, outlet: str | None = None, url: str | None = None) -> str:
    """A 16-hex-digit id for an article; stable across runs and machines."""
    owner = (url or outlet or "").strip().casefold()
    digest = hashlib.blake2b(digest_size=8)
    digest.update(owner.encode("utf-8", "surrogatepass"))
    digest.update(b"\x1f")
    digest.update(normalize_text(text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
