"""Demo data: one customer from before migration 0007, one after."""

from datetime import datetime

from shop.db import Base, SessionLocal, engine
from shop.models import Order, User


def seed() -> None:
    Base.metadata.create_all(engine)
    with SessionLocal() as session:
        session.add_all(
            [
                # Signed up in 2021: `status` is NULL, the column did not exist yet.
                User(id=1, email="ana@example.com", stripe_customer_id="cus_Ana01",
                     created_at=datetime(2021, 5, 2)),
                User(id=2, email="bo@example.com", stripe_customer_id="cus_Bo002",
                     created_at=datetime(2024, 6, 9), status="active"),
                Order(id=10, user_id=2, total_cents=2599),
                Order(id=11, user_id=1, total_cents=4200),
            ]
        )
        session.commit()
