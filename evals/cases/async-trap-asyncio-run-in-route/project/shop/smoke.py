"""Smoke check run after deploys: `python -m shop.smoke`."""

from __future__ import annotations

from fastapi.testclient import TestClient

from shop.api import app


def main() -> None:
    client = TestClient(app)
    resp = client.post("/quote", json={"items": {"MUG-01": 2}, "currency": "EUR"})
    print("EUR", resp.status_code, resp.json(), flush=True)
    resp = client.post("/quote", json={"items": {"MUG-01": 2, "CAP-03": 1}, "currency": "USD"})
    print("USD", resp.status_code, resp.json(), flush=True)


if __name__ == "__main__":
    main()
