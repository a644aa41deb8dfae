def test_read_invoice(client):
    resp = client.get("/invoices/INV-1001")
    assert resp.status_code == 200
    assert resp.json()["status"] == "open"


def test_pay_invoice(client):
    resp = client.post("/invoices/INV-1001/pay")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "paid"
    assert body["charge_id"].startswith("ch_test_")
