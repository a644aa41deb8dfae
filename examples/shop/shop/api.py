"""HTTP routes."""

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from shop.billing import OrderNotFound, checkout
from shop.db import get_session

router = APIRouter()


@router.post("/orders/{order_id}/checkout")
def checkout_order(order_id: int, session: Session = Depends(get_session)) -> dict:
    try:
        payment = checkout(session, order_id)
    except OrderNotFound:
        raise HTTPException(status_code=404, detail="order not found") from None
    return {"order": order_id, "payment": payment.id, "amount_cents": payment.amount_cents}
