"""A small JSON file cache shared by the web workers (one file per key)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any


class JsonFileCache:
    def __init__(self, root: Path | str | None = None, ttl: float = 300.0) -> None:
        self.root = Path(root or os.getenv("PRICES_CACHE_DIR", ".cache/prices"))
        self.ttl = ttl

    def _path(self, key: str) -> Path:
        return self.root / (hashlib.sha1(key.encode()).hexdigest() + ".json")

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        if time.time() - entry["stored_at"] > self.ttl:
            return None
        return entry["value"]

    def set(self, key: str, value: Any) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self._path(key).with_suffix(".tmp")
        tmp.write_text(json.dumps({"stored_at": time.time(), "value": value}), encoding="utf-8")
        tmp.replace(self._path(key))

    def clear(self) -> None:
        for path in self.root.glob("*.json"):
            path.unlink()
