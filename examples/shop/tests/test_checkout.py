"""Checkout over HTTP, for a customer from after the status migration and one from before."""

from fastapi.testclient import TestClient

from shop.main import app

client = TestClient(app)


def test_checkout_new_customer():
    assert client.post("/orders/10/checkout").status_code == 200


def test_checkout_customer_from_2021():
    assert client.post("/orders/11/checkout").status_code == 200
