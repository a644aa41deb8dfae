import os
from decimal import Decimal

import pytest

os.environ.setdefault("DATABASE_URL", "sqlite:///./test_shop.db")

from fastapi.testclient import TestClient  # noqa: E402

from app.db import Base, SessionLocal, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.models import Product, User  # noqa: E402


@pytest.fixture()
def db_setup():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with SessionLocal() as db:
        db.add_all(
            [
                User(email="ana@example.com", api_token="tok-ana"),
                Product(sku="MUG-01", name="Mug", price=Decimal("9.50")),
                Product(sku="TEE-02", name="T-shirt", price=Decimal("18.00")),
            ]
        )
        db.commit()
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture()
def client(db_setup):
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def auth_headers():
    return {"Authorization": "Bearer tok-ana"}
