from __future__ import annotations

from exports.flatten import flatten


def customer_row(customer: dict) -> dict:
    row = flatten({k: v for k, v in customer.items() if k != "password_hash"})
    row["email"] = row["email"].lower()
    return row


def order_row(order: dict) -> dict:
    row = flatten(order, sep=".")
    row["total_cents"] = int(row["total_cents"])
    return row
