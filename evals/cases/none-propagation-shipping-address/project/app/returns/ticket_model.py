"""Ticket records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Ticket:
    id: int
    priority: int = 1
    region: str = "eu"
    owner_id: int | None = None
    tags: list[str] = field(default_factory=list)
    active: bool = True
    name: str = ""

    def label(self) -> str:
        return f"ticket-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Ticket:
    """Build a Ticket from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Ticket.__dataclass_fields__}
    return Ticket(**known)
