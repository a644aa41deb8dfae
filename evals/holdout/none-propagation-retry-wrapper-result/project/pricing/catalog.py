"""The product catalogue as exported by the merchandising team."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    price: Decimal  # USD, tax excluded
    tags: tuple[str, ...] = field(default=())

    @property
    def is_digital(self) -> bool:
        return "digital" in self.tags


def load_catalog() -> list[Product]:
    return [
        Product("MUG-001", "Enamel mug", Decimal("14.00"), ("kitchen",)),
        Product("TEE-014", "Logo tee", Decimal("24.50"), ("apparel",)),
        Product("EBK-220", "Field guide (ebook)", Decimal("9.99"), ("digital", "books")),
    ]
