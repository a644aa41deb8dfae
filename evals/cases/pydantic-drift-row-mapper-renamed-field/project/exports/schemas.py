"""The export contract shared with the accounting team (v3: `customer` became `customer_email`)."""

from datetime import datetime

from pydantic import BaseModel, Field


class OrderExport(BaseModel):
    reference: str
    customer_email: str
    total_cents: int = Field(ge=0)
    placed_at: datetime
