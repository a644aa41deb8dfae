def test_read_order_is_camel_case(client):
    resp = client.get("/orders/7")
    assert resp.status_code == 200
    assert resp.json()["trackingNumber"] is None


def test_rejects_unknown_carrier(client):
    resp = client.post("/orders/7/ship", json={"carrier": "pigeon", "trackingNumber": "00340434"})
    assert resp.status_code == 422


def test_ship_order(client):
    resp = client.post(
        "/orders/7/ship",
        json={"carrier": "dhl", "trackingNumber": "00340434161094042557", "parcelCount": 2},
    )
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "shipped"
    assert body["trackingNumber"] == "00340434161094042557"
