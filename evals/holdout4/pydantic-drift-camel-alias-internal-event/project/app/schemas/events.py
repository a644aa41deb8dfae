from datetime import datetime

from app.schemas.base import APIModel


class ShipmentEvent(APIModel):
    event_type: str = "order.shipped"
    order_id: int
    order_reference: str
    customer_email: str
    carrier: str
    tracking_number: str
    tracking_url: str
    parcel_count: int
    shipped_at: datetime
