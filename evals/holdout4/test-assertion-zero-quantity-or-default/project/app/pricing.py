from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.catalog import BULK_DISCOUNT, BULK_THRESHOLD, unit_price
from app.schemas import PricedLine, Quote, QuoteLine

CENT = Decimal("0.01")


def line_quantity(line: QuoteLine) -> int:
    return line.quantity or 1


def price_line(line: QuoteLine) -> PricedLine:
    quantity = line_quantity(line)
    price = unit_price(line.sku)
    return PricedLine(sku=line.sku, quantity=quantity, unit_price=price, total=price * quantity)


def build_quote(lines: list[QuoteLine]) -> Quote:
    priced = [price_line(line) for line in lines]
    subtotal = sum((p.total for p in priced), Decimal("0"))
    items = sum(p.quantity for p in priced)
    discount = (subtotal * BULK_DISCOUNT).quantize(CENT, ROUND_HALF_UP) if items >= BULK_THRESHOLD else Decimal("0")
    return Quote(lines=priced, subtotal=subtotal, discount=discount, total=subtotal - discount)
