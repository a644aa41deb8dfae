"""Where daily stats go: a registry of sinks keyed by name."""

from __future__ import annotations

import json
from collections.abc import Callable

SINKS: dict[str, Callable[[dict], None]] = {}
sent: list[str] = []


def sink(name: str):
    def register(fn: Callable[[dict], None]) -> Callable[[dict], None]:
        SINKS[name] = fn
        return fn

    return register


@sink("webhook")
def post_to_webhook(stats: dict) -> None:
    body = json.dumps({"type": "daily_stats", "data": stats}, sort_keys=True)
    sent.append(body)


@sink("console")
def print_summary(stats: dict) -> None:
    print(f"{stats['day']}: signups={stats['signups']} revenue={stats['revenue_cents']}")


def dispatch(stats: dict, names: list[str]) -> None:
    for name in names:
        SINKS[name](stats)
