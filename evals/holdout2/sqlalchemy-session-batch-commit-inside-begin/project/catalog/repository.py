from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalog.models import Product


def find_by_sku(session: Session, sku: str) -> Product | None:
    return session.scalar(select(Product).where(Product.sku == sku))


def discontinue_missing(session: Session, supplier: str, seen: set[str]) -> int:
    stmt = (
        update(Product)
        .where(Product.supplier == supplier, Product.sku.not_in(seen))
        .values(discontinued=True)
    )
    return session.execute(stmt).rowcount
