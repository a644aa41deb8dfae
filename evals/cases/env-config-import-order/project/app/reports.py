from fastapi import APIRouter, Depends

from app.auth import require_token
from app.config import MAX_ROWS

router = APIRouter(prefix="/reports", dependencies=[Depends(require_token)])


@router.get("/sales")
def sales(limit: int = 100) -> dict:
    limit = min(limit, MAX_ROWS)
    return {"rows": [], "limit": limit}
