"""The cart the checkout prices."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    sku: str
    unit_cents: int
    quantity: int = 1
    weight_grams: int = 250

    @property
    def total_cents(self) -> int:
        return self.unit_cents * self.quantity


@dataclass
class Cart:
    zone: str = "domestic"
    lines: list[Line] = field(default_factory=list)
    coupon: str | None = None

    def add(self, sku: str, unit_cents: int, quantity: int = 1, weight_grams: int = 250) -> Cart:
        self.lines.append(Line(sku, unit_cents, quantity, weight_grams))
        return self

    @property
    def subtotal_cents(self) -> int:
        return sum(line.total_cents for line in self.lines)

    @property
    def weight_grams(self) -> int:
        return sum(line.weight_grams * line.quantity for line in self.lines)
