from __future__ import annotations

from invoicing.fees import fees_for
from invoicing.models import Invoice, Order


def build_invoice(order: Order) -> Invoice:
    return Invoice(order_id=order.id, lines=[*order.items, *fees_for(order)])
