from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price: Decimal  # EUR


PRODUCTS = {
    "MUG-01": Product("MUG-01", "Enamel mug", Decimal("12.50")),
    "TEE-02": Product("TEE-02", "Logo t-shirt", Decimal("24.00")),
    "CAP-03": Product("CAP-03", "Cap", Decimal("18.90")),
}
