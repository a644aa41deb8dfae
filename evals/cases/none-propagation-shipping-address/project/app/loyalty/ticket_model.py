"""Ticket records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Ticket:
    id: int
    code: str = ""
    name: str = ""
    owner_id: int | None = None
    region: str = "eu"

    def label(self) -> str:
        return f"ticket-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Ticket:
    """Build a Ticket from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Ticket.__dataclass_fields__}
    return Ticket(**known)
