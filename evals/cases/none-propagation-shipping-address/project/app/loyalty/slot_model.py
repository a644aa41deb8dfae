"""Slot records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Slot:
    id: int
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    active: bool = True
    notes: str | None = None
    score: float = 0.0
    owner_id: int | None = None

    def label(self) -> str:
        return f"slot-{self.id}:{self.tags}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Slot:
    """Build a Slot from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Slot.__dataclass_fields__}
    return Slot(**known)
