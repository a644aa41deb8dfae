from __future__ import annotations

import mimetypes
from pathlib import Path

from media.storage.base import Storage, StoredObject


class LocalStorage(Storage):
    """Files under a directory; used on single-node installs."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"key escapes the storage root: {key}")
        return path

    def save(self, key: str, data: bytes) -> StoredObject:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        guessed = mimetypes.guess_type(key)[0] or "application/octet-stream"
        return StoredObject(key, len(data), guessed)

    def load(self, key: str) -> bytes:
        return self._path(key).read_bytes()
