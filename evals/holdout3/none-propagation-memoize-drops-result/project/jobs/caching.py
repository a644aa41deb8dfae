"""A tiny in-process TTL cache for slow lookups (FX rates, tax tables)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_store: dict[tuple, tuple[float, Any]] = {}


def _key(fn: Callable[..., Any], args: tuple, kwargs: dict) -> tuple:
    return (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))


def memoize(ttl: float) -> Callable[[F], F]:
    """Cache a function's result per arguments for ttl seconds."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = _key(fn, args, kwargs)
            now = time.monotonic()
            hit = _store.get(key)
            if hit is not None and now - hit[0] < ttl:
                return hit[1]
            value = fn(*args, **kwargs)
            _store[key] = (now, value)

        return wrapper  # type: ignore[return-value]

    return decorate


def clear() -> None:
    _store.clear()
