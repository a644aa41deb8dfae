"""Data access for orders."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from orders.models import Customer, Order, OrderItem


async def get_order(session: AsyncSession, order_id: int) -> Order | None:
    stmt = select(Order).options(selectinload(Order.items)).where(Order.id == order_id)
    result = await session.execute(stmt)
    return result.scalar_one_or_none()


async def get_or_create_customer(session: AsyncSession, email: str, name: str) -> Customer:
    found = await session.scalar(select(Customer).where(Customer.email == email))
    if found is not None:
        return found
    customer = Customer(email=email, name=name)
    session.add(customer)
    await session.flush()
    return customer


async def create_order(
    session: AsyncSession, customer: Customer, lines: list[tuple[str, int, str]]
) -> Order:
    order = Order(customer_id=customer.id)
    order.items = [OrderItem(sku=sku, quantity=qty, unit_price=price) for sku, qty, price in lines]
    session.add(order)
    await session.commit()
    return order
