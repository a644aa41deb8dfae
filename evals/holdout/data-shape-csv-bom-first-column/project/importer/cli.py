"""python -m importer.cli EXPORT...: print what the shop can sell per SKU."""

from __future__ import annotations

import sys
from pathlib import Path

from importer.readers import read_rows
from importer.transform import available_by_sku, to_stock_level


def load(paths: list[Path]) -> dict[str, int]:
    levels = []
    for path in paths:
        for row in read_rows(path):
            levels.append(to_stock_level(row))
    return available_by_sku(levels)


def main(argv: list[str]) -> int:
    totals = load([Path(p) for p in argv])
    for sku, qty in sorted(totals.items()):
        print(f"{sku:<10} {qty:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
