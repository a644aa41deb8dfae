"""Retry and timing helpers shared by every outbound client."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class RetryError(RuntimeError):
    """Raised when every attempt of a retried call failed."""


def retry(
    times: int = 3,
    on: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError),
    backoff: float = 0.0,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Retry the wrapped call on transient errors, sleeping backoff * attempt between tries."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            last_exc: BaseException | None = None
            for attempt in range(1, times + 1):
                try:
                    result = func(*args, **kwargs)
                    break
                except on as exc:
                    last_exc = exc
                    log.warning("%s failed (attempt %d/%d): %s", func.__name__, attempt, times, exc)
                    time.sleep(backoff * attempt)
            else:
                raise RetryError(f"{func.__name__} failed after {times} attempts") from last_exc

        return wrapper

    return decorate


def timed(func: Callable[..., Any]) -> Callable[..., Any]:
    """Log how long the wrapped call took."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            log.debug("%s took %.1f ms", func.__name__, (time.perf_counter() - start) * 1000)

    return wrapper
