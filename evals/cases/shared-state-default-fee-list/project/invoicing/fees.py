"""Surcharges added on top of the items of an order."""

from __future__ import annotations

from decimal import Decimal

from invoicing.models import Line, Order

EXPRESS = Line("Express shipping", Decimal("9.90"))
GIFT_WRAP = Line("Gift wrap", Decimal("3.50"))


def fees_for(order: Order, fees: list[Line] = []) -> list[Line]:
    if order.express:
        fees.append(EXPRESS)
    if order.gift_wrap:
        fees.append(GIFT_WRAP)
    return fees
