"""A tiny in-process message bus with the same JSON round-trip as the real broker."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable

Handler = Callable[[dict], None]

_subscribers: dict[str, list[Handler]] = defaultdict(list)
_queue: deque[tuple[str, str]] = deque()


def subscribe(topic: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _subscribers[topic].append(handler)
        return handler

    return register


def publish(topic: str, body: dict) -> None:
    _queue.append((topic, json.dumps({"topic": topic, "body": body})))


def drain() -> int:
    delivered = 0
    while _queue:
        topic, raw = _queue.popleft()
        message = json.loads(raw)
        for handler in _subscribers[topic]:
            handler(message)
            delivered += 1
    return delivered
