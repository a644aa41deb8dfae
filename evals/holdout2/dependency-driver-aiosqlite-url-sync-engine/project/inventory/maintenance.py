"""Nightly maintenance: `python -m inventory.maintenance` (runs from cron, no event loop)."""

from __future__ import annotations

import sys

from sqlalchemy import Engine, text

from inventory.db import Base, make_sync_engine
from inventory import models  # noqa: F401  (registers the tables)

LOW_STOCK_VIEW = """
CREATE VIEW IF NOT EXISTS low_stock AS
SELECT sku, warehouse, on_hand - reserved AS available
FROM stock_items WHERE on_hand - reserved < 5
"""


def ensure_schema(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text(LOW_STOCK_VIEW))


def release_stale_reservations(engine: Engine) -> int:
    with engine.begin() as conn:
        result = conn.execute(text("UPDATE stock_items SET reserved = 0 WHERE reserved > on_hand"))
        return result.rowcount


def main() -> int:
    engine = make_sync_engine()
    ensure_schema(engine)
    released = release_stale_reservations(engine)
    print(f"released {released} stale reservations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
