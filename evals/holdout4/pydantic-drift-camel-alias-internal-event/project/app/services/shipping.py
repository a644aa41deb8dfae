from datetime import datetime, timezone

from fastapi import HTTPException, status
from sqlalchemy.orm import Session

from app.events import enqueue, shipment_event_from
from app.models import Order
from app.schemas.shipments import ShipRequest


def ship_order(db: Session, order_id: int, request: ShipRequest) -> Order:
    order = db.get(Order, order_id)
    if order is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "order not found")
    if order.status != "paid":
        raise HTTPException(status.HTTP_409_CONFLICT, f"order is {order.status}")

    order.status = "shipped"
    order.carrier = request.carrier
    order.tracking_number = request.tracking_number
    order.shipped_at = datetime.now(timezone.utc)

    event = shipment_event_from(order, request.parcel_count)
    enqueue(db, "orders.shipped", event)
    db.commit()
    return order
