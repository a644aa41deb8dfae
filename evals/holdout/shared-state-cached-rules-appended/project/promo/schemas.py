from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field


class Line(BaseModel):
    sku: str
    unit_price: Decimal = Field(gt=0)
    quantity: int = Field(ge=1)


class CartIn(BaseModel):
    lines: list[Line] = Field(min_length=1)
    coupon: str | None = None

    @property
    def subtotal(self) -> Decimal:
        return sum((line.unit_price * line.quantity for line in self.lines), Decimal(0))


class QuoteOut(BaseModel):
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    applied: list[str]
