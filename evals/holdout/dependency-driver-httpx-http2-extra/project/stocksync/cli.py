"""Nightly stock sync: python -m stocksync.cli [--dry-run]"""

from __future__ import annotations

import argparse
import os
import sys

from stocksync.clients import WarehouseClient
from stocksync.reconcile import corrections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stocksync")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--site", default=os.environ.get("WAREHOUSE_SITE", "lon-1"))
    args = parser.parse_args(argv)

    base_url = os.environ.get("WAREHOUSE_URL", "https://api.3pl.example.com/v1")
    token = os.environ.get("WAREHOUSE_TOKEN", "dev-token")
    shop_levels = {"MUG-001": 14, "TEE-014": 3}
    with WarehouseClient(base_url, token, site=args.site) as client:
        todo = corrections(shop_levels, client.stock_levels())
    for c in todo:
        print(f"{'would set' if args.dry_run else 'set'} {c.sku}: {c.shop_qty} -> {c.warehouse_qty}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
