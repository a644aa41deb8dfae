from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field, field_serializer


class QuoteLine(BaseModel):
    sku: str
    # Omitted on "buy now" buttons, which always mean a single item.
    quantity: int | None = Field(default=None, ge=0, le=999)


class QuoteRequest(BaseModel):
    lines: list[QuoteLine] = Field(min_length=1)
    coupon: str | None = None


class PricedLine(BaseModel):
    sku: str
    quantity: int
    unit_price: Decimal
    total: Decimal

    @field_serializer("unit_price", "total")
    def _money(self, value: Decimal) -> str:
        return f"{value:.2f}"


class Quote(BaseModel):
    lines: list[PricedLine]
    subtotal: Decimal
    discount: Decimal
    total: Decimal

    @field_serializer("subtotal", "discount", "total")
    def _money(self, value: Decimal) -> str:
        return f"{value:.2f}"
