from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    account: str
    booked_on: date
    amount: Decimal
    currency: str


def load_entries(path: Path) -> list[Entry]:
    with path.open(newline="") as fh:
        return [
            Entry(
                account=row["account"],
                booked_on=date.fromisoformat(row["booked_on"]),
                amount=Decimal(row["amount"]),
                currency=row["currency"],
            )
            for row in csv.DictReader(fh)
        ]
