"""The provider's event envelope."""

from __future__ import annotations

import json

SUPPORTED_API_VERSIONS = ("2023-10-16", "2024-04-10")


class BadEnvelope(ValueError):
    pass


def parse(raw: bytes) -> dict:
    event = json.loads(raw)
    if event.get("object") != "event" or "type" not in event:
        raise BadEnvelope("not an event")
    version = event.get("api_version")
    if version is not None and version not in SUPPORTED_API_VERSIONS:
        raise BadEnvelope(f"unsupported api_version {version}")
    return event


def payload(event: dict) -> dict:
    """The resource the event is about."""
    return event["data"]


def changed_fields(event: dict) -> set[str]:
    return set(event["data"].get("previous_attributes", {}))
