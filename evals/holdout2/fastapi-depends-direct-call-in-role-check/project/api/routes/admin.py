from __future__ import annotations

from fastapi import APIRouter, Depends, status

from api.auth import require_role

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_role("admin"))])

DISABLED: set[int] = set()


@router.post("/users/{user_id}/disable", status_code=status.HTTP_204_NO_CONTENT)
def disable_user(user_id: int) -> None:
    DISABLED.add(user_id)
