from __future__ import annotations

from fastapi import FastAPI, Request

from app import storage
from app.config import settings
from app.limits import check_upload

app = FastAPI(title=settings.service_name)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": settings.service_name}


@app.put("/users/{user_id}/avatar", status_code=201)
async def upload_avatar(user_id: int, request: Request) -> dict:
    data = await request.body()
    content_type = request.headers.get("content-type", "")
    check_upload(content_type, data)
    key = storage.put(user_id, data)
    return {"key": key, "bytes": len(data)}
