from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from restock.catalog import Product


@dataclass(frozen=True)
class OrderLine:
    sku: str
    supplier: str
    quantity: int


def order_quantity(product: Product, on_hand: int) -> int:
    if on_hand > product.reorder_point:
        return 0
    wanted = product.reorder_qty + (product.reorder_point - on_hand)
    return math.ceil(wanted / product.pack_size) * product.pack_size


def plan_restock(levels: Mapping[str, int], products: Mapping[str, Product]) -> list[OrderLine]:
    lines = []
    for sku in sorted(products):
        product = products[sku]
        quantity = order_quantity(product, levels.get(sku, 0))
        if quantity:
            lines.append(OrderLine(sku, product.supplier, quantity))
    return lines
