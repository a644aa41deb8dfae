"""Cart pricing shared by the API and the reporting CLI."""

from __future__ import annotations

from decimal import Decimal

from shop.catalog import PRODUCTS
from shop.rates import convert


def line_total(sku: str, qty: int) -> Decimal:
    return PRODUCTS[sku].price * qty


def quote_cart(items: dict[str, int], currency: str) -> dict[str, str]:
    subtotal = sum((line_total(sku, qty) for sku, qty in items.items()), Decimal("0"))
    total = convert(subtotal, "EUR", currency)
    return {"currency": currency, "subtotal_eur": str(subtotal), "total": str(total)}
