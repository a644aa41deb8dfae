"""A tiny in-process stand-in for the message broker: JSON on the wire, FIFO per topic."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterator
from typing import Any

_topics: dict[str, deque[str]] = defaultdict(deque)


def publish(topic: str, payload: dict[str, Any]) -> None:
    # The broker only carries text; anything json cannot encode goes as its str().
    _topics[topic].append(json.dumps(payload, default=str, sort_keys=True))


def consume(topic: str) -> Iterator[dict[str, Any]]:
    queue = _topics[topic]
    while queue:
        yield json.loads(queue.popleft())
