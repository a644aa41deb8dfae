from fastapi.testclient import TestClient

from inventory import create_app


def test_receive_then_pick():
    client = TestClient(create_app())
    assert client.post("/stock/MUG-01/adjust", json={"warehouse": "ber", "delta": 5}).status_code == 200
    resp = client.post("/stock/MUG-01/adjust", json={"warehouse": "ber", "delta": -2})
    assert resp.json() == {"ber": 3}


def test_cannot_pick_more_than_stocked():
    client = TestClient(create_app())
    resp = client.post("/stock/CAP-03/adjust", json={"warehouse": "ber", "delta": -1})
    assert resp.status_code == 409
