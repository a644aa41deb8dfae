from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field

from app.schemas.base import APIModel

Carrier = Literal["dhl", "ups", "gls", "postnl"]


class ShipRequest(APIModel):
    carrier: Carrier
    tracking_number: str = Field(min_length=6, max_length=40)
    parcel_count: int = Field(default=1, ge=1, le=20)


class OrderOut(APIModel):
    model_config = ConfigDict(from_attributes=True, validate_by_name=True)

    id: int
    reference: str
    status: str
    carrier: str | None
    tracking_number: str | None
    shipped_at: datetime | None
