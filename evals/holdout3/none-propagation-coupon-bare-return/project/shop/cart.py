from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Line:
    sku: str
    quantity: int
    unit_cents: int

    @property
    def subtotal_cents(self) -> int:
        return self.quantity * self.unit_cents


@dataclass(frozen=True)
class Cart:
    customer: str
    lines: tuple[Line, ...] = ()
    discount_pct: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def gross_cents(self) -> int:
        return sum(line.subtotal_cents for line in self.lines)

    @property
    def total_cents(self) -> int:
        return self.gross_cents * (100 - self.discount_pct) // 100

    def with_discount(self, pct: int) -> Cart:
        # Coupons never stack: the best one wins.
        return replace(self, discount_pct=max(self.discount_pct, pct))
