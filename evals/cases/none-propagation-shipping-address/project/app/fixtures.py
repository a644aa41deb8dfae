from app.db import Base, SessionLocal, engine
from app.models import Address, Customer, Order


def load() -> None:
    Base.metadata.create_all(engine)
    with SessionLocal() as s:
        s.add_all(
            [
                Customer(id=1, name="Ana Silva", email="ana@example.com"),
                Address(customer_id=1, kind="shipping", name="Ana Silva", line1="Rua Augusta 10",
                        postcode="1100-053", city="Lisboa", country="pt"),
                Customer(id=2, name="Jonas Berg", email="jonas@example.com", source="v1"),
                Address(customer_id=2, kind="default", name="Jonas Berg", line1="Storgatan 4",
                        postcode="111 51", city="Stockholm", country="se"),
                Order(id=100, customer_id=1, weight_grams=1200),
                Order(id=101, customer_id=2, weight_grams=800),
            ]
        )
        s.commit()
