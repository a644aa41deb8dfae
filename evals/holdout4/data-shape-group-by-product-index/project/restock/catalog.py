from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from restock.collections_ext import group_by


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    supplier: str
    reorder_point: int
    reorder_qty: int
    pack_size: int = 1


def load_products(path: Path) -> list[Product]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [
            Product(
                sku=row["sku"].strip(),
                name=row["name"].strip(),
                supplier=row["supplier"].strip(),
                reorder_point=int(row["reorder_point"]),
                reorder_qty=int(row["reorder_qty"]),
                pack_size=int(row.get("pack_size") or 1),
            )
            for row in csv.DictReader(fh)
        ]


def product_index(products: list[Product]) -> dict[str, Product]:
    return group_by(products, key=lambda p: p.sku)


def by_supplier(products: list[Product]) -> dict[str, list[Product]]:
    return group_by(products, key=lambda p: p.supplier)
