"""Accept a webhook delivery: size check, signature check, dispatch."""

from __future__ import annotations

import json
from collections.abc import Mapping

from hooks import signing
from hooks.config import Settings
from hooks.handlers import HANDLERS


class PayloadTooLarge(ValueError):
    pass


class WebhookReceiver:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def handle(self, headers: Mapping[str, str], body: bytes) -> str:
        if len(body) > self.settings.max_body_bytes:
            raise PayloadTooLarge(f"{len(body)} bytes")
        if self.settings.verify_signatures:
            signing.verify(
                self.settings.signing_secret,
                body,
                headers.get(self.settings.signature_header),
            )
        event = json.loads(body)
        handler = HANDLERS.get(event["type"])
        if handler is None:
            return f"ignored {event['type']}"
        return handler(event)
