"""The contract of the `invoice.issued` event (shared with the accounting team)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field


class InvoiceIssued(BaseModel):
    invoice_id: str = Field(pattern=r"^INV-\d{6}$")
    customer_id: str
    issued_on: date
    total: Decimal = Field(ge=0)
    currency: str = Field(min_length=3, max_length=3)
    line_count: int = Field(ge=1)
