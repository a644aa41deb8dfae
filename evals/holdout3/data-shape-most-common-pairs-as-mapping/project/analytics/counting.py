from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def pageviews(events: Iterable[dict]) -> list[dict]:
    return [e for e in events if e.get("type") == "pageview" and not e.get("bot")]


def unique_visitors(views: Iterable[dict]) -> int:
    return len({v["visitor"] for v in views})


def top_pages(views: Iterable[dict], n: int = 5) -> dict[str, int]:
    counts = Counter(v["path"].rstrip("/") or "/" for v in views)
    return counts.most_common(n)
