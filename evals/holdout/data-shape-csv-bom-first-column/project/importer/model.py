from __future__ import annotations

import re
from dataclasses import dataclass

SKU = re.compile(r"^[A-Z]{3}-\d{3}$")


class BadRow(ValueError):
    pass


@dataclass(frozen=True)
class StockLevel:
    sku: str
    warehouse: str
    on_hand: int
    reserved: int

    def __post_init__(self) -> None:
        if not SKU.match(self.sku):
            raise BadRow(f"bad sku {self.sku!r}")
        if self.reserved > self.on_hand:
            raise BadRow(f"{self.sku}@{self.warehouse}: reserved {self.reserved} > on hand {self.on_hand}")

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved
