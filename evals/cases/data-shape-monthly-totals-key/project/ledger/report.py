"""Month-over-month revenue table for the finance review."""

from __future__ import annotations

from decimal import Decimal


def month_range(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def revenue_table(
    totals: dict[str, Decimal], currencies: list[str], months: list[str]
) -> list[list[str]]:
    rows = [["currency", *months]]
    for currency in currencies:
        cells = [totals[f"{currency}:{month}"] for month in months]
        rows.append([currency, *(f"{cell:,.2f}" for cell in cells)])
    return rows
