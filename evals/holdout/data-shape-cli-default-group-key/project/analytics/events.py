"""Sign-up events from the tracking pipeline, upgraded to the v2 shape.

v2 keys: ts, plan, channel, country_code (ISO alpha-2, upper case).
v1 records (before March) used `source` and a lower-case `country`; load() converts them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _upgrade(record: dict[str, Any]) -> dict[str, Any]:
    if record.get("v", 1) >= 2:
        return record
    out = {k: v for k, v in record.items() if k not in ("source", "country")}
    out["v"] = 2
    out["channel"] = record.get("source", "unknown")
    out["country_code"] = str(record.get("country", "")).upper() or "??"
    return out


def load(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield _upgrade(json.loads(line))
