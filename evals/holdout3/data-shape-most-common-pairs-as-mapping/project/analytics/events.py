from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def read_events(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)
