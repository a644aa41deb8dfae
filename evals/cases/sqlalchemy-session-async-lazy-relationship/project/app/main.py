from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api import router
from app.db import Session, init_models
from app.models import Cart, CartItem


async def seed() -> None:
    async with Session() as s:
        cart = Cart(id=3, customer_email="lea@example.com")
        cart.items = [CartItem(sku="MUG-01", qty=2, unit_cents=1290), CartItem(sku="LAMP-3", qty=1, unit_cents=8900)]
        s.add(cart)
        await s.commit()


@asynccontextmanager
async def lifespan(app: FastAPI):
    await init_models()
    await seed()
    yield


app = FastAPI(title="carts", lifespan=lifespan)
app.include_router(router)
