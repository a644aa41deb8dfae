from __future__ import annotations

from datetime import date

from shop.cart import Cart, Line
from shop.coupons import apply_coupon
from shop.receipts import build_receipt

PRICES = {"MUG": 1_250, "TEE": 2_400, "CAP": 1_800, "STICKER": 300}


def build_cart(customer: str, items: dict[str, int]) -> Cart:
    lines = tuple(Line(sku, qty, PRICES[sku]) for sku, qty in sorted(items.items()))
    return Cart(customer=customer, lines=lines)


def finalize(customer: str, items: dict[str, int], coupon: str | None, today: date) -> str:
    cart = build_cart(customer, items)
    cart = apply_coupon(cart, coupon, today)
    return build_receipt(cart)
