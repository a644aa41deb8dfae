from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    content_type: str


class Storage(ABC):
    """Blob storage backends. content_type is required since the CDN started sniffing types."""

    @abstractmethod
    def save(self, key: str, data: bytes, *, content_type: str) -> StoredObject: ...

    @abstractmethod
    def load(self, key: str) -> bytes: ...

    def url(self, key: str) -> str:
        return f"/media/{key}"
