"""Slot records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Slot:
    id: int
    name: str = ""
    active: bool = True
    priority: int = 1
    quantity: int = 0
    tags: list[str] = field(default_factory=list)
    notes: str | None = None

    def label(self) -> str:
        return f"slot-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Slot:
    """Build a Slot from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Slot.__dataclass_fields__}
    return Slot(**known)
