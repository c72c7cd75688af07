"""Readers: one per format, each yielding ``Article``s (and ``InputError``s for bad items), streaming."""
from __future__ import annotations

import glob
import io
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Iterable, Iterator

from narratrace.errors import InputError
from narratrace.ingest.common import DEFAULT_MAX_CHARS, Item, ReadOptions, parse_mapping
from narratrace.ingest.feed import read_feed
from narratrace.ingest.html import read_html
from narratrace.ingest.records import read_csv, read_json, read_jsonl
from narratrace.ingest.sniff import sniff_format
from narratrace.ingest.text import parse_header, read_text

__all__ = ["read_paths", "read_path", "expand_paths", "ReadOptions", "parse_mapping", "parse_header",
           "Item", "DEFAULT_MAX_CHARS"]

SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files under each path (folders recursively, globs expanded), '-' for stdin, in sorted order."""
    for p in paths:
        if p == "-":
            yield p
        elif any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield p  # reported as missing by read_path
            for m in matches:
                yield from expand_paths([m])
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and f not in SKIP_NAMES:
                        yield os.path.join(root, f)
        else:
            yield p


def _open(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def read_path(path: str, opts: ReadOptions | None = None) -> Iterator[Item]:
    """Articles from one file (or stdin), format chosen by extension or content."""
    opts = opts or ReadOptions()
    if path != "-" and not os.path.isfile(path):
        yield InputError(path, None, "no such file")
        return
    try:
        stream = _open(path)
    except OSError as exc:
        yield InputError(path, None, f"cannot open ({exc.strerror})")
        return
    with stream if path != "-" else nullcontext(stream):
        # peek at the head to sniff the format without consuming it (wrap streams that cannot peek)
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
        head = buffered.peek(4096)[:4096]
        fmt = sniff_format(path if path != "-" else "", head)
        if fmt == "jsonl":
            yield from read_jsonl(buffered, path, opts)
        elif fmt in ("csv", "tsv"):
            yield from read_csv(buffered, path, opts, "\t" if fmt == "tsv" else None)
        else:
            data = buffered.read(opts.max_chars * 4 + 1)
            if len(data) > opts.max_chars * 4:
                yield InputError(path, None, f"file is over {opts.max_chars * 4:,} bytes, past the size limit "
                                             f"(raise --max-chars)")
                return
            reader = {"json": read_json, "html": read_html, "feed": read_feed}.get(fmt, read_text)
            yield from reader(data, path, opts)


def read_paths(paths: Iterable[str], opts: ReadOptions | None = None) -> Iterator[Item]:
    """Stream articles (and errors) from every file under ``paths``."""
    for path in expand_paths(paths):
        name = Path(path).name if path != "-" else path
        if name in SKIP_NAMES:
            continue
        yield from read_path(path, opts)
