"""Small helpers for loyalty exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable


def to_csv(rows: Iterable[dict]) -> str:
    rows = list(rows)
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="|")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def chunked(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def first_or_none(items: Iterable):
    for item in items:
        return item
    return None
