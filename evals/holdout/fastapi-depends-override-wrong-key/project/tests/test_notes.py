from __future__ import annotations


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_create_then_list(client, auth):
    created = client.post("/notes", json={"title": "groceries", "body": "eggs"}, headers=auth)
    assert created.status_code == 201
    listed = client.get("/notes", headers=auth).json()
    assert [n["title"] for n in listed] == ["groceries"]


def test_requires_api_key(client):
    assert client.get("/notes").status_code == 422
