"""Parsing a supplier's CSV feed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class FeedRow:
    sku: str
    name: str
    price: Decimal


def read_feed(path: Path) -> Iterator[FeedRow]:
    with path.open(newline="", encoding="utf-8") as fh:
        for record in csv.DictReader(fh):
            yield FeedRow(record["sku"].strip().upper(), record["name"].strip(), Decimal(record["price"]))


def write_demo_feed(path: Path, rows: int = 250) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sku", "name", "price"])
        for i in range(rows):
            writer.writerow([f"ac-{i:04d}", f"Widget {i}", f"{3 + i % 17}.{i % 100:02d}"])
    return path
