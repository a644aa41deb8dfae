import os

os.environ["DATABASE_URL"] = "sqlite://"

from datetime import datetime  # noqa: E402

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.db import Base, get_engine  # noqa: E402
from app.main import app, utcnow  # noqa: E402

NOW = datetime(2024, 9, 1, 12, 0, 0)


@pytest.fixture
def db():
    engine = get_engine()
    Base.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as session:
        yield session
    Base.metadata.drop_all(engine)


@pytest.fixture
def client(db):
    app.dependency_overrides[utcnow] = lambda: NOW
    yield TestClient(app)
    app.dependency_overrides.clear()
