from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Invoice:
    number: str
    customer: str
    issued_on: date
    amount: int  # cents
    currency: str
    status: str


def load_invoices(path: Path) -> list[Invoice]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Invoice(
            number=item["number"],
            customer=item["customer"],
            issued_on=date.fromisoformat(item["issued_on"]),
            amount=int(item["amount"]),
            currency=item.get("currency", "EUR"),
            status=item.get("status", "open"),
        )
        for item in raw
    ]
