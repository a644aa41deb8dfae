from __future__ import annotations

import csv
import sys
from pathlib import Path

from pricelist.importer import read_supplier_feed
from pricelist.models import PriceRow
from pricelist.pricing import price_row


def build_price_list(feed: Path) -> list[PriceRow]:
    items = read_supplier_feed(feed)
    rows = [price_row(item) for item in items]
    rows.sort(key=lambda row: row.sku)
    return rows


def write_price_list(rows: list[PriceRow], out=sys.stdout) -> None:
    writer = csv.writer(out)
    writer.writerow(["sku", "name", "landed_cost", "retail_price", "margin"])
    for row in rows:
        writer.writerow([row.sku, row.name, row.landed_cost, row.retail_price, f"{row.margin:.1%}"])


def main(argv: list[str]) -> int:
    feed = Path(argv[0]) if argv else Path("feeds/hartmann_tools.csv")
    rows = build_price_list(feed)
    write_price_list(rows)
    print(f"{len(rows)} items priced from {feed.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
