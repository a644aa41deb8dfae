from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.db import Base, SessionLocal, engine
from app.main import app
from app.models import Customer, Invoice


@pytest.fixture()
def seeded():
    Base.metadata.create_all(engine)
    with SessionLocal() as session:
        acme = Customer(name="Acme GmbH", email="billing@acme.test", locale="de")
        globex = Customer(name="Globex", email="ap@globex.test")
        session.add_all(
            [
                Invoice(number="INV-0141", customer=acme, amount_cents=129000, due_on=date(2024, 4, 30)),
                Invoice(number="INV-0142", customer=globex, amount_cents=45050, due_on=date(2024, 5, 10)),
                Invoice(
                    number="INV-0139",
                    customer=globex,
                    amount_cents=9990,
                    due_on=date(2024, 4, 1),
                    paid_on=date(2024, 4, 3),
                ),
            ]
        )
        session.commit()
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture()
def client(seeded):
    with TestClient(app) as c:
        yield c
