import pytest
from fastapi.testclient import TestClient

from app.db import Base, SessionLocal, engine
from app.main import app
from app.models import Order


@pytest.fixture()
def client():
    Base.metadata.create_all(engine)
    with SessionLocal() as db:
        db.add(Order(id=7, reference="SO-2024-0007", customer_email="lena@example.org"))
        db.commit()
    with TestClient(app) as c:
        yield c
    Base.metadata.drop_all(engine)
