"""In-process event bus; the production transport is SQS with the same JSON bodies."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable

Consumer = Callable[[dict], None]


class Bus:
    def __init__(self) -> None:
        self._queue: deque[str] = deque()
        self._consumers: dict[str, list[Consumer]] = {}

    def subscribe(self, event_type: str, consumer: Consumer) -> None:
        self._consumers.setdefault(event_type, []).append(consumer)

    def publish(self, event: dict) -> None:
        self._queue.append(json.dumps(event))

    def drain(self) -> int:
        handled = 0
        while self._queue:
            event = json.loads(self._queue.popleft())
            for consumer in self._consumers.get(event["type"], []):
                consumer(event)
                handled += 1
        return handled
