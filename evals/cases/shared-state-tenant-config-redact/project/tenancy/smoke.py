"""`python -m tenancy.smoke`: the admin console's usual sequence of calls."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tenancy.api import app

if __name__ == "__main__":
    client = TestClient(app)
    resp = client.post("/tenants/acme/test-mail", params={"to": "ops@acme.example"})
    print("test-mail", resp.status_code, resp.json(), flush=True)
    resp = client.get("/admin/tenants/acme")
    print("admin view", resp.status_code, sorted(resp.json()), flush=True)
    resp = client.post("/tenants/acme/test-mail", params={"to": "ops@acme.example"})
    print("test-mail", resp.status_code, resp.json(), flush=True)
