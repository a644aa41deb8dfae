"""Human-facing formatting for PDFs and e-mails (locale: en-GB)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def display_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def iso_date(value: date) -> str:
    return value.isoformat()


def money(amount: Decimal, currency: str) -> str:
    return f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,} {currency}"
