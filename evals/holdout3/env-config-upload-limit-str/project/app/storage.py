from __future__ import annotations

import hashlib

from app.config import settings

_blobs: dict[str, bytes] = {}


def put(user_id: int, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:16]
    key = f"{settings.storage_prefix}{user_id}/{digest}"
    _blobs[key] = data
    return key


def get(key: str) -> bytes | None:
    return _blobs.get(key)
