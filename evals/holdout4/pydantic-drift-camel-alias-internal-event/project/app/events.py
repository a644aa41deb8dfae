from sqlalchemy.orm import Session

from app.models import Order, OutboxMessage
from app.schemas.base import APIModel
from app.schemas.events import ShipmentEvent

TRACKING_URLS = {
    "dhl": "https://www.dhl.com/track?id={}",
    "ups": "https://www.ups.com/track?tracknum={}",
    "gls": "https://gls-group.com/track/{}",
    "postnl": "https://jouw.postnl.nl/track-and-trace/{}",
}


def shipment_event_from(order: Order, parcel_count: int) -> ShipmentEvent:
    return ShipmentEvent(
        order_id=order.id,
        order_reference=order.reference,
        customer_email=order.customer_email,
        carrier=order.carrier,
        tracking_number=order.tracking_number,
        tracking_url=TRACKING_URLS[order.carrier].format(order.tracking_number),
        parcel_count=parcel_count,
        shipped_at=order.shipped_at,
    )


def enqueue(db: Session, topic: str, event: APIModel) -> OutboxMessage:
    message = OutboxMessage(topic=topic, payload=event.model_dump_json(by_alias=True))
    db.add(message)
    return message
