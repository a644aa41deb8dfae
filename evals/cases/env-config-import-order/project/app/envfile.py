"""Load KEY=VALUE lines from a .env file into os.environ (existing variables win)."""

import os
from pathlib import Path


def load_env_file(path: str = ".env") -> int:
    loaded = 0
    for raw in Path(path).read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip('"'))
        loaded += 1
    return loaded
