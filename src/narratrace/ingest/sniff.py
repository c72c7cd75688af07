"""Decoding and format sniffing shared by the readers."""
from __future__ import annotations

from typing import Generator

from narratrace.errors import InputError
from narratrace.ingest.common import Item, ReadOptions


def decode(data: bytes, source: str, opts: ReadOptions) -> Generator[Item, None, str | None]:
    """Decoded text, or yields one InputError and returns None (binary, empty, bad bytes)."""
    if not data.strip():
        yield InputError(source, None, "empty file")
        return None
    if b"\x00" in data[:8192]:
        yield InputError(source, None, "binary file (NUL bytes), not text; narratrace reads text, JSON(L), "
                                       "CSV/TSV, HTML and RSS/Atom")
        return None
    try:
        return data.decode(opts.encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield InputError(source, f"{line}", f"bytes at offset {exc.start} are not valid {opts.encoding}; "
                                            f"re-encode the file or pass --encoding")
        return None


def sniff_format(path_name: str, head: bytes) -> str:
    """One of text, jsonl, json, csv, tsv, html, feed — from the extension, else the content."""
    lower = path_name.lower()
    for ext, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"),
                     (".tsv", "tsv"), (".html", "html"), (".htm", "html"), (".rss", "feed"),
                     (".atom", "feed"), (".txt", "text"), (".text", "text"), (".md", "text")):
        if lower.endswith(ext):
            return fmt
    stripped = head.lstrip()[:2048].lower()
    if lower.endswith(".xml") or stripped.startswith(b"<?xml"):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf:rdf" in stripped:
            return "feed"
        return "html" if b"<html" in stripped else "feed"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if stripped.startswith((b"<rss", b"<feed")):
        return "feed"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    return "text"
