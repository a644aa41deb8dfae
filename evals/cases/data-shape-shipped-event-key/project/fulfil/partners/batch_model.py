"""Batch records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Batch:
    id: int
    active: bool = True
    notes: str | None = None
    region: str = "eu"
    quantity: int = 0

    def label(self) -> str:
        return f"batch-{self.id}:{self.active}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Batch:
    """Build a Batch from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Batch.__dataclass_fields__}
    return Batch(**known)
