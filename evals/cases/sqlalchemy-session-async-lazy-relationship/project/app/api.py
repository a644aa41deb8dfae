from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.carts import load_cart
from app.db import get_session
from app.pricing import cart_summary

router = APIRouter()


@router.get("/carts/{cart_id}")
async def read_cart(cart_id: int, session: AsyncSession = Depends(get_session)) -> dict:
    cart = await load_cart(session, cart_id)
    if cart is None:
        raise HTTPException(404, "no such cart")
    return cart_summary(cart)
