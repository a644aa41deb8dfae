from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class SupplierItem:
    sku: str
    name: str
    category: str
    unit_cost: Decimal
    pack_size: int
    currency: str = "EUR"


@dataclass(frozen=True, slots=True)
class PriceRule:
    category: str
    markup: Decimal
    min_margin: Decimal


@dataclass(frozen=True, slots=True)
class PriceRow:
    sku: str
    name: str
    landed_cost: Decimal
    retail_price: Decimal

    @property
    def margin(self) -> Decimal:
        return (self.retail_price - self.landed_cost) / self.retail_price
