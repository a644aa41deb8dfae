from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Cart


async def load_cart(session: AsyncSession, cart_id: int) -> Cart | None:
    result = await session.execute(select(Cart).where(Cart.id == cart_id))
    return result.scalar_one_or_none()
