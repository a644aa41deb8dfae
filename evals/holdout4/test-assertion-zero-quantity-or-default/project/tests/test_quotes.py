import pytest
from fastapi.testclient import TestClient

from app.main import app


@pytest.fixture()
def client():
    return TestClient(app)


def quote(client, lines):
    response = client.post("/quotes", json={"lines": lines})
    assert response.status_code == 200, response.text
    return response.json()


def test_buy_now_line_defaults_to_one_item(client):
    body = quote(client, [{"sku": "CAP-01"}])
    assert body["lines"][0]["quantity"] == 1
    assert body["total"] == "14.50"


def test_bulk_discount_from_ten_items(client):
    body = quote(client, [{"sku": "MUG-WHT", "quantity": 6}, {"sku": "MUG-BLK", "quantity": 4}])
    assert body["subtotal"] == "105.90"
    assert body["discount"] == "10.59"
    assert body["total"] == "95.31"


def test_cart_lines_set_to_zero_are_not_charged(client):
    cart = [
        {"sku": "TEE-M", "quantity": 2},
        {"sku": "TEE-L", "quantity": 0},
        {"sku": "MUG-BLK", "quantity": 0},
    ]
    body = quote(client, cart)
    assert body["total"] == "39.80"


def test_unknown_sku_is_rejected(client):
    response = client.post("/quotes", json={"lines": [{"sku": "NOPE", "quantity": 1}]})
    assert response.status_code == 422
