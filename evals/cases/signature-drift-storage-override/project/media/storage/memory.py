from __future__ import annotations

from media.storage.base import Storage, StoredObject


class MemoryStorage(Storage):
    def __init__(self) -> None:
        self.blobs: dict[str, tuple[bytes, str]] = {}

    def save(self, key: str, data: bytes, *, content_type: str) -> StoredObject:
        self.blobs[key] = (data, content_type)
        return StoredObject(key, len(data), content_type)

    def load(self, key: str) -> bytes:
        return self.blobs[key][0]
