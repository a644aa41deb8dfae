"""Which promotions apply to a cart, and what it costs after them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from promo.catalog import Promotion, automatic_promotions, coupon
from promo.schemas import CartIn, QuoteOut

CENT = Decimal("0.01")


class PromotionConflict(ValueError):
    pass


def eligible_promotions(cart: CartIn) -> list[Promotion]:
    promos = automatic_promotions()
    if cart.coupon:
        promos.append(coupon(cart.coupon))
    return [p for p in promos if cart.subtotal >= p.min_subtotal]


def check_stacking(promos: list[Promotion]) -> None:
    exclusive = [p.code for p in promos if not p.stackable]
    if len(exclusive) > 1:
        raise PromotionConflict(f"{' and '.join(exclusive)} cannot be combined")


def quote(cart: CartIn) -> QuoteOut:
    promos = eligible_promotions(cart)
    check_stacking(promos)
    percent = sum((p.percent_off for p in promos), Decimal(0))
    subtotal = cart.subtotal
    discount = (subtotal * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return QuoteOut(
        subtotal=subtotal,
        discount=discount,
        total=subtotal - discount,
        applied=[p.code for p in promos],
    )
