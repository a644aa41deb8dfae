"""Supplier records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Supplier:
    id: int
    active: bool = True
    score: float = 0.0
    region: str = "eu"
    quantity: int = 0
    priority: int = 1
    notes: str | None = None

    def label(self) -> str:
        return f"supplier-{self.id}:{self.active}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Supplier:
    """Build a Supplier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Supplier.__dataclass_fields__}
    return Supplier(**known)
