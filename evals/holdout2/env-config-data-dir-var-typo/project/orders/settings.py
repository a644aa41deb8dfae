"""Configuration, read from the environment once at import."""

from __future__ import annotations

import os

DATA_DIR = os.getenv("ORDER_DATA_DIR", "/var/lib/orders")
DATABASE_URL = os.getenv("ORDERS_DATABASE_URL") or f"sqlite:///{DATA_DIR}/orders.db"
PAGE_SIZE = int(os.getenv("ORDERS_PAGE_SIZE", "25"))
CURRENCY = os.getenv("ORDERS_CURRENCY", "EUR").upper()
ECHO_SQL = os.getenv("ORDERS_ECHO_SQL", "0") == "1"
