from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from exporter.registry import Format, register


@register("jsonl")
class JsonLinesFormat(Format):
    extension = ".jsonl"

    def write(self, rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
        n = 0
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in self.columns}, default=str) + "\n")
            n += 1
        return n
