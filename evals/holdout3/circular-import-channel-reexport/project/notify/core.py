from __future__ import annotations

from notify.channels import CHANNELS
from notify.templates import render_template

__all__ = ["render_template", "send"]


def send(channel: str, to: str, key: str, context: dict[str, str]) -> str:
    try:
        handler = CHANNELS[channel]
    except KeyError:
        raise ValueError(f"unknown channel {channel!r}; one of {sorted(CHANNELS)}") from None
    return handler.deliver(to, key, context)
