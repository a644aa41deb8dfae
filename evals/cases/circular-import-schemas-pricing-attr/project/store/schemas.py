"""Request and response bodies of the store API."""

from decimal import Decimal

from pydantic import BaseModel, Field

from store.services import pricing


class LineIn(BaseModel):
    sku: str
    quantity: int = Field(gt=0)


class CartIn(BaseModel):
    lines: list[LineIn]
    currency: str = pricing.DEFAULT_CURRENCY


class PriceOut(BaseModel):
    currency: str
    subtotal: Decimal
    tax: Decimal
    total: Decimal
