"""In-process domain events: handlers subscribe by name and receive the event payload."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], None]
_handlers: dict[str, list[Handler]] = defaultdict(list)
log = logging.getLogger(__name__)


def subscribe(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _handlers[name].append(fn)
        return fn

    return register


def emit(name: str, payload: Any) -> int:
    """Call every handler of name with payload, in subscription order."""
    for handler in _handlers[name]:
        log.debug("%s -> %s", name, handler.__qualname__)
        handler(payload)
    return len(_handlers[name])
