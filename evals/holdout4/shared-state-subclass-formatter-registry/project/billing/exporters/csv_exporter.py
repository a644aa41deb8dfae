from __future__ import annotations

import csv
from datetime import date
from typing import Any, TextIO

from billing.exporters.base import Exporter


class CsvExporter(Exporter):
    name = "csv"

    def __init__(self, delimiter: str = ";", decimal_separator: str = ",") -> None:
        self.delimiter = delimiter
        self.decimal_separator = decimal_separator

    def format_amount(self, cents: int) -> str:
        return f"{cents / 100:.2f}".replace(".", self.decimal_separator)

    def format_issued_on(self, value: date) -> str:
        return value.strftime("%d.%m.%Y")

    def write(self, rows: list[dict[str, Any]], out: TextIO) -> None:
        if not rows:
            return
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=self.delimiter)
        writer.writeheader()
        writer.writerows(rows)
