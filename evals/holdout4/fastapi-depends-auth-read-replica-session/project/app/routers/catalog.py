from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_read_db
from app.models import Product
from app.schemas import ProductOut

router = APIRouter(prefix="/products", tags=["catalog"])


@router.get("", response_model=list[ProductOut])
def list_products(db: Annotated[Session, Depends(get_read_db)]) -> list[Product]:
    return list(db.scalars(select(Product).order_by(Product.sku)))


@router.get("/{sku}", response_model=ProductOut)
def get_product(sku: str, db: Annotated[Session, Depends(get_read_db)]) -> Product:
    product = db.scalar(select(Product).where(Product.sku == sku))
    if product is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such product")
    return product
