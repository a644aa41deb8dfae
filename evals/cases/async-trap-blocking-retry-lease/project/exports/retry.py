"""Retry with exponential backoff for calls to flaky services."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from exports.storage import SlowDown

T = TypeVar("T")
log = logging.getLogger(__name__)


async def with_retry(
    call: Callable[[], Awaitable[T]], attempts: int = 4, base_delay: float = 0.2
) -> T:
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except SlowDown as exc:
            if attempt == attempts:
                raise
            delay = base_delay * 2 ** (attempt - 1)
            log.warning("attempt %d failed (%s); retrying in %.1fs", attempt, exc, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")
