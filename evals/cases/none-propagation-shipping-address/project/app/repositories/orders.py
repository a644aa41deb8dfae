from sqlalchemy.orm import Session

from app.models import Order


class OrderNotFound(LookupError):
    pass


def get_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderNotFound(order_id)
    return order
