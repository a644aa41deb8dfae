"""python -m promo.smoke: a few checkouts in a row, as the storefront's smoke test does."""

from __future__ import annotations

import sys

from fastapi.testclient import TestClient

from promo.api import app

CARTS = [
    {"lines": [{"sku": "TEE", "unit_price": "24.50", "quantity": 2}], "coupon": "SPRING15"},
    {"lines": [{"sku": "MUG", "unit_price": "14.00", "quantity": 1}]},
    {"lines": [{"sku": "CAP", "unit_price": "19.00", "quantity": 2}], "coupon": "FRIENDS20"},
]


def main() -> int:
    client = TestClient(app)
    for cart in CARTS:
        resp = client.post("/quote", json=cart)
        body = resp.json()
        print(resp.status_code, body.get("total"), body.get("applied"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
