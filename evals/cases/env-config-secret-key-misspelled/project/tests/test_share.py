from fastapi.testclient import TestClient

from app.main import app


def test_share_link_is_signed():
    client = TestClient(app)
    r = client.get("/notes/7/share")
    assert r.status_code == 200
    assert "sig=" in r.json()["link"]
