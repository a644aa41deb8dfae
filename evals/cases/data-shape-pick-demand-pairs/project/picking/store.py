from __future__ import annotations

from picking.models import Order, OrderLine

BIN_LOCATIONS: dict[str, str] = {
    "TAPE-48MM": "A-03-2",
    "BOX-S": "A-01-1",
    "BOX-M": "A-01-2",
    "BOX-L": "A-02-1",
    "LABEL-4X6": "B-07-3",
    "GLOVES-M": "B-04-1",
    "SCANNER-BAT": "C-11-4",
    "ZIPTIE-200": "B-02-2",
}

ORDERS: list[Order] = [
    Order("SO-1001", "W-0612-AM", [OrderLine("BOX-M", 20), OrderLine("TAPE-48MM", 6)]),
    Order("SO-1002", "W-0612-AM", [OrderLine("LABEL-4X6", 4), OrderLine("BOX-M", 10)]),
    Order("SO-1003", "W-0612-AM", [OrderLine("SCANNER-BAT", 2), OrderLine("GLOVES-M", 12)]),
    Order("SO-1004", "W-0612-AM", [OrderLine("BOX-L", 5), OrderLine("ZIPTIE-200", 3)]),
    Order("SO-1005", "W-0612-PM", [OrderLine("BOX-S", 40)]),
]


def orders_in_wave(wave: str) -> list[Order]:
    return [order for order in ORDERS if order.wave == wave]


def get_order(order_id: str) -> Order | None:
    return next((order for order in ORDERS if order.id == order_id), None)


def bin_locations() -> dict[str, str]:
    return dict(BIN_LOCATIONS)
