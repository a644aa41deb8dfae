"""What each job kind does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

Handler = Callable[[dict[str, Any]], Awaitable[str]]
HANDLERS: dict[str, Handler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[kind] = func
        return func

    return register


@handles("email.welcome")
async def send_welcome(payload: dict[str, Any]) -> str:
    return f"welcome mail queued for {payload['to']}"


@handles("thumbnail")
async def make_thumbnail(payload: dict[str, Any]) -> str:
    w, h = payload.get("size", (128, 128))
    return f"thumbnail {w}x{h} for {payload['image']}"
