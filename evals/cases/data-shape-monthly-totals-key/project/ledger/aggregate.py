"""Roll ledger entries up into per-currency monthly totals."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ledger.entries import Entry


def month_of(entry: Entry) -> str:
    return entry.booked_on.strftime("%Y-%m")


def monthly_totals(entries: list[Entry]) -> dict[tuple[str, str], Decimal]:
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for entry in entries:
        totals[(entry.currency, month_of(entry))] += entry.amount
    return dict(totals)


def currencies(entries: list[Entry]) -> list[str]:
    return sorted({e.currency for e in entries})
