from fastapi.testclient import TestClient

from app import tokens
from app.main import app

client = TestClient(app)


def bearer(sub: int) -> dict:
    return {"Authorization": f"Bearer {tokens.issue({'sub': str(sub)})}"}


def test_me_with_token():
    response = client.get("/me", headers=bearer(1))
    assert response.status_code == 200
    assert response.json()["email"] == "ana@example.com"


def test_orders_for_customer():
    response = client.get("/orders", headers=bearer(1))
    assert response.json() == [{"id": 10, "total_cents": 2400}]


def test_tampered_token_is_rejected():
    token = tokens.issue({"sub": "2"})[:-2] + "xx"
    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_anonymous_request_is_unauthorised():
    response = client.get("/orders")
    assert response.status_code == 401
