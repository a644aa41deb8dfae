"""Event-type → handler registry, filled by the @handles decorator at import."""

from __future__ import annotations

from collections.abc import Callable

Handler = Callable[[dict], str]
HANDLERS: dict[str, Handler] = {}


def handles(event_type: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        if event_type in HANDLERS:
            raise RuntimeError(f"two handlers for {event_type}")
        HANDLERS[event_type] = fn
        return fn

    return register
