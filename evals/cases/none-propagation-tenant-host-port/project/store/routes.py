from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db import get_session
from store.deps import current_tenant
from store.models import Product
from store.money import format_price

router = APIRouter()


@router.get("/products")
def products(tenant=Depends(current_tenant), session: Session = Depends(get_session)) -> list[dict]:
    currency = tenant.currency
    rows = session.scalars(select(Product).where(Product.tenant_id == tenant.id)).all()
    return [{"title": p.title, "price": format_price(p.price_minor, currency)} for p in rows]
