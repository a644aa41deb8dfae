from decimal import Decimal

from pydantic import BaseModel, Field


class Parcel(BaseModel):
    weight_grams: int = Field(gt=0)
    length_cm: int = Field(gt=0)
    width_cm: int = Field(gt=0)
    height_cm: int = Field(gt=0)


class Shipment(BaseModel):
    origin_postcode: str
    destination_postcode: str
    destination_country: str = "DE"
    parcels: list[Parcel]

    @property
    def total_weight_grams(self) -> int:
        return sum(p.weight_grams for p in self.parcels)


class Quote(BaseModel):
    carrier: str
    service: str
    amount: Decimal
    currency: str = "EUR"
    transit_days: int
