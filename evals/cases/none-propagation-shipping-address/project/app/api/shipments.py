from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_session
from app.repositories.orders import OrderNotFound
from app.services.shipping import create_shipment

router = APIRouter(prefix="/orders")


@router.post("/{order_id}/shipment")
def ship_order(order_id: int, session: Session = Depends(get_session)) -> dict:
    try:
        shipment = create_shipment(session, order_id)
    except OrderNotFound:
        raise HTTPException(404, "order not found") from None
    return {"order": shipment.order_id, "carrier": shipment.carrier, "label": shipment.label}
