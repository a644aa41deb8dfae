"""Compare warehouse stock with the shop's view and list the SKUs to correct."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Correction:
    sku: str
    shop_qty: int
    warehouse_qty: int

    @property
    def delta(self) -> int:
        return self.warehouse_qty - self.shop_qty


def corrections(shop: dict[str, int], warehouse: Iterable[dict[str, Any]]) -> list[Correction]:
    out = []
    for item in warehouse:
        sku = item["sku"]
        qty = int(item["available"])
        if shop.get(sku, 0) != qty:
            out.append(Correction(sku, shop.get(sku, 0), qty))
    return sorted(out, key=lambda c: abs(c.delta), reverse=True)
