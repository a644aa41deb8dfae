"""End-to-end check: `python -m orders.smoke`."""

from __future__ import annotations

from fastapi.testclient import TestClient

from orders.api import app


def main() -> None:
    with TestClient(app) as client:
        created = client.post(
            "/orders",
            json={"email": "ana@example.com", "name": "Ana Lima", "lines": [["MUG-01", 2, "12.50"], ["CAP-03", 1, "18.90"]]},
        )
        print("create", created.status_code, created.json(), flush=True)
        order = client.get(f"/orders/{created.json()['id']}")
        print("read", order.status_code, order.json(), flush=True)


if __name__ == "__main__":
    main()
