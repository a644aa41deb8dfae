"""In-memory ticket repository used by the notifications jobs."""

from __future__ import annotations

from app.notifications.ticket_model import Ticket, from_row


class TicketRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Ticket] = {}

    def add(self, row: dict) -> Ticket:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Ticket | None:
        return self._rows.get(item_id)

    def all(self) -> list[Ticket]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
