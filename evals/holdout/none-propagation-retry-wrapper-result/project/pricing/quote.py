"""Localised price lists for the regional storefronts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pricing.catalog import Product
from pricing.rates import RateClient

CENT = Decimal("0.01")
WHOLE = Decimal("1")
ZERO_DECIMAL = {"JPY"}


def localize_price(product: Product, currency: str, client: RateClient) -> Decimal:
    """The product's price in currency, rounded the way the storefront displays it."""
    rate = client.fetch_rate("USD", currency)
    step = WHOLE if currency in ZERO_DECIMAL else CENT
    return (product.price * rate).quantize(step, rounding=ROUND_HALF_UP)


def price_list(products: list[Product], currency: str, client: RateClient) -> dict[str, Decimal]:
    return {p.sku: localize_price(p, currency, client) for p in products}
