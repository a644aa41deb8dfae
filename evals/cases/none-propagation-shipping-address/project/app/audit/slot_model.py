"""Slot records of the audit area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Slot:
    id: int
    score: float = 0.0
    notes: str | None = None
    tags: list[str] = field(default_factory=list)
    region: str = "eu"
    owner_id: int | None = None
    name: str = ""

    def label(self) -> str:
        return f"slot-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Slot:
    """Build a Slot from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Slot.__dataclass_fields__}
    return Slot(**known)
