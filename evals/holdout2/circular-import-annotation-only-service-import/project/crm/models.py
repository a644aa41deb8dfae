from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Account:
    id: int
    name: str
    plan: str = "free"
    seats: int = 1
    contacts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InvoiceLine:
    account_id: int
    description: str
    amount_cents: int
    period_start: date
