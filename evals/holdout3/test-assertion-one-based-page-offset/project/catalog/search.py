from __future__ import annotations

from catalog.pagination import Page, paginate
from catalog.products import Product

SORTS = {
    "price": lambda p: (p.price_cents, p.sku),
    "title": lambda p: (p.title.lower(), p.sku),
}


def matches(product: Product, query: str, in_stock_only: bool) -> bool:
    if in_stock_only and not product.in_stock:
        return False
    return all(word in product.title.lower() for word in query.lower().split())


def search(products: list[Product], query: str, *, page: int = 1, per_page: int = 10,
           sort: str = "price", in_stock_only: bool = True) -> Page[Product]:
    hits = sorted((p for p in products if matches(p, query, in_stock_only)), key=SORTS[sort])
    return paginate(hits, page=page, per_page=per_page)
