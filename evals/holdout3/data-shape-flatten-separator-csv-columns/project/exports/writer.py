from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable


def write_csv(records: Iterable[dict], columns: list[str], to_row: Callable[[dict], dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow(to_row(record))
    return buffer.getvalue()
