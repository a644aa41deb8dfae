from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from shop.cart import Cart

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Coupon:
    code: str
    pct: int
    expires: date
    min_cents: int = 0


COUPONS = {
    "SPRING10": Coupon("SPRING10", 10, date(2024, 6, 1)),
    "WELCOME15": Coupon("WELCOME15", 15, date(2024, 12, 31), min_cents=2_000),
    "BLACKFRIDAY": Coupon("BLACKFRIDAY", 30, date(2023, 11, 27)),
}


def find_coupon(code: str) -> Coupon | None:
    return COUPONS.get(code.strip().upper())


def apply_coupon(cart: Cart, code: str | None, today: date) -> Cart:
    """The cart with the coupon's discount applied; the cart unchanged when it does not apply."""
    if not code:
        return cart
    coupon = find_coupon(code)
    if coupon is None:
        log.info("unknown coupon %s", code)
        return cart
    if coupon.expires < today:
        log.info("coupon %s expired on %s", coupon.code, coupon.expires)
        return
    if cart.gross_cents < coupon.min_cents:
        return cart
    return cart.with_discount(coupon.pct)
