from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from exporter.registry import Format, register


@register("csv")
class CsvFormat(Format):
    extension = ".csv"

    def write(self, rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
        writer = csv.DictWriter(out, fieldnames=self.columns, extrasaction="ignore")
        writer.writeheader()
        n = 0
        for row in rows:
            writer.writerow(row)
            n += 1
        return n
