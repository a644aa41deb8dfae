from __future__ import annotations

from decimal import Decimal

from fastapi import BackgroundTasks, FastAPI, HTTPException, status
from pydantic import BaseModel, Field

from shop.db import Base, engine
from shop.notifications import send_confirmation
from shop.services import EmptyCart, place_order


class LineIn(BaseModel):
    sku: str
    price: Decimal = Field(gt=0)
    quantity: int = Field(default=1, ge=1)


class CheckoutIn(BaseModel):
    email: str
    cart_token: str
    lines: list[LineIn]


app = FastAPI(title="shop")
Base.metadata.create_all(engine)


@app.post("/checkout", status_code=status.HTTP_202_ACCEPTED)
def checkout(payload: CheckoutIn, background: BackgroundTasks) -> dict:
    try:
        order = place_order(payload.email, [(l.sku, l.price, l.quantity) for l in payload.lines])
    except EmptyCart as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    background.add_task(send_confirmation, order)
    return {"status": "accepted", "cart": payload.cart_token}
