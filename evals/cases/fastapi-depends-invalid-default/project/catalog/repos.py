from dataclasses import dataclass


@dataclass
class Product:
    sku: str
    title: str
    price_cents: int


class ProductRepo:
    """Read access to the product catalogue (an in-memory snapshot refreshed by the importer)."""

    def __init__(self, snapshot: dict[str, Product] | None = None) -> None:
        self._items = snapshot if snapshot is not None else {
            "MUG-01": Product("MUG-01", "Enamel mug", 1290),
            "LAMP-3": Product("LAMP-3", "Desk lamp", 8900),
        }

    def get(self, sku: str) -> Product | None:
        return self._items.get(sku)

    def search(self, text: str) -> list[Product]:
        return [p for p in self._items.values() if text.lower() in p.title.lower()]
