from dataclasses import dataclass, field
from decimal import Decimal

from pricing.money import round_money
from pricing.tax import vat_rate


@dataclass
class Line:
    sku: str
    unit_price: Decimal
    qty: int
    category: str = "general"


@dataclass
class Cart:
    id: str
    country: str
    lines: list[Line] = field(default_factory=list)


def line_tax(line: Line, country: str) -> Decimal:
    rate = vat_rate(country, line.category)
    return round_money(line.unit_price * line.qty * rate)


def totals(cart: Cart) -> dict[str, Decimal]:
    net = sum((line.unit_price * line.qty for line in cart.lines), Decimal(0))
    tax = sum((line_tax(line, cart.country) for line in cart.lines), Decimal(0))
    return {"net": round_money(net), "tax": tax, "gross": round_money(net) + tax}
