from __future__ import annotations

from shopapp.events import subscribe
from shopapp.models import Order

POINTS_PER_EURO = 2


@subscribe("order.paid")
def award_points(order: Order) -> None:
    order.loyalty_points += int(order.total) * POINTS_PER_EURO
