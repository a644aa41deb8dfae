from __future__ import annotations

import logging

from webhooks import handlers  # noqa: F401  (registers the handlers)
from webhooks.envelope import parse, payload
from webhooks.registry import HANDLERS

log = logging.getLogger(__name__)


def dispatch(raw: bytes) -> str:
    event = parse(raw)
    handler = HANDLERS.get(event["type"])
    if handler is None:
        log.info("ignoring %s", event["type"])
        return "ignored"
    return handler(payload(event))
