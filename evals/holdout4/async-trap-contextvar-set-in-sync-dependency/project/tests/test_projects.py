def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_unknown_tenant_is_404(client):
    resp = client.get("/projects", headers={"X-Tenant": "umbrella"})
    assert resp.status_code == 404


def test_lists_only_own_projects(client):
    resp = client.get("/projects", headers={"X-Tenant": "acme"})
    assert resp.status_code == 200
    assert resp.json() == [{"id": 1, "name": "Alpha", "open_tasks": 1}]
