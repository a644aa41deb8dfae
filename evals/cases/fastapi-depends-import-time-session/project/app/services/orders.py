from sqlalchemy import select

from app.db import SessionLocal
from app.models import Order


class OrderService:
    """Order queries for the back-office API."""

    def __init__(self, session=SessionLocal()):
        self.session = session

    def open_orders(self) -> list[Order]:
        stmt = select(Order).where(Order.status == "open").order_by(Order.placed_on)
        return list(self.session.scalars(stmt))

    def cancel(self, reference: str) -> Order | None:
        order = self.session.scalars(select(Order).where(Order.reference == reference)).first()
        if order is not None:
            order.status = "cancelled"
            self.session.commit()
        return order
