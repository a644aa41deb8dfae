"""Checkout: charge the customer for an order and mark it paid."""

from sqlalchemy.orm import Session

from shop import payments
from shop.models import Order, User
from shop.users import get_user


class OrderNotFound(LookupError):
    pass


def checkout(session: Session, order_id: int) -> payments.Payment:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderNotFound(order_id)
    customer = get_user(session, order.user_id)
    payment = charge_order(order, customer)
    order.paid = True
    session.commit()
    return payment


def charge_order(order: Order, customer: User) -> payments.Payment:
    return payments.charge(customer.stripe_customer_id, order.total_cents, order.currency)
