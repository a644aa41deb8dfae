from pydantic import BaseModel, Field


class PriceUpdate(BaseModel):
    """Body of PUT /prices/{sku}. Since API v2 prices are integer cents, never floats."""

    amount_cents: int = Field(gt=0)
    currency: str = Field(default="EUR", pattern="^[A-Z]{3}$")
    reason: str | None = None
