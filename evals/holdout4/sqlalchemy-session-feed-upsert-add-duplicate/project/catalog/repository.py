from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.models import Product


class ProductRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_sku(self, skus: Iterable[str]) -> dict[str, Product]:
        stmt = select(Product).where(Product.sku.in_(list(skus)))
        return {p.sku: p for p in self.session.scalars(stmt)}

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(Product)) or 0

    def upsert_many(self, products: Iterable[Product]) -> int:
        n = 0
        for product in products:
            self.session.add(product)
            n += 1
        return n
