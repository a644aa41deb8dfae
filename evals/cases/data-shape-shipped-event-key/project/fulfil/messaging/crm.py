"""Keep the CRM's last-activity timeline in sync with fulfilment."""

from __future__ import annotations

TIMELINE: dict[int, list[str]] = {}


def on_order_shipped(event: dict) -> None:
    TIMELINE.setdefault(event["customer_id"], []).append(f"shipped {event['order_reference']}")
