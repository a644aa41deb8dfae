"""HTTP API (async)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from inventory.config import settings
from inventory.db import AsyncSessionLocal
from inventory.models import StockItem

router = APIRouter(prefix="/stock")


async def get_session():
    async with AsyncSessionLocal() as session:
        yield session


@router.get("/{sku}")
async def stock_level(sku: str, session: AsyncSession = Depends(get_session)) -> dict:
    stmt = select(StockItem).where(StockItem.sku == sku, StockItem.warehouse == settings.warehouse)
    item = (await session.scalars(stmt)).first()
    if item is None:
        raise HTTPException(404, f"unknown sku {sku}")
    return {"sku": sku, "available": item.available, "low": item.available < settings.low_stock_threshold}
