from datetime import datetime

from pydantic import BaseModel, ConfigDict

from app.models import InvoiceStatus


class InvoiceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: str
    customer_email: str
    amount_cents: int
    currency: str
    status: InvoiceStatus
    charge_id: str | None
    paid_at: datetime | None
