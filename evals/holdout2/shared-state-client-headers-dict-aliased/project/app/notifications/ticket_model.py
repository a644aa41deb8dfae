"""Ticket records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Ticket:
    id: int
    active: bool = True
    score: float = 0.0
    name: str = ""

    def label(self) -> str:
        return f"ticket-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Ticket:
    """Build a Ticket from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Ticket.__dataclass_fields__}
    return Ticket(**known)
