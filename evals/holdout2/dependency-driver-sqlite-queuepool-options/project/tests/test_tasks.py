def test_create_and_complete(client):
    created = client.post("/tasks", json={"title": "write release notes"}).json()
    assert client.post(f"/tasks/{created['id']}/done").json() == {"id": created["id"], "done": True}


def test_pagination(client):
    for i in range(25):
        client.post("/tasks", json={"title": f"t{i}"})
    assert len(client.get("/tasks", params={"page": 2}).json()) >= 5
