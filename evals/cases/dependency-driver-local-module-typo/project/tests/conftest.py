import pytest
from fastapi.testclient import TestClient

from app.mian import app


@pytest.fixture
def client() -> TestClient:
    return TestClient(app)
