"""Price computation for carts."""

from decimal import ROUND_HALF_UP, Decimal

import store.schemas as schemas
from store.services.catalog import unit_price

DEFAULT_CURRENCY = "EUR"
TAX_RATES = {"EUR": Decimal("0.19"), "GBP": Decimal("0.20")}


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def price_cart(cart: "schemas.CartIn") -> schemas.PriceOut:
    subtotal = sum((unit_price(line.sku) * line.quantity for line in cart.lines), Decimal("0"))
    tax = _money(subtotal * TAX_RATES[cart.currency])
    return schemas.PriceOut(
        currency=cart.currency, subtotal=_money(subtotal), tax=tax, total=_money(subtotal + tax)
    )
