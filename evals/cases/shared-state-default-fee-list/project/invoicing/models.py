from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Line:
    label: str
    amount: Decimal


@dataclass
class Order:
    id: str
    items: list[Line]
    express: bool = False
    gift_wrap: bool = False
    charged: Decimal = Decimal("0")  # what the payment provider captured


@dataclass
class Invoice:
    order_id: str
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))
