from fastapi.testclient import TestClient

from picking.api import app

client = TestClient(app)


def test_order_picks_have_locations():
    resp = client.get("/orders/SO-1001/picks")
    assert resp.status_code == 200
    assert resp.json() == [
        {"sku": "BOX-M", "quantity": 20, "location": "A-01-2"},
        {"sku": "TAPE-48MM", "quantity": 6, "location": "A-03-2"},
    ]


def test_unknown_wave_is_404():
    assert client.get("/waves/W-0000/picklist").status_code == 404


def test_wave_picklist_batches_by_zone_within_cart_capacity():
    resp = client.get("/waves/W-0612-AM/picklist", params={"cart_capacity": 30})
    assert resp.status_code == 200
    batches = resp.json()["batches"]
    assert [b["zone"] for b in batches] == ["A", "A", "B", "C"]
    assert all(b["units"] <= 30 for b in batches)
    assert batches[0]["picks"][0] == {"sku": "BOX-M", "quantity": 30, "location": "A-01-2"}
