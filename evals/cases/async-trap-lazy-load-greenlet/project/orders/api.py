from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from orders import repository
from orders.db import engine, get_session
from orders.models import Base
from orders.schemas import OrderOut, order_out


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(title="orders", lifespan=lifespan)
Session = Annotated[AsyncSession, Depends(get_session)]


class OrderIn(BaseModel):
    email: str
    name: str
    lines: list[tuple[str, int, str]]


@app.post("/orders", status_code=201)
async def create(payload: OrderIn, session: Session) -> dict[str, int]:
    customer = await repository.get_or_create_customer(session, payload.email, payload.name)
    order = await repository.create_order(session, customer, payload.lines)
    return {"id": order.id}


@app.get("/orders/{order_id}", response_model=OrderOut)
async def read(order_id: int, session: Session) -> OrderOut:
    order = await repository.get_order(session, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="order not found")
    return order_out(order)
