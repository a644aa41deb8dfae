from __future__ import annotations

import csv
from pathlib import Path

from pricelist.models import SupplierItem

DEFAULT_CURRENCY = "EUR"
REQUIRED_COLUMNS = ("sku", "name", "category", "unit_cost", "pack_size")


class FeedError(ValueError):
    pass


def _parse_row(row: dict[str, str], line_no: int) -> SupplierItem:
    missing = [col for col in REQUIRED_COLUMNS if not (row.get(col) or "").strip()]
    if missing:
        raise FeedError(f"line {line_no}: missing {', '.join(missing)}")
    try:
        pack_size = int(row["pack_size"])
    except ValueError:
        raise FeedError(f"line {line_no}: pack_size {row['pack_size']!r} is not a number") from None
    return SupplierItem(
        sku=row["sku"].strip().upper(),
        name=row["name"].strip(),
        category=row["category"].strip().lower(),
        unit_cost=row["unit_cost"].strip(),
        pack_size=pack_size,
        currency=(row.get("currency") or DEFAULT_CURRENCY).strip().upper(),
    )


def read_supplier_feed(path: Path) -> list[SupplierItem]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        unknown = set(reader.fieldnames or ()) - {*REQUIRED_COLUMNS, "currency", "status"}
        if unknown:
            raise FeedError(f"{path.name}: unexpected columns {sorted(unknown)}")
        return [
            _parse_row(row, line_no)
            for line_no, row in enumerate(reader, start=2)
            if (row.get("status") or "active").strip().lower() != "discontinued"
        ]
