from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pricing.money import to_cents
from pricing.tiers import tier_rate


@dataclass
class CartLine:
    sku: str
    unit_price: Decimal
    quantity: int

    @property
    def total(self) -> Decimal:
        discounted = self.unit_price * (1 - tier_rate(self.quantity))
        return to_cents(discounted * self.quantity)


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)

    def add(self, sku: str, unit_price: str, quantity: int) -> None:
        self.lines.append(CartLine(sku, Decimal(unit_price), quantity))

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0"))
