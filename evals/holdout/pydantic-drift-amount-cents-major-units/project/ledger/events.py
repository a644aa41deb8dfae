"""Event contracts shared by the services that talk over the broker."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    type: str


class PaymentCaptured(Event):
    type: Literal["payment.captured"]
    payment_id: str
    order_id: str
    amount_cents: int = Field(ge=0)
    currency: Currency
    captured_at: datetime


class RefundIssued(Event):
    type: Literal["refund.issued"]
    refund_id: str
    payment_id: str
    amount_cents: int = Field(gt=0)
