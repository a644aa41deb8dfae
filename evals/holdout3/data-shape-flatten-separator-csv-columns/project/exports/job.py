"""Nightly CSV exports for the finance warehouse."""

from __future__ import annotations

import logging
import sys

from exports.columns import CUSTOMER_COLUMNS, ORDER_COLUMNS
from exports.serializers import customer_row, order_row
from exports.writer import write_csv

log = logging.getLogger("exports.job")

CUSTOMERS = [
    {"id": 1, "email": "Ana@Example.com", "name": "Ana", "password_hash": "x", "address": {"city": "Porto", "country": "PT"}, "tags": ["vip"]},
    {"id": 2, "email": "li@example.com", "name": "Li", "password_hash": "y", "address": {"city": "Oslo", "country": "NO"}, "tags": []},
]
ORDERS = [
    {
        "id": 501,
        "status": "paid",
        "total_cents": "3996",
        "currency": "EUR",
        "billing": {"city": "Porto", "country": "PT"},
        "shipping": {"city": "Porto", "country": "PT"},
        "skus": ["MUG", "STICKER"],
    },
]

EXPORTS = [
    ("customers", CUSTOMERS, CUSTOMER_COLUMNS, customer_row),
    ("orders", ORDERS, ORDER_COLUMNS, order_row),
]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="[%(levelname)s] %(name)s %(message)s")
    for name, records, columns, to_row in EXPORTS:
        text = write_csv(records, columns, to_row)
        log.info("exported %s: %d lines", name, text.count("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
