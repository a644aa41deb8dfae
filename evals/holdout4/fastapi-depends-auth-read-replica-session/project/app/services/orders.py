from decimal import Decimal

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Order, OrderLine, Product, User
from app.schemas import OrderIn


def _products_by_sku(db: Session, skus: set[str]) -> dict[str, Product]:
    rows = db.scalars(select(Product).where(Product.sku.in_(skus)))
    return {p.sku: p for p in rows}


def place_order(db: Session, customer: User, payload: OrderIn) -> Order:
    if len(payload.lines) > get_settings().max_lines_per_order:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "too many lines")

    products = _products_by_sku(db, {line.sku for line in payload.lines})
    missing = sorted({line.sku for line in payload.lines} - products.keys())
    if missing:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"unknown sku: {', '.join(missing)}")

    order = Order(customer=customer)
    total = Decimal("0")
    for line in payload.lines:
        product = products[line.sku]
        order.lines.append(
            OrderLine(product=product, quantity=line.quantity, unit_price=product.price)
        )
        total += product.price * line.quantity
    order.total = total

    db.add(order)
    db.commit()
    db.refresh(order)
    return order
