import pytest
from fastapi.testclient import TestClient

from accounts.api import create_app


@pytest.fixture
def client():
    return TestClient(create_app())


def test_sign_up(client):
    resp = client.post("/accounts", json={"email": "li@example.com", "display_name": "Li"})
    assert resp.status_code == 201


def test_lookup_ignores_case_of_domain(client):
    client.post("/accounts", json={"email": "ana@example.com", "display_name": "Ana"})
    resp = client.get("/accounts/lookup", params={"email": "ana@Example.COM"})
    assert resp.status_code == 200, resp.json()
    assert resp.json()["display_name"] == "Ana"


def test_duplicate_sign_up_with_other_case_is_rejected(client):
    client.post("/accounts", json={"email": "bo@example.com", "display_name": "Bo"})
    resp = client.post("/accounts", json={"email": " bo@EXAMPLE.com", "display_name": "Bo 2"})
    assert resp.status_code == 409


def test_rejects_garbage(client):
    resp = client.post("/accounts", json={"email": "not-an-address", "display_name": "X"})
    assert resp.status_code == 422
