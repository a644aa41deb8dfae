from __future__ import annotations

import json
from datetime import date
from typing import Any, TextIO

from billing.exporters.base import Exporter


class JsonExporter(Exporter):
    name = "json"

    def __init__(self, indent: int | None = 2) -> None:
        self.indent = indent

    def format_amount(self, cents: int) -> str:
        return f"{cents / 100:.2f}"

    def format_issued_on(self, value: date) -> str:
        return value.isoformat()

    def write(self, rows: list[dict[str, Any]], out: TextIO) -> None:
        json.dump(rows, out, indent=self.indent)
        out.write("\n")
