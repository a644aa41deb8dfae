"""Retrying flaky provider calls."""

from __future__ import annotations

import functools
import logging
import time

log = logging.getLogger(__name__)


class TransientError(Exception):
    """A provider error worth retrying (timeouts, 429, 5xx)."""


def retry(times: int = 3, backoff: float = 0.0, exceptions: tuple[type[BaseException], ...] = (TransientError,)):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args)
                except exceptions as exc:
                    if attempt == times:
                        raise
                    log.warning("%s failed (%s), attempt %d/%d", fn.__name__, exc, attempt, times)
                    time.sleep(backoff * attempt)
            raise AssertionError("unreachable")

        return wrapper

    return decorate
