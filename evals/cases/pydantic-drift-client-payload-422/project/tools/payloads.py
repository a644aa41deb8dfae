"""Build API request bodies from the merchandising spreadsheet's rows."""

from decimal import Decimal


def price_payload(row: dict) -> dict:
    return {
        "price": float(Decimal(row["price"])),
        "currency": row.get("currency", "EUR").upper(),
        "reason": row.get("note") or None,
    }
