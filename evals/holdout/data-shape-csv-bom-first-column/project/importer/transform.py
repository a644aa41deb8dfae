"""Rows from an export -> StockLevel records, and totals per SKU."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from importer.model import StockLevel


def to_stock_level(row: dict[str, str]) -> StockLevel:
    return StockLevel(
        sku=row["sku"].upper(),
        warehouse=row["warehouse"].upper(),
        on_hand=int(row["on_hand"] or 0),
        reserved=int(row["reserved"] or 0),
    )


def available_by_sku(levels: Iterable[StockLevel]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for level in levels:
        totals[level.sku] += level.available
    return dict(totals)
