from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from app.db import Base, get_session
from app.main import app

test_engine = create_engine(
    "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
)
TestSession = sessionmaker(bind=test_engine, expire_on_commit=False)


def _override_session() -> Iterator[Session]:
    with TestSession() as session:
        yield session
        session.commit()


@pytest.fixture()
def client() -> Iterator[TestClient]:
    Base.metadata.create_all(test_engine)
    app.dependency_overrides[get_session] = _override_session
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
    Base.metadata.drop_all(test_engine)


@pytest.fixture()
def auth() -> dict[str, str]:
    return {"X-Api-Key": "dev-key", "X-User": "ada"}
