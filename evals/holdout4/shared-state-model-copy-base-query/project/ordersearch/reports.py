from __future__ import annotations

from dataclasses import dataclass

from ordersearch.engine import SearchEngine
from ordersearch.query import build_order_query


@dataclass(frozen=True)
class StatusLine:
    status: str
    count: int
    total_cents: int

    def render(self) -> str:
        return f"{self.status:<10} {self.count:>4} {self.total_cents / 100:>10.2f}"


def status_summary(engine: SearchEngine, statuses: list[str]) -> list[StatusLine]:
    lines = []
    for status in statuses:
        hits = engine.search(build_order_query(status=status, page_size=500))
        lines.append(StatusLine(status, len(hits), sum(h["total_cents"] for h in hits)))
    return lines


def customer_orders(engine: SearchEngine, customer: str) -> list[int]:
    return [hit["id"] for hit in engine.search(build_order_query(customer=customer))]
