from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from app.db import Base, get_session
from app.main import app
from app.models import Order


@pytest.fixture
def client():
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    Base.metadata.create_all(engine)
    TestSession = sessionmaker(bind=engine)
    with TestSession() as s:
        s.add_all(
            [
                Order(reference="A-1001", placed_on=date(2024, 5, 2), total_cents=2599),
                Order(reference="A-1002", placed_on=date(2024, 5, 3), total_cents=990, status="shipped"),
                Order(reference="A-1003", placed_on=date(2024, 5, 4), total_cents=4200),
            ]
        )
        s.commit()

    def override():
        with TestSession() as session:
            yield session

    app.dependency_overrides[get_session] = override
    yield TestClient(app)
    app.dependency_overrides.clear()
