from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.repositories.addresses import shipping_address
from app.repositories.orders import get_order
from app.services.labels import build_label

CARRIER_LIMIT_GRAMS = 31_500


@dataclass
class Shipment:
    order_id: int
    carrier: str
    label: str


def pick_carrier(weight_grams: int) -> str:
    return "freight" if weight_grams > CARRIER_LIMIT_GRAMS else "parcel"


def create_shipment(session: Session, order_id: int) -> Shipment:
    order = get_order(session, order_id)
    address = shipping_address(session, order.customer_id)
    label = build_label(order, address)
    order.status = "shipping"
    session.commit()
    return Shipment(order.id, pick_carrier(order.weight_grams), label)
