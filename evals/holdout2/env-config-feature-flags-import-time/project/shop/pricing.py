"""Totals shown at checkout."""

from __future__ import annotations

from shop import flags
from shop.cart import Cart
from shop.shipping import FREE_SHIPPING_THRESHOLD, shipping_cents

COUPONS = {"WELCOME10": 10}


def discount_cents(cart: Cart) -> int:
    percent = COUPONS.get((cart.coupon or "").upper(), 0)
    return cart.subtotal_cents * percent // 100


def shipping_for(cart: Cart) -> int:
    if flags.enabled("free_shipping_over_50") and cart.subtotal_cents >= FREE_SHIPPING_THRESHOLD:
        return 0
    return shipping_cents(cart.zone, cart.weight_grams)


def checkout_total(cart: Cart) -> int:
    return cart.subtotal_cents - discount_cents(cart) + shipping_for(cart)
