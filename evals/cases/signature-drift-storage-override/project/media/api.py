from __future__ import annotations

import base64
import os
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from media.storage import LocalStorage, Storage
from media.uploads import UploadRejected, store_avatar

app = FastAPI(title="media")


@lru_cache
def get_storage() -> Storage:
    return LocalStorage(os.environ.get("MEDIA_ROOT", "./media-data"))


class AvatarIn(BaseModel):
    content_type: str
    data_b64: str


@app.put("/users/{user_id}/avatar")
def put_avatar(
    user_id: int, body: AvatarIn, storage: Annotated[Storage, Depends(get_storage)]
) -> dict[str, str | int]:
    try:
        obj = store_avatar(storage, user_id, base64.b64decode(body.data_b64), body.content_type)
    except UploadRejected as exc:
        raise HTTPException(status_code=415, detail=str(exc)) from None
    return {"url": storage.url(obj.key), "size": obj.size}
