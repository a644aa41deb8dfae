from typing import Annotated

from fastapi import APIRouter, Depends, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import CurrentUser
from app.db import get_db
from app.models import Order
from app.schemas import OrderIn, OrderOut
from app.services.orders import place_order

router = APIRouter(prefix="/orders", tags=["orders"])


@router.post("", response_model=OrderOut, status_code=status.HTTP_201_CREATED)
def create_order(
    payload: OrderIn,
    user: CurrentUser,
    db: Annotated[Session, Depends(get_db)],
) -> Order:
    return place_order(db, user, payload)


@router.get("", response_model=list[OrderOut])
def list_orders(user: CurrentUser, db: Annotated[Session, Depends(get_db)]) -> list[Order]:
    stmt = select(Order).where(Order.customer_id == user.id).order_by(Order.created_at.desc())
    return list(db.scalars(stmt))
