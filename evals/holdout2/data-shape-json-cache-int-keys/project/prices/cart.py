from __future__ import annotations

from dataclasses import dataclass

from prices.cache import JsonFileCache
from prices.catalog import price_table

VAT = {"eu": 21, "uk": 20}


@dataclass(frozen=True)
class Item:
    product_id: int
    quantity: int = 1


def line_total(prices: dict[int, int], item: Item) -> int:
    return prices[item.product_id] * item.quantity


def cart_total(items: list[Item], region: str, cache: JsonFileCache) -> dict[str, int]:
    prices = price_table(region, cache)
    net = sum(line_total(prices, item) for item in items)
    vat = net * VAT[region] // 100
    return {"net": net, "vat": vat, "gross": net + vat}
