def test_open_orders_lists_only_open_ones(client):
    r = client.get("/orders/open")
    assert r.status_code == 200
    assert [o["reference"] for o in r.json()] == ["A-1001", "A-1003"]
