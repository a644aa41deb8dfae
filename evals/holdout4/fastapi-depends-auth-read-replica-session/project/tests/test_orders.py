def test_list_products(client):
    resp = client.get("/products")
    assert resp.status_code == 200
    assert [p["sku"] for p in resp.json()] == ["MUG-01", "TEE-02"]


def test_requires_token(client):
    resp = client.post("/orders", json={"lines": [{"sku": "MUG-01", "quantity": 1}]})
    assert resp.status_code in (401, 403)


def test_create_order(client, auth_headers):
    body = {"lines": [{"sku": "MUG-01", "quantity": 2}, {"sku": "TEE-02", "quantity": 1}]}
    resp = client.post("/orders", json=body, headers=auth_headers)
    assert resp.status_code == 201
    data = resp.json()
    assert data["total"] == "37.00"
    assert len(data["lines"]) == 2
