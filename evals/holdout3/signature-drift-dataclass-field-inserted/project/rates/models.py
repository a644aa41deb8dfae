from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parcel:
    weight_g: int
    dest_postcode: str
    length_cm: int = 30
    width_cm: int = 20
    height_cm: int = 10

    @property
    def volumetric_g(self) -> int:
        return self.length_cm * self.width_cm * self.height_cm * 1000 // 5000


@dataclass(frozen=True, order=True)
class RateQuote:
    carrier: str
    service: str
    zone: int
    amount_cents: int
    currency: str = "USD"
    transit_days: int | None = None
