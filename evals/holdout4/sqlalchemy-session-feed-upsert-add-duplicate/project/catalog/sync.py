from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from catalog.feed import FeedRow, read_feed
from catalog.models import Product
from catalog.pricing import price_change_pct, retail_price
from catalog.repository import ProductRepository

ALERT_PCT = Decimal("15")


@dataclass
class SyncReport:
    feed: str
    created: int = 0
    updated: int = 0
    alerts: list[str] = field(default_factory=list)


def _to_product(row: FeedRow, margin: Decimal) -> Product:
    return Product(
        sku=row.sku,
        name=row.name,
        supplier=row.supplier,
        cost=row.cost,
        price=retail_price(row.cost, margin),
        stock=row.stock,
    )


def sync_feed(session: Session, path: Path, margin: Decimal) -> SyncReport:
    rows = list(read_feed(path))
    repo = ProductRepository(session)
    current = repo.by_sku(row.sku for row in rows)
    report = SyncReport(feed=path.name)

    products = []
    for row in rows:
        product = _to_product(row, margin)
        existing = current.get(row.sku)
        if existing is None:
            report.created += 1
        else:
            report.updated += 1
            change = price_change_pct(existing.price, product.price)
            if abs(change) >= ALERT_PCT:
                report.alerts.append(f"{row.sku}: {existing.price} -> {product.price} ({change}%)")
        products.append(product)

    repo.upsert_many(products)
    session.commit()
    return report
