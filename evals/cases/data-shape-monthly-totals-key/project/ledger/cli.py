"""`python -m ledger.cli data/entries.csv 2024-03 2024-05`: print the revenue table."""

from __future__ import annotations

import sys
from pathlib import Path

from ledger.aggregate import currencies, monthly_totals
from ledger.entries import load_entries
from ledger.report import month_range, revenue_table


def main(path: str, first: str, last: str) -> None:
    entries = load_entries(Path(path))
    table = revenue_table(monthly_totals(entries), currencies(entries), month_range(first, last))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths)))


if __name__ == "__main__":
    main(*sys.argv[1:4])
