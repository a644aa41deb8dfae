from fastapi.testclient import TestClient

from crm.main import app

client = TestClient(app)


def test_create_then_list():
    client.post("/contacts", json={"name": "Lea Roth", "email": "lea@example.com", "phone": "+49 30 1234"})
    client.post("/contacts", json={"name": "Omar Haddad", "email": "omar@example.com"})
    r = client.get("/contacts")
    assert r.status_code == 200
    assert [c["name"] for c in r.json()] == ["Lea Roth", "Omar Haddad"]
