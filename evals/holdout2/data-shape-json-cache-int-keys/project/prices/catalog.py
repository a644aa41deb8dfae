"""Price lists per region, in cents, keyed by product id."""

from __future__ import annotations

from prices.cache import JsonFileCache

# product id -> (name, EU price, UK price) — the pricing DB in production
_PRODUCTS = {
    17: ("espresso beans 1kg", 2490, 2190),
    23: ("grinder", 12900, 11500),
    31: ("milk jug", 1450, 1290),
}
REGIONS = ("eu", "uk")


def _load_from_db(region: str) -> dict[int, int]:
    column = 1 + REGIONS.index(region)
    return {product_id: row[column] for product_id, row in _PRODUCTS.items()}


def price_table(region: str, cache: JsonFileCache) -> dict[int, int]:
    key = f"price-table:{region}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    table = _load_from_db(region)
    cache.set(key, table)
    return table


def product_name(product_id: int) -> str:
    return _PRODUCTS[product_id][0]
