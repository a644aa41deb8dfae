from __future__ import annotations

from fastapi import HTTPException

from app.config import settings


def max_upload_bytes() -> int:
    return settings.max_upload_mb * 1024 * 1024


def check_upload(content_type: str, data: bytes) -> None:
    if content_type not in settings.allowed_types:
        raise HTTPException(status_code=415, detail=f"unsupported type {content_type}")
    if not data:
        raise HTTPException(status_code=400, detail="empty upload")
    if len(data) > max_upload_bytes():
        raise HTTPException(status_code=413, detail="avatar too large")
