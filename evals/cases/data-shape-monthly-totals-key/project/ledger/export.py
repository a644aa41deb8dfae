"""CSV export of monthly totals for the accounting system's import."""

from __future__ import annotations

import csv
import io
from decimal import Decimal


def totals_csv(totals: dict[str, Decimal]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["currency", "month", "amount"])
    for key in sorted(totals):
        currency, month = key.split(":")
        writer.writerow([currency, month, f"{totals[key]:.2f}"])
    return buf.getvalue()
