"""Avatar uploads: validate, name and store the image."""

from __future__ import annotations

import hashlib

from media.storage import Storage, StoredObject

ALLOWED_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
MAX_BYTES = 512 * 1024


class UploadRejected(ValueError):
    pass


def store_avatar(storage: Storage, user_id: int, data: bytes, content_type: str) -> StoredObject:
    if content_type not in ALLOWED_TYPES:
        raise UploadRejected(f"unsupported type {content_type}")
    if len(data) > MAX_BYTES:
        raise UploadRejected("avatar larger than 512 KiB")
    digest = hashlib.sha256(data).hexdigest()[:16]
    key = f"avatars/{user_id}/{digest}.{ALLOWED_TYPES[content_type]}"
    return storage.save(key, data, content_type=content_type)
