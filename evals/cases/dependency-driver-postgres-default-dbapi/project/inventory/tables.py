from sqlalchemy import Column, Integer, String, Table

from inventory.db import metadata

stock = Table(
    "stock",
    metadata,
    Column("sku", String(32), primary_key=True),
    Column("warehouse", String(8), primary_key=True),
    Column("on_hand", Integer, nullable=False, default=0),
)
