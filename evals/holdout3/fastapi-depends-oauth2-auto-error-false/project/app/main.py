from __future__ import annotations

from fastapi import Depends, FastAPI

from app.deps import get_current_user, require_scope
from app.users import User

app = FastAPI(title="orders")

_ORDERS = {1: [{"id": 10, "total_cents": 2400}], 2: []}


@app.get("/me")
def me(user: User = Depends(get_current_user)) -> dict:
    return {"id": user.id, "email": user.email, "role": user.role}


@app.get("/orders")
def orders(user: User = Depends(require_scope("orders:read"))) -> list[dict]:
    return _ORDERS.get(user.id, [])
