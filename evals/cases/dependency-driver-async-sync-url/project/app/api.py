from fastapi import APIRouter, Request
from sqlalchemy import select

from app.models import Product
from app.settings import settings

router = APIRouter()


@router.get("/products")
async def list_products(request: Request, page: int = 1) -> list[dict]:
    async with request.app.state.sessions() as session:
        rows = await session.scalars(
            select(Product).order_by(Product.id).offset((page - 1) * settings.page_size).limit(settings.page_size)
        )
        return [{"sku": p.sku, "title": p.title, "price_cents": p.price_cents} for p in rows]
