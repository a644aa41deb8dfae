from fastapi import APIRouter

from app.schemas import Product

router = APIRouter(prefix="/products")

_PRODUCTS = [Product(sku="MUG-1", title="Mug", price_cents=1250)]


@router.get("", response_model=list[Product])
def list_products() -> list[Product]:
    return _PRODUCTS
