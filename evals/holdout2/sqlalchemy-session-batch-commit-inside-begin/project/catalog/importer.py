"""Upsert a supplier feed into the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from catalog.db import SessionLocal
from catalog.feed import FeedRow
from catalog.models import Product
from catalog.repository import discontinue_missing, find_by_sku

BATCH_SIZE = 100


@dataclass
class ImportStats:
    created: int = 0
    updated: int = 0
    discontinued: int = 0


def import_products(supplier: str, rows: Iterable[FeedRow]) -> ImportStats:
    stats = ImportStats()
    seen: set[str] = set()
    with SessionLocal.begin() as session:
        for n, row in enumerate(rows, start=1):
            seen.add(row.sku)
            product = find_by_sku(session, row.sku)
            if product is None:
                session.add(Product(sku=row.sku, name=row.name, price=row.price, supplier=supplier))
                stats.created += 1
            else:
                product.name, product.price, product.discontinued = row.name, row.price, False
                stats.updated += 1
            if n % BATCH_SIZE == 0:
                session.commit()  # keep the transaction (and the identity map) small on big feeds
        stats.discontinued = discontinue_missing(session, supplier, seen)
    return stats
