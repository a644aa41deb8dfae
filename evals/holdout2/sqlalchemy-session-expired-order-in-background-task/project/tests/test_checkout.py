from fastapi.testclient import TestClient

from shop import mailer
from shop.api import app

client = TestClient(app)


def test_empty_cart_is_rejected():
    response = client.post("/checkout", json={"email": "a@example.com", "cart_token": "c0", "lines": []})
    assert response.status_code == 422


def test_checkout_sends_confirmation():
    payload = {
        "email": "Ana@Example.com",
        "cart_token": "c1",
        "lines": [{"sku": "tea", "price": "4.50", "quantity": 2}, {"sku": "cup", "price": "12.00"}],
    }
    response = client.post("/checkout", json=payload)
    assert response.status_code == 202
    assert mailer.OUTBOX[-1].to == "ana@example.com"
