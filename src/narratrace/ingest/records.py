"""Record formats: JSON Lines, JSON arrays, CSV and TSV (with known-corpus profiles)."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import IO, Any, Iterator, Mapping

from narratrace.errors import InputError
from narratrace.ingest.common import Item, ReadOptions, build_article, record_fields, resolve_fields
from narratrace.ingest.profiles import match_profile


def _from_record(record: Any, source: str, locator: str, opts: ReadOptions,
                 cache: dict[tuple[str, ...], dict[str, str]]) -> Iterator[Item]:
    if not isinstance(record, Mapping):
        yield InputError(source, locator, f"expected a JSON object, found {type(record).__name__}")
        return
    keys = tuple(record.keys())
    fields = cache.get(keys)
    if fields is None:
        fields = cache[keys] = resolve_fields(list(keys), opts)
    if "text" not in fields:
        yield InputError(source, locator, f"no text field among {', '.join(keys)[:120]}; "
                                          f"name it with --map text=FIELD")
        return
    got = record_fields(record, fields, opts)
    text = got.pop("text")
    if text is not None and not isinstance(text, str):
        text = str(text)
    yield from build_article(text or "", source=source, locator=locator, opts=opts, **got)


def read_jsonl(stream: IO[bytes], source: str, opts: ReadOptions) -> Iterator[Item]:
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode(opts.encoding))
        except UnicodeDecodeError:
            yield InputError(source, f"{n}", f"line is not valid {opts.encoding}")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, f"{n}", f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield from _from_record(record, source, f"{n}", opts, cache)


def read_json(data: bytes, source: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        doc = json.loads(data.decode(opts.encoding))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield InputError(source, None, f"not valid JSON ({exc})")
        return
    if isinstance(doc, Mapping):
        lists = [v for v in doc.values() if isinstance(v, list)]
        doc = lists[0] if len(lists) == 1 and "text" not in doc else [doc]
    if not isinstance(doc, list):
        yield InputError(source, None, "expected a JSON array of objects or one object")
        return
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    for i, record in enumerate(doc, 1):
        yield from _from_record(record, source, f"item {i}", opts, cache)


def read_csv(stream: IO[bytes], source: str, opts: ReadOptions, delimiter: str | None = None) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    encoding = "utf-8-sig" if opts.encoding.replace("_", "-").lower() == "utf-8" else opts.encoding
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    try:
        header_line = text.readline()
    except UnicodeDecodeError:
        yield InputError(source, "1", f"header is not valid {opts.encoding}")
        return
    if not header_line.strip():
        yield InputError(source, None, "empty file")
        return
    if delimiter is None:
        counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=counts.get)  # type: ignore[arg-type]
    header = next(csv.reader([header_line], delimiter=delimiter))
    header = [h.strip().lstrip("\ufeff") for h in header]
    profile_opts = match_profile(header, opts)
    fields = resolve_fields(header, profile_opts)
    if "text" not in fields:
        yield InputError(source, "1", f"no text column among {', '.join(header)[:160]}; name it with --map text=COLUMN")
        return
    reader = csv.reader(text, delimiter=delimiter)
    line = 2
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            yield InputError(source, f"{start}", f"bytes are not valid {opts.encoding}; the rest of the file is skipped")
            return
        except csv.Error as exc:
            yield InputError(source, f"{start}", f"malformed CSV row ({exc})")
            line = reader.line_num + 2
            continue
        line = reader.line_num + 2
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            yield InputError(source, f"{start}", f"row has {len(row)} fields, the header has {len(header)}")
            continue
        got = record_fields(dict(zip(header, row)), fields, profile_opts)
        t = got.pop("text")
        yield from build_article(t or "", source=source, locator=f"{start}", opts=profile_opts, **got)
