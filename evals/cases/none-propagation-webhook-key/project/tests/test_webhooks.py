import json
from pathlib import Path

from fastapi.testclient import TestClient

from app.main import create_app

FIXTURES = Path(__file__).parent / "fixtures"


def test_payment_succeeded_credits_customer():
    client = TestClient(create_app())
    event = json.loads((FIXTURES / "payment_succeeded.json").read_text())
    r = client.post("/webhooks/payments", json=event)
    assert r.status_code == 200
    assert r.json()["lifetime_cents"] == 4599


def test_other_events_are_ignored():
    client = TestClient(create_app())
    r = client.post("/webhooks/payments", json={"type": "payout.paid", "data": {}})
    assert r.json() == {"ignored": "payout.paid"}
