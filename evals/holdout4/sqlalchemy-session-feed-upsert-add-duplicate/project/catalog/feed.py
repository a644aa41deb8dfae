import csv
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path


class FeedError(ValueError):
    pass


@dataclass(frozen=True)
class FeedRow:
    sku: str
    name: str
    supplier: str
    cost: Decimal
    stock: int


def read_feed(path: Path) -> Iterator[FeedRow]:
    with path.open(newline="", encoding="utf-8") as fh:
        for lineno, raw in enumerate(csv.DictReader(fh), start=2):
            try:
                yield FeedRow(
                    sku=raw["sku"].strip().upper(),
                    name=raw["name"].strip(),
                    supplier=raw["supplier"].strip(),
                    cost=Decimal(raw["cost"]),
                    stock=int(raw["stock"] or 0),
                )
            except (KeyError, InvalidOperation, ValueError) as exc:
                raise FeedError(f"{path.name}:{lineno}: bad row: {exc}") from exc
