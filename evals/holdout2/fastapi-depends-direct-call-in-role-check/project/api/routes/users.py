from __future__ import annotations

from fastapi import APIRouter, Depends

from api.auth import get_current_user
from api.models import User

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me")
def me(user: User = Depends(get_current_user)) -> dict:
    return {"id": user.id, "email": user.email, "roles": sorted(user.roles)}
