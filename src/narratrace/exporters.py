"""Export writers: JSON Lines, CSV, Parquet — each streams rows in batches."""
from __future__ import annotations

import csv
import json
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

CSV_COLUMNS = ["id", "title", "outlet", "date", "url", "source", "locator", "name", "body_start", "language",
               "meta", "annotation_count", "text"]


def write_jsonl(rows: Iterator[dict[str, Any]], out: Path, progress: Callable[[int], None] | None) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
            if progress:
                progress(1)
    return n


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat = {k: row.get(k) for k in CSV_COLUMNS}
    flat["meta"] = json.dumps(row.get("meta") or {}, ensure_ascii=False)
    flat["annotation_count"] = len(row.get("annotations") or [])
    return flat


def write_csv(rows: Iterator[dict[str, Any]], out: Path, progress: Callable[[int], None] | None) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        w.writeheader()
        for row in rows:
            w.writerow(_flat(row))
            n += 1
            if progress:
                progress(1)
    return n


def write_parquet(rows: Iterator[dict[str, Any]], out: Path, progress: Callable[[int], None] | None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int64() if c in ("body_start", "annotation_count") else pa.string())
                        for c in CSV_COLUMNS] + [("annotations", pa.string())])
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        while chunk := list(islice(rows, 1000)):
            flat = [{**_flat(r), "annotations": json.dumps(r.get("annotations") or [], ensure_ascii=False)}
                    for r in chunk]
            writer.write_table(pa.Table.from_pylist(flat, schema=schema))
            n += len(chunk)
            if progress:
                progress(len(chunk))
    return n
