from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    price_cents: int
    in_stock: bool = True


def sample_catalog() -> list[Product]:
    colours = ["black", "blue", "green", "grey", "red", "white"]
    items = [Product(f"MUG-{i:02d}", f"Mug {colours[i % 6]} {i}", 900 + i * 25) for i in range(1, 24)]
    items += [Product(f"TEE-{i:02d}", f"Tee {colours[i % 6]} {i}", 1900 + i * 50, in_stock=i % 3 != 0) for i in range(1, 9)]
    return items
