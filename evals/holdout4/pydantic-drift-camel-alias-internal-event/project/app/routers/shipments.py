from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Order
from app.schemas.shipments import OrderOut, ShipRequest
from app.services.shipping import ship_order

router = APIRouter(prefix="/orders", tags=["shipping"])


@router.get("/{order_id}", response_model=OrderOut)
def read_order(order_id: int, db: Annotated[Session, Depends(get_db)]) -> Order:
    return db.get_one(Order, order_id)


@router.post("/{order_id}/ship", response_model=OrderOut)
def ship(order_id: int, body: ShipRequest, db: Annotated[Session, Depends(get_db)]) -> Order:
    return ship_order(db, order_id, body)
