from __future__ import annotations

import argparse
import sys
from pathlib import Path

from restock.catalog import load_products, product_index
from restock.planner import plan_restock
from restock.stock import load_stock_levels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="restock", description="Plan purchase orders.")
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)

    products = product_index(load_products(args.data_dir / "products.csv"))
    levels = load_stock_levels(args.data_dir / "stock.csv")
    plan = plan_restock(levels, products)
    for line in plan:
        print(f"{line.supplier:<12} {line.sku:<10} {line.quantity:>6}")
    print(f"{len(plan)} order lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
