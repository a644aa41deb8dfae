"""Load KEY=VALUE lines from a .env file into os.environ (real environment wins)."""

from __future__ import annotations

import os
from pathlib import Path


def parse_line(raw: str) -> tuple[str, str] | None:
    line = raw.strip()
    if not line or line.startswith("#") or "=" not in line:
        return None
    if line.startswith("export "):
        line = line[len("export ") :]
    key, _, value = line.partition("=")
    return key.strip(), value.strip()


def load_env_file(path: str | Path = ".env") -> int:
    path = Path(path)
    if not path.is_file():
        return 0
    count = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        parsed = parse_line(raw)
        if parsed is None:
            continue
        key, value = parsed
        os.environ.setdefault(key, value)
        count += 1
    return count
