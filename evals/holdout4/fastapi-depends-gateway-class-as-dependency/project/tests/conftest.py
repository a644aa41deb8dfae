import os

import pytest

os.environ.update(
    {
        "DATABASE_URL": "sqlite://",
        "PAYMENTS_API_KEY": "sk_test_4f9a2c",
        "PAYMENTS_ACCOUNT_ID": "acct_test_01",
        "PAYMENTS_SANDBOX": "true",
    }
)

from fastapi.testclient import TestClient  # noqa: E402

from app.db import Base, SessionLocal, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.models import Invoice  # noqa: E402


@pytest.fixture()
def client():
    Base.metadata.create_all(engine)
    with SessionLocal() as db:
        db.add(Invoice(number="INV-1001", customer_email="ops@acme.test", amount_cents=12900))
        db.commit()
    with TestClient(app) as c:
        yield c
    Base.metadata.drop_all(engine)
