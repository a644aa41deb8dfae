from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analytics.aggregate import group_counts, share


def summarize(rows: Iterable[dict[str, Any]], by: str) -> str:
    lines = [f"{by:<14} {'signups':>8} {'share':>7}"]
    for value, n, fraction in share(group_counts(rows, by)):
        lines.append(f"{value:<14} {n:>8} {fraction:>7.1%}")
    return "\n".join(lines)
