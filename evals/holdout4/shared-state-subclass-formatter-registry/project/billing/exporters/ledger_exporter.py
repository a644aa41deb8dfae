from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from billing.exporters.base import Exporter

# Column layout expected by the accounting system's import job.
LAYOUT = (("number", 14), ("customer", 20), ("issued_on", 8), ("amount", 12), ("currency", 3))


class LedgerExporter(Exporter):
    name = "ledger"

    def __init__(self, amount_width: int = 12) -> None:
        self.amount_width = amount_width

    def format_amount(self, cents: int) -> str:
        return str(cents).rjust(self.amount_width, "0")

    def format_issued_on(self, value: date) -> str:
        return value.strftime("%Y%m%d")

    def format_customer(self, value: str) -> str:
        return value.upper()

    def write(self, rows: list[dict[str, Any]], out: TextIO) -> None:
        for row in rows:
            out.write("".join(str(row[name])[:width].ljust(width) for name, width in LAYOUT))
            out.write("\n")
