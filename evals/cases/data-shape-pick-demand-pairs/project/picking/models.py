from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrderLine:
    sku: str
    quantity: int


@dataclass
class Order:
    id: str
    wave: str
    lines: list[OrderLine] = field(default_factory=list)


@dataclass(frozen=True)
class SkuDemand:
    sku: str
    quantity: int
    location: str

    @property
    def zone(self) -> str:
        return self.location.split("-", 1)[0]

    @property
    def walk_order(self) -> tuple[str, int, int]:
        zone, aisle, shelf = self.location.split("-")
        return (zone, int(aisle), int(shelf))
