from datetime import date

from app.db import Base, SessionLocal, engine
from app.models import Invoice, InvoiceLine


def seed() -> None:
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with SessionLocal() as s:
        inv = Invoice(id=7, number="2024-000117", customer_name="Keller GmbH", issued_on=date(2024, 6, 1))
        inv.lines = [
            InvoiceLine(position=1, description="Desk lamp", quantity=2, unit_cents=8900),
            InvoiceLine(position=2, description="Shipping", quantity=1, unit_cents=690),
        ]
        s.add(inv)
        s.commit()
