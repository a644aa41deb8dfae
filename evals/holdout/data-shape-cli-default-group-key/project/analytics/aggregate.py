from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def group_counts(rows: Iterable[dict[str, Any]], key: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for row in rows:
        counts[row[key]] += 1
    return counts


def share(counts: Counter[str]) -> list[tuple[str, int, float]]:
    total = sum(counts.values()) or 1
    return [(k, n, n / total) for k, n in counts.most_common()]
