from __future__ import annotations

from dataclasses import dataclass, field

from invoicing.money import format_cents, to_cents
from invoicing.tax import vat_cents


@dataclass(frozen=True)
class LineItem:
    description: str
    unit_price: float
    quantity: int = 1

    @property
    def net_cents(self) -> int:
        return to_cents(self.unit_price) * self.quantity


@dataclass
class Invoice:
    number: str
    country: str
    business: bool = False
    lines: list[LineItem] = field(default_factory=list)

    def add(self, description: str, unit_price: float, quantity: int = 1) -> Invoice:
        self.lines.append(LineItem(description, unit_price, quantity))
        return self

    @property
    def net_cents(self) -> int:
        return sum(line.net_cents for line in self.lines)

    @property
    def vat_cents(self) -> int:
        return vat_cents(self.net_cents, self.country, business=self.business)

    @property
    def total_cents(self) -> int:
        return self.net_cents + self.vat_cents

    def summary(self) -> str:
        return f"{self.number}: {format_cents(self.net_cents)} + VAT {format_cents(self.vat_cents)}"
