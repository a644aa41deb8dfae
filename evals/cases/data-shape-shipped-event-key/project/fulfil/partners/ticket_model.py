"""Ticket records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Ticket:
    id: int
    priority: int = 1
    score: float = 0.0
    quantity: int = 0
    active: bool = True
    owner_id: int | None = None

    def label(self) -> str:
        return f"ticket-{self.id}:{self.priority}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Ticket:
    """Build a Ticket from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Ticket.__dataclass_fields__}
    return Ticket(**known)
