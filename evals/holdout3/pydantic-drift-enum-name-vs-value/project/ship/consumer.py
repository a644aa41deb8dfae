"""The notifications service side: validate shipment events and queue customer emails."""

from __future__ import annotations

from pydantic import ValidationError

from ship.schemas import ShipmentEvent

outbox: list[str] = []


class BadMessage(Exception):
    """A message on the shipments topic that does not match the event schema."""


def handle(raw: bytes) -> None:
    try:
        event = ShipmentEvent.model_validate_json(raw)
    except ValidationError as exc:
        raise BadMessage(f"rejected shipment message {raw[:40]!r}") from exc
    if event.status.is_final:
        outbox.append(f"order {event.order_id}: {event.status.value}")
