import json
from decimal import Decimal
from pathlib import Path

from pricing.cart import Cart, Line


def load_carts(path: Path) -> list[Cart]:
    carts = []
    for raw in json.loads(path.read_text()):
        lines = [
            Line(l["sku"], Decimal(l["unit_price"]), l["qty"], l.get("category", "general"))
            for l in raw["lines"]
        ]
        carts.append(Cart(raw["id"], raw["shipping"]["country"].upper(), lines))
    return carts
