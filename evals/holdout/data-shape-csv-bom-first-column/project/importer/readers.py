"""Read the warehouse's stock exports (CSV from their ERP, or JSON lines from the API dump)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield {key.strip().lower(): (value or "").strip() for key, value in row.items()}


def read_jsonl(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield {k.lower(): str(v) for k, v in json.loads(line).items()}


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix == ".jsonl":
        return read_jsonl(path)
    return read_csv(path)
