from __future__ import annotations

from collections import deque
from collections.abc import Callable

_queue: deque[bytes] = deque()


def publish(message: bytes) -> None:
    _queue.append(message)


def drain(handler: Callable[[bytes], None]) -> int:
    handled = 0
    while _queue:
        handler(_queue.popleft())
        handled += 1
    return handled
