from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path


def load_stock_levels(path: Path) -> Counter[str]:
    """On-hand quantity per SKU, summed over warehouse bins."""
    levels: Counter[str] = Counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            levels[row["sku"].strip()] += int(row["on_hand"])
    return levels
