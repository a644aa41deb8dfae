from __future__ import annotations

import platform

from fastapi import APIRouter

from inventory import __version__

router = APIRouter()


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__, "python": platform.python_version()}
