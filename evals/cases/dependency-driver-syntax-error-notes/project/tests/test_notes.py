from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_create_note():
    r = client.post("/notes", params={"title": "groceries"})
    assert r.status_code == 200
